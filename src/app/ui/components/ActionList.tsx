import { memo } from 'react';
import { Link } from 'react-router';
import type { Action } from '../../../domain/plan';
import { formatDate } from '../format-date';

const actionPage = (a: Action) => `/actions/${a.id}`;

/** A list of actions as tappable cards: ref, what the action is, its priority and due date. */
export function ActionList({ items, linkTo = actionPage }: { items: { action: Action; priorityName?: string }[]; linkTo?: (a: Action) => string }) {
  return (
    <ul className="action-list">
      {items.map(({ action, priorityName }) => (
        <ActionCard key={action.id} action={action} priorityName={priorityName} linkTo={linkTo} />
      ))}
    </ul>
  );
}

/*
 * Memoised: the plan search redraws the list on every keystroke, and most cards it shows are the
 * ones it showed a letter ago (the same action objects from the search index), so only the cards
 * that came or went cost anything (the "plan search" benchmark).
 */
const ActionCard = memo(function ActionCard({ action, priorityName, linkTo }: { action: Action; priorityName?: string; linkTo: (a: Action) => string }) {
  return (
    <li>
      <Link className="action-card" to={linkTo(action)}>
        <span className="action-card__meta">
          {action.ref && <span className="tag">Ref {action.ref}</span>}
          {priorityName && <span className="action-card__priority">{priorityName}</span>}
          {action.dueOn && <span className="action-card__due">Due {formatDate(action.dueOn)}</span>}
        </span>
        <span className="action-card__text">{action.text}</span>
      </Link>
    </li>
  );
});
