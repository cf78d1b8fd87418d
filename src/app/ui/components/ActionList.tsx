import { Link } from 'react-router';
import type { Action } from '../../../domain/plan';
import { formatDate } from '../format-date';

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
