import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import type { RowInserts } from '../row-inserts';
import type { AuditStore, NewAuditEntry } from './audit-store';

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

/** The audit log over the caller's transaction. An entry's seq is a version, so entries sort in commit order. */
export class KyselyAuditStore implements AuditStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly takeVersions: (count: number) => Promise<number>,
    private readonly inserts: RowInserts,
  ) {}

  async append(entry: NewAuditEntry) {
    await this.appendMany([entry]);
  }

  /** One range of seqs for the lot, then multi-row inserts kept under every dialect's parameter limit. */
  async appendMany(entries: readonly NewAuditEntry[]) {
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

  async list(partnershipId: string, before: number | undefined, limit: number) {
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
}
