import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../domain/audit';
import type { StorageTx } from '../storage/storage';

/**
 * Appends an audit entry inside the caller's transaction: the change and its record commit
 * together or not at all. Details name fields and values, never free text such as notes.
 */
export function appendAudit(
  tx: StorageTx,
  entry: { partnershipId: string | null; actorId: string | null; action: AuditAction; entityType: string; entityId: string | null; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  return tx.appendAudit({ id: randomUUID(), at: now.toISOString(), details: {}, ...entry });
}
