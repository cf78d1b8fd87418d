import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * What a coordinator's screen says when what its address names is not on this device: merged or
 * removed since, another partnership's, or a link from a release that no longer has it.
 */
export function NotOnDevice({ title, why, back }: { title: string; why?: ReactNode; back: { to: string; label: string } }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>
        {why ?? 'It is not on this device.'} <Link to={back.to}>{back.label}</Link>.
      </p>
    </div>
  );
}
