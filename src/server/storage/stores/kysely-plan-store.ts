import type { Transaction } from 'kysely';
import { DEFAULT_PARTNERSHIP_DETAILS, type PartnershipDetails } from '../../../domain/partnership-details';
import type { Database } from '../schema';
import type { PlanRecords, PlanRemovalRecord, PlanStore, PlanWrites, StoredPartnership } from './plan-store';
import {
  actionRow,
  indicatorRow,
  measureRow,
  objectiveRow,
  planRow,
  priorityRow,
  toAction,
  toIndicator,
  toMeasure,
  toObjective,
  toPlan,
  toPartnership,
  detailsColumns,
  toPriority,
} from './plan-rows';

/** Partnerships and plans over the caller's transaction. */
export class KyselyPlanStore implements PlanStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly takeVersion: () => Promise<number>,
  ) {}

  async countPartnerships() {
    const r = await this.t
      .selectFrom('partnerships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async findPartnership(idOrName: string) {
    const r =
      (await this.t.selectFrom('partnerships').selectAll().where('id', '=', idOrName).executeTakeFirst()) ??
      (await this.t.selectFrom('partnerships').selectAll().where('name', '=', idOrName).executeTakeFirst());
    return r && toPartnership(r);
  }

  async listPartnerships() {
    const rows = await this.t.selectFrom('partnerships').selectAll().orderBy('name').execute();
    return rows.map(toPartnership);
  }

  async insertPartnership(p: StoredPartnership) {
    const version = await this.takeVersion();
    await this.t
      .insertInto('partnerships')
      .values({ id: p.id, name: p.name, version, ...detailsColumns(p.details ?? DEFAULT_PARTNERSHIP_DETAILS) })
      .execute();
  }

  async updateDetails(partnershipId: string, name: string, details: PartnershipDetails) {
    const version = await this.takeVersion();
    const r = await this.t
      .updateTable('partnerships')
      .set({ name, ...detailsColumns(details), version })
      .where('id', '=', partnershipId)
      .returningAll()
      .executeTakeFirst();
    return r && toPartnership(r);
  }

  async listPublicContacts() {
    const rows = await this.t.selectFrom('partnerships').select(['id', 'name', 'contact_email', 'contact_phone', 'data_controller']).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, contactEmail: r.contact_email, contactPhone: r.contact_phone, dataController: r.data_controller }));
  }

  async list(partnershipId: string) {
    const rows = await this.t.selectFrom('plans').selectAll().where('partnership_id', '=', partnershipId).orderBy('period_start', 'desc').execute();
    return rows.map(toPlan);
  }

  async find(planId: string) {
    const r = await this.t.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
    return r && toPlan(r);
  }

  async insert(plan: Parameters<PlanStore['insert']>[0]) {
    await this.t
      .insertInto('plans')
      .values(planRow(plan, await this.takeVersion()))
      .execute();
  }

  async update(plan: Parameters<PlanStore['update']>[0]) {
    const { id, ...row } = planRow(plan, await this.takeVersion());
    await this.t.updateTable('plans').set(row).where('id', '=', id).execute();
  }

  async insertWithRecords(partnershipId: string, r: PlanRecords) {
    await this.insert(r.plan);
    const add = <T>(records: T[]) => ({ add: records, update: [] });
    await this.write(partnershipId, {
      objectives: add(r.objectives),
      priorities: add(r.priorities),
      indicators: add(r.indicators),
      actions: add(r.actions),
      measures: add(r.measures),
    });
  }

  async listRecords(planId: string) {
    const t = this.t;
    const [objectives, priorities, indicators, actions, measures] = await Promise.all([
      t.selectFrom('objectives').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
      t.selectFrom('priorities').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
      t.selectFrom('indicators').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
      t.selectFrom('actions').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
      t.selectFrom('measures').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    ]);
    return {
      objectives: objectives.map(toObjective),
      priorities: priorities.map(toPriority),
      indicators: indicators.map(toIndicator),
      actions: actions.map(toAction),
      measures: measures.map(toMeasure),
    };
  }

  /** Parents before children, so every foreign key points at a row that is already there. */
  async write(partnershipId: string, writes: PlanWrites) {
    const scope = async () => ({ partnership_id: partnershipId, version: await this.takeVersion() });
    const t = this.t;
    for (const o of writes.objectives?.add ?? [])
      await t
        .insertInto('objectives')
        .values(objectiveRow(o, await scope()))
        .execute();
    for (const o of writes.objectives?.update ?? []) {
      const { id, ...row } = objectiveRow(o, await scope());
      await t.updateTable('objectives').set(row).where('id', '=', id).execute();
    }
    for (const p of writes.priorities?.add ?? [])
      await t
        .insertInto('priorities')
        .values(priorityRow(p, await scope()))
        .execute();
    for (const p of writes.priorities?.update ?? []) {
      const { id, ...row } = priorityRow(p, await scope());
      await t.updateTable('priorities').set(row).where('id', '=', id).execute();
    }
    for (const i of writes.indicators?.add ?? [])
      await t
        .insertInto('indicators')
        .values(indicatorRow(i, await scope()))
        .execute();
    for (const i of writes.indicators?.update ?? []) {
      const { id, ...row } = indicatorRow(i, await scope());
      await t.updateTable('indicators').set(row).where('id', '=', id).execute();
    }
    for (const a of writes.actions?.add ?? [])
      await t
        .insertInto('actions')
        .values(actionRow(a, await scope()))
        .execute();
    for (const a of writes.actions?.update ?? []) {
      const { id, ...row } = actionRow(a, await scope());
      await t.updateTable('actions').set(row).where('id', '=', id).execute();
    }
    for (const m of writes.measures?.add ?? [])
      await t
        .insertInto('measures')
        .values(measureRow(m, await scope()))
        .execute();
    for (const m of writes.measures?.update ?? []) {
      const { id, ...row } = measureRow(m, await scope());
      await t.updateTable('measures').set(row).where('id', '=', id).execute();
    }
  }

  async remove(r: PlanRemovalRecord, version?: number) {
    await this.t.deleteFrom(r.table).where('id', '=', r.id).execute();
    await this.t
      .insertInto('plan_removals')
      .values({
        id: r.id,
        partnership_id: r.partnershipId,
        plan_id: r.planId,
        record_table: r.table,
        merged_into: r.mergedInto,
        removed_by: r.removedBy,
        removed_at: r.removedAt,
        version: version ?? (await this.takeVersion()),
      })
      .execute();
  }

  async findRemoval(recordId: string) {
    const r = await this.t.selectFrom('plan_removals').selectAll().where('id', '=', recordId).executeTakeFirst();
    return r && toRemoval(r);
  }

  async findAction(actionId: string) {
    const r = await this.t.selectFrom('actions').selectAll().where('id', '=', actionId).executeTakeFirst();
    return r && { ...toAction(r), partnershipId: r.partnership_id };
  }

  async findMeasure(measureId: string) {
    const r = await this.t.selectFrom('measures').selectAll().where('id', '=', measureId).executeTakeFirst();
    return r && { ...toMeasure(r), partnershipId: r.partnership_id };
  }

  async listMeasuresOfAction(actionId: string) {
    const rows = await this.t.selectFrom('measures').selectAll().where('action_id', '=', actionId).orderBy('position').execute();
    return rows.map(toMeasure);
  }

  async listMeasuresOfPartnership(partnershipId: string) {
    const rows = await this.t
      .selectFrom('measures')
      .innerJoin('actions', 'actions.id', 'measures.action_id')
      .selectAll('measures')
      .select(['actions.ref as action_ref', 'actions.position as action_position'])
      .where('measures.partnership_id', '=', partnershipId)
      .orderBy('actions.position')
      .orderBy('measures.position')
      .execute();
    return rows.map((r) => ({ ...toMeasure(r), actionRef: r.action_ref }));
  }

  async moveOutcomes(fromActionId: string, toActionId: string) {
    const rows = await this.t.selectFrom('outcomes').select('id').where('action_id', '=', fromActionId).orderBy('version').execute();
    const moved: { id: string; version: number }[] = [];
    for (const { id } of rows) {
      const version = await this.takeVersion();
      await this.t.updateTable('outcomes').set({ action_id: toActionId, version }).where('id', '=', id).execute();
      moved.push({ id, version });
    }
    return moved;
  }

  async countOutcomesOfAction(actionId: string) {
    const r = await this.t
      .selectFrom('outcomes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

export function toRemoval(r: Database['plan_removals']): PlanRemovalRecord {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    planId: r.plan_id,
    table: r.record_table as PlanRemovalRecord['table'],
    mergedInto: r.merged_into,
    removedBy: r.removed_by,
    removedAt: r.removed_at,
  };
}
