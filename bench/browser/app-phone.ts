import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import { Phone } from './chromium';

export interface SyncedPhone {
  phone: Phone;
  /** The first sync after sign-in, in the real app: how long until every record was on the phone, and the long tasks meanwhile. */
  firstSync: { ms: number; longTasks: number[] };
}

/** What the officer's database holds, read with raw IndexedDB (no app code) from inside the page. */
async function countsOnPhone(page: Page): Promise<{ actions: number; outcomes: number }> {
  return page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((d) => d.name?.startsWith('fieldbook-user-'));
    if (!info?.name) return { actions: 0, outcomes: 0 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('count failed'));
      });
    try {
      return db.objectStoreNames.contains('outcomes') ? { actions: await count('actions'), outcomes: await count('outcomes') } : { actions: 0, outcomes: 0 };
    } finally {
      db.close();
    }
  });
}

/**
 * A phone the officer has signed in on, in the real app as a person would (the sign-in form),
 * left open until its first sync holds everything the server has for them and the service worker
 * controls the page, so that it can next start offline.
 */
export async function signedInPhone(url: string, expect: { actions: number; outcomes: number }): Promise<SyncedPhone> {
  const phone = new Phone();
  const context = await phone.open();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.getByLabel('Email address').fill(DEMO_USERS.officer.email);
    await page.getByLabel('Password').fill(DEMO_USERS.officer.password);
    const signedIn = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (;;) {
      const held = await countsOnPhone(page);
      if (held.actions >= expect.actions && held.outcomes >= expect.outcomes) break;
      if (Date.now() - signedIn > 300_000) throw new Error(`first sync incomplete after 5 minutes: ${JSON.stringify(held)} of ${JSON.stringify(expect)}`);
      await page.waitForTimeout(50);
    }
    const ms = Date.now() - signedIn;
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    return { phone, firstSync: { ms, longTasks } };
  } finally {
    await context.close();
  }
}

/** Opens the phone's browser afresh (a cold start: a new browser process on the same profile), offline. */
export async function openOffline(phone: Phone, script: () => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone.open({ offline: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(script);
  return { context, page };
}
