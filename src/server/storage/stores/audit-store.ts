import type { AuditAction, AuditEntry } from '../../../domain/audit';

/** What the server appends to the audit log; seq and actor name are filled in by storage. */
export interface NewAuditEntry {
  id: string;
  partnershipId: string | null;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  at: string;
  details: Record<string, unknown>;
}

/** The audit log (tx.audit): append and read, nothing else (the database refuses updates and deletes too). */
export interface AuditStore {
  append(entry: NewAuditEntry): Promise<void>;
  /** Appends several entries, their seqs in the given order (one push's outcomes). */
  appendMany(entries: readonly NewAuditEntry[]): Promise<void>;
  /** Newest first; entries with seq below `before` when given. */
  list(partnershipId: string, before: number | undefined, limit: number): Promise<AuditEntry[]>;
}
