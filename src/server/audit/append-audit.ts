import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../domain/audit';
import type { StorageTx } from '../storage/storage';

/**
 * Appends an audit entry inside the caller's transaction: the change and its record commit
 * together or not at all. Details name fields and values, never free text such as notes.
 */
export function appendAudit(
  tx: StorageTx,
  entry: {
    partnershipId: string | null;
    actorId: string | null;
    action: AuditAction;
    entityType: string;
    entityId: string | null;
    details?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  return tx.audit.append({ id: randomUUID(), at: now.toISOString(), details: {}, ...entry });
}

/** Several entries in one write (a push's outcomes), in the caller's transaction, seqs in the given order. */
export function appendAuditEntries(
  tx: StorageTx,
  entries: readonly {
    partnershipId: string | null;
    actorId: string | null;
    action: AuditAction;
    entityType: string;
    entityId: string | null;
    details?: Record<string, unknown>;
  }[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  return tx.audit.appendMany(entries.map((entry) => ({ id: randomUUID(), at, details: {}, ...entry })));
}
