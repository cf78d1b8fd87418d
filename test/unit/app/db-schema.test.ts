import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';

/**
 * Shipped IndexedDB schema versions are frozen: phones in the field hold data in exactly these
 * shapes, and Dexie upgrades them only through new versions with .upgrade() functions.
 * test/fixtures/dexie-schema-v1.json is a copy of version 1 as released; editing version 1 in
 * fieldbook-db.ts instead of adding version 2 fails here.
 */
describe('the phone database schema', () => {
  it('still declares version 1 exactly as it shipped', async () => {
    const db = newTestDb();
    await db.open();
    const frozen = JSON.parse(readFileSync(new URL('../../fixtures/dexie-schema-v1.json', import.meta.url), 'utf8')) as Record<string, string>;
    const v1 = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')] as const).sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(db.verno).toBe(1);
    expect(v1).toEqual(frozen);
    db.close();
  });
});
