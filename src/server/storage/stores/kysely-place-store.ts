import type { Transaction } from 'kysely';
import type { PlaceChanges } from '../../../domain/place';
import type { Database } from '../schema';
import type { PlaceStore, StoredPlace } from './place-store';

/** Registers of places over the caller's transaction. */
export class KyselyPlaceStore implements PlaceStore {
  constructor(private readonly t: Transaction<Database>) {}

  async find(id: string) {
    const r = await this.t.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPlace(r);
  }

  async insert(p: StoredPlace) {
    await this.t
      .insertInto('places')
      .values({
        id: p.id,
        partnership_id: p.partnershipId,
        kind: p.kind,
        name: p.name,
        town: p.town,
        address: p.address,
        point_json: p.point && JSON.stringify(p.point),
        status: p.status,
        joined_on: p.joinedOn,
        recorded_at: p.recordedAt,
        created_by: p.createdBy,
        updated_at: p.updatedAt,
        version: p.version,
      })
      .execute();
  }

  async update(id: string, changes: PlaceChanges, version: number, updatedAt: string) {
    await this.t
      .updateTable('places')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.town !== undefined && { town: changes.town }),
        ...('address' in changes && { address: changes.address ?? null }),
        ...('point' in changes && { point_json: changes.point ? JSON.stringify(changes.point) : null }),
        ...(changes.status !== undefined && { status: changes.status }),
        version,
        updated_at: updatedAt,
      })
      .where('id', '=', id)
      .execute();
  }
}

export function toPlace(r: Database['places']): StoredPlace {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    kind: r.kind as StoredPlace['kind'],
    name: r.name,
    town: r.town,
    address: r.address,
    point: r.point_json === null ? null : (JSON.parse(r.point_json) as StoredPlace['point']),
    status: r.status as StoredPlace['status'],
    joinedOn: r.joined_on,
    recordedAt: r.recorded_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}
