import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../session/session-hooks';

/**
 * The frame of a page anyone may read, signed in or not: its heading, and the way back (to the app
 * when signed in, to sign-in when not) and across to the other public page.
 */
export function PublicPageFrame({ title, children }: { title: string; children: ReactNode }) {
  const signedIn = useSession().status !== 'signed-out';
  return (
    <div className="page">
      <h1>{title}</h1>
      {children}
      <p>
        <Link to="/accessibility">Accessibility statement</Link> · <Link to="/privacy">Privacy notice</Link> ·{' '}
        {signedIn ? <Link to="/account">Back to your account</Link> : <Link to="/">Sign in</Link>}
      </p>
    </div>
  );
}
