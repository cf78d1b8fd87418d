// Its lists' styles live with the coordinator screens' (one stylesheet for the screens an officer never opens).
import '../coordinator/coordinator.css';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { administersPartnership } from '../../../domain/partnership-access';
import type { PartnershipList } from '../../../domain/partnership-lists';
import { useListChanges, usePartnershipLists } from '../../data/partnership-settings-hooks';
import { useCurrentUser } from '../../session/use-current-user';
import { useSyncStatus } from '../../sync/sync-hooks';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { formErrorsFrom } from '../form-errors';
import { ListSection, OFFLINE, type ListAction } from './ListSection';
import { ReportDetailsSummary } from './ReportDetailsSummary';
import { useAdministeredPartnerships } from '../../data/partnership-details-hooks';

const SECTIONS: { list: PartnershipList; title: string; hint: string }[] = [
  {
    list: 'areas',
    title: 'Areas',
    hint: 'The places officers choose when they log an outcome: towns, wards, parishes or estates. A renamed area keeps its outcomes; a retired one leaves the form but stays on the outcomes and reports that used it.',
  },
  {
    list: 'organisations',
    title: 'Partner organisations',
    hint: 'The police, councils, fire and rescue, probation, housing providers and others that lead actions and that members belong to.',
  },
];

/**
 * A partnership's settings, for its administrators: its areas and its partner organisations,
 * added, renamed, retired and brought back. Changes go to the server (online only) and this
 * device syncs straight after, so its lists and pickers show them; officers' phones get them at
 * their next sync. `?partnership=` chooses among several the user administers.
 */
export default function PartnershipSettingsScreen() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const administered = user.memberships.filter((m) => administersPartnership(user, m.partnershipId));
  const chosen = administered.find((m) => m.partnershipId === params.get('partnership')) ?? administered[0];
  if (!chosen) return <NotFoundScreen />;
  return (
    <Settings
      key={chosen.partnershipId}
      partnershipId={chosen.partnershipId}
      partnershipName={chosen.partnershipName}
      others={administered.filter((m) => m !== chosen)}
    />
  );
}

function Settings({
  partnershipId,
  partnershipName,
  others,
}: {
  partnershipId: string;
  partnershipName: string;
  others: { partnershipId: string; partnershipName: string }[];
}) {
  const lists = usePartnershipLists(partnershipId);
  const partnership = useAdministeredPartnerships()?.find((p) => p.id === partnershipId);
  const changes = useListChanges(partnershipId);
  const { online } = useSyncStatus();
  // One error summary for the page: every section reports to it, linked to the field or button concerned.
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  if (!lists) return <Loading what="Loading the settings" />;

  /** Runs one change: said when done; refused, the reason goes to the summary and beside the field. */
  const act: ListAction = async (fieldId, change, doneMessage) => {
    setDone(null);
    if ('refused' in change) {
      setErrors([{ fieldId, message: change.refused }]);
      return false;
    }
    if (!online) {
      setErrors([{ fieldId, message: OFFLINE }]);
      return false;
    }
    try {
      await change(changes);
      setErrors([]);
      setDone(doneMessage);
      return true;
    } catch (e) {
      setErrors(errorsFrom(e, fieldId));
      return false;
    }
  };

  return (
    <div className="page">
      <p className="caption">{partnershipName}</p>
      <h1>Partnership settings</h1>
      {others.length > 0 && (
        <p>
          You also administer{' '}
          {others.map((o, i) => (
            <span key={o.partnershipId}>
              {i > 0 && ', '}
              <Link to={`/settings?partnership=${o.partnershipId}`}>{o.partnershipName}</Link>
            </span>
          ))}
          .
        </p>
      )}
      {!online && (
        <div className="banner banner--warning" role="status" data-testid="settings-offline">
          <p>{OFFLINE}. What is shown is this phone’s copy from its last sync.</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {done && (
        <div className="banner banner--success" role="status">
          <p>{done}</p>
        </div>
      )}
      {SECTIONS.map((s) => (
        <ListSection key={s.list} {...s} entries={lists[s.list]} errors={errors} act={act} />
      ))}
      {partnership && <ReportDetailsSummary partnership={partnership} />}
    </div>
  );
}

/** The server's refusal against the field it is about (a duplicate name beside the name); no connection said as such. */
function errorsFrom(e: unknown, fieldId: string): FormError[] {
  if (e instanceof Error && e.name === 'NetworkError') return [{ fieldId, message: OFFLINE }];
  return formErrorsFrom(e, () => fieldId, fieldId, 'The change could not be saved. Try again.');
}
