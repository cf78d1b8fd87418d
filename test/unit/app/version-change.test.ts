import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../../src/app/db/fieldbook-db';
import { closeOnNewerVersion } from '../../../src/app/db/version-change';

describe('another tab opening a newer database version', () => {
  it('is not blocked: this tab closes its connection and says it must reload', async () => {
    const indexedDB = new IDBFactory();
    const thisTab = new FieldbookDb('fieldbook-user-tabs', { indexedDB, IDBKeyRange });
    await thisTab.open();
    await thisTab.outbox.add({ seq: 1, kind: 'outcome.create', args: {}, outcomeId: 'o1', createdAt: '2026-11-22T10:00:00.000Z' });
    let outdated = false;
    closeOnNewerVersion(thisTab, () => {
      outdated = true;
    });

    // A newer release in another tab: a version above this release's, which adds a table.
    const newer = thisTab.verno + 1;
    const newerTab = new Dexie('fieldbook-user-tabs', { indexedDB, IDBKeyRange });
    newerTab.version(newer).stores({ outbox: 'seq, outcomeId', drafts: 'key', places: 'id', later: 'id' });
    await newerTab.open();

    expect(outdated).toBe(true);
    expect(thisTab.isOpen()).toBe(false);
    expect(newerTab.verno).toBe(newer);
    expect(await newerTab.table('outbox').count()).toBe(1);
    newerTab.close();
  });
});
