import { createApiClient } from '../../src/app/api/api-client';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import { cookieFetch } from '../../test/support/cookie-fetch';

export interface Tally {
  expected: number;
  /** Logged on a phone, not on the server. */
  lost: number;
  /** On the server more than once: the same id twice, or the same logged outcome under two ids. */
  duplicated: number;
  /** On the server, from this run, but never logged by it (would mean corruption). */
  unknown: number;
}

/**
 * What the server holds, as a coordinator's phone would download it (coordinators receive every
 * note), checked against what the phones logged: every note is unique to one logged outcome.
 */
export async function tallyOnServer(serverUrl: string, logged: { ids: readonly string[]; notes: readonly string[] }, runId: string): Promise<Tally> {
  const api = createApiClient({ baseUrl: serverUrl, fetch: cookieFetch(), timeoutMs: 300_000 });
  await api.signIn({ email: DEMO_USERS.coordinator.email, password: DEMO_USERS.coordinator.password });
  const ids = new Map<string, number>();
  const notes = new Map<string, number>();
  let cursor: string | undefined;
  for (;;) {
    const page = await api.pull(cursor, 5000);
    for (const o of page.changes.outcomes) {
      if (!o.notes?.startsWith(`loadtest ${runId} `)) continue;
      ids.set(o.id, (ids.get(o.id) ?? 0) + 1);
      notes.set(o.notes, (notes.get(o.notes) ?? 0) + 1);
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  const loggedNotes = new Set(logged.notes);
  const extra = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  return {
    expected: logged.ids.length,
    lost: logged.ids.filter((id) => !ids.has(id)).length,
    duplicated: Math.max(extra(ids), extra(notes)),
    unknown: [...notes.keys()].filter((n) => !loggedNotes.has(n)).length,
  };
}
