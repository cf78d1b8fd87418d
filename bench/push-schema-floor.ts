import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openSqliteStorage } from '../src/server/storage/sqlite';
import { DEMO_USERS, seedDemoIfEmpty } from '../src/server/seed/demo-seed';

/** What the device pushes for one outcome (the bench's record of it). */
export interface PushedOutcome {
  id: string;
  actionId: string;
  type: string;
  details: unknown;
  occurredOn: string;
  town: string | null;
  location: unknown;
  placeId: string | null;
  notes: string | null;
  recordedAt: string;
}

/**
 * A reference figure beside the baseline of "push outcomes", not a replacement for it: the rows a push commits for
 * each new outcome (the outcome and its audit entry), raw-inserted with prepared statements into
 * Fieldbook's own schema — its indexes, foreign keys and append-only triggers, migrated and seeded
 * as the server's database is — in transactions of the same size, WAL and synchronous=FULL. No
 * HTTP, no checks, no versions counter, no device bookkeeping: the floor that this schema sets
 * for a push, where the baseline's bare two-column table sets the disk's.
 */
export class SchemaFloor {
  private constructor(
    private readonly db: Database.Database,
    private readonly ids: { partnershipId: string; actionId: string; actionRef: string; authorId: string; deviceId: string },
  ) {}

  static async open(path: string, actionRef: string): Promise<SchemaFloor> {
    const storage = await openSqliteStorage(path);
    await seedDemoIfEmpty(storage, { logN: 12, r: 8, p: 1 });
    await storage.close();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const action = db.prepare('select id, partnership_id from actions where ref = ?').get(actionRef) as { id: string; partnership_id: string };
    const author = db.prepare('select id from users where email = ?').get(DEMO_USERS.officer.email) as { id: string };
    const deviceId = randomUUID();
    const now = new Date().toISOString();
    db.prepare('insert into devices (id, user_id, last_seq, created_at, last_seen_at) values (?, ?, 0, ?, ?)').run(deviceId, author.id, now, now);
    return new SchemaFloor(db, { partnershipId: action.partnership_id, actionId: action.id, actionRef, authorId: author.id, deviceId });
  }

  /** The rows of these outcomes, `batch` outcomes per transaction; milliseconds. */
  insert(outcomes: readonly PushedOutcome[], batch: number): number {
    const { partnershipId, actionId, actionRef, authorId, deviceId } = this.ids;
    const outcome = this.db.prepare(
      `insert into outcomes (id, partnership_id, action_id, outcome_type, details_json, author_id, device_id, occurred_on, town, location_json, place_id, notes, recorded_at, received_at, version, deleted_at, field_versions_json)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, '{}')`,
    );
    const audit = this.db.prepare(
      `insert into audit_log (id, seq, partnership_id, actor_id, action, entity_type, entity_id, at, details_json) values (?, ?, ?, ?, 'outcome.created', 'outcome', ?, ?, ?)`,
    );
    const next = this.db.prepare('select coalesce(max(seq), 0) + 1 as seq from audit_log').pluck();
    const write = this.db.transaction((part: readonly PushedOutcome[]) => {
      const at = new Date().toISOString();
      let version = next.get() as number;
      for (const o of part) {
        outcome.run(
          o.id,
          partnershipId,
          actionId,
          o.type,
          JSON.stringify(o.details),
          authorId,
          deviceId,
          o.occurredOn,
          o.town,
          o.location === null ? null : JSON.stringify(o.location),
          o.placeId,
          o.notes,
          o.recordedAt,
          at,
          version++,
        );
        audit.run(
          randomUUID(),
          version++,
          partnershipId,
          authorId,
          o.id,
          at,
          JSON.stringify({ actionRef, type: o.type, occurredOn: o.occurredOn, town: o.town }),
        );
      }
    });
    const started = performance.now();
    for (let i = 0; i < outcomes.length; i += batch) write(outcomes.slice(i, i + batch));
    return performance.now() - started;
  }

  close(): void {
    this.db.close();
  }
}
