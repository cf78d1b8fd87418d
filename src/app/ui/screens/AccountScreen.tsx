import { Link } from 'react-router';
import { useCurrentUser } from '../../session/use-current-user';
import { useWaitingCount } from '../../data/outbox-hooks';
import { YourDetails } from './account/YourDetails';
import { PartnershipAdministration } from './account/PartnershipAdministration';
import { ThisPhone } from './account/ThisPhone';
import { SignOut } from './account/SignOut';
import { RecordsThatCannotSync } from './account/RecordsThatCannotSync';
import { AboutThisBuild } from './account/AboutThisBuild';
import { useSaveUnsynced } from './account/use-save-unsynced';

/** The signed-in user and this phone: who they are, what the phone holds, signing out, and the build. */
export function AccountScreen() {
  const user = useCurrentUser();
  const waiting = useWaitingCount() ?? 0;
  const { saveUnsynced, savedMessage } = useSaveUnsynced();
  return (
    <div className="page">
      <h1>Account</h1>
      <YourDetails user={user} />
      <PartnershipAdministration user={user} />
      <ThisPhone />
      <SignOut waiting={waiting} onSaveUnsynced={() => void saveUnsynced()} />
      {waiting > 0 && <RecordsThatCannotSync onSaveUnsynced={() => void saveUnsynced()} />}
      {savedMessage && (
        <p className="muted" role="status">
          {savedMessage}
        </p>
      )}
      <p>
        <Link to="/accessibility">Accessibility statement</Link> · <Link to="/privacy">Privacy notice</Link>
      </p>
      <AboutThisBuild />
    </div>
  );
}
