import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';

/**
 * The schema phones in the field run. A released version is frozen: the latest one declared must
 * match test/fixtures/dexie-schema-v<n>.json, written when version n was released. Changing the
 * schema means adding version n+1 with an upgrade, a new fixture, and a frozen-data upgrade test
 * for version n (db-upgrades.test.ts); editing a released version fails here.
 */
describe('the phone database schema', () => {
  it('declares its latest version exactly as it was frozen', async () => {
    const db = newTestDb();
    await db.open();
    const frozen = JSON.parse(readFileSync(new URL(`../../fixtures/dexie-schema-v${db.verno}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    const declared = Object.fromEntries(
      db.tables
        .map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')] as const)
        .sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(db.verno).toBe(8);
    expect(declared).toEqual(frozen);
    db.close();
  });
});
