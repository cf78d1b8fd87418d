import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/test-server';
import { signedInDevice } from '../../support/test-device';
import { cookieFetch } from '../../support/cookie-fetch';
import { COORDINATOR, OFFICER } from '../../support/demo';
import { outcomeFor } from '../../support/outcomes';
import { addUser } from '../../support/seed-extra';
import { logOutcome } from '../../../src/app/data/log-outcome';
import { parseCsv } from '../../../src/domain/plan-import/csv';
import type { AuditPage } from '../../../src/domain/audit';
import { demoPartnershipId } from '../../support/demo-partnership';

let server: TestServer;
let partnershipId: string;
let coordinator: ReturnType<typeof cookieFetch>;
beforeAll(async () => {
  // SQLite whatever FIELDBOOK_TEST_BACKEND says: these tests write to the database file directly
  // (the storage contract suite checks PostgreSQL's append-only triggers).
  server = await startTestServer({}, { backend: 'sqlite' });
  partnershipId = await demoPartnershipId(server.storage);
  coordinator = cookieFetch();
  await coordinator(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
});
afterAll(() => server.close());

const auditPage = async (query = ''): Promise<AuditPage> =>
  (await coordinator(`${server.url}/api/partnerships/${partnershipId}/audit${query}`)).json() as Promise<AuditPage>;

describe('the audit log', () => {
  it('records who created each outcome and when, without copying the notes', async () => {
    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await officer.sync.syncNow();
    const logged = await logOutcome(officer.db, officer.user, await outcomeFor(officer.db, '19', 0, { notes: 'names a person: never in the log' }));
    await officer.sync.syncNow();

    const { entries } = await auditPage();
    const entry = entries.find((e) => e.entityId === logged.id);
    expect(entry).toMatchObject({
      action: 'outcome.created',
      actorName: 'Sam Patel',
      entityType: 'outcome',
      details: { actionRef: '19', type: 'training-session', occurredOn: logged.occurredOn, town: 'Didcot' },
    });
    // Nothing of the outcome's details either: only what says which record it was.
    expect(Object.keys(entry!.details).sort()).toEqual(['actionRef', 'areaId', 'occurredOn', 'town', 'type']);
    expect(JSON.stringify(entry)).not.toContain('never in the log');
    // The demo seed's, oldest: the partnership made, then its plan imported, by no one signed in.
    expect(entries.slice(-2)).toMatchObject([
      { action: 'plan.imported', actorName: null },
      { action: 'partnership.created', actorName: null },
    ]);
  });

  it('pages from newest to oldest', async () => {
    const all = (await auditPage('?limit=500')).entries;
    const first = await auditPage('?limit=1');
    expect(first.entries[0]!.seq).toBe(all[0]!.seq);
    const second = await auditPage(`?limit=1&before=${first.nextBefore!}`);
    expect(second.entries[0]!.seq).toBe(all[1]!.seq);
  });

  it('cannot be changed or deleted, even by SQL against the database file', () => {
    const db = new SQLite(server.dbPath);
    try {
      expect(() => db.prepare("update audit_log set action = 'forged'").run()).toThrow(/append-only/);
      expect(() => db.prepare('delete from audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('exports as CSV that a spreadsheet cannot run as formulas', async () => {
    const trickster = await addUser(server.storage, partnershipId, 'officer', 'trick@southandvale.example');
    // A name a spreadsheet would run, set in the database directly (no screen takes names yet).
    const formula = '=HYPERLINK("http://evil.example","click")';
    const sqlite = new SQLite(server.dbPath);
    sqlite.prepare('update users set name = ? where id = ?').run(formula, trickster.id);
    sqlite.close();
    const phone = await signedInDevice(server.url, trickster.email, trickster.password);
    await phone.sync.syncNow();
    await logOutcome(phone.db, phone.user, await outcomeFor(phone.db, '22'));
    await phone.sync.syncNow();

    const res = await coordinator(`${server.url}/api/partnerships/${partnershipId}/audit.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="audit-south-and-vale-community-safety-partnership.csv"');
    const rows = parseCsv(await res.text()).map((r) => r.cells);
    // The partnership's protective marking first (the demo's, OFFICIAL by default), then the headings.
    expect(rows[0]).toEqual(['OFFICIAL']);
    expect(rows[1]).toEqual(['when', 'who', 'action', 'record type', 'record id', 'details']);
    expect(rows.filter((r) => r[2] === 'outcome.created').map((r) => r[1])).toContain(`'${formula}`);
    for (const r of rows.slice(2)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
