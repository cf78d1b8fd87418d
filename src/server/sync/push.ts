import { randomUUID } from 'node:crypto';
import { toFieldErrors } from '../../domain/api-error';
import { MutationArgs, type MutationEnvelope, type MutationResult, type PushRequest, type PushResponse } from '../../domain/sync/push';
import type { Storage, StorageTx } from '../storage/storage';
import type { AuthContext } from '../auth/authenticate';
import { HttpError } from '../http/http-error';
import { refuse, type Refusal } from './mutations/refusal';
import { createOutcomes } from './mutations/create-outcomes';
import { cachedPlanLookups, type PlanLookups } from './mutations/plan-lookups';
import { updateOutcome } from './mutations/update-outcome';
import { deleteOutcome } from './mutations/delete-outcome';
import { createPlace } from './mutations/create-place';
import { updatePlace } from './mutations/update-place';

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
    let device = await tx.devices.find(push.deviceId);
    if (device && device.userId !== auth.user.id) {
      throw new HttpError(409, 'device-mismatch', 'This device id belongs to another user. Sign out and in again to get a new one.');
    }
    if (!device) {
      device = { id: push.deviceId, userId: auth.user.id, lastSeq: 0, createdAt: nowIso, lastSeenAt: nowIso };
      await tx.devices.insert(device);
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
    const lookups = cachedPlanLookups(tx);
    const refused = async (mutation: MutationEnvelope, refusal: Refusal) => {
      await tx.devices.insertRejection({
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
    };
    for (let i = 0; i < push.mutations.length;) {
      const mutation = push.mutations[i]!;
      // 3a. Already applied by an earlier push whose answer never reached the device: skip it.
      if (mutation.seq <= lastSeq) {
        results.push({ seq: mutation.seq, status: 'already-applied' });
        i++;
        continue;
      }
      // 3b. Check the args against the mutation kind's schema, authorize against the database
      //     (never the device), check the plan's rules, and write (mutations/*.ts). A run of
      //     new outcomes, what a push almost always is, is checked one by one and written in one
      //     go (create-outcomes.ts); anything else is applied on its own, in order.
      // 3c. A refusal is permanent (resending the same thing cannot succeed), so it is logged and
      //     still uses up the sequence number: one bad record must never block the mutations
      //     queued behind it. The device keeps the record and shows why.
      const run = outcomeCreateRun(push.mutations, i);
      const answers = run.length > 0 ? await createOutcomeRun(tx, lookups, auth, device.id, run, now) : [await applyMutation(tx, auth, mutation, now)];
      const answered = run.length > 0 ? run : [mutation];
      for (const [k, m] of answered.entries()) {
        const refusal = answers[k];
        if (refusal) await refused(m, refusal);
        else results.push({ seq: m.seq, status: 'applied' });
        lastSeq = m.seq;
      }
      i += answered.length;
    }

    // 4. Remember how far this device has got, in the same transaction as the writes above.
    await tx.devices.update(device.id, lastSeq, nowIso);
    return { lastAppliedSeq: lastSeq, results };
  });
}

const invalid = (issues: Parameters<typeof toFieldErrors>[0]) => refuse('invalid', 'The change has fields that are not valid.', toFieldErrors(issues));

/** The outcome.create mutations from index `from` up to the next mutation of another kind. */
function outcomeCreateRun(mutations: readonly MutationEnvelope[], from: number): MutationEnvelope[] {
  let to = from;
  while (to < mutations.length && mutations[to]!.kind === 'outcome.create') to++;
  return mutations.slice(from, to);
}

/** Checks each create against its schema, then applies the valid ones together; answers in order. */
async function createOutcomeRun(
  tx: StorageTx,
  lookups: PlanLookups,
  auth: AuthContext,
  deviceId: string,
  run: readonly MutationEnvelope[],
  now: Date,
): Promise<(Refusal | undefined)[]> {
  const parsed = run.map((m) => MutationArgs['outcome.create'].safeParse(m.args));
  const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));
  const applied = await createOutcomes(tx, lookups, auth, deviceId, valid, now);
  let next = 0;
  return parsed.map((p) => (p.success ? applied[next++] : invalid(p.error.issues)));
}

/** Checks a mutation's args against its kind's schema (the one the device used), then applies it. */
async function applyMutation(tx: StorageTx, auth: AuthContext, mutation: MutationEnvelope, now: Date): Promise<Refusal | undefined> {
  switch (mutation.kind) {
    case 'outcome.update': {
      const args = MutationArgs['outcome.update'].safeParse(mutation.args);
      return args.success ? updateOutcome(tx, auth, args.data, now) : invalid(args.error.issues);
    }
    case 'outcome.delete': {
      const args = MutationArgs['outcome.delete'].safeParse(mutation.args);
      return args.success ? deleteOutcome(tx, auth, args.data, now) : invalid(args.error.issues);
    }
    case 'place.create': {
      const args = MutationArgs['place.create'].safeParse(mutation.args);
      return args.success ? createPlace(tx, auth, args.data, now) : invalid(args.error.issues);
    }
    case 'place.update': {
      const args = MutationArgs['place.update'].safeParse(mutation.args);
      return args.success ? updatePlace(tx, auth, args.data, now) : invalid(args.error.issues);
    }
    default:
      return refuse('unknown-mutation', `This server does not know the change "${mutation.kind}".`);
  }
}
