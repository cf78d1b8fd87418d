import { randomUUID } from 'node:crypto';
import type { Measure } from '../../domain/plan';
import type { MeasureEditRequest, NewMeasureRequest } from '../../domain/plan-admin/requests';
import type { AuthContext } from '../auth/authenticate';
import { requireCoordinator } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import { nextPosition } from './edit-actions';
import { actionToChange } from './plan-access';

/*
 * A coordinator's changes to an action's measures: the wording, and the tally rule that says
 * which outcomes count and how (with the target). Outcomes are logged against the action, not a
 * measure, so changing or removing a measure never loses one: it changes what is counted.
 */

export async function addMeasure(tx: StorageTx, auth: AuthContext, actionId: string, req: NewMeasureRequest, now: Date): Promise<Measure> {
  const { partnershipId, ...action } = await actionToChange(tx, auth, actionId);
  const measure: Measure = {
    id: randomUUID(),
    actionId: action.id,
    planId: action.planId,
    position: nextPosition(await tx.plans.listMeasuresOfAction(action.id)),
    ...req,
  };
  await tx.plans.write(partnershipId, { measures: { add: [measure], update: [] } });
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: 'measure.added', entityType: 'measure', entityId: measure.id, details: { actionRef: action.ref } },
    now,
  );
  return measure;
}

export async function editMeasure(tx: StorageTx, auth: AuthContext, measureId: string, req: MeasureEditRequest, now: Date): Promise<Measure> {
  const { partnershipId, ...before } = await measureToChange(tx, auth, measureId);
  const after: Measure = { ...before, ...req };
  await tx.plans.write(partnershipId, { measures: { add: [], update: [after] } });
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: 'measure.changed', entityType: 'measure', entityId: measureId, details: { fields: Object.keys(req) } },
    now,
  );
  return after;
}

export async function removeMeasure(tx: StorageTx, auth: AuthContext, measureId: string, now: Date): Promise<void> {
  const { partnershipId, ...measure } = await measureToChange(tx, auth, measureId);
  await tx.plans.remove({
    id: measure.id,
    partnershipId,
    planId: measure.planId,
    table: 'measures',
    mergedInto: null,
    removedBy: auth.user.id,
    removedAt: now.toISOString(),
  });
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: 'measure.removed', entityType: 'measure', entityId: measureId, details: { actionId: measure.actionId } },
    now,
  );
}

async function measureToChange(tx: StorageTx, auth: AuthContext, measureId: string) {
  const measure = await tx.plans.findMeasure(measureId);
  if (!measure || !auth.memberships.some((m) => m.partnershipId === measure.partnershipId)) throw new HttpError(404, 'not-found', 'No such measure.');
  requireCoordinator(auth, measure.partnershipId);
  return measure;
}
