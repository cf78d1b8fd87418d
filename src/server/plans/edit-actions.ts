import { randomUUID } from 'node:crypto';
import type { Action } from '../../domain/plan';
import type { ActionEditRequest, NewActionRequest } from '../../domain/plan-admin/requests';
import { checkActionInPlan } from '../../domain/plan-admin/check-action';
import { sameText } from '../../domain/plan-admin/import-diff';
import type { AuthContext } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import { actionToChange, planToChange } from './plan-access';

/*
 * A coordinator's changes to a plan's actions. Each runs inside the caller's transaction: the
 * change, the versions that make phones pull it, and its audit entry commit together.
 */

export async function addAction(tx: StorageTx, auth: AuthContext, planId: string, req: NewActionRequest, now: Date): Promise<Action> {
  const plan = await planToChange(tx, auth, planId);
  const records = await tx.plans.listRecords(plan.id);
  const action: Action = { id: randomUUID(), planId: plan.id, position: nextPosition(records.actions), ...req };
  await refuseProblems(tx, plan.partnershipId, action, records);
  await tx.plans.write(plan.partnershipId, { actions: { add: [action], update: [] } });
  await appendAudit(
    tx,
    {
      partnershipId: plan.partnershipId,
      actorId: auth.user.id,
      action: 'action.added',
      entityType: 'action',
      entityId: action.id,
      details: { ref: action.ref },
    },
    now,
  );
  return action;
}

/**
 * Changes the fields sent. A new ref is only a new number: outcomes are logged against the
 * action, not its ref, so they stay with it, and cross-references to the old number follow it.
 */
export async function editAction(tx: StorageTx, auth: AuthContext, actionId: string, req: ActionEditRequest, now: Date): Promise<Action> {
  const { partnershipId, ...before } = await actionToChange(tx, auth, actionId);
  const records = await tx.plans.listRecords(before.planId);
  const after: Action = { ...before, ...req };
  await refuseProblems(tx, partnershipId, after, records);
  const renumbered = before.ref !== null && after.ref !== before.ref ? { from: before.ref, to: after.ref } : null;
  const updates = [after, ...(renumbered ? followRef(records.actions, before.id, renumbered.from, renumbered.to) : [])];
  await tx.plans.write(partnershipId, { actions: { add: [], update: updates } });
  await appendAudit(
    tx,
    {
      partnershipId,
      actorId: auth.user.id,
      action: 'action.changed',
      entityType: 'action',
      entityId: actionId,
      details: { fields: Object.keys(req), ...(renumbered ? { renumbered } : {}) },
    },
    now,
  );
  return after;
}

/**
 * Merges one action into another of the same plan: its measures and every outcome logged against
 * it move to the other, its owners join the other's, cross-references follow, and it leaves the
 * plan with a removal that names where it went. A phone that was offline and pushes an outcome
 * for it later has that outcome moved too (src/server/sync/mutations/create-outcome.ts), and is
 * told on its next pull.
 */
export async function mergeAction(tx: StorageTx, auth: AuthContext, actionId: string, intoActionId: string, now: Date): Promise<void> {
  const { partnershipId, ...from } = await actionToChange(tx, auth, actionId);
  const into = await tx.plans.findAction(intoActionId);
  if (!into || into.planId !== from.planId)
    throw new HttpError(400, 'invalid-request', 'Merge into another action of the same plan.', {
      fieldErrors: [{ path: 'intoActionId', message: 'Choose an action of this plan' }],
    });
  if (into.id === from.id)
    throw new HttpError(400, 'invalid-request', 'An action cannot be merged into itself.', {
      fieldErrors: [{ path: 'intoActionId', message: 'Choose another action' }],
    });
  const { partnershipId: _p, ...target } = into;
  // The removal's version comes first, so a phone applies it before the moved outcomes and can
  // still tell the officer which of their outcomes were under the old action.
  const removalVersion = await tx.takeVersion();
  const records = await tx.plans.listRecords(from.planId);

  const intoMeasures = records.measures.filter((m) => m.actionId === target.id);
  const moved = records.measures.filter((m) => m.actionId === from.id).map((m, i) => ({ ...m, actionId: target.id, position: nextPosition(intoMeasures) + i }));
  const merged: Action = {
    ...target,
    ownerIds: [...new Set([...target.ownerIds, ...from.ownerIds])],
    leadAgencies: [...target.leadAgencies, ...from.leadAgencies.filter((l) => !target.leadAgencies.some((t) => sameText(t, l)))].slice(0, 20),
    seeAlsoRefs: target.seeAlsoRefs.filter((r) => from.ref === null || !sameText(r, from.ref)),
  };
  const others = from.ref === null ? [] : followRef(records.actions, from.id, from.ref, target.ref).filter((a) => a.id !== target.id);
  await tx.plans.write(partnershipId, { actions: { add: [], update: [merged, ...others] }, measures: { add: [], update: moved } });
  const movedOutcomes = await tx.plans.moveOutcomes(from.id, target.id);
  for (const { id: outcomeId, version } of movedOutcomes) {
    await tx.outcomes.appendHistory({
      id: randomUUID(),
      outcomeId,
      partnershipId,
      version,
      kind: 'update',
      field: 'actionId',
      from: from.id,
      to: target.id,
      conflict: false,
      actorId: auth.user.id,
      at: now.toISOString(),
    });
  }
  await tx.plans.remove(
    { id: from.id, partnershipId, planId: from.planId, table: 'actions', mergedInto: target.id, removedBy: auth.user.id, removedAt: now.toISOString() },
    removalVersion,
  );
  await appendAudit(
    tx,
    {
      partnershipId,
      actorId: auth.user.id,
      action: 'action.merged',
      entityType: 'action',
      entityId: from.id,
      details: { ref: from.ref, intoActionId: target.id, intoRef: target.ref, outcomesMoved: movedOutcomes.length, measuresMoved: moved.length },
    },
    now,
  );
}

/** Takes an action out of the plan. Only one nothing was logged against: otherwise merge it, so no outcome loses its action. */
export async function removeAction(tx: StorageTx, auth: AuthContext, actionId: string, now: Date): Promise<void> {
  const { partnershipId, ...action } = await actionToChange(tx, auth, actionId);
  const logged = await tx.plans.countOutcomesOfAction(action.id);
  if (logged > 0) {
    throw new HttpError(
      409,
      'conflict',
      `${logged} ${logged === 1 ? 'outcome is' : 'outcomes are'} logged against this action: merge it into another action instead, so they keep an action to count toward.`,
    );
  }
  const records = await tx.plans.listRecords(action.planId);
  const removal = { partnershipId, planId: action.planId, mergedInto: null, removedBy: auth.user.id, removedAt: now.toISOString() };
  for (const m of records.measures.filter((x) => x.actionId === action.id)) await tx.plans.remove({ ...removal, id: m.id, table: 'measures' });
  const referring = action.ref === null ? [] : followRef(records.actions, action.id, action.ref, null);
  if (referring.length > 0) await tx.plans.write(partnershipId, { actions: { add: [], update: referring } });
  await tx.plans.remove({ ...removal, id: action.id, table: 'actions' });
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: 'action.removed', entityType: 'action', entityId: action.id, details: { ref: action.ref } },
    now,
  );
}

/** Other actions whose "see also" names the old ref, pointing at the new one (or at nothing). */
function followRef(actions: readonly Action[], selfId: string, from: string, to: string | null): Action[] {
  return actions
    .filter((a) => a.id !== selfId && a.seeAlsoRefs.some((r) => sameText(r, from)))
    .map((a) => ({ ...a, seeAlsoRefs: [...new Set(a.seeAlsoRefs.flatMap((r) => (sameText(r, from) ? (to === null ? [] : [to]) : [r])))] }));
}

async function refuseProblems(
  tx: StorageTx,
  partnershipId: string,
  action: Action,
  records: Awaited<ReturnType<StorageTx['plans']['listRecords']>>,
): Promise<void> {
  const members = new Set((await tx.accounts.listMembers(partnershipId)).map((m) => m.id));
  const problems = checkActionInPlan(action, records, members);
  if (problems.length > 0) {
    throw new HttpError(400, 'invalid-request', problems.map((p) => p.message).join('. '), {
      fieldErrors: problems.map((p) => ({ path: p.field, message: p.message })),
    });
  }
}

export const nextPosition = (records: readonly { position: number }[]) => records.reduce((max, r) => Math.max(max, r.position + 1), 0);
