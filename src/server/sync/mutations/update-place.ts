import { applyPlaceChanges, checkPlace, EDITABLE_PLACE_FIELDS, type PlaceChanges, type PlaceUpdateArgs } from '../../../domain/place';
import { localIsoDate } from '../../../domain/primitives';
import { sameFieldValue } from '../../../domain/outcome';
import type { AuthContext } from '../../auth/authenticate';
import type { StorageTx } from '../../storage/storage';
import { appendAudit } from '../../audit/append-audit';
import { refuse, type Refusal } from './refusal';
import { refusalForViewer } from './viewer-refusal';

/**
 * Changes a place in a register: only the fields the change names, so concurrent changes of
 * different fields both stand, and the last to arrive wins a field both changed. Any member of
 * the place's partnership who may write (not a viewer) may change it: registers are shared.
 */
export async function updatePlace(tx: StorageTx, auth: AuthContext, args: PlaceUpdateArgs, now: Date): Promise<Refusal | undefined> {
  const existing = await tx.places.find(args.id);
  if (!existing || !auth.memberships.some((m) => m.partnershipId === existing.partnershipId)) {
    return refuse('not-found', 'This place is not in your partnerships’ registers.');
  }
  const viewing = refusalForViewer(auth, existing.partnershipId);
  if (viewing) return viewing;
  const changed = EDITABLE_PLACE_FIELDS.filter((f) => f in args.changes && !sameFieldValue(args.changes[f], existing[f]));
  if (changed.length === 0) return undefined; // Already so: nothing to do, nothing to record.
  const changes = Object.fromEntries(changed.map((f) => [f, args.changes[f]])) as PlaceChanges;
  const problems = checkPlace(applyPlaceChanges(existing, changes), localIsoDate(now));
  if (problems.length > 0) {
    return refuse(
      'invalid',
      problems.map((p) => p.message).join('. '),
      problems.map((p) => ({ path: `changes.${p.field}`, message: p.message })),
    );
  }

  await tx.places.update(existing.id, changes, await tx.takeVersion(), now.toISOString());
  await appendAudit(
    tx,
    {
      partnershipId: existing.partnershipId,
      actorId: auth.user.id,
      action: 'place.changed',
      entityType: 'place',
      entityId: existing.id,
      details: { fields: changed },
    },
    now,
  );
  return undefined;
}
