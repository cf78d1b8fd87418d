import { z } from '../zod';
import { Id, Int, Text } from '../primitives';
import { FieldError } from '../api-error';
import { OutcomeChanges, OutcomeInput } from '../outcome';
import { PlaceInput, PlaceUpdateArgs } from '../place';

/**
 * Push: the device sends its queued mutations, oldest first.
 *
 * Each device (one per browser profile and signed-in user) has an id and numbers its mutations
 * 1, 2, 3 … with no gaps. The server remembers the last sequence number it applied for that
 * device, in the same transaction as the writes (see src/server/sync/push.ts), which makes a
 * push idempotent: replaying it changes nothing. See docs/sync-protocol.md.
 */

export const MAX_MUTATIONS_PER_PUSH = 500;

/** Changes an outcome: only the fields that changed, and the version the device last saw. */
export const OutcomeUpdateArgs = z.strictObject({ id: Id, baseVersion: Int(0), changes: OutcomeChanges });
export type OutcomeUpdateArgs = z.infer<typeof OutcomeUpdateArgs>;

/** Deletes an outcome. The server keeps it as a tombstone with a history entry: nothing vanishes without trace. */
export const OutcomeDeleteArgs = z.strictObject({ id: Id, baseVersion: Int(0) });
export type OutcomeDeleteArgs = z.infer<typeof OutcomeDeleteArgs>;

/** The mutation kinds and their argument schemas. New kinds are added here, once, for both ends. */
export const MutationArgs = {
  'outcome.create': OutcomeInput,
  'outcome.update': OutcomeUpdateArgs,
  'outcome.delete': OutcomeDeleteArgs,
  'place.create': PlaceInput,
  'place.update': PlaceUpdateArgs,
} as const;
export type MutationKind = keyof typeof MutationArgs;

/**
 * The envelope is checked as a whole (a broken envelope is a 400); the args of each mutation are
 * checked one by one on the server, so one bad record is refused on its own and never blocks the
 * mutations queued behind it.
 */
export const MutationEnvelope = z.strictObject({
  seq: Int(1),
  kind: Text(100),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export const PushRequest = z
  .strictObject({
    deviceId: Id,
    mutations: z.array(MutationEnvelope).check(z.minLength(1), z.maxLength(MAX_MUTATIONS_PER_PUSH)),
  })
  .check(
    z.superRefine((req, ctx) => {
      req.mutations.forEach((m, i) => {
        const prev = req.mutations[i - 1];
        if (prev && m.seq !== prev.seq + 1) {
          ctx.addIssue({ code: 'custom', input: m.seq, path: ['mutations', i, 'seq'], message: 'Sequence numbers in a push must be consecutive' });
        }
      });
    }),
  );
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * Why the server refused a mutation for good. The device keeps the record, shows the reason
 * under "Needs attention", and the sequence number still counts as used.
 */
export const RejectionCode = z.enum(['invalid', 'not-found', 'forbidden', 'conflict', 'unknown-mutation']);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ seq: z.int(), status: z.literal('applied') }),
  /** Applied by an earlier push whose answer never reached the device. */
  z.object({ seq: z.int(), status: z.literal('already-applied') }),
  z.object({
    seq: z.int(),
    status: z.literal('rejected'),
    code: RejectionCode,
    message: z.string(),
    fieldErrors: z.array(FieldError),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  /** The highest sequence number the server has now applied (or refused) for this device. */
  lastAppliedSeq: Int(0),
  results: z.array(MutationResult),
});
export type PushResponse = z.infer<typeof PushResponse>;
