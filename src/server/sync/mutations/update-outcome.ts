import { randomUUID } from 'node:crypto';
import { applyOutcomeChanges, checkOutcomeAgainstPlan, EDITABLE_OUTCOME_FIELDS, sameFieldValue, type OutcomeChanges } from '../../../domain/outcome';
import { localIsoDate } from '../../../domain/primitives';
import type { OutcomeUpdateArgs } from '../../../domain/sync/push';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import { appendAudit } from '../../audit/append-audit';
import { refuse, type Refusal } from './refusal';
import { isRefusal, outcomeToChange, placeOfOutcome } from './outcome-access';
import { quarterLock } from './quarter-lock';
import { resolveArea } from './resolve-area';

/**
 * Applies an edit: only the fields it names, so concurrent edits of different fields both stand.
 * When a field changed after the version the edit was based on, the two edits conflict on that
 * field: this one, arriving later, wins, and the value it replaces is kept in the history, marked
 * as a conflict, for coordinators to see. Nothing is overwritten without trace.
 */
export async function updateOutcome(tx: StorageTx, auth: AuthContext, args: OutcomeUpdateArgs, now: Date): Promise<Refusal | undefined> {
  const existing = await outcomeToChange(tx, auth, args.id);
  if (isRefusal(existing)) return existing;
  if (existing.deletedAt) return refuse('conflict', 'This outcome was deleted, so it cannot be changed.');

  // The area: an id the phone chose, or (from an earlier release, which sends only the town) the
  // area of the new town's name.
  const sent = args.changes;
  const areaChanges = sent.areaId !== undefined || sent.town !== undefined;
  const areaId = areaChanges ? await resolveArea({ listAreas: (id) => tx.lists.list('areas', id) }, existing.partnershipId, sent, 'changes.areaId') : undefined;
  if (isRefusal(areaId)) return areaId;
  const asked: OutcomeChanges = areaId === undefined ? sent : { ...sent, areaId };
  const changed = EDITABLE_OUTCOME_FIELDS.filter((f) => f in asked && !sameFieldValue(asked[f], existing[f]));
  if (changed.length === 0) return undefined; // Already so: nothing to do, nothing to record.
  const locked = await quarterLock(tx, auth, existing, args.changes.occurredOn);
  if (locked) return locked;
  const changes = Object.fromEntries(changed.map((f) => [f, asked[f]])) as OutcomeChanges;
  const result = applyOutcomeChanges(existing, changes);

  const place = await placeOfOutcome({ findPlace: (id) => tx.places.find(id) }, result.placeId, existing.partnershipId);
  const problems = checkOutcomeAgainstPlan(result, await tx.plans.listMeasuresOfAction(existing.actionId), localIsoDate(now), place);
  if (problems.length > 0) {
    return refuse(
      'invalid',
      problems.map((p) => p.message).join('. '),
      problems.map((p) => ({ path: `changes.${p.field}`, message: p.message })),
    );
  }

  const version = await tx.takeVersion();
  const fieldVersions = { ...existing.fieldVersions };
  const conflicts: string[] = [];
  for (const field of changed) {
    const conflict = (existing.fieldVersions[field] ?? 0) > args.baseVersion;
    if (conflict) conflicts.push(field);
    fieldVersions[field] = version;
    await tx.outcomes.appendHistory({
      id: randomUUID(),
      outcomeId: existing.id,
      partnershipId: existing.partnershipId,
      version,
      kind: 'update',
      field,
      from: existing[field],
      to: result[field],
      conflict,
      actorId: auth.user.id,
      at: now.toISOString(),
    });
  }
  await tx.outcomes.update(existing.id, changes, version, fieldVersions);
  await appendAudit(
    tx,
    {
      partnershipId: existing.partnershipId,
      actorId: auth.user.id,
      action: 'outcome.changed',
      entityType: 'outcome',
      entityId: existing.id,
      details: { fields: changed, conflicts },
    },
    now,
  );
  return undefined;
}
