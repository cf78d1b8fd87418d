import { randomUUID } from 'node:crypto';
import type { FundReturnRequest } from '../../domain/fund-return';
import type { AuthContext } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';
import { planToChange } from '../plans/plan-access';

/**
 * Saves a plan's PCC fund return whole. The coordinator's save names the version it started
 * from: if another coordinator saved in between, it is refused (409) rather than silently
 * overwriting their lines, and the screen says who and asks to reload. Returns the new version.
 */
export async function saveFundReturn(tx: StorageTx, auth: AuthContext, planId: string, req: FundReturnRequest, now: Date): Promise<number> {
  const plan = await planToChange(tx, auth, planId);
  const existing = await tx.fundReturns.find(plan.id);
  if ((existing?.version ?? null) !== req.baseVersion) {
    const who = existing ? (await tx.accounts.findUserById(existing.updatedBy))?.name : undefined;
    throw new HttpError(409, 'conflict', `${who ?? 'Someone'} saved this return since you opened it. Reload to see their changes, then make yours again.`);
  }
  const actionIds = new Set((await tx.plans.listRecords(plan.id)).actions.map((a) => a.id));
  const stray = req.lines.findIndex((l) => l.actionIds.some((id) => !actionIds.has(id)));
  if (stray >= 0)
    throw new HttpError(400, 'invalid-request', 'A line names an action that is not in this plan.', {
      fieldErrors: [{ path: `lines.${stray}.actionIds`, message: 'Choose actions of this plan' }],
    });
  const { baseVersion: _base, ...doc } = req;
  const version = await tx.fundReturns.save({
    id: existing?.id ?? randomUUID(),
    partnershipId: plan.partnershipId,
    planId: plan.id,
    ...doc,
    updatedAt: now.toISOString(),
    updatedBy: auth.user.id,
  });
  // Names the figures, not the prose: lines' text may be long and is the partnership's own.
  await appendAudit(
    tx,
    {
      partnershipId: plan.partnershipId,
      actorId: auth.user.id,
      action: 'fund-return.saved',
      entityType: 'plan',
      entityId: plan.id,
      details: { lines: req.lines.length, grantPence: req.grantPence },
    },
    now,
  );
  return version;
}
