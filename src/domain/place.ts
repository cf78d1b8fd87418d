import { z } from './zod';
import { Id, IsoDate, IsoDateTime, Int, Text, addDays } from './primitives';
import { GeoPoint } from './geo-point';
import { PLACE_KINDS } from './outcome-types/catalogue';

/**
 * Place registers: the venues a partnership's schemes are made of (Safe Places, hate crime
 * reporting centres, Hotel Watch hotels, licensed premises). A place is a business or public
 * building, never a home: its name and address are the venue's, which is why a register may
 * hold them when an outcome may not. Registers are shared by the partnership's members, and an
 * officer adds a place on the spot, offline, like an outcome.
 */
export const PLACE_KIND_IDS = PLACE_KINDS.map((k) => k.value) as [PlaceKind, ...PlaceKind[]];
export type PlaceKind = (typeof PLACE_KINDS)[number]['value'];

export const PLACE_STATUSES = [
  { value: 'active', label: 'In the scheme' },
  { value: 'withdrawn', label: 'Withdrew' },
  { value: 'closed', label: 'Closed down' },
] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number]['value'];
const PLACE_STATUS_IDS = PLACE_STATUSES.map((s) => s.value) as [PlaceStatus, ...PlaceStatus[]];

const placeInputShape = {
  id: Id,
  partnershipId: Id,
  kind: z.enum(PLACE_KIND_IDS, { error: 'Choose which register the place belongs to' }),
  name: Text(120),
  town: Text(80),
  /** The venue's address, if the officer wants it on record (never a home). */
  address: z.nullable(Text(200)),
  point: z.nullable(GeoPoint),
  status: z.enum(PLACE_STATUS_IDS, { error: 'Choose whether the place is in the scheme' }),
  /** When it joined the scheme. */
  joinedOn: IsoDate,
  recordedAt: IsoDateTime,
};
export const PlaceInput = z.strictObject(placeInputShape);
export type PlaceInput = z.infer<typeof PlaceInput>;

/** What a change may touch. The register (kind) and the date it joined stay: a mistake there is a new place. */
export const EDITABLE_PLACE_FIELDS = ['name', 'town', 'address', 'point', 'status'] as const;
export type EditablePlaceField = (typeof EDITABLE_PLACE_FIELDS)[number];

export const PlaceChanges = z
  .strictObject({
    name: z.optional(placeInputShape.name),
    town: z.optional(placeInputShape.town),
    address: z.optional(placeInputShape.address),
    point: z.optional(placeInputShape.point),
    status: z.optional(placeInputShape.status),
  })
  .check(z.refine((c) => Object.keys(c).length > 0, 'A change must change at least one field'));
export type PlaceChanges = z.infer<typeof PlaceChanges>;

export const PlaceUpdateArgs = z.strictObject({ id: Id, baseVersion: Int(0), changes: PlaceChanges });
export type PlaceUpdateArgs = z.infer<typeof PlaceUpdateArgs>;

/** A place as the server holds it and pulls send it. */
export const PlaceRecord = z.object({
  ...placeInputShape,
  version: z.int(),
  createdBy: Id,
  updatedAt: IsoDateTime,
});
export type PlaceRecord = z.infer<typeof PlaceRecord>;

/** The rules zod cannot see alone, for phone and server alike. */
export function checkPlace(place: Pick<PlaceInput, 'joinedOn'>, today: string): { field: string; message: string }[] {
  if (place.joinedOn > addDays(today, 1)) return [{ field: 'joinedOn', message: 'The date it joined must be today or in the past' }];
  if (place.joinedOn < '2000-01-01') return [{ field: 'joinedOn', message: 'The date it joined must be in 2000 or later' }];
  return [];
}

/** The place with the changed fields replaced. */
export function applyPlaceChanges<T extends Record<EditablePlaceField, unknown>>(place: T, changes: PlaceChanges): T {
  const next = { ...place };
  for (const field of EDITABLE_PLACE_FIELDS) if (field in changes) (next as Record<string, unknown>)[field] = changes[field];
  return next;
}
