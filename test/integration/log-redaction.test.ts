import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, startServerProcess, type ServerProcess } from '../support/server-process';
import { signedInDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { createApiClient } from '../../src/app/api/api-client';
import { cookieFetch } from '../support/cookie-fetch';

/**
 * The server's logs never hold what an officer wrote, a password or a session token
 * (src/server/http/log-serializers.ts). The real server process at LOG_LEVEL=trace, its whole
 * output captured, while notes travel in every way they can reach it: pushed and stored, refused
 * as an invalid mutation, in a push whose envelope is wrong (400), in a body that is not JSON,
 * in a query string, and handed back to a coordinator.
 */
const dir = mkdtempSync(join(tmpdir(), 'fieldbook-logs-'));
let server: ServerProcess;
let output = '';
beforeAll(async () => {
  server = await startServerProcess({
    PORT: '0',
    LOG_LEVEL: 'trace',
    DATABASE_PATH: join(dir, 'fieldbook.sqlite'),
    FIELDBOOK_STATIC_DIR: join(dir, 'none'),
    SCRYPT_LOG_N: '12',
  });
  server.child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
}, 60_000);
afterAll(async () => {
  await killHard(server);
  rmSync(dir, { recursive: true, force: true });
});

const secret = (what: string) => `${what}-${randomBytes(6).toString('hex')}`;

describe('server logs', () => {
  it('hold requests as JSON lines without notes, passwords or session tokens', async () => {
    const stored = secret('stored-note');
    const refused = secret('refused-note');
    const badEnvelope = secret('envelope-note');
    const notJson = secret('not-json-note');
    const inQuery = secret('query-note');
    const wrongPassword = secret('wrong-password');

    const officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
    await officer.sync.syncNow();
    const base = await outcomeFor(officer.db, '22');
    await logOutcome(officer.db, officer.user, { ...base, notes: stored });
    await officer.sync.syncNow();
    expect(await officer.db.outbox.count()).toBe(0);

    // A mutation the server refuses for good (details the type does not have), with its note.
    const { id: _id, recordedAt: _r, ...valid } = { ...base, id: '', recordedAt: '' };
    const answer = await officer.api.push({
      deviceId: randomUUID(),
      mutations: [
        {
          seq: 1,
          kind: 'outcome.create',
          args: { ...valid, id: randomUUID(), recordedAt: new Date().toISOString(), details: { bogus: refused }, notes: refused },
        },
      ],
    });
    expect(answer.results[0]?.status).toBe('rejected');

    const raw = (path: string, init: RequestInit) => officer.fetch(server.url + path, init);
    const json = { 'content-type': 'application/json' };
    expect(
      (await raw('/api/sync/push', { method: 'POST', headers: json, body: JSON.stringify({ deviceId: randomUUID(), mutations: [], notes: badEnvelope }) }))
        .status,
    ).toBe(400);
    expect((await raw('/api/sync/push', { method: 'POST', headers: json, body: `{"deviceId": "${notJson}` })).status).toBe(400);
    expect((await raw(`/api/sync/pull?cursor=${inQuery}`, { method: 'GET' })).status).toBeLessThan(500);

    const stranger = createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
    await expect(stranger.signIn({ email: OFFICER.email, password: wrongPassword })).rejects.toThrow();

    // Coordinators receive every note: the answer carries it, the log must not.
    const coordinatorFetch = cookieFetch();
    const coordinator = createApiClient({ baseUrl: server.url, fetch: coordinatorFetch });
    await coordinator.signIn({ email: COORDINATOR.email, password: COORDINATOR.password });
    const page = await coordinator.pull(undefined, 5000);
    expect(page.changes.outcomes.map((o) => o.notes)).toContain(stored);

    await new Promise((r) => setTimeout(r, 300)); // the last lines through the pipe
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    // The log really was captured, request by request, as JSON.
    expect(lines.length).toBeGreaterThan(20);
    const entries = lines.map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });
    expect(entries.filter((e) => e.msg === 'incoming request' && e.req?.url === '/api/sync/push').length).toBeGreaterThanOrEqual(4);

    const tokens = [...officer.fetch.cookies.values(), ...coordinatorFetch.cookies.values()];
    expect(tokens.length).toBeGreaterThan(0);
    for (const s of [stored, refused, badEnvelope, notJson, inQuery, wrongPassword, OFFICER.password, COORDINATOR.password, ...tokens]) {
      expect(output).not.toContain(s);
    }
  }, 60_000);
});
