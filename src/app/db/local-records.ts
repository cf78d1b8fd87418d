import type { FieldError } from '../../domain/api-error';
import type { OutcomeRecord } from '../../domain/outcome';
import type { PlaceRecord } from '../../domain/place';
import type { MutationKind, RejectionCode } from '../../domain/sync/push';

/**
 * An outcome as the phone holds it: the officer's view (the server's copy with their unsent
 * changes on top) plus the server's copy itself.
 *
 * - syncState: pending while any of its changes wait in the outbox; rejected when the server
 *   refused the last one (kept, with the reason, until the officer fixes or discards it).
 * - server: the last copy the server sent, or null before it has one. A pull replaces it and
 *   re-applies pending changes on top; "discard" restores it. Stored once when it is exactly the
 *   record's own fields (see server-copy.ts); the app always reads it whole.
 * - localDeleted: the officer deleted it here and the delete has not been confirmed.
 * Nothing is removed from this table by sync except records the server has deleted and no
 * longer needs to show.
 */
export type LocalOutcome = Omit<OutcomeRecord, 'receivedAt' | 'version' | 'areaId'> & {
  /**
   * The area's record; undefined (absent) on an outcome logged before areas were records
   * (database v8) until it is pulled again, when only `town` names it (areaNameOf reads either).
   */
  areaId: string | null | undefined;
  receivedAt: string | null;
  /** The server version this view is based on; null until the server has the outcome. */
  version: number | null;
  syncState: 'pending' | 'synced' | 'rejected';
  rejection?: { code: RejectionCode; message: string; fieldErrors: FieldError[]; kind: MutationKind };
  server: OutcomeRecord | null;
  localDeleted: boolean;
};

/** Shown and counted: neither deleted on the server nor deleted here. */
export const isLive = (o: Pick<LocalOutcome, 'deletedAt' | 'localDeleted'>) => o.deletedAt === null && !o.localDeleted;

/**
 * A queued mutation. seq is this device's sequence number (the primary key, so the outbox reads
 * in order) and args is exactly what will be pushed, frozen when the officer saved. Entries are
 * never edited once queued: a push carrying them may already be on its way.
 */
export interface OutboxEntry {
  seq: number;
  kind: MutationKind;
  args: unknown;
  /**
   * The record the mutation is about, to mark it synced or rejected when the answer comes: an
   * outcome, or for place.* kinds a place (the name predates place registers; the index keeps it).
   */
  outcomeId: string;
  createdAt: string;
}

export interface MetaEntry {
  key: MetaKey;
  value: string | number;
}

export type MetaKey =
  | 'deviceId'
  | 'nextSeq'
  | 'pullCursor'
  | 'lastSyncedAt'
  /** Set once this database has asked whether an earlier one was lost. */
  | 'deviceChecked'
  /** JSON: the lost database's last contact, until the officer dismisses the notice. */
  | 'lostDevice'
  /** The town of the officer's last outcome, by name, before areas were records (database v8): read once, when no lastArea. */
  | 'lastTown'
  /** The area (its id) of the officer's last outcome: the next form starts there. */
  | 'lastArea'
  /** When "Ready to work offline" was said for this database (it is said once). */
  | 'offlineReadySaidAt';

/**
 * A form being filled in, saved as the officer types so a killed app or a flat battery costs
 * nothing: reopening the form offers it back. key says which form ("log:<actionId>",
 * "edit:<outcomeId>"); values is the form's own state, whatever it is mid-way.
 */
export interface FormDraft {
  key: string;
  values: Record<string, unknown>;
  updatedAt: string;
}

/**
 * A place in a register as the phone holds it. Places added on this phone wait like outcomes
 * (pending until the server confirms, rejected with the reason if it refuses); pulled ones are
 * the server's copy. version, createdBy and updatedAt are null until the server has it.
 */
export type LocalPlace = Omit<PlaceRecord, 'version' | 'createdBy' | 'updatedAt'> & {
  version: number | null;
  createdBy: string | null;
  updatedAt: string | null;
  syncState: 'pending' | 'synced' | 'rejected';
  rejection?: { code: RejectionCode; message: string; fieldErrors: FieldError[]; kind: MutationKind };
};

/**
 * A photo kept on the phone as evidence for an outcome: already resized (JPEG, long edge at most
 * 1600 px), uploaded on its own once the server has the outcome. `waiting` until the server has
 * it; `refused` (with the reason) if the server will never take it; never deleted by sync.
 */
export interface LocalPhoto {
  id: string;
  outcomeId: string;
  blob: Blob;
  bytes: number;
  width: number;
  height: number;
  createdAt: string;
  uploadState: 'waiting' | 'uploaded' | 'refused';
  refusal?: string;
}

/**
 * A coordinator changed the plan under the officer's feet (merged, renumbered or removed an
 * action they own or logged against): said once, after the sync that brought it, until dismissed.
 */
export interface PlanNotice {
  id: string;
  createdAt: string;
  text: string;
}
