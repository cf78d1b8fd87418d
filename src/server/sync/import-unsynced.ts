import { MAX_MUTATIONS_PER_PUSH } from '../../domain/sync/push';
import type { UnsyncedFile, UnsyncedImportResult } from '../../domain/sync/unsynced-file';
import type { Storage } from '../storage/storage';
import type { AuthContext } from '../auth/authenticate';
import { HttpError } from '../http/http-error';
import { appendAudit } from '../audit/append-audit';
import { applyPush } from './push';

/**
 * A coordinator imports an officer's exported outbox. It is applied as a push from that officer's
 * device, in order, through applyPush: the same checks, the same per-device sequence numbers (so
 * a second import, or the phone syncing later, changes nothing), and the officer as author. The
 * officer's authority is limited to this partnership: records for any other are refused.
 */
export async function importUnsynced(
  storage: Storage,
  coordinator: AuthContext,
  partnershipId: string,
  file: UnsyncedFile,
  now: Date,
): Promise<UnsyncedImportResult> {
  const author = await storage.transaction(async (tx) => {
    const user = await tx.accounts.findUserById(file.author.id);
    const memberships = user ? await tx.accounts.listMemberships(user.id) : [];
    return user && { user, memberships: memberships.filter((m) => m.partnershipId === partnershipId), token: '' };
  });
  if (!author || author.memberships.length === 0)
    throw new HttpError(400, 'invalid-request', 'The file was exported by someone who is not a member of this partnership.');

  const result: UnsyncedImportResult = { applied: 0, alreadyApplied: 0, rejected: [] };
  for (let i = 0; i < file.mutations.length; i += MAX_MUTATIONS_PER_PUSH) {
    const mutations = file.mutations.slice(i, i + MAX_MUTATIONS_PER_PUSH);
    const response = await applyPush(storage, author, { deviceId: file.deviceId, mutations }, now);
    for (const r of response.results) {
      if (r.status === 'applied') result.applied++;
      else if (r.status === 'already-applied') result.alreadyApplied++;
      else result.rejected.push({ seq: r.seq, code: r.code, message: r.message });
    }
  }
  await storage.transaction((tx) =>
    appendAudit(
      tx,
      {
        partnershipId,
        actorId: coordinator.user.id,
        action: 'outcomes.imported',
        entityType: 'device',
        entityId: file.deviceId,
        details: {
          author: file.author.email,
          exportedAt: file.exportedAt,
          applied: result.applied,
          alreadyApplied: result.alreadyApplied,
          rejected: result.rejected.length,
        },
      },
      now,
    ),
  );
  return result;
}
