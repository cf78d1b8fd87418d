import { describe, expect, it } from 'vitest';
import { z } from '../../../src/domain/zod';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { parsePullPage } from '../../../src/app/api/parse-pull-page';
import { pullAll } from '../../../src/app/sync/pull-changes';
import type { ApiClient } from '../../../src/app/api/api-client';
import { PULLED_RECORD, PULLED_TABLES, PullChanges, PullResponse, emptyChanges } from '../../../src/domain/sync/pull';

const user = { id: crypto.randomUUID() };
/** A page as it comes off the wire: plain JSON, with a field the protocol does not know. */
const wire = (page: PullResponse) => JSON.parse(JSON.stringify({ ...page, extra: 1 })) as Record<string, unknown>;

describe('checking a pull page a batch of records at a time', () => {
  it('checks each table with the same record schema as the page schema', () => {
    for (const table of PULLED_TABLES)
      expect((PullChanges.shape[table] as unknown as { _zod: { def: { element: unknown } } })._zod.def.element).toBe(PULLED_RECORD[table]);
  });

  it('gives what the page schema gives, yielding to the page between batches', async () => {
    const page = southAndValePage(user.id);
    // Several batches of one table: copies of the plan's actions under other ids.
    page.changes.actions.push(...Array.from({ length: 12 }).flatMap(() => page.changes.actions.map((a) => ({ ...a, id: crypto.randomUUID() }))));
    const json = wire(page);
    let yields = 0;
    const parsed = await parsePullPage(json, () => {
      yields++;
      return Promise.resolve();
    });
    const whole = z.safeParse(PullResponse, json);
    expect(whole.success).toBe(true);
    expect(parsed).toEqual({ success: true, data: whole.data });
    const records = PULLED_TABLES.reduce((n, t) => n + (json.changes as Record<string, unknown[]>)[t]!.length, 0);
    expect(records).toBeGreaterThan(300);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(records / 100) - PULLED_TABLES.length);
  });

  it('refuses a page whose record deep in a later batch is wrong, as the page schema does', async () => {
    const json = wire(southAndValePage(user.id));
    const actions = (json.changes as { actions: Record<string, unknown>[] }).actions;
    actions[actions.length - 1]!.ref = 42;
    expect(z.safeParse(PullResponse, json).success).toBe(false);
    expect((await parsePullPage(json, () => Promise.resolve())).success).toBe(false);
  });

  it('refuses a page whose envelope is wrong', async () => {
    expect((await parsePullPage({ reset: false, changes: emptyChanges(), more: false })).success).toBe(false);
  });
});

describe('pulling page after page', () => {
  it('asks for the next page while one applies, with the cursor that page stores', async () => {
    const db = newTestDb();
    const asked: (string | undefined)[] = [];
    const pages = [
      { ...southAndValePage(user.id), cursor: 'c1', more: true },
      { reset: false, changes: emptyChanges(), cursor: 'c2', more: false },
    ];
    const api = { pull: (cursor: string | undefined) => (asked.push(cursor), Promise.resolve(pages[asked.length - 1]!)) } as unknown as ApiClient;
    expect(await pullAll(db, api, user.id)).toMatchObject({ pages: 2 });
    expect(asked).toEqual([undefined, 'c1']);
    expect((await db.meta.get('pullCursor'))?.value).toBe('c2');
  });

  it('when a page fails to apply, the cursor stays at the last committed page and the page asked for ahead is dropped', async () => {
    const db = newTestDb();
    const good = { ...southAndValePage(user.id), cursor: 'c1', more: true };
    const broken = { reset: false, changes: { ...emptyChanges(), actions: [{ id: undefined }] }, cursor: 'c2', more: true } as unknown as PullResponse;
    let calls = 0;
    const api = {
      pull: () => {
        calls++;
        if (calls === 1) return Promise.resolve(good);
        if (calls === 2) return Promise.resolve(broken);
        return Promise.reject(new Error('the page asked for ahead fails too'));
      },
    } as unknown as ApiClient;
    await expect(pullAll(db, api, user.id)).rejects.toThrow();
    expect(calls).toBe(3);
    expect((await db.meta.get('pullCursor'))?.value).toBe('c1');
    expect(await db.actions.count()).toBe(good.changes.actions.length);
  });
});
