import { Link } from 'react-router';
import { ROLE_LABEL } from '../../../../domain/roles';
import type { SessionUser } from '../../../../domain/user';

/** Who is signed in: name, email, and the role held in each partnership. */
export function YourDetails({ user }: { user: SessionUser }) {
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        {user.memberships.map((m) => (
          <div key={m.partnershipId}>
            <dt>{ROLE_LABEL[m.role]}</dt>
            <dd>
              {m.partnershipName}
              <br />
              <span className="muted">{m.jobTitle}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/account/password">Change your password</Link>
      </p>
    </>
  );
}
