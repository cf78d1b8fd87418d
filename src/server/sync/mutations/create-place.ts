import { checkPlace, type PlaceInput } from '../../../domain/place';
import { sameFieldValue } from '../../../domain/outcome';
import { localIsoDate } from '../../../domain/primitives';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import { appendAudit } from '../../audit/append-audit';
import { refuse, type Refusal } from './refusal';
import { refusalForViewer } from './viewer-refusal';

/**
 * Adds a place to a partnership's register. Registers are shared: any member who may write, whatever
 * their role, may add a place, as an officer signing a venue up on the spot does.
 */
export async function createPlace(tx: StorageTx, auth: AuthContext, input: PlaceInput, now: Date): Promise<Refusal | undefined> {
  // Authorize against the database, never the device. "Not found" for a partnership the user is
  // not in, whether or not it exists: nothing is revealed.
  if (!auth.memberships.some((m) => m.partnershipId === input.partnershipId)) {
    return refuse('not-found', 'The partnership this place was added to is not one of yours.');
  }
  const viewing = refusalForViewer(auth, input.partnershipId);
  if (viewing) return viewing;
  const problems = checkPlace(input, localIsoDate(now));
  if (problems.length > 0) {
    return refuse(
      'invalid',
      problems.map((p) => p.message).join('. '),
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
  // The id is made on the device. Seeing it again under a new sequence number happens when a
  // device's database was rebuilt after a push landed: the same content is the same place
  // (nothing to do); anything else is a collision we refuse rather than overwrite.
  const existing = await tx.places.find(input.id);
  if (existing) {
    const same =
      existing.partnershipId === input.partnershipId &&
      existing.createdBy === auth.user.id &&
      existing.kind === input.kind &&
      existing.name === input.name &&
      existing.town === input.town &&
      existing.address === input.address &&
      sameFieldValue(existing.point, input.point) &&
      existing.status === input.status &&
      existing.joinedOn === input.joinedOn;
    return same ? undefined : refuse('conflict', 'Another place already has this id.');
  }
  // The server, not the device, decides who added it and when it last changed.
  await tx.places.insert({ ...input, createdBy: auth.user.id, updatedAt: now.toISOString(), version: await tx.takeVersion() });
  await appendAudit(
    tx,
    {
      partnershipId: input.partnershipId,
      actorId: auth.user.id,
      action: 'place.created',
      entityType: 'place',
      entityId: input.id,
      details: { kind: input.kind, town: input.town },
    },
    now,
  );
  return undefined;
}
