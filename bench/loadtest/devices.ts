import { randomBytes } from 'node:crypto';
import { createApiClient, type ApiClient } from '../../src/app/api/api-client';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import { logOutcome } from '../../src/app/data/log-outcome';
import { pullAll } from '../../src/app/sync/pull-changes';
import { pushOutbox } from '../../src/app/sync/push-outbox';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import type { SessionUser } from '../../src/domain/user';
import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import { cookieFetch } from '../../test/support/cookie-fetch';
import { newTestDb } from '../../test/support/fake-db';
import { outcomeFor } from '../../test/support/outcomes';
import { mapLimited } from './stats';

/** One simulated phone: the app's own API client, IndexedDB database (fake-indexeddb) and push code. */
export interface LoadDevice {
  index: number;
  serverUrl: string;
  api: ApiClient;
  db: FieldbookDb;
  user: SessionUser;
  /** Each push request: how long from sending it to its answer, and the HTTP status (0: no answer). */
  pushes: { ms: number; status: number }[];
  /** The note of each outcome logged: unique across the run, so a copy on the server is recognisable. */
  notes: string[];
}

/** Long random passphrases: the server's password policy refuses guessable ones. */
const newPassword = () => `load test ${randomBytes(12).toString('base64url')}`;

/**
 * Adds `count` officers to the demo partnership through the coordinator's own API (as the Team
 * screen does), so provisioning takes the same path on either storage backend.
 */
export async function addOfficers(serverUrl: string, count: number, runId: string): Promise<{ email: string; temporaryPassword: string }[]> {
  const api = createApiClient({ baseUrl: serverUrl, fetch: cookieFetch() });
  const coordinator = await api.signIn({ email: DEMO_USERS.coordinator.email, password: DEMO_USERS.coordinator.password });
  const partnershipId = coordinator.memberships[0]!.partnershipId;
  const team = coordinatorApi(api);
  return mapLimited(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const email = `officer-${runId}-${i}@loadtest.example`;
      const added = await team.addMember(partnershipId, { email, name: `Load Officer ${i}`, jobTitle: 'Community Safety Officer', role: 'officer' });
      if (added.temporaryPassword === null) throw new Error(`${email} already existed: use a fresh database`);
      return { email, temporaryPassword: added.temporaryPassword };
    },
  );
}

/** Signs a new officer in on a new phone, replaces the temporary password, and downloads the plan. */
export async function newDevice(index: number, serverUrl: string, account: { email: string; temporaryPassword: string }): Promise<LoadDevice> {
  const jar = cookieFetch();
  const pushes: LoadDevice['pushes'] = [];
  // The API client always calls fetch with a string address.
  const timed = (async (input: string, init?: RequestInit) => {
    if (!input.includes('/api/sync/push')) return jar(input, init);
    const sent = performance.now();
    try {
      const response = await jar(input, init);
      pushes.push({ ms: performance.now() - sent, status: response.status });
      return response;
    } catch (e) {
      // A push the phone gave up on (its timeout) counts in the latency too, as status 0.
      pushes.push({ ms: performance.now() - sent, status: 0 });
      throw e;
    }
  }) as typeof fetch;
  // The phone's own timeout (30 s): a push slower than that counts as failed and is resent.
  const api = createApiClient({ baseUrl: serverUrl, fetch: timed });
  await api.signIn({ email: account.email, password: account.temporaryPassword });
  const password = newPassword();
  await api.changePassword({ currentPassword: account.temporaryPassword, newPassword: password });
  const user = await api.signIn({ email: account.email, password });
  const db = newTestDb(`loadtest-${index}`);
  await pullAll(db, api, user.id);
  return { index, serverUrl, api, db, user, pushes, notes: [] };
}

/**
 * Logs `count` outcomes with no server involved: what an officer does out of signal. Each is
 * queued in the outbox by the app's own data layer, exactly as the form does it.
 */
export async function logOffline(device: LoadDevice, count: number, runId: string): Promise<void> {
  const template = await outcomeFor(device.db, '22');
  for (let i = 0; i < count; i++) {
    const notes = `loadtest ${runId} device ${device.index} outcome ${i}`;
    await logOutcome(device.db, device.user, { ...template, details: { ...template.details, attendees: 1 + (i % 40) }, notes }, undefined, {
      confirmDuplicate: true,
    });
    device.notes.push(notes);
  }
}

/**
 * The phone's push step, as the sync engine runs it: the outbox in batches until it is empty.
 * A push that fails (a timeout, a 5xx) is sent again after a pause, as the sync engine's backoff
 * would, up to `attempts` times; each failure is counted, and the server's sequence numbers make
 * the resend safe.
 */
export async function pushAll(device: LoadDevice, attempts = 5): Promise<{ applied: number; rejected: number; left: number; failures: string[] }> {
  const failures: string[] = [];
  let applied = 0;
  let rejected = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const summary = await pushOutbox(device.db, device.api);
      applied += summary.applied;
      rejected += summary.rejected;
      break;
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
  return { applied, rejected, left: await device.db.outbox.count(), failures };
}
