import { randomUUID } from 'node:crypto';
import { parsePlanCsv } from '../../domain/plan-import/plan-csv';
import { diffPlanImport } from '../../domain/plan-admin/import-diff';
import type { PlanImportRequest, PlanImportResponse } from '../../domain/plan-admin/requests';
import type { AuthContext } from '../auth/authenticate';
import { appendAudit } from '../audit/append-audit';
import type { Storage } from '../storage/storage';
import { planToChange } from './plan-access';

/**
 * Imports a plan file into a plan, or previews the import. One transaction reads the plan, works
 * out the changes and (when committing, and only when the file has no problems) writes them, so a
 * preview describes exactly what a commit at that moment would do, and a failed commit leaves
 * nothing half-written. Importing the same file again finds nothing to change and writes nothing.
 */
export async function importPlan(storage: Storage, auth: AuthContext, planId: string, req: PlanImportRequest, now: Date): Promise<PlanImportResponse> {
  const parsed = parsePlanCsv(req.actionsCsv, req.indicatorsCsv);
  return storage.transaction(async (tx) => {
    const plan = await planToChange(tx, auth, planId);
    const [existing, members] = await Promise.all([tx.plans.listRecords(plan.id), tx.accounts.listMembers(plan.partnershipId)]);
    const diff = diffPlanImport(existing, parsed.plan, { planId: plan.id, newId: randomUUID, members: members.filter((m) => m.active) });
    const writes = (['objectives', 'priorities', 'indicators', 'actions', 'measures'] as const).reduce(
      (n, t) => n + diff[t].add.length + diff[t].update.length,
      0,
    );
    const commit = req.commit && parsed.problems.length === 0;
    if (commit && writes > 0) {
      await tx.plans.write(plan.partnershipId, diff);
      await appendAudit(
        tx,
        {
          partnershipId: plan.partnershipId,
          actorId: auth.user.id,
          action: 'plan.imported',
          entityType: 'plan',
          entityId: plan.id,
          details: { actions: diff.summary.actions, measures: diff.summary.measures },
        },
        now,
      );
    }
    return {
      problems: parsed.problems,
      notes: parsed.notes,
      summary: diff.summary,
      changes: parsed.problems.length > 0 ? [] : diff.changes,
      committed: commit,
    };
  });
}
