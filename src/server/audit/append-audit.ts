import { randomUUID } from 'node:crypto';
import type { NewAuditEntry } from '../storage/stores/audit-store';
import type { StorageTx } from '../storage/storage';

/** What a use case says happened; the entry's id and time are added here, and details default to none. */
export type AuditEvent = Omit<NewAuditEntry, 'id' | 'at' | 'details'> & { details?: Record<string, unknown> };

/**
 * Appends an audit entry inside the caller's transaction: the change and its record commit
 * together or not at all. Details name fields and values, never free text such as notes.
 */
export function appendAudit(tx: StorageTx, entry: AuditEvent, now: Date): Promise<void> {
  return tx.audit.append({ id: randomUUID(), at: now.toISOString(), details: {}, ...entry });
}

/** Several entries in one write (a push's outcomes), in the caller's transaction, seqs in the given order. */
export function appendAuditEntries(tx: StorageTx, entries: readonly AuditEvent[], now: Date): Promise<void> {
  const at = now.toISOString();
  return tx.audit.appendMany(entries.map((entry) => ({ id: randomUUID(), at, details: {}, ...entry })));
}
