import { checkOutcomeAgainstPlan, sameFieldValue, type OutcomeInput } from '../../../domain/outcome';
import { localIsoDate } from '../../../domain/primitives';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import type { StoredOutcome } from '../../storage/stores/outcome-store';
import { appendAuditEntries } from '../../audit/append-audit';
import { refuse, type Refusal } from './refusal';
import { isRefusal, placeOfOutcome } from './outcome-access';
import { currentAction } from './current-action';
import { refusalForViewer } from './viewer-refusal';
import type { PlanLookups } from './plan-lookups';
import { resolveArea } from './resolve-area';

/**
 * Applies consecutive outcome.create mutations of one push (already checked against their
 * schema) and answers for each, in order: undefined when it is applied (or was already, under an
 * earlier sequence number), or why it is refused. Every check is the same one per outcome; only
 * the reads and writes are batched: one query for the ids that already exist, one range of
 * versions, and multi-row inserts of the outcomes and their audit entries. All of it runs in the
 * push's transaction, so the outcomes commit with the device's last sequence number or not at all.
 */
export async function createOutcomes(
  tx: StorageTx,
  lookups: PlanLookups,
  auth: AuthContext,
  deviceId: string,
  sent: readonly OutcomeInput[],
  now: Date,
): Promise<(Refusal | undefined)[]> {
  const existing = await tx.outcomes.findMany(sent.map((o) => o.id));
  const staged = new Map<string, Omit<StoredOutcome, 'version'> & { actionRef: string | null }>();
  const answers: (Refusal | undefined)[] = [];
  for (const one of sent) {
    // Authorize against the database, never the device: the action must be in one of the user's
    // partnerships. "Not found" both for a missing action and someone else's: nothing is revealed.
    // An action merged away since the phone last synced is followed to where it went.
    const action = await currentAction(lookups, auth, one.actionId);
    if (isRefusal(action)) {
      answers.push(action);
      continue;
    }
    const viewing = refusalForViewer(auth, action.partnershipId);
    if (viewing) {
      answers.push(viewing);
      continue;
    }
    const areaId = await resolveArea(lookups, action.partnershipId, one, 'areaId');
    if (isRefusal(areaId)) {
      answers.push(areaId);
      continue;
    }
    const input = { ...one, actionId: action.id, areaId };
    // The catalogue's rules for the type's details, and the plan's: one of the action's measures
    // counts this type, the date is possible, no location where one could identify a home, and the
    // place it names (if its type takes one) is in the right register of the action's partnership.
    const place = await placeOfOutcome(lookups, input.placeId, action.partnershipId);
    const problems = checkOutcomeAgainstPlan(input, await lookups.listMeasuresOfAction(action.id), localIsoDate(now), place);
    if (problems.length > 0) {
      answers.push(
        refuse(
          'invalid',
          problems.map((p) => p.message).join('. '),
          problems.map((p) => ({ path: p.field, message: p.message })),
        ),
      );
      continue;
    }
    // The outcome id is made on the device. Seeing it again under a new sequence number happens
    // when a device's database was rebuilt after a push landed: same author and content is the
    // same outcome (nothing to do); anything else is a collision we refuse rather than overwrite.
    // "Again" may be within this very push, so what it is about to write counts too.
    const before = existing.get(input.id) ?? staged.get(input.id);
    if (before) {
      answers.push(sameOutcome(before, input, auth.user.id) ? undefined : refuse('conflict', 'Another outcome already has this id.'));
      continue;
    }
    // The server, not the device, decides author, partnership and received time.
    staged.set(input.id, {
      ...input,
      partnershipId: action.partnershipId,
      authorId: auth.user.id,
      deviceId,
      receivedAt: now.toISOString(),
      deletedAt: null,
      fieldVersions: {},
      actionRef: action.ref,
    });
    answers.push(undefined);
  }
  if (staged.size === 0) return answers;

  // Versions in mutation order, from one range of the counter (held by this transaction).
  const first = await tx.takeVersions(staged.size);
  const rows = [...staged.values()];
  await tx.outcomes.insertMany(rows.map(({ actionRef: _ref, ...o }, i) => ({ ...o, version: first + i })));
  await appendAuditEntries(
    tx,
    rows.map((o) => ({
      partnershipId: o.partnershipId,
      actorId: auth.user.id,
      action: 'outcome.created',
      entityType: 'outcome',
      entityId: o.id,
      details: { actionRef: o.actionRef, type: o.type, occurredOn: o.occurredOn, town: o.town, areaId: o.areaId },
    })),
    now,
  );
  return answers;
}

function sameOutcome(existing: Omit<StoredOutcome, 'version'>, input: OutcomeInput & { areaId: string | null }, authorId: string): boolean {
  return (
    existing.authorId === authorId &&
    existing.actionId === input.actionId &&
    existing.type === input.type &&
    sameFieldValue(existing.details, input.details) &&
    existing.occurredOn === input.occurredOn &&
    sameFieldValue(existing.location, input.location) &&
    existing.town === input.town &&
    existing.areaId === input.areaId &&
    existing.placeId === input.placeId &&
    existing.notes === input.notes
  );
}
