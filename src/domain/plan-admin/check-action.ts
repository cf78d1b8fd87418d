import type { Action, Priority } from '../plan';
import type { FieldProblem } from '../outcome';
import { sameText } from './import-diff';

/**
 * The rules for an action that need the rest of the plan: its priority is in the plan, its ref is
 * not another action's, its cross-references name actions that exist, and its owners belong to the
 * partnership. The coordinator's form shows these before sending; the server refuses the same.
 */
export function checkActionInPlan(
  action: Pick<Action, 'id' | 'priorityId' | 'ref' | 'seeAlsoRefs' | 'ownerIds'>,
  plan: { priorities: readonly Pick<Priority, 'id'>[]; actions: readonly Pick<Action, 'id' | 'ref'>[] },
  memberIds: ReadonlySet<string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!plan.priorities.some((p) => p.id === action.priorityId)) problems.push({ field: 'priorityId', message: 'Choose a priority of this plan' });
  const others = plan.actions.filter((a) => a.id !== action.id);
  if (action.ref !== null) {
    const clash = others.find((a) => a.ref !== null && sameText(a.ref, action.ref!));
    if (clash) problems.push({ field: 'ref', message: `Ref ${action.ref} is already another action’s: choose another number` });
  }
  const missing = action.seeAlsoRefs.filter((r) => !others.some((a) => a.ref !== null && sameText(a.ref, r)));
  if (missing.length > 0) problems.push({ field: 'seeAlsoRefs', message: `No action has ref ${missing.join(', ')}` });
  if (action.ownerIds.some((id) => !memberIds.has(id))) problems.push({ field: 'ownerIds', message: 'Owners must be members of the partnership' });
  return problems;
}
