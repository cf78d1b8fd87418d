import type { EditableOutcomeField, OutcomeChanges, OutcomeRecord } from '../../../domain/outcome';
import type { OutcomeHistoryEntry } from '../../../domain/outcome-history';

/** An outcome as stored: the pulled record plus who sent it from where, and when each field last changed. */
export interface StoredOutcome extends Omit<OutcomeRecord, 'authorName' | 'notes'> {
  notes: string;
  deviceId: string;
  /** Field name → the version at which it last changed (absent: unchanged since creation). */
  fieldVersions: Partial<Record<EditableOutcomeField, number>>;
}

export interface NewOutcomeHistory {
  id: string;
  outcomeId: string;
  partnershipId: string;
  version: number;
  kind: 'update' | 'delete';
  field: string | null;
  from: unknown;
  to: unknown;
  conflict: boolean;
  actorId: string;
  at: string;
}

/**
 * Outcomes and their history (tx.outcomes). Every write carries the version its caller took, so a
 * push can take one range of versions for all its outcomes (StorageTx.takeVersions).
 */
export interface OutcomeStore {
  find(id: string): Promise<StoredOutcome | undefined>;
  /** Those of the ids that exist, deleted ones too. */
  findMany(ids: readonly string[]): Promise<Map<string, StoredOutcome>>;
  /** The partnership's outcomes, deleted ones too, oldest version first: for counts in tests and reports. */
  list(partnershipId: string): Promise<StoredOutcome[]>;
  /** Writes new outcomes, each with the version its caller took, in as few statements as the database allows. */
  insertMany(outcomes: readonly StoredOutcome[]): Promise<void>;
  /** Writes changed fields, the new version and field versions. */
  update(id: string, changes: OutcomeChanges, version: number, fieldVersions: StoredOutcome['fieldVersions']): Promise<void>;
  /** Marks the outcome deleted (a tombstone): the row stays. */
  markDeleted(id: string, deletedAt: string, version: number): Promise<void>;
  /** Append-only, like the audit log. */
  appendHistory(entry: NewOutcomeHistory): Promise<void>;
  /** Oldest first, with each actor's name. */
  listHistory(outcomeId: string): Promise<OutcomeHistoryEntry[]>;
}
