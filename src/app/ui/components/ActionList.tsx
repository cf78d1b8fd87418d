import { Link } from 'react-router';
import type { Action } from '../../../domain/plan';

/** A list of actions as tappable cards: ref, what the action is, its priority and due date. */
export function ActionList({ items, linkTo = (a) => `/actions/${a.id}` }: { items: { action: Action; priorityName?: string }[]; linkTo?: (a: Action) => string }) {
  return (
    <ul className="action-list">
      {items.map(({ action, priorityName }) => (
        <li key={action.id}>
          <Link className="action-card" to={linkTo(action)}>
            <span className="action-card__meta">
              {action.ref && <span className="tag">Ref {action.ref}</span>}
              {priorityName && <span className="action-card__priority">{priorityName}</span>}
              {action.dueOn && <span className="action-card__due">Due {formatDate(action.dueOn)}</span>}
            </span>
            <span className="action-card__text">{action.text}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2019-03-31 → "31 Mar 2019" (dates are calendar days, so formatted in UTC to avoid shifting). */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
