import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { OFFICER } from '../support/demo';
import { outcomeFor } from '../support/outcomes';
import { logOutcome } from '../../src/app/data/log-outcome';
import { loadActionDetail } from '../../src/app/data/action-detail';
import { areaIdOf } from '../../src/app/data/area-names';
import type { Area } from '../../src/domain/partnership-lists';
import type { TalliesResponse } from '../../src/domain/tally/response';

/**
 * An administrator renames one area and retires another while an officer's phone, offline, holds
 * an outcome logged in each: once the phone syncs, both outcomes are on the server under their
 * areas by id (the retired one accepted, since the phone chose it before it knew), each keeps the
 * town as it was logged, and the server counts them under the areas' current names. A phone of an
 * earlier release, which sends only the town, has its outcome put under the area of that name.
 */
let server: TestServer;
let phone: TestDevice;
let admin: TestDevice;
let partnershipId: string;
beforeEach(async () => {
  server = await startTestServer();
  phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  partnershipId = phone.user.memberships[0]!.partnershipId;
  const made = await addUser(server.storage, partnershipId, 'admin', 'admin@southandvale.example');
  admin = await signedInDevice(server.url, made.email, made.password);
});
afterEach(() => server.close());

const areas = () => server.storage.transaction((tx) => tx.lists.list('areas', partnershipId), 'read');
const areaCalled = async (name: string) => (await areas()).find((a) => a.name === name)!;
const storedOutcome = (id: string) => server.storage.transaction((tx) => tx.outcomes.find(id), 'read');

async function changeArea(area: Area, change: { name?: string; retired?: boolean }) {
  const r = await admin.fetch(`${server.url}/api/partnerships/${partnershipId}/areas/${area.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  expect(r.status).toBe(200);
}

describe('areas renamed and retired while a phone holds outcomes in them', () => {
  it('lands each outcome under its area by id, the retired one accepted, counted under the current names', async () => {
    await phone.sync.syncNow();
    const [didcot, thame] = [await areaCalled('Didcot'), await areaCalled('Thame')];

    phone.online = false;
    const inDidcot = await logOutcome(phone.db, phone.user, { ...(await outcomeFor(phone.db, '22')), town: 'Didcot', areaId: didcot.id });
    const inThame = await logOutcome(phone.db, phone.user, { ...(await outcomeFor(phone.db, '22')), town: 'Thame', areaId: thame.id });
    await phone.sync.syncNow();
    expect(await storedOutcome(inDidcot.id)).toBeUndefined();

    await changeArea(didcot, { name: 'Didcot and Harwell' });
    await changeArea(thame, { retired: true });

    phone.online = true;
    await phone.sync.syncNow();
    expect(phone.sync.getSnapshot().problem).toBeNull();
    expect(await storedOutcome(inDidcot.id)).toMatchObject({ areaId: didcot.id, town: 'Didcot' });
    expect(await storedOutcome(inThame.id)).toMatchObject({ areaId: thame.id, town: 'Thame' });
    expect(await phone.db.outcomes.get(inThame.id)).toMatchObject({ syncState: 'synced', areaId: thame.id });

    const tallies = (await (await admin.fetch(`${server.url}/api/partnerships/${partnershipId}/tallies`)).json()) as TalliesResponse;
    const byTown = tallies.measures.flatMap((m) => m.tally.figures.flatMap((f) => f.byTown.map((t) => t.town)));
    expect(byTown).toContain('Didcot and Harwell');
    expect(byTown).toContain('Thame');
    expect(byTown).not.toContain('Didcot');
  });

  it('puts an outcome from an earlier release, which names only its town, under the area of that name, or none', async () => {
    await phone.sync.syncNow();
    const thame = await areaCalled('Thame');
    await changeArea(thame, { retired: true });
    const { areaId: _, ...oldRelease } = await outcomeFor(phone.db, '22');
    const named = await logOutcome(phone.db, phone.user, { ...oldRelease, town: 'thame' });
    const unknown = await logOutcome(phone.db, phone.user, { ...oldRelease, town: 'Nowhere Green' });
    await phone.sync.syncNow();
    expect(await storedOutcome(named.id)).toMatchObject({ areaId: thame.id, town: 'thame' });
    expect(await storedOutcome(unknown.id)).toMatchObject({ areaId: null, town: 'Nowhere Green' });
  });

  it('refuses an area of another partnership, naming the field, and writes nothing', async () => {
    await phone.sync.syncNow();
    const other = await addOtherPartnership(server.storage);
    const theirs = (await server.storage.transaction((tx) => tx.lists.list('areas', other.partnershipId)))[0]!;
    const logged = await logOutcome(phone.db, phone.user, { ...(await outcomeFor(phone.db, '22')), town: theirs.name, areaId: theirs.id });
    await phone.sync.syncNow();
    expect(await storedOutcome(logged.id)).toBeUndefined();
    expect(await phone.db.outcomes.get(logged.id)).toMatchObject({
      syncState: 'rejected',
      rejection: { code: 'invalid', message: 'areaId: No such area in this partnership.', fieldErrors: [{ path: 'areaId' }] },
    });
  });

  it('offers the town names on a phone updated from an earlier release, offline before its first re-pull, and logs by the name', async () => {
    await phone.sync.syncNow();
    // As the update leaves it: the partnership as an earlier release pulled it, with its towns, and no area records yet.
    await phone.db.areas.clear();
    expect((await phone.db.partnerships.toArray())[0]?.towns).toContain('Thame');
    phone.online = false;
    const values = await outcomeFor(phone.db, '22', 0, { town: null });
    const detail = (await loadActionDetail(phone.db, values.actionId))!;
    expect(detail.areas.map((a) => a.name)).toEqual(['Abingdon', 'Didcot', 'Faringdon', 'Henley-on-Thames', 'Thame', 'Wallingford', 'Wantage']);
    const thameChoice = detail.areas.find((a) => a.name === 'Thame')!;
    const logged = await logOutcome(phone.db, phone.user, { ...values, town: thameChoice.name, areaId: areaIdOf(thameChoice.id) });

    phone.online = true;
    await phone.sync.syncNow();
    expect(phone.sync.getSnapshot().problem).toBeNull();
    expect(await storedOutcome(logged.id)).toMatchObject({ areaId: (await areaCalled('Thame')).id, town: 'Thame' });
  });
});
