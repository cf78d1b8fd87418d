import { checkOutcomeAgainstPlan, sameFieldValue, type OutcomeInput } from '../../../domain/outcome';
import { localIsoDate } from '../../../domain/primitives';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import { appendAudit } from '../../audit/append-audit';
import { refuse, type Refusal } from './refusal';
import { isRefusal, placeOfOutcome } from './outcome-access';
import { currentAction } from './current-action';

export async function createOutcome(tx: StorageTx, auth: AuthContext, deviceId: string, sent: OutcomeInput, now: Date): Promise<Refusal | undefined> {
  // Authorize against the database, never the device: the action must be in one of the user's
  // partnerships. "Not found" both for a missing action and someone else's: nothing is revealed.
  // An action merged away since the phone last synced is followed to where it went.
  const action = await currentAction(tx, auth, sent.actionId);
  if (isRefusal(action)) return action;
  const input = { ...sent, actionId: action.id };
  // The catalogue's rules for the type's details, and the plan's: one of the action's measures
  // counts this type, the date is possible, no location where one could identify a home, and the
  // place it names (if its type takes one) is in the right register of the action's partnership.
  const place = await placeOfOutcome(tx, input.placeId, action.partnershipId);
  const problems = checkOutcomeAgainstPlan(input, await tx.listMeasuresOfAction(action.id), localIsoDate(now), place);
  if (problems.length > 0) {
    return refuse(
      'invalid',
      problems.map((p) => p.message).join('. '),
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
  // The outcome id is made on the device. Seeing it again under a new sequence number happens
  // when a device's database was rebuilt after a push landed: same author and content is the same
  // outcome (nothing to do); anything else is a collision we refuse rather than overwrite.
  const existing = await tx.findOutcome(input.id);
  if (existing) {
    const same =
      existing.authorId === auth.user.id &&
      existing.actionId === input.actionId &&
      existing.type === input.type &&
      sameFieldValue(existing.details, input.details) &&
      existing.occurredOn === input.occurredOn &&
      sameFieldValue(existing.location, input.location) &&
      existing.town === input.town &&
      existing.placeId === input.placeId &&
      existing.notes === input.notes;
    return same ? undefined : refuse('conflict', 'Another outcome already has this id.');
  }
  // The server, not the device, decides author, partnership and received time.
  await tx.insertOutcome({
    ...input,
    partnershipId: action.partnershipId,
    authorId: auth.user.id,
    deviceId,
    receivedAt: now.toISOString(),
    version: await tx.takeVersion(),
    deletedAt: null,
    fieldVersions: {},
  });
  await appendAudit(
    tx,
    {
      partnershipId: action.partnershipId,
      actorId: auth.user.id,
      action: 'outcome.created',
      entityType: 'outcome',
      entityId: input.id,
      details: { actionRef: action.ref, type: input.type, occurredOn: input.occurredOn, town: input.town },
    },
    now,
  );
  return undefined;
}
