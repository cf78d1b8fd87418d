import { z } from '../zod';
import { Id, IsoDateTime } from '../primitives';
import { MutationEnvelope } from './push';

/**
 * "Export unsynced records": the last resort when a phone cannot reach the server and its
 * records must not be lost (a phone being handed in, a browser being reset). The file holds the
 * outbox exactly as queued, with the device id and sequence numbers, so a coordinator's import
 * goes through the same push path as that device: if the phone later syncs after all, the server
 * answers "already applied" and nothing is doubled.
 */
export const UNSYNCED_FILE_FORMAT = 'fieldbook-unsynced/1';

export const UnsyncedFile = z.strictObject({
  format: z.literal(UNSYNCED_FILE_FORMAT),
  exportedAt: IsoDateTime,
  author: z.strictObject({ id: Id, email: z.string(), name: z.string() }),
  deviceId: Id,
  mutations: z
    .array(MutationEnvelope)
    .check(z.minLength(1, 'The file holds no records'), z.maxLength(5000, 'The file holds more than 5,000 records: ask for help to import it')),
});
export type UnsyncedFile = z.infer<typeof UnsyncedFile>;

export const UnsyncedImportResult = z.object({
  applied: z.int(),
  alreadyApplied: z.int(),
  rejected: z.array(z.object({ seq: z.int(), code: z.string(), message: z.string() })),
});
export type UnsyncedImportResult = z.infer<typeof UnsyncedImportResult>;
