import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice } from '../support/test-device';
import { OFFICER } from '../support/demo';
import { loadPlans } from '../../src/app/data/plan-queries';
import { loadMyActions } from '../../src/app/data/my-actions-queries';
import { searchActions } from '../../src/app/data/action-search';
import { DEMO_OFFICER_REFS, DEMO_PARTNERSHIP } from '../../src/server/seed/demo-seed';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('an officer signing in on a new phone', () => {
  it('gets the whole South and Vale plan onto the phone on first sync', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();

    expect(device.sync.getSnapshot().problem).toBeNull();
    const [plan] = await loadPlans(device.db);
    expect(plan?.partnership?.name).toBe(DEMO_PARTNERSHIP);
    expect(plan?.plan.title).toBe('Rolling annual plan 2018-19');
    const actions = plan!.objectives.flatMap((o) => o.priorities.flatMap((p) => p.actions));
    expect(actions.map((a) => a.ref)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(await device.db.measures.count()).toBe(65);
    expect(await device.db.indicators.count()).toBe(13);
    // Direction-of-travel indicators sit under their priorities (Domestic Abuse has two).
    const domesticAbuse = plan!.objectives[0]!.priorities.find((p) => p.priority.name === 'Domestic Abuse');
    expect(domesticAbuse?.indicators).toHaveLength(2);
    expect(await device.db.meta.get('lastSyncedAt')).toBeDefined();
  });

  it('lists the officer’s own actions under My actions and finds actions by ref or words', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await device.sync.syncNow();

    const mine = await loadMyActions(device.db, device.user.id);
    expect(mine.map((m) => m.action.ref)).toEqual(DEMO_OFFICER_REFS);
    expect((await searchActions(device.db, '22')).map((r) => r.action.ref)).toEqual(['22']);
    expect((await searchActions(device.db, 'ref 19')).map((r) => r.action.ref)).toEqual(['19']);
    expect((await searchActions(device.db, 'hotel watch')).map((r) => r.action.ref)).toEqual(['19']);
    expect((await searchActions(device.db, 'SAFE places')).map((r) => r.action.ref)).toEqual(['3']);
    expect(await searchActions(device.db, 'no such words anywhere')).toEqual([]);
  });

  it('pulls in small pages without skipping or repeating anything', async () => {
    const whole = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    const paged = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    const first = await whole.api.pull(undefined, 5000);
    expect(first.more).toBe(false);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await paged.api.pull(cursor, 7);
      pages++;
      for (const rows of Object.values(page.changes)) for (const r of rows) seen.push(r.id);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const all = Object.values(first.changes).flatMap((rows) => rows.map((r) => r.id));
    expect(pages).toBeGreaterThan(all.length / 7);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.sort());
  });

  it('starts a device from nothing again when its cursor no longer fits (reset)', async () => {
    const device = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    const page = await device.api.pull('not-a-cursor', 5000);
    expect(page.reset).toBe(true);
    expect(page.changes.actions).toHaveLength(28);
  });
});
