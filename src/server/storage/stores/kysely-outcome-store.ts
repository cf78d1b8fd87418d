import type { Transaction } from 'kysely';
import type { OutcomeChanges } from '../../../domain/outcome';
import type { Database } from '../schema';
import { ROWS_PER_STATEMENT, type RowInserts } from '../row-inserts';
import type { NewOutcomeHistory, OutcomeStore, StoredOutcome } from './outcome-store';

/** Every column of an outcome row, in the order the batched insert sends them. */
const OUTCOME_COLUMNS = [
  'id',
  'partnership_id',
  'action_id',
  'outcome_type',
  'details_json',
  'author_id',
  'device_id',
  'occurred_on',
  'town',
  'area_id',
  'location_json',
  'place_id',
  'notes',
  'recorded_at',
  'received_at',
  'version',
  'deleted_at',
  'field_versions_json',
] as const satisfies readonly (keyof Database['outcomes'])[];

/** Outcomes and their history over the caller's transaction. */
export class KyselyOutcomeStore implements OutcomeStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly inserts: RowInserts,
  ) {}

  async find(id: string) {
    const r = await this.t.selectFrom('outcomes').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toStoredOutcome(r);
  }

  /** The outcomes of the given ids that exist (deleted ones too), by id. */
  async findMany(ids: readonly string[]) {
    const found = new Map<string, StoredOutcome>();
    for (const part of chunks([...new Set(ids)])) {
      if (part.length === 0) continue;
      const rows = await this.t.selectFrom('outcomes').selectAll().where('id', 'in', part).execute();
      for (const r of rows) found.set(r.id, toStoredOutcome(r));
    }
    return found;
  }

  async list(partnershipId: string) {
    const rows = await this.t.selectFrom('outcomes').selectAll().where('partnership_id', '=', partnershipId).orderBy('version').execute();
    return rows.map(toStoredOutcome);
  }

  async insertMany(outcomes: readonly StoredOutcome[]) {
    const rows = outcomes.map((o) => ({
      id: o.id,
      partnership_id: o.partnershipId,
      action_id: o.actionId,
      outcome_type: o.type,
      details_json: JSON.stringify(o.details),
      author_id: o.authorId,
      device_id: o.deviceId,
      occurred_on: o.occurredOn,
      town: o.town,
      area_id: o.areaId,
      location_json: o.location && JSON.stringify(o.location),
      place_id: o.placeId,
      notes: o.notes,
      recorded_at: o.recordedAt,
      received_at: o.receivedAt,
      version: o.version,
      deleted_at: o.deletedAt,
      field_versions_json: JSON.stringify(o.fieldVersions),
    }));
    await this.inserts.insert<Database, 'outcomes'>(this.t, 'outcomes', OUTCOME_COLUMNS, rows);
  }

  async update(id: string, changes: OutcomeChanges, version: number, fieldVersions: StoredOutcome['fieldVersions']) {
    await this.t
      .updateTable('outcomes')
      .set({
        ...(changes.details !== undefined && { details_json: JSON.stringify(changes.details) }),
        ...(changes.occurredOn !== undefined && { occurred_on: changes.occurredOn }),
        ...('town' in changes && { town: changes.town ?? null }),
        ...('areaId' in changes && { area_id: changes.areaId ?? null }),
        ...('location' in changes && { location_json: changes.location ? JSON.stringify(changes.location) : null }),
        ...('placeId' in changes && { place_id: changes.placeId ?? null }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
        version,
        field_versions_json: JSON.stringify(fieldVersions),
      })
      .where('id', '=', id)
      .execute();
  }

  async markDeleted(id: string, deletedAt: string, version: number) {
    await this.t.updateTable('outcomes').set({ deleted_at: deletedAt, version }).where('id', '=', id).execute();
  }

  async appendHistory(e: NewOutcomeHistory) {
    await this.t
      .insertInto('outcome_history')
      .values({
        id: e.id,
        outcome_id: e.outcomeId,
        partnership_id: e.partnershipId,
        version: e.version,
        kind: e.kind,
        field: e.field,
        from_json: JSON.stringify(e.from ?? null),
        to_json: JSON.stringify(e.to ?? null),
        conflict: e.conflict ? 1 : 0,
        actor_id: e.actorId,
        at: e.at,
      })
      .execute();
  }

  async listHistory(outcomeId: string) {
    const rows = await this.t
      .selectFrom('outcome_history')
      .innerJoin('users', 'users.id', 'outcome_history.actor_id')
      .selectAll('outcome_history')
      .select('users.name as actor_name')
      .where('outcome_history.outcome_id', '=', outcomeId)
      .orderBy('outcome_history.version')
      .orderBy('outcome_history.field')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      outcomeId: r.outcome_id,
      kind: r.kind === 'delete' ? ('delete' as const) : ('update' as const),
      field: r.field,
      from: JSON.parse(r.from_json) as unknown,
      to: JSON.parse(r.to_json) as unknown,
      conflict: r.conflict === 1,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
      version: Number(r.version),
    }));
  }
}

/** Ids in lists short enough for one `in (…)` each. */
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

export function toStoredOutcome(r: Database['outcomes']): StoredOutcome {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    actionId: r.action_id,
    type: r.outcome_type as StoredOutcome['type'],
    details: JSON.parse(r.details_json) as StoredOutcome['details'],
    authorId: r.author_id,
    deviceId: r.device_id,
    occurredOn: r.occurred_on,
    town: r.town,
    areaId: r.area_id,
    location: r.location_json === null ? null : (JSON.parse(r.location_json) as StoredOutcome['location']),
    placeId: r.place_id,
    notes: r.notes,
    recordedAt: r.recorded_at,
    receivedAt: r.received_at,
    version: Number(r.version),
    deletedAt: r.deleted_at,
    fieldVersions: JSON.parse(r.field_versions_json) as StoredOutcome['fieldVersions'],
  };
}
