import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { outcomeFor, inArea } from '../support/outcomes';
import { addOtherPartnership } from '../support/seed-extra';
import { demoPartnershipId } from '../support/demo-partnership';
import { logOutcome, PossibleDuplicateError } from '../../src/app/data/log-outcome';
import { loadActionDetail } from '../../src/app/data/action-detail';
import { addDays, localIsoDate } from '../../src/domain/primitives';
import type { TalliesResponse } from '../../src/domain/tally/response';

/**
 * The server's tallies: outcomes logged on a phone through the app, synced by its sync engine,
 * then added up by the server by each measure's tally rule (GET /api/partnerships/:id/tallies).
 */
let server: TestServer;
let partnershipId: string;
let phone: TestDevice;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  phone = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await phone.sync.syncNow();
});
afterAll(() => server.close());

async function talliesAs(device: TestDevice): Promise<TalliesResponse> {
  const res = await device.fetch(`${server.url}/api/partnerships/${partnershipId}/tallies`);
  expect(res.status).toBe(200);
  return (await res.json()) as TalliesResponse;
}
const measureOf = (tallies: TalliesResponse, ref: string, position: number) => {
  const ofAction = tallies.measures.filter((m) => m.actionRef === ref);
  const m = ofAction[position];
  if (!m) throw new Error(`No measure ${position} of ref ${ref} in the tallies`);
  return m;
};

describe('tallies on the server', () => {
  it('adds up what officers logged by each measure’s rule: one outcome can count toward several measures', async () => {
    const today = localIsoDate(new Date());
    // Ref 3: Safe Place sign-ups. Measure 0 counts the towns the scheme runs in, measure 1 the places.
    const safePlace = await outcomeFor(phone.db, '3', 0);
    expect(safePlace).toMatchObject({ type: 'place-joined', details: { scheme: 'safe-place' } });
    await logOutcome(phone.db, phone.user, {
      ...safePlace,
      town: 'Didcot',
      details: { ...safePlace.details, venueType: 'pharmacy' },
      location: { lat: 51.608, lng: -1.241, accuracyM: 12 },
    });
    await logOutcome(phone.db, phone.user, { ...safePlace, ...(await inArea(phone.db, 'Wantage')), details: { ...safePlace.details, venueType: 'library' } });
    // A second place in Didcot the same day: the phone asks first, then saves it once confirmed.
    const another = { ...safePlace, town: 'Didcot', details: { ...safePlace.details, venueType: 'cafe' } };
    await expect(logOutcome(phone.db, phone.user, another)).rejects.toBeInstanceOf(PossibleDuplicateError);
    await logOutcome(phone.db, phone.user, another, undefined, { confirmDuplicate: true });

    // Ref 22: two hate crime training sessions (the target), 14 and 9 attendees.
    const session = await outcomeFor(phone.db, '22', 0);
    expect(session).toMatchObject({ type: 'training-session', details: { topic: 'hate-crime' } });
    await logOutcome(phone.db, phone.user, { ...session, occurredOn: addDays(today, -7), details: { ...session.details, attendees: 14 } });
    await logOutcome(phone.db, phone.user, { ...session, occurredOn: today, details: { ...session.details, attendees: 9 } });

    await phone.sync.syncNow();
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.outcomes.where('syncState').notEqual('synced').count()).toBe(0);

    const tallies = await talliesAs(phone);
    const towns = measureOf(tallies, '3', 0);
    expect(towns.text).toBe('number of towns where the scheme is running');
    expect(towns.tally).toMatchObject({
      outcomeCount: 3,
      pendingCount: 0,
      figures: [{ figure: { kind: 'distinct', field: 'town' }, value: 2, pendingValue: 0 }],
    });
    const places = measureOf(tallies, '3', 1);
    expect(places.tally).toMatchObject({ outcomeCount: 3, figures: [{ figure: { kind: 'count' }, value: 3 }] });
    expect(places.tally.figures[0]!.byTown).toEqual([
      { town: 'Didcot', value: 2 },
      { town: 'Wantage', value: 1 },
    ]);
    // Ref 3's other measures count other types: the sign-ups are not among them.
    expect(measureOf(tallies, '3', 2).tally.outcomeCount).toBe(0);
    expect(measureOf(tallies, '3', 3).tally.outcomeCount).toBe(0);

    const sessions = measureOf(tallies, '22', 0);
    expect(sessions.text).toBe('two training sessions held, number of attendees and location');
    expect(sessions.tally).toMatchObject({
      outcomeCount: 2,
      pendingCount: 0,
      figures: [
        { figure: { kind: 'count' }, value: 2 },
        { figure: { kind: 'sum', field: 'attendees' }, value: 23, display: '23' },
      ],
      progress: 1,
    });
    // The target is 2 sessions, and progress is measured against it.
    const detail = (await loadActionDetail(phone.db, session.actionId))!;
    expect(detail.measures[0]!.measure.tally.target).toBe(2);
    // Ref 22's other measure (hate crime reporting centres) counts none of the sessions.
    expect(measureOf(tallies, '22', 1).tally.outcomeCount).toBe(0);

    // The phone, once synced, shows exactly what the server reports.
    expect(detail.measures.map((m) => m.tally)).toEqual([sessions.tally, measureOf(tallies, '22', 1).tally]);
    const ref3 = (await loadActionDetail(phone.db, safePlace.actionId))!;
    expect(ref3.measures.slice(0, 2).map((m) => m.tally)).toEqual([towns.tally, places.tally]);

    // Any member may read them: the coordinator sees the same numbers.
    const desk = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
    expect(await talliesAs(desk)).toEqual(tallies);
  });

  it('refuses a training session on a topic no measure of the action counts, and the tallies stay as they were', async () => {
    const before = measureOf(await talliesAs(phone), '22', 0);
    const session = await outcomeFor(phone.db, '22', 0);
    // The phone's own check refuses this before saving; a stale or hostile device sends it anyway.
    const args = { ...session, details: { ...session.details, topic: 'modern-slavery' }, id: crypto.randomUUID(), recordedAt: new Date().toISOString() };
    const res = await phone.api.push({ deviceId: crypto.randomUUID(), mutations: [{ seq: 1, kind: 'outcome.create', args }] });

    expect(res.results).toHaveLength(1);
    const [result] = res.results;
    expect(result).toMatchObject({ seq: 1, status: 'rejected', code: 'invalid' });
    expect(result?.status === 'rejected' && result.fieldErrors.map((f) => f.path)).toEqual(['details.topic']);
    expect(await server.storage.transaction((tx) => tx.outcomes.find(args.id))).toBeUndefined();
    expect(measureOf(await talliesAs(phone), '22', 0)).toEqual(before);
  });

  it('are for members only', async () => {
    const other = await addOtherPartnership(server.storage);
    const outsider = await signedInDevice(server.url, other.officer.email, other.officer.password);
    expect((await outsider.fetch(`${server.url}/api/partnerships/${partnershipId}/tallies`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/partnerships/${partnershipId}/tallies`)).status).toBe(401);
  });
});
