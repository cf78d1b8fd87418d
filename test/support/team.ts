import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './test-server';
import { signedInDevice, type TestDevice } from './test-device';
import { cookieFetch } from './cookie-fetch';
import { COORDINATOR, OFFICER } from './demo';
import { demoPartnershipId } from './demo-partnership';
import { addOtherPartnership, addUser } from './seed-extra';
import { coordinatorApi, type CoordinatorApi } from '../../src/app/api/coordinator-api';
import { createApiClient } from '../../src/app/api/api-client';
import type { Role } from '../../src/domain/user';

/*
 * The demo partnership's team, for the tests of how coordinators manage their partnership's
 * people through the real server and the app's own API client. `serveTeam()`, called once at the
 * top of a test file, starts a server of that file's own before its tests and closes it after;
 * the bindings below are set from then on (ES module bindings are live, and vitest gives each
 * test file its own copy of this module).
 */
export let server: TestServer;
export let partnershipId: string;
/** The demo officer's user id. */
export let officerId: string;
/** The demo coordinator, signed in on a phone of their own. */
export let lead: TestDevice;
export let leadAdmin: CoordinatorApi;

export function serveTeam(): void {
  beforeAll(async () => {
    server = await startTestServer();
    partnershipId = await demoPartnershipId(server.storage);
    officerId = (await server.storage.transaction((tx) => tx.accounts.findUserByEmail(OFFICER.email)))!.id;
    lead = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
    leadAdmin = coordinatorApi(lead.api);
  });
  afterAll(() => server.close());
}

export const newEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@southandvale.example`;
export const freshApi = () => createApiClient({ baseUrl: server.url, fetch: cookieFetch() });
/** A user in the demo partnership, signed in on a phone of their own. */
export async function member(role: Role, who: string = role) {
  const user = await addUser(server.storage, partnershipId, role, newEmail(who));
  return { ...user, device: await signedInDevice(server.url, user.email, user.password) };
}
/** A second partnership with a coordinator of its own (and, from addOtherPartnership, an officer). */
export async function otherPartnership() {
  const other = await addOtherPartnership(server.storage);
  const leadUser = await addUser(server.storage, other.partnershipId, 'coordinator', `lead-${other.partnershipId.slice(0, 8)}@other.example`);
  const leadDevice = await signedInDevice(server.url, leadUser.email, leadUser.password);
  return { ...other, lead: leadUser, admin: coordinatorApi(leadDevice.api) };
}
export const auditOf = (id: string, pid = partnershipId) =>
  server.storage.transaction(async (tx) => (await tx.audit.list(pid, undefined, 1000)).filter((e) => e.entityId === id));
