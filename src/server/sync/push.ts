import { randomUUID } from 'node:crypto';
import { checkOutcomeAgainstPlan, type OutcomeInput } from '../../domain/outcome';
import { localIsoDate } from '../../domain/primitives';
import { toFieldErrors, type FieldError } from '../../domain/api-error';
import { MutationArgs, type MutationEnvelope, type MutationResult, type PushRequest, type PushResponse, type RejectionCode } from '../../domain/sync/push';
import type { Storage, StorageTx } from '../storage/storage';
import type { AuthContext } from '../auth/authenticate';
import { HttpError } from '../http/http-error';
import { appendAudit } from '../audit/append-audit';

/**
 * Applies a device's push. The protocol, step by step (docs/sync-protocol.md has the reasoning):
 *
 * The whole push runs in ONE transaction. The device deletes a mutation from its outbox once we
 * say it is applied, and resends anything we have not confirmed. If an outcome and the device's
 * last-applied sequence number could commit separately, a crash between them would either lose
 * an outcome the device was told is safe, or apply it twice when the device retries. In one
 * transaction, "written" and "remembered as written" are the same event.
 */
export async function applyPush(storage: Storage, auth: AuthContext, push: PushRequest, now: Date): Promise<PushResponse> {
  return storage.transaction(async (tx) => {
    const nowIso = now.toISOString();

    // 1. Find the device, or register it to this user on its first push. A device id belongs to
    //    one user for good: the phone keeps each user's queue in a separate database, so another
    //    user presenting this id is a bug or an attack, never a legitimate handover.
    let device = await tx.findDevice(push.deviceId);
    if (device && device.userId !== auth.user.id) {
      throw new HttpError(409, 'device-mismatch', 'This device id belongs to another user. Sign out and in again to get a new one.');
    }
    if (!device) {
      device = { id: push.deviceId, userId: auth.user.id, lastSeq: 0, createdAt: nowIso, lastSeenAt: nowIso };
      await tx.insertDevice(device);
    }

    // 2. Refuse gaps. Mutations are numbered 1, 2, 3… per device and a push is consecutive (the
    //    schema checks that). If the first is beyond lastSeq + 1, mutations we never saw are
    //    missing; applying later ones would hide the loss. Nothing is written; the device is told
    //    which number we expect.
    const first = push.mutations[0]!.seq;
    if (first > device.lastSeq + 1) {
      throw new HttpError(409, 'sequence-gap', `Expected mutation ${device.lastSeq + 1} next but got ${first}.`, {
        expectedSeq: device.lastSeq + 1,
      });
    }

    // 3. Apply each mutation in order.
    const results: MutationResult[] = [];
    let lastSeq = device.lastSeq;
    for (const mutation of push.mutations) {
      // 3a. Already applied by an earlier push whose answer never reached the device: skip it.
      if (mutation.seq <= lastSeq) {
        results.push({ seq: mutation.seq, status: 'already-applied' });
        continue;
      }
      // 3b–d. Check and write. A refusal is permanent (resending the same thing cannot succeed),
      //       so it is logged and still uses up the sequence number: one bad record must never
      //       block the mutations queued behind it. The device keeps the record and shows why.
      const refusal = await applyMutation(tx, auth, device.id, mutation, now);
      if (refusal) {
        await tx.insertRejection({
          id: randomUUID(),
          deviceId: device.id,
          userId: auth.user.id,
          seq: mutation.seq,
          kind: mutation.kind,
          code: refusal.code,
          message: refusal.message,
          argsJson: JSON.stringify(mutation.args ?? null),
          createdAt: nowIso,
        });
        results.push({ seq: mutation.seq, status: 'rejected', ...refusal });
      } else {
        results.push({ seq: mutation.seq, status: 'applied' });
      }
      lastSeq = mutation.seq;
    }

    // 4. Remember how far this device has got, in the same transaction as the writes above.
    await tx.updateDevice(device.id, lastSeq, nowIso);
    return { lastAppliedSeq: lastSeq, results };
  });
}

interface Refusal {
  code: RejectionCode;
  message: string;
  fieldErrors: FieldError[];
}

async function applyMutation(tx: StorageTx, auth: AuthContext, deviceId: string, mutation: MutationEnvelope, now: Date): Promise<Refusal | undefined> {
  if (mutation.kind !== 'outcome.create') {
    return { code: 'unknown-mutation', message: `This server does not know the change "${mutation.kind}".`, fieldErrors: [] };
  }
  // 3b. Validate the args against the same schema the device used to build them.
  const parsed = MutationArgs['outcome.create'].safeParse(mutation.args);
  if (!parsed.success) {
    return { code: 'invalid', message: 'The outcome has fields that are not valid.', fieldErrors: toFieldErrors(parsed.error.issues) };
  }
  return createOutcome(tx, auth, deviceId, parsed.data, now);
}

async function createOutcome(tx: StorageTx, auth: AuthContext, deviceId: string, input: OutcomeInput, now: Date): Promise<Refusal | undefined> {
  // 3c. Authorize against the database, never the device: the action must be in one of the
  //     user's partnerships. "Not found" for both a missing action and someone else's, so the
  //     answer reveals nothing about other partnerships.
  const action = await tx.findAction(input.actionId);
  if (!action || !auth.memberships.some((m) => m.partnershipId === action.partnershipId)) {
    return { code: 'not-found', message: 'The action this outcome was logged against is not in your partnerships.', fieldErrors: [] };
  }
  // 3d. The plan's own rules (measure belongs to the action, a number where it counts, the date).
  const measure = await tx.findMeasure(input.measureId);
  const problems = checkOutcomeAgainstPlan(input, action, measure, localIsoDate(now));
  if (problems.length > 0) {
    return {
      code: 'invalid',
      message: problems.map((p) => p.message).join('. '),
      fieldErrors: problems.map((p) => ({ path: p.field, message: p.message })),
    };
  }
  // The outcome id is made on the device. Seeing it again under a new sequence number happens
  // when a device's database was rebuilt after a push landed: same author and content is the same
  // outcome (nothing to do); anything else is a collision we refuse rather than overwrite.
  const existing = await tx.findOutcome(input.id);
  if (existing) {
    const same =
      existing.authorId === auth.user.id &&
      existing.actionId === input.actionId &&
      existing.measureId === input.measureId &&
      existing.occurredOn === input.occurredOn &&
      existing.quantity === input.quantity &&
      existing.town === input.town &&
      existing.notes === input.notes;
    return same ? undefined : { code: 'conflict', message: 'Another outcome already has this id.', fieldErrors: [] };
  }
  // 3e. Write it, and its audit entry. The server, not the device, decides author, partnership
  //     and received time.
  await tx.insertOutcome({
    ...input,
    partnershipId: action.partnershipId,
    authorId: auth.user.id,
    deviceId,
    receivedAt: now.toISOString(),
    version: await tx.takeVersion(),
  });
  await appendAudit(
    tx,
    {
      partnershipId: action.partnershipId,
      actorId: auth.user.id,
      action: 'outcome.created',
      entityType: 'outcome',
      entityId: input.id,
      details: { actionRef: action.ref, measureId: input.measureId, occurredOn: input.occurredOn, quantity: input.quantity, town: input.town },
    },
    now,
  );
  return undefined;
}
