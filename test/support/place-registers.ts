import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './test-server';
import { signedInDevice, type TestDevice } from './test-device';
import { COORDINATOR, OFFICER } from './demo';
import { demoPartnershipId } from './demo-partnership';
import { addOtherPartnership } from './seed-extra';
import { addDays, localIsoDate } from '../../src/domain/primitives';
import type { PlaceInput, PlaceRecord } from '../../src/domain/place';
import type { OutcomeInput, OutcomeRecord } from '../../src/domain/outcome';
import type { MutationResult } from '../../src/domain/sync/push';

/*
 * Place registers over the real server, for the tests of places and of outcomes about them: the
 * demo partnership's officer and coordinator, and an outsider from another partnership, each on
 * a phone of their own that pushes mutations and pulls. `servePlaceRegisters()`, called once at
 * the top of a test file, starts a server of that file's own before its tests and closes it
 * after; the bindings below are set from then on (ES module bindings are live, and vitest gives
 * each test file its own copy of this module).
 */
export let server: TestServer;
export let partnershipId: string;
export let officer: TestDevice;
export let coordinator: TestDevice;
export let outsider: TestDevice;
export let other: Awaited<ReturnType<typeof addOtherPartnership>>;
/** The demo plan's ref 3 (Safe Places) and the measure there that counts follow-up visits. */
let visitActionId: string;
/** Ref 22: hate crime training sessions, which are never about a place. */
export let trainingActionId: string;

export function servePlaceRegisters(): void {
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
}

export const today = () => localIsoDate(new Date());

export function placeInput(extra: Partial<PlaceInput> = {}): PlaceInput {
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

export function visit(placeId: string | null, extra: Partial<OutcomeInput> = {}): OutcomeInput {
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
export async function push(device: TestDevice, ...mutations: { kind: string; args: unknown }[]): Promise<MutationResult[]> {
  const response = await device.api.push({ deviceId: crypto.randomUUID(), mutations: mutations.map((m, i) => ({ seq: i + 1, ...m })) });
  return response.results;
}

/** Every page after the cursor (from nothing when none): the places and outcomes pulled, and the cursor to continue from. */
export async function pullAll(device: TestDevice, cursor?: string) {
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

export const storedPlace = (id: string) => server.storage.transaction((tx) => tx.places.find(id));
export const storedOutcome = (id: string) => server.storage.transaction((tx) => tx.outcomes.find(id));
export const auditOf = async (entityId: string) =>
  (await server.storage.transaction((tx) => tx.audit.list(partnershipId, undefined, 500))).filter((e) => e.entityId === entityId);
export const fieldsOf = (r: MutationResult | undefined) => (r?.status === 'rejected' ? r.fieldErrors.map((f) => f.path).sort() : []);
