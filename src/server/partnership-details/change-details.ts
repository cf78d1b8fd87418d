import type { PartnershipDetailsResponse, PartnershipDetailsUpdate } from '../../domain/partnership-details';
import { administersPartnership } from '../../domain/partnership-access';
import type { AuthContext } from '../auth/authenticate';
import { requireMember } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';

/**
 * An administrator changes the partnership's full name and what prints on its reports. One
 * transaction: the change, a fresh version (phones pull it) and its audit entry naming the fields
 * that changed with their new values (all public, none free text about a person).
 */
export async function changeDetails(
  tx: StorageTx,
  auth: AuthContext,
  partnershipId: string,
  req: PartnershipDetailsUpdate,
  now: Date,
): Promise<PartnershipDetailsResponse> {
  requireMember(auth, partnershipId);
  if (!administersPartnership(auth, partnershipId))
    throw new HttpError(403, 'forbidden', 'Only the partnership’s administrators can change what prints on its reports.');
  const before = await tx.plans.findPartnership(partnershipId);
  if (!before) throw new HttpError(404, 'not-found', 'No such partnership.');
  const { name, ...details } = req;
  if (name !== before.name && (await tx.plans.findPartnership(name))) {
    throw new HttpError(409, 'conflict', 'Another partnership on this server already has that name.', {
      fieldErrors: [{ path: 'name', message: 'Another partnership on this server already has that name' }],
    });
  }
  const after = await tx.plans.updateDetails(partnershipId, name, details);
  if (!after?.details) throw new HttpError(404, 'not-found', 'No such partnership.');
  const previous: Record<string, string> = { name: before.name, ...before.details };
  const next: Record<string, string> = { name, ...details };
  const changed = Object.fromEntries(Object.entries(next).filter(([field, value]) => previous[field] !== value));
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: 'partnership.details-changed', entityType: 'partnership', entityId: partnershipId, details: { changed } },
    now,
  );
  return { name: after.name, details: after.details };
}
