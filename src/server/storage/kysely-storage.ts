import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import type {
  ChangesByTable,
  PhotoRecord,
  PlanStore,
  ReviewStore,
  Storage,
  StorageTx,
  StoredFundReturn,
  StoredOutcome,
  StoredPlace,
  TransactionKind,
} from './storage';
import { Role } from '../../domain/user';
import { hasCoordinatorRights } from '../../domain/roles';
import { json, parseStrings, toAction, toIndicator, toMeasure, toObjective, toPlan, toPriority } from './plan-rows';
import { KyselyPlanStore, toRemoval } from './kysely-plan-store';
import { KyselyReviewStore, toReview, toSignOff } from './kysely-review-store';
import { ROWS_PER_STATEMENT, RowInserts } from './row-inserts';

export type Backend = 'sqlite' | 'postgres';

/**
 * Storage over Kysely: the queries are written once and Kysely's dialect turns them into
 * SQLite or PostgreSQL. Keep every query portable (no SQLite-only functions, no upsert syntax
 * differences): only how a transaction begins differs by backend.
 */
export class KyselyStorage implements Storage {
  constructor(
    private readonly db: Kysely<Database>,
    readonly backend: Backend = 'sqlite',
  ) {}

  /** The compiled text of the multi-row inserts, shared by every transaction on this database. */
  private readonly inserts = new RowInserts();

  transaction<T>(fn: (tx: StorageTx) => Promise<T>, kind: TransactionKind = 'write'): Promise<T> {
    // SQLite: one connection, and Kysely runs its transactions one after another on it.
    if (this.backend === 'sqlite') return this.db.transaction().execute((trx) => fn(new KyselyTx(trx, this.inserts)));
    if (kind === 'read') {
      // One snapshot for every statement (READ COMMITTED takes one per statement, and a pull
      // reading table after table could then pass over a change committed in between).
      return this.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => fn(new KyselyTx(trx, this.inserts)));
    }
    return this.db.transaction().execute(async (trx) => {
      // The counter row is the one lock every writing transaction takes, first, and holds to
      // commit: writes run one at a time across all instances, and versions are taken and
      // committed in the same order, so a pull that sees version V sees everything below it.
      if (kind === 'write') await sql`select value from sync_counter where id = 1 for update`.execute(trx);
      return fn(new KyselyTx(trx, this.inserts));
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

class KyselyTx implements StorageTx {
  readonly plans: PlanStore;
  readonly reviews: ReviewStore;

  constructor(
    private readonly t: Transaction<Database>,
    private readonly inserts: RowInserts,
  ) {
    this.plans = new KyselyPlanStore(t, () => this.takeVersion());
    this.reviews = new KyselyReviewStore(t, () => this.takeVersion());
  }

  async findUserByEmail(email: string) {
    const row = await this.t.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async findUserById(id: string) {
    const row = await this.t.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async insertUser(u: Parameters<StorageTx['insertUser']>[0]) {
    await this.t
      .insertInto('users')
      .values({
        id: u.id,
        email: u.email.toLowerCase(),
        name: u.name,
        password_hash: u.passwordHash,
        active: u.active ? 1 : 0,
        created_at: u.createdAt,
        must_change_password: u.mustChangePassword ? 1 : 0,
      })
      .execute();
  }

  async listMemberships(userId: string) {
    const rows = await this.t
      .selectFrom('memberships')
      .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
      .select(['memberships.partnership_id', 'partnerships.name', 'memberships.role', 'memberships.job_title'])
      .where('memberships.user_id', '=', userId)
      .orderBy('partnerships.name')
      .execute();
    return rows.map((r) => ({
      partnershipId: r.partnership_id,
      partnershipName: r.name,
      role: Role.parse(r.role),
      jobTitle: r.job_title,
    }));
  }

  async insertMembership(m: Parameters<StorageTx['insertMembership']>[0]) {
    await this.t.insertInto('memberships').values({ user_id: m.userId, partnership_id: m.partnershipId, role: m.role, job_title: m.jobTitle }).execute();
  }

  async insertSession(s: Parameters<StorageTx['insertSession']>[0]) {
    await this.t
      .insertInto('sessions')
      .values({
        token_hash: s.tokenHash,
        user_id: s.userId,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        idle_expires_at: s.idleExpiresAt,
        absolute_expires_at: s.absoluteExpiresAt,
      })
      .execute();
  }

  async findSession(tokenHash: string) {
    const r = await this.t.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return (
      r && {
        tokenHash: r.token_hash,
        userId: r.user_id,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        idleExpiresAt: r.idle_expires_at,
        absoluteExpiresAt: r.absolute_expires_at,
      }
    );
  }

  async touchSession(tokenHash: string, lastSeenAt: string, idleExpiresAt: string) {
    await this.t.updateTable('sessions').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteSession(tokenHash: string) {
    await this.t.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOfUser(userId: string, keepTokenHash?: string) {
    let q = this.t.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
    await q.execute();
  }

  async setUserPassword(userId: string, passwordHash: string) {
    await this.t.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async setUserActive(userId: string, active: boolean) {
    await this.t
      .updateTable('users')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async listMembers(partnershipId: string) {
    const rows = await this.t
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'users.email', 'users.active', 'memberships.role', 'memberships.job_title'])
      .where('memberships.partnership_id', '=', partnershipId)
      .orderBy('users.name')
      .execute();
    return rows.map(toMember);
  }

  async findMember(partnershipId: string, userId: string) {
    const row = await this.t
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'users.email', 'users.active', 'memberships.role', 'memberships.job_title'])
      .where('memberships.partnership_id', '=', partnershipId)
      .where('memberships.user_id', '=', userId)
      .executeTakeFirst();
    return row && toMember(row);
  }

  async updateMembership(userId: string, partnershipId: string, changes: Parameters<StorageTx['updateMembership']>[2]) {
    const set = { ...(changes.role !== undefined && { role: changes.role }), ...(changes.jobTitle !== undefined && { job_title: changes.jobTitle }) };
    if (Object.keys(set).length === 0) return;
    await this.t.updateTable('memberships').set(set).where('user_id', '=', userId).where('partnership_id', '=', partnershipId).execute();
  }

  async countActiveCoordinators(partnershipId: string) {
    const r = await this.t
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('memberships.partnership_id', '=', partnershipId)
      .where('memberships.role', 'in', Role.options.filter(hasCoordinatorRights))
      .where('users.active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async setMustChangePassword(userId: string, mustChange: boolean) {
    await this.t
      .updateTable('users')
      .set({ must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
  }

  async findThrottle(key: string) {
    const r = await this.t.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return r && { key: r.key, failures: r.failures, windowStartedAt: r.window_started_at, blockedUntil: r.blocked_until };
  }

  async saveThrottle(r: Parameters<StorageTx['saveThrottle']>[0]) {
    const row = { key: r.key, failures: r.failures, window_started_at: r.windowStartedAt, blocked_until: r.blockedUntil };
    await this.t
      .insertInto('sign_in_throttle')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_started_at: row.window_started_at, blocked_until: row.blocked_until }))
      .execute();
  }

  async deleteThrottle(key: string) {
    await this.t.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }

  async appendAudit(e: Parameters<StorageTx['appendAudit']>[0]) {
    await this.appendAuditEntries([e]);
  }

  /** One range of seqs for the lot, then multi-row inserts kept under every dialect's parameter limit. */
  async appendAuditEntries(entries: Parameters<StorageTx['appendAuditEntries']>[0]) {
    if (entries.length === 0) return;
    const first = await this.takeVersions(entries.length);
    const rows = entries.map((e, i) => ({
      id: e.id,
      seq: first + i,
      partnership_id: e.partnershipId,
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      at: e.at,
      details_json: JSON.stringify(e.details),
    }));
    await this.inserts.insert<Database, 'audit_log'>(this.t, 'audit_log', AUDIT_COLUMNS, rows);
  }

  async listAudit(partnershipId: string, before: number | undefined, limit: number) {
    let q = this.t
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .selectAll('audit_log')
      .select('users.name as actor_name')
      .where('audit_log.partnership_id', '=', partnershipId);
    if (before !== undefined) q = q.where('audit_log.seq', '<', before);
    const rows = await q.orderBy('audit_log.seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      partnershipId: r.partnership_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      at: r.at,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
  }

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
    return r && { id: r.id, name: r.name, towns: parseStrings(r.towns_json) };
  }

  async insertPartnership(p: Parameters<StorageTx['insertPartnership']>[0]) {
    const version = await this.takeVersion();
    await this.t
      .insertInto('partnerships')
      .values({ id: p.id, name: p.name, towns_json: json(p.towns), version })
      .execute();
  }

  async insertPlanRecords(partnershipId: string, r: Parameters<StorageTx['insertPlanRecords']>[1]) {
    await this.plans.insertPlan(r.plan);
    const add = <T>(records: T[]) => ({ add: records, update: [] });
    await this.plans.write(partnershipId, {
      objectives: add(r.objectives),
      priorities: add(r.priorities),
      indicators: add(r.indicators),
      actions: add(r.actions),
      measures: add(r.measures),
    });
  }

  async findAction(actionId: string) {
    const r = await this.t.selectFrom('actions').selectAll().where('id', '=', actionId).executeTakeFirst();
    return r && { ...toAction(r), partnershipId: r.partnership_id };
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

  async listMeasuresOfAction(actionId: string) {
    const rows = await this.t.selectFrom('measures').selectAll().where('action_id', '=', actionId).orderBy('position').execute();
    return rows.map(toMeasure);
  }

  async takeVersion() {
    const r = await this.t
      .updateTable('sync_counter')
      .set({ value: sql`value + 1` })
      .where('id', '=', 1)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value);
  }

  /**
   * `count` consecutive versions in one step (a push's outcomes): the first is returned. The same
   * counter row as takeVersion, so the range is held by this transaction until it commits.
   */
  async takeVersions(count: number) {
    const r = await this.t
      .updateTable('sync_counter')
      .set({ value: sql`value + ${count}` })
      .where('id', '=', 1)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value) - count + 1;
  }

  async findDevice(deviceId: string) {
    const r = await this.t.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
    return r && { id: r.id, userId: r.user_id, lastSeq: Number(r.last_seq), createdAt: r.created_at, lastSeenAt: r.last_seen_at };
  }

  async insertDevice(d: Parameters<StorageTx['insertDevice']>[0]) {
    await this.t
      .insertInto('devices')
      .values({ id: d.id, user_id: d.userId, last_seq: d.lastSeq, created_at: d.createdAt, last_seen_at: d.lastSeenAt })
      .execute();
  }

  async updateDevice(deviceId: string, lastSeq: number, lastSeenAt: string) {
    await this.t.updateTable('devices').set({ last_seq: lastSeq, last_seen_at: lastSeenAt }).where('id', '=', deviceId).execute();
  }

  async findOutcome(id: string) {
    const r = await this.t.selectFrom('outcomes').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toStoredOutcome(r);
  }

  /** The outcomes of the given ids that exist (deleted ones too), by id. */
  async findOutcomes(ids: readonly string[]) {
    const found = new Map<string, StoredOutcome>();
    for (const part of chunks([...new Set(ids)])) {
      if (part.length === 0) continue;
      const rows = await this.t.selectFrom('outcomes').selectAll().where('id', 'in', part).execute();
      for (const r of rows) found.set(r.id, toStoredOutcome(r));
    }
    return found;
  }

  async insertOutcomes(outcomes: readonly StoredOutcome[]) {
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

  async updateOutcome(id: string, changes: Parameters<StorageTx['updateOutcome']>[1], version: number, fieldVersions: StoredOutcome['fieldVersions']) {
    await this.t
      .updateTable('outcomes')
      .set({
        ...(changes.details !== undefined && { details_json: JSON.stringify(changes.details) }),
        ...(changes.occurredOn !== undefined && { occurred_on: changes.occurredOn }),
        ...('town' in changes && { town: changes.town ?? null }),
        ...('location' in changes && { location_json: changes.location ? JSON.stringify(changes.location) : null }),
        ...('placeId' in changes && { place_id: changes.placeId ?? null }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
        version,
        field_versions_json: JSON.stringify(fieldVersions),
      })
      .where('id', '=', id)
      .execute();
  }

  async markOutcomeDeleted(id: string, deletedAt: string, version: number) {
    await this.t.updateTable('outcomes').set({ deleted_at: deletedAt, version }).where('id', '=', id).execute();
  }

  async appendOutcomeHistory(e: Parameters<StorageTx['appendOutcomeHistory']>[0]) {
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

  async listOutcomeHistory(outcomeId: string) {
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

  async findPlace(id: string) {
    const r = await this.t.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toPlace(r);
  }

  async insertPlace(p: StoredPlace) {
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

  async updatePlace(id: string, changes: Parameters<StorageTx['updatePlace']>[1], version: number, updatedAt: string) {
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

  async insertPhoto(p: Parameters<StorageTx['insertPhoto']>[0]) {
    await this.t
      .insertInto('photos')
      .values({
        id: p.id,
        outcome_id: p.outcomeId,
        partnership_id: p.partnershipId,
        uploaded_by: p.uploadedBy,
        mime: p.mime,
        bytes: p.bytes,
        width: p.width,
        height: p.height,
        sha256: p.sha256,
        data: p.data,
        uploaded_at: p.uploadedAt,
      })
      .execute();
  }

  async findPhoto(id: string) {
    const r = await this.t.selectFrom('photos').select(PHOTO_COLUMNS).where('id', '=', id).executeTakeFirst();
    return r && toPhoto(r);
  }

  async readPhotoData(id: string) {
    const r = await this.t.selectFrom('photos').select('data').where('id', '=', id).executeTakeFirst();
    return r?.data;
  }

  async listPhotosOfOutcome(outcomeId: string) {
    const rows = await this.t.selectFrom('photos').select(PHOTO_COLUMNS).where('outcome_id', '=', outcomeId).orderBy('uploaded_at').orderBy('id').execute();
    return rows.map(toPhoto);
  }

  async countPhotosOfOutcome(outcomeId: string) {
    const r = await this.t
      .selectFrom('photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome_id', '=', outcomeId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertRejection(r: Parameters<StorageTx['insertRejection']>[0]) {
    await this.t
      .insertInto('sync_rejections')
      .values({
        id: r.id,
        device_id: r.deviceId,
        user_id: r.userId,
        seq: r.seq,
        kind: r.kind,
        code: r.code,
        message: r.message,
        args_json: r.argsJson,
        created_at: r.createdAt,
      })
      .execute();
  }

  async listRejections(deviceId: string) {
    const rows = await this.t.selectFrom('sync_rejections').selectAll().where('device_id', '=', deviceId).orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id,
      deviceId: r.device_id,
      userId: r.user_id,
      seq: Number(r.seq),
      kind: r.kind,
      code: r.code,
      message: r.message,
      argsJson: r.args_json,
      createdAt: r.created_at,
    }));
  }

  async findFundReturn(planId: string) {
    const r = await this.t.selectFrom('fund_returns').selectAll().where('plan_id', '=', planId).executeTakeFirst();
    return r && toFundReturn(r);
  }

  async saveFundReturn(f: Parameters<StorageTx['saveFundReturn']>[0]) {
    const version = await this.takeVersion();
    const { grantPence, localAuthorityArea, councilContact, policeLead, lines } = f;
    const row = {
      id: f.id,
      partnership_id: f.partnershipId,
      plan_id: f.planId,
      doc_json: json({ grantPence, localAuthorityArea, councilContact, policeLead, lines }),
      updated_at: f.updatedAt,
      updated_by: f.updatedBy,
      version,
    };
    const existing = await this.findFundReturn(f.planId);
    if (existing)
      await this.t
        .updateTable('fund_returns')
        .set({ ...row, id: existing.id })
        .where('id', '=', existing.id)
        .execute();
    else await this.t.insertInto('fund_returns').values(row).execute();
    return version;
  }

  async listOutcomes(partnershipId: string) {
    const rows = await this.t.selectFrom('outcomes').selectAll().where('partnership_id', '=', partnershipId).orderBy('version').execute();
    return rows.map(toStoredOutcome);
  }

  async changesSince(partnershipIds: readonly string[], coordinatorOf: readonly string[], after: number, limit: number): Promise<ChangesByTable> {
    const ids = [...partnershipIds];
    if (ids.length === 0) {
      return {
        partnerships: [],
        plans: [],
        objectives: [],
        priorities: [],
        indicators: [],
        actions: [],
        measures: [],
        outcomes: [],
        places: [],
        removals: [],
        reviews: [],
        signOffs: [],
        fundReturns: [],
      };
    }
    // An empty IN list is not portable SQL: a partnership id that cannot exist stands in.
    const coordinated = coordinatorOf.length > 0 ? [...coordinatorOf] : ['-'];
    const t = this.t;
    const page = <R extends { version: number }, T>(rows: R[], map: (r: R) => T) => rows.map((r) => ({ version: Number(r.version), record: map(r) }));
    const [partnerships, plans, objectives, priorities, indicators, actions, measures, outcomes, places, removals, reviews, signOffs, fundReturns] =
      await Promise.all([
        t.selectFrom('partnerships').selectAll().where('id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('plans').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('objectives').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('priorities').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('indicators').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('actions').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('measures').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t
          .selectFrom('outcomes')
          .innerJoin('users', 'users.id', 'outcomes.author_id')
          .selectAll('outcomes')
          .select('users.name as author_name')
          .where('outcomes.partnership_id', 'in', ids)
          .where('outcomes.version', '>', after)
          .orderBy('outcomes.version')
          .limit(limit)
          .execute(),
        t.selectFrom('places').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t.selectFrom('plan_removals').selectAll().where('partnership_id', 'in', ids).where('version', '>', after).orderBy('version').limit(limit).execute(),
        t
          .selectFrom('action_reviews')
          .innerJoin('users', 'users.id', 'action_reviews.updated_by')
          .selectAll('action_reviews')
          .select('users.name as author_name')
          .where('action_reviews.partnership_id', 'in', coordinated)
          .where('action_reviews.version', '>', after)
          .orderBy('action_reviews.version')
          .limit(limit)
          .execute(),
        t
          .selectFrom('quarter_sign_offs')
          .innerJoin('users', 'users.id', 'quarter_sign_offs.signed_off_by')
          .selectAll('quarter_sign_offs')
          .select('users.name as author_name')
          .where('quarter_sign_offs.partnership_id', 'in', ids)
          .where('quarter_sign_offs.version', '>', after)
          .orderBy('quarter_sign_offs.version')
          .limit(limit)
          .execute(),
        t
          .selectFrom('fund_returns')
          .innerJoin('users', 'users.id', 'fund_returns.updated_by')
          .selectAll('fund_returns')
          .select('users.name as author_name')
          .where('fund_returns.partnership_id', 'in', coordinated)
          .where('fund_returns.version', '>', after)
          .orderBy('fund_returns.version')
          .limit(limit)
          .execute(),
      ]);
    return {
      partnerships: page(partnerships, (r) => ({ id: r.id, name: r.name, towns: parseStrings(r.towns_json) })),
      plans: page(plans, toPlan),
      objectives: page(objectives, toObjective),
      priorities: page(priorities, toPriority),
      indicators: page(indicators, toIndicator),
      actions: page(actions, toAction),
      measures: page(measures, toMeasure),
      outcomes: page(outcomes, (r) => {
        const { deviceId: _device, fieldVersions: _fields, ...rest } = toStoredOutcome(r);
        // A tombstone carries no notes: the device only needs to know the outcome is gone.
        return { ...rest, notes: rest.deletedAt ? null : rest.notes, authorName: r.author_name };
      }),
      places: page(places, toPlace),
      removals: page(removals, (r) => {
        const { partnershipId: _p, removedBy: _by, ...removal } = toRemoval(r);
        return removal;
      }),
      reviews: page(reviews, (r) => {
        const { partnershipId: _p, updatedBy: _by, ...review } = toReview(r);
        return { ...review, updatedByName: r.author_name };
      }),
      signOffs: page(signOffs, (r) => {
        const { partnershipId: _p, signedOffBy: _by, ...signOff } = toSignOff(r);
        return { ...signOff, signedOffByName: r.author_name };
      }),
      fundReturns: page(fundReturns, (r) => {
        const { partnershipId: _p, updatedBy: _by, ...doc } = toFundReturn(r);
        return { ...doc, updatedByName: r.author_name };
      }),
    };
  }
}

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
  'location_json',
  'place_id',
  'notes',
  'recorded_at',
  'received_at',
  'version',
  'deleted_at',
  'field_versions_json',
] as const satisfies readonly (keyof Database['outcomes'])[];

/** Every column of an audit entry. */
const AUDIT_COLUMNS = [
  'id',
  'seq',
  'partnership_id',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'at',
  'details_json',
] as const satisfies readonly (keyof Database['audit_log'])[];

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** Every column but the bytes. */
const PHOTO_COLUMNS = ['id', 'outcome_id', 'partnership_id', 'uploaded_by', 'mime', 'bytes', 'width', 'height', 'sha256', 'uploaded_at'] as const;

function toPhoto(r: Omit<Database['photos'], 'data'>): PhotoRecord {
  return {
    id: r.id,
    outcomeId: r.outcome_id,
    partnershipId: r.partnership_id,
    uploadedBy: r.uploaded_by,
    mime: r.mime,
    bytes: Number(r.bytes),
    width: Number(r.width),
    height: Number(r.height),
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  };
}

function toFundReturn(r: Database['fund_returns']): StoredFundReturn {
  const doc = JSON.parse(r.doc_json) as Pick<StoredFundReturn, 'grantPence' | 'localAuthorityArea' | 'councilContact' | 'policeLead' | 'lines'>;
  return { id: r.id, partnershipId: r.partnership_id, planId: r.plan_id, ...doc, updatedAt: r.updated_at, updatedBy: r.updated_by, version: Number(r.version) };
}

function toUser(r: Database['users']) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    active: r.active === 1,
    createdAt: r.created_at,
    mustChangePassword: r.must_change_password === 1,
  };
}

function toMember(r: Pick<Database['users'], 'id' | 'name' | 'email' | 'active'> & Pick<Database['memberships'], 'role' | 'job_title'>) {
  return { id: r.id, name: r.name, email: r.email, role: Role.parse(r.role), jobTitle: r.job_title, active: r.active === 1 };
}

function toStoredOutcome(r: Database['outcomes']): StoredOutcome {
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

function toPlace(r: Database['places']): StoredPlace {
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
