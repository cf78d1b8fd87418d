import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { demoPartnershipId } from '../support/demo-partnership';
import { addOtherPartnership } from '../support/seed-extra';
import { addDays, localIsoDate } from '../../src/domain/primitives';
import type { PlaceInput, PlaceRecord } from '../../src/domain/place';
import type { OutcomeInput, OutcomeRecord } from '../../src/domain/outcome';
import type { MutationResult } from '../../src/domain/sync/push';

/**
 * Place registers over the real server: places pushed from a phone as place.create / place.update
 * mutations, pulled by every member of the partnership and nobody else, and outcomes that must
 * name a place in the right register (a Safe Place visit names a Safe Place).
 */
let server: TestServer;
let partnershipId: string;
let officer: TestDevice;
let coordinator: TestDevice;
let outsider: TestDevice;
let other: Awaited<ReturnType<typeof addOtherPartnership>>;
/** The demo plan's ref 3 (Safe Places) and the measure there that counts follow-up visits. */
let visitActionId: string;
/** Ref 22: hate crime training sessions, which are never about a place. */
let trainingActionId: string;

beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  other = await addOtherPartnership(server.storage);
  officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  outsider = await signedInDevice(server.url, other.officer.email, other.officer.password);
  const measures = await server.storage.transaction((tx) => tx.plans.listMeasuresOfPartnership(partnershipId));
  const visits = measures.find((m) => m.actionRef === '3' && m.tally.outcomeType === 'safe-place-visit');
  const training = measures.find((m) => m.actionRef === '22' && m.tally.outcomeType === 'training-session');
  if (!visits || !training) throw new Error('The demo plan no longer has a visits measure at ref 3 and a training measure at ref 22');
  visitActionId = visits.actionId;
  trainingActionId = training.actionId;
});
afterAll(() => server.close());

const today = () => localIsoDate(new Date());

function placeInput(extra: Partial<PlaceInput> = {}): PlaceInput {
  return {
    id: crypto.randomUUID(),
    partnershipId,
    kind: 'safe-place',
    name: 'Didcot Pharmacy',
    town: 'Didcot',
    address: '1 Broadway, Didcot',
    point: { lat: 51.608, lng: -1.241, accuracyM: 12 },
    status: 'active',
    joinedOn: addDays(today(), -30),
    recordedAt: new Date().toISOString(),
    ...extra,
  };
}

function visit(placeId: string | null, extra: Partial<OutcomeInput> = {}): OutcomeInput {
  return {
    id: crypto.randomUUID(),
    actionId: visitActionId,
    type: 'safe-place-visit',
    details: { stickerShown: true, trainedStaff: 'one', result: 'compliant' },
    occurredOn: today(),
    town: 'Didcot',
    location: null,
    placeId,
    notes: '',
    recordedAt: new Date().toISOString(),
    ...extra,
  };
}

/** Pushes these mutations, numbered 1, 2, 3… from a new device id of this user: one push, one transaction. */
async function push(device: TestDevice, ...mutations: { kind: string; args: unknown }[]): Promise<MutationResult[]> {
  const response = await device.api.push({ deviceId: crypto.randomUUID(), mutations: mutations.map((m, i) => ({ seq: i + 1, ...m })) });
  return response.results;
}

/** Every page after the cursor (from nothing when none): the places and outcomes pulled, and the cursor to continue from. */
async function pullAll(device: TestDevice, cursor?: string) {
  const places: PlaceRecord[] = [];
  const outcomes: OutcomeRecord[] = [];
  for (;;) {
    const page = await device.api.pull(cursor);
    places.push(...page.changes.places);
    outcomes.push(...page.changes.outcomes);
    cursor = page.cursor;
    if (!page.more) return { places, outcomes, cursor };
  }
}

const storedPlace = (id: string) => server.storage.transaction((tx) => tx.places.find(id));
const storedOutcome = (id: string) => server.storage.transaction((tx) => tx.outcomes.find(id));
const auditOf = async (entityId: string) =>
  (await server.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, 500))).filter((e) => e.entityId === entityId);
const fieldsOf = (r: MutationResult | undefined) => (r?.status === 'rejected' ? r.fieldErrors.map((f) => f.path).sort() : []);

describe('place registers', () => {
  it('stores a place added on a phone, and every member of the partnership pulls it, nobody else', async () => {
    const input = placeInput();
    expect(await push(officer, { kind: 'place.create', args: input })).toEqual([{ seq: 1, status: 'applied' }]);

    const stored = await storedPlace(input.id);
    expect(stored).toEqual({ ...input, createdBy: officer.user.id, updatedAt: expect.any(String), version: expect.any(Number) });
    // The officer who added it, and the coordinator of the same partnership.
    expect((await pullAll(officer)).places).toContainEqual(stored);
    expect((await pullAll(coordinator)).places).toContainEqual(stored);
    // Someone in another partnership never receives it.
    expect((await pullAll(outsider)).places.map((p) => p.id)).not.toContain(input.id);

    // The audit log says who added which kind of place where; nothing more.
    const [entry, ...more] = await auditOf(input.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'place.created', actorId: officer.user.id, entityType: 'place', details: { kind: 'safe-place', town: 'Didcot' } });
    expect(Object.keys(entry!.details).sort()).toEqual(['kind', 'town']);
  });

  it('treats the same place sent again as already there, and refuses a different one under its id', async () => {
    const input = placeInput({ name: 'Wantage Library', town: 'Wantage' });
    await push(officer, { kind: 'place.create', args: input });
    const stored = await storedPlace(input.id);

    // The phone's database was rebuilt after the push landed: the same place comes back under new numbers.
    expect(await push(officer, { kind: 'place.create', args: input })).toEqual([{ seq: 1, status: 'applied' }]);
    expect(await storedPlace(input.id)).toEqual(stored);
    expect(await auditOf(input.id)).toHaveLength(1);

    const [collision] = await push(officer, { kind: 'place.create', args: { ...input, name: 'Somewhere else' } });
    expect(collision).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(await storedPlace(input.id)).toEqual(stored);
  });

  it('refuses a place in, or a change to a place of, a partnership the user is not in', async () => {
    const [intoOther] = await push(officer, { kind: 'place.create', args: placeInput({ partnershipId: other.partnershipId }) });
    expect(intoOther).toMatchObject({ status: 'rejected', code: 'not-found' });
    const [intoNowhere] = await push(officer, { kind: 'place.create', args: placeInput({ partnershipId: crypto.randomUUID() }) });
    expect(intoNowhere).toMatchObject({ status: 'rejected', code: 'not-found' });

    const ours = placeInput();
    await push(officer, { kind: 'place.create', args: ours });
    const before = await storedPlace(ours.id);
    const [theirChange] = await push(outsider, { kind: 'place.update', args: { id: ours.id, baseVersion: before!.version, changes: { status: 'closed' } } });
    expect(theirChange).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect(await storedPlace(ours.id)).toEqual(before);
  });

  it('changes only the fields a change names, whichever member makes it, and the last to arrive wins a field', async () => {
    const input = placeInput({ name: 'The Crown', kind: 'licensed-premises', town: 'Thame', address: null, point: null });
    await push(officer, { kind: 'place.create', args: input });
    const created = (await storedPlace(input.id))!;
    const { cursor } = await pullAll(officer);

    // The coordinator records that it withdrew and adds its address, both from the version they saw.
    expect(
      await push(coordinator, {
        kind: 'place.update',
        args: { id: input.id, baseVersion: created.version, changes: { status: 'withdrawn', address: '2 High Street, Thame' } },
      }),
    ).toEqual([{ seq: 1, status: 'applied' }]);
    // The officer, from the same old version, renames it and sets its status too: theirs arrives last.
    expect(
      await push(officer, { kind: 'place.update', args: { id: input.id, baseVersion: created.version, changes: { name: 'The Crown Inn', status: 'closed' } } }),
    ).toEqual([{ seq: 1, status: 'applied' }]);

    const changed = (await storedPlace(input.id))!;
    expect(changed).toEqual({
      ...created,
      name: 'The Crown Inn',
      address: '2 High Street, Thame',
      status: 'closed',
      version: expect.any(Number),
      updatedAt: expect.any(String),
    });
    expect(changed.version).toBeGreaterThan(created.version);
    expect(changed.createdBy).toBe(officer.user.id);
    // The officer's phone pulls the place again, as it now is.
    expect((await pullAll(officer, cursor)).places.filter((p) => p.id === input.id)).toEqual([changed]);

    // A change to what it already is changes nothing, not even the version.
    expect(await push(officer, { kind: 'place.update', args: { id: input.id, baseVersion: changed.version, changes: { name: 'The Crown Inn' } } })).toEqual([
      { seq: 1, status: 'applied' },
    ]);
    expect(await storedPlace(input.id)).toEqual(changed);

    const audit = await auditOf(input.id);
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ['place.changed', { fields: ['name', 'status'] }],
      ['place.changed', { fields: ['address', 'status'] }],
      ['place.created', { kind: 'licensed-premises', town: 'Thame' }],
    ]);
    expect(audit.map((e) => e.actorId)).toEqual([officer.user.id, coordinator.user.id, officer.user.id]);
  });

  it('refuses a change to a place that does not exist', async () => {
    const [missing] = await push(officer, { kind: 'place.update', args: { id: crypto.randomUUID(), baseVersion: 1, changes: { status: 'closed' } } });
    expect(missing).toMatchObject({ status: 'rejected', code: 'not-found' });
  });

  it('refuses an invalid place or change, naming the field', async () => {
    const existing = placeInput();
    await push(officer, { kind: 'place.create', args: existing });
    const results = await push(
      officer,
      { kind: 'place.create', args: { ...placeInput(), kind: 'home' } },
      { kind: 'place.create', args: placeInput({ joinedOn: addDays(today(), 3) }) },
      { kind: 'place.create', args: placeInput({ joinedOn: '1999-12-31' }) },
      { kind: 'place.create', args: { ...placeInput(), name: '', point: { lat: 91, lng: 0, accuracyM: 5 } } },
      { kind: 'place.create', args: { ...placeInput(), createdBy: officer.user.id } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: { status: 'gone' } } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: { kind: 'hotel-watch' } } },
      { kind: 'place.update', args: { id: existing.id, baseVersion: 1, changes: {} } },
    );
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(Array(8).fill('invalid'));
    const [home, future, tooOld, nameAndPoint, serverField, badStatus, kindChange] = results;
    expect(fieldsOf(home)).toEqual(['kind']);
    expect(fieldsOf(future)).toEqual(['joinedOn']);
    expect(fieldsOf(tooOld)).toEqual(['joinedOn']);
    expect(fieldsOf(nameAndPoint)).toEqual(['name', 'point.lat']);
    // A field only the server sets, and a change to a field that cannot change: refused as unknown keys.
    expect(serverField?.status === 'rejected' && serverField.fieldErrors).toEqual([{ path: '(body)', message: expect.stringMatching(/createdBy/) }]);
    expect(fieldsOf(badStatus)).toEqual(['changes.status']);
    expect(kindChange?.status === 'rejected' && kindChange.fieldErrors).toContainEqual({ path: 'changes', message: expect.stringMatching(/kind/) });
    expect(await storedPlace(existing.id)).toMatchObject({ kind: 'safe-place', status: 'active' });
  });
});

describe('outcomes about a place', () => {
  it('applies a Safe Place visit that names a Safe Place, and refuses one naming no place, a place in another register, or none that exists', async () => {
    const safePlace = placeInput({ name: 'Abingdon Library', town: 'Abingdon' });
    const centre = placeInput({ name: 'Abingdon Guildhall', town: 'Abingdon', kind: 'hate-crime-reporting-centre' });
    const theirs = placeInput({ partnershipId: other.partnershipId, name: 'Elsewhere Café', town: 'Elsewhere' });
    expect(await push(outsider, { kind: 'place.create', args: theirs })).toEqual([{ seq: 1, status: 'applied' }]);

    const good = visit(safePlace.id);
    const withoutPlace = visit(null);
    const wrongRegister = visit(centre.id);
    const noSuchPlace = visit(crypto.randomUUID());
    const otherPartnerships = visit(theirs.id);
    // The places and the outcomes about them in one push, the places first.
    const results = await push(
      officer,
      { kind: 'place.create', args: safePlace },
      { kind: 'place.create', args: centre },
      { kind: 'outcome.create', args: good },
      { kind: 'outcome.create', args: withoutPlace },
      { kind: 'outcome.create', args: wrongRegister },
      { kind: 'outcome.create', args: noSuchPlace },
      { kind: 'outcome.create', args: otherPartnerships },
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected', 'rejected', 'rejected', 'rejected']);
    for (const refused of results.slice(3)) {
      expect(refused).toMatchObject({ code: 'invalid' });
      expect(fieldsOf(refused)).toEqual(['placeId']);
    }

    expect(await storedOutcome(good.id)).toMatchObject({ placeId: safePlace.id, type: 'safe-place-visit', partnershipId, authorId: officer.user.id });
    for (const o of [withoutPlace, wrongRegister, noSuchPlace, otherPartnerships]) expect(await storedOutcome(o.id)).toBeUndefined();
    // The coordinator's phone receives the visit with its place.
    expect((await pullAll(coordinator)).outcomes.find((o) => o.id === good.id)).toMatchObject({ placeId: safePlace.id });
  });

  it('refuses a place on an outcome whose type is not about one', async () => {
    const place = placeInput();
    const training = {
      ...visit(place.id),
      actionId: trainingActionId,
      type: 'training-session' as const,
      details: { topic: 'hate-crime', audience: 'council-staff', attendees: 12, format: 'face-to-face' },
    };
    const [, refused, withoutPlace] = await push(
      officer,
      { kind: 'place.create', args: place },
      { kind: 'outcome.create', args: training },
      { kind: 'outcome.create', args: { ...training, id: crypto.randomUUID(), placeId: null } },
    );
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(fieldsOf(refused)).toEqual(['placeId']);
    expect(withoutPlace).toMatchObject({ status: 'applied' });
  });

  it('checks the place again when an edit changes it, and counts it in the same-outcome comparison', async () => {
    const first = placeInput({ name: 'Faringdon Pharmacy', town: 'Faringdon' });
    const second = placeInput({ name: 'Faringdon Library', town: 'Faringdon' });
    const centre = placeInput({ name: 'Faringdon Town Hall', town: 'Faringdon', kind: 'hate-crime-reporting-centre' });
    const outcome = visit(first.id, { town: 'Faringdon' });
    await push(
      officer,
      { kind: 'place.create', args: first },
      { kind: 'place.create', args: second },
      { kind: 'place.create', args: centre },
      { kind: 'outcome.create', args: outcome },
    );
    const created = (await storedOutcome(outcome.id))!;
    expect(created.placeId).toBe(first.id);

    // The same visit resent is the same outcome; the same id about another place is a collision.
    expect(await push(officer, { kind: 'outcome.create', args: outcome })).toEqual([{ seq: 1, status: 'applied' }]);
    const [collision] = await push(officer, { kind: 'outcome.create', args: { ...outcome, placeId: second.id } });
    expect(collision).toMatchObject({ status: 'rejected', code: 'conflict' });

    const edit = (changes: Record<string, unknown>) => ({ kind: 'outcome.update', args: { id: outcome.id, baseVersion: created.version, changes } });
    const [toCentre, toNone, toMissing, toSecond] = await push(
      officer,
      edit({ placeId: centre.id }),
      edit({ placeId: null }),
      edit({ placeId: crypto.randomUUID() }),
      edit({ placeId: second.id }),
    );
    for (const refused of [toCentre, toNone, toMissing]) {
      expect(refused).toMatchObject({ status: 'rejected', code: 'invalid' });
      expect(fieldsOf(refused)).toEqual(['changes.placeId']);
    }
    expect(toSecond).toMatchObject({ status: 'applied' });
    const edited = (await storedOutcome(outcome.id))!;
    expect(edited).toMatchObject({ placeId: second.id, fieldVersions: { placeId: edited.version } });
    const history = await server.storage.transaction((tx) => tx.outcomes.listHistory(outcome.id));
    expect(history).toMatchObject([{ field: 'placeId', from: first.id, to: second.id }]);
  });
});
