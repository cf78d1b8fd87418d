import { applyOutcomeChanges, EDITABLE_OUTCOME_FIELDS, sameFieldValue, type OutcomeChanges } from '../../domain/outcome';
import type { SessionUser } from '../../domain/user';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';
import { appendToOutbox, writeQueued } from '../db/outbox';
import { OutcomeNotValidError, validateOutcome, type OutcomeFormValues } from './log-outcome';
import { refuseIfQuarterLocked } from './quarter-lock';

export class OutcomeGoneError extends Error {
  override name = 'OutcomeGoneError';
}

async function current(db: FieldbookDb, id: string): Promise<LocalOutcome> {
  const o = await db.outcomes.get(id);
  if (!o || o.deletedAt !== null || o.localDeleted) throw new OutcomeGoneError('This outcome is no longer on this phone.');
  return o;
}

/**
 * Changes an outcome. Only the fields that differ are queued, with the server version the view
 * is based on, so an edit never overwrites fields another device changed meanwhile. Refused in a
 * signed-off quarter (or moved into one) unless the user coordinates it, and checked with the
 * server's rules first; the view changes at once and waits to sync.
 */
export async function editOutcome(db: FieldbookDb, user: Pick<SessionUser, 'memberships'>, id: string, values: OutcomeFormValues, now = new Date()): Promise<LocalOutcome> {
  await refuseInSignedOffQuarter(db, user, id, values.occurredOn);
  return changeFields(db, id, values, now);
}

/** editOutcome's change once the quarter lock allows it (or for a refused change sent again: resendOutcome). */
async function changeFields(db: FieldbookDb, id: string, values: OutcomeFormValues, now: Date): Promise<LocalOutcome> {
  const before = await current(db, id);
  // The action and type stay what they were: a different kind of outcome is a new one.
  const checked = await validateOutcome(db, { ...values, actionId: before.actionId, type: before.type, id }, now);
  if (Array.isArray(checked)) throw new OutcomeNotValidError(checked);
  const changes = Object.fromEntries(EDITABLE_OUTCOME_FIELDS.filter((f) => !sameFieldValue(checked[f], before[f])).map((f) => [f, checked[f]])) as OutcomeChanges;
  if (Object.keys(changes).length === 0) return before;
  return writeQueued(db, [db.outcomes], async () => {
    const o = await current(db, id);
    const next: LocalOutcome = { ...applyOutcomeChanges(o, changes), syncState: 'pending' };
    delete next.rejection;
    await db.outcomes.put(next);
    await appendToOutbox(db, { kind: 'outcome.update', recordId: id, args: { id, baseVersion: o.version ?? 0, changes } }, now);
    return next;
  });
}

/**
 * Refuses, on the phone, what the server would refuse: a change to a signed-off quarter
 * (QuarterLockedError). Asked here, in the commands, so that no caller can go round it.
 */
async function refuseInSignedOffQuarter(db: FieldbookDb, user: Pick<SessionUser, 'memberships'>, id: string, newOccurredOn?: string): Promise<void> {
  const o = await db.outcomes.get(id);
  if (o) await refuseIfQuarterLocked(db, user, o, newOccurredOn);
}

/** Deletes an outcome: gone from the tallies at once; the server keeps it in its history. Refused in a signed-off quarter, as an edit is. */
export async function deleteOutcome(db: FieldbookDb, user: Pick<SessionUser, 'memberships'>, id: string, now = new Date()): Promise<void> {
  await refuseInSignedOffQuarter(db, user, id);
  await writeQueued(db, [db.outcomes], async () => {
    const o = await current(db, id);
    await db.outcomes.put({ ...o, localDeleted: true, syncState: 'pending' });
    await appendToOutbox(db, { kind: 'outcome.delete', recordId: id, args: { id, baseVersion: o.version ?? 0 } }, now);
  });
}

/**
 * Fixes an outcome the server refused and sends it again. A refused create is sent as a create
 * again (the server never stored it); a refused change is sent as a change from the server's copy.
 * The quarter lock is not asked here (nor was it by the screens): the fix is offered for any refused
 * outcome, and the server decides.
 */
export async function resendOutcome(db: FieldbookDb, id: string, values: OutcomeFormValues, now = new Date()): Promise<LocalOutcome> {
  const o = await db.outcomes.get(id);
  if (!o || o.syncState !== 'rejected') throw new OutcomeGoneError('Nothing to resend.');
  if (o.server === null) {
    const checked = await validateOutcome(db, { ...values, actionId: o.actionId, id }, now);
    if (Array.isArray(checked)) throw new OutcomeNotValidError(checked);
    return writeQueued(db, [db.outcomes], async () => {
      const next: LocalOutcome = { ...o, ...checked, syncState: 'pending', localDeleted: false };
      delete next.rejection;
      await db.outcomes.put(next);
      await appendToOutbox(db, { kind: 'outcome.create', recordId: id, args: checked }, now);
      return next;
    });
  }
  // Start from what the server holds, so the change carries exactly what differs from it.
  await db.outcomes.put({ ...o, ...o.server, syncState: 'synced', localDeleted: false, server: o.server });
  return changeFields(db, id, values, now);
}

/**
 * Gives up a refused change on purpose. A refused create is removed from the phone (the server's
 * rejection log still has it); a refused change or delete is undone, back to the server's copy.
 */
export async function discardRejected(db: FieldbookDb, id: string): Promise<void> {
  await db.transaction('rw', [db.outcomes, db.outbox, db.photos], async () => {
    const o = await db.outcomes.get(id);
    if (!o || o.syncState !== 'rejected') return;
    if ((await db.outbox.where('outcomeId').equals(id).count()) > 0) return; // something newer is queued
    if (o.server === null) {
      // The server never had it, so its photos can never upload: they go with it.
      await db.outcomes.delete(id);
      await db.photos.where('outcomeId').equals(id).delete();
    }
    else {
      const restored: LocalOutcome = { ...o, ...o.server, syncState: 'synced', localDeleted: false, server: o.server };
      delete restored.rejection;
      await db.outcomes.put(restored);
    }
  });
}
