import type { FieldError } from '../../domain/api-error';
import type { OutcomeRecord } from '../../domain/outcome';
import type { MutationKind, RejectionCode } from '../../domain/sync/push';

/**
 * An outcome as the phone holds it: the server's record once synced, or the officer's own
 * until then. syncState says which; a rejected outcome stays here, with the server's reason,
 * until the officer deals with it. Nothing is removed from this table by sync.
 */
export type LocalOutcome = Omit<OutcomeRecord, 'receivedAt'> & {
  receivedAt: string | null;
  syncState: 'pending' | 'synced' | 'rejected';
  rejection?: { code: RejectionCode; message: string; fieldErrors: FieldError[] };
};

/**
 * A queued mutation. seq is this device's sequence number (the primary key, so the outbox reads
 * in order) and args is exactly what will be pushed, frozen when the officer saved.
 */
export interface OutboxEntry {
  seq: number;
  kind: MutationKind;
  args: unknown;
  /** The record the mutation is about, to mark it synced or rejected when the answer comes. */
  outcomeId: string;
  createdAt: string;
}

export interface MetaEntry {
  key: MetaKey;
  value: string | number;
}

export type MetaKey = 'deviceId' | 'nextSeq' | 'pullCursor' | 'lastSyncedAt';
