import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestartableServer } from '../support/restartable-server';
import { faultyFetch, FAULTS, type Fault } from '../support/faulty-fetch';
import { cookieFetch } from '../support/cookie-fetch';
import { newTestDb } from '../support/fake-db';
import { addOtherPartnership, addUser } from '../support/seed-extra';
import { formValuesOf } from '../support/outcomes';
import { createApiClient } from '../../src/app/api/api-client';
import { SyncEngine } from '../../src/app/sync/sync-engine';
import { deviceId } from '../../src/app/sync/device-id';
import { logOutcome } from '../../src/app/data/log-outcome';
import { deleteOutcome, discardRejected, editOutcome } from '../../src/app/data/change-outcome';
import { isLive, type LocalOutcome } from '../../src/app/db/local-records';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import type { SessionUser } from '../../src/domain/user';

/**
 * Sync under faults, as a property. Two devices (an officer, and a coordinator who may change the
 * officer's outcomes) create, edit and delete outcomes, go offline and back, and sync through a
 * transport that loses requests and answers, times out, answers 500, and restarts the server
 * before or after it commits. Then the network heals and both sync until quiet.
 *
 * Afterwards: every outcome a device saved is on the server exactly once; both devices hold what
 * the server holds; every device's sequence numbers were all applied; the only refusals are the
 * legitimate one (changing an outcome the other device deleted).
 *
 * Fixed seed (FC_SEED to vary); fast-check prints the seed and the shortest failing sequence.
 */
const RUNS = Number(process.env.FC_RUNS ?? 200);

let server: RestartableServer;
beforeAll(async () => {
  server = new RestartableServer();
  await server.start();
});
afterAll(() => server.dispose());

interface Device {
  name: 'officer' | 'coordinator';
  db: FieldbookDb;
  sync: SyncEngine;
  user: SessionUser;
  online: boolean;
  faults: Fault[];
}

async function newDevice(name: Device['name'], who: { email: string; password: string }): Promise<Device> {
  const transport = faultyFetch(cookieFetch(), server);
  // Through the harness each request reads the server's current address (it survives restarts).
  const api = createApiClient({ baseUrl: server.url, fetch: transport, timeoutMs: 5000 });
  const user = await api.signIn({ email: who.email, password: who.password });
  const db = newTestDb();
  const device = { name, db, user, online: true, faults: transport.faults } as Device;
  device.sync = new SyncEngine({ db, api, userId: device.user.id, isOnline: () => device.online, onSignInNeeded: () => undefined, random: () => 0.5 });
  return device;
}

type Step =
  | { t: 'create'; d: 0 | 1; quantity: number }
  | { t: 'edit'; d: 0 | 1; pick: number; field: 'details' | 'town' | 'notes'; value: number }
  | { t: 'delete'; d: 0 | 1; pick: number }
  | { t: 'sync'; d: 0 | 1; faults: Fault[] }
  | { t: 'offline' | 'online'; d: 0 | 1 }
  | { t: 'restart' };

const device01 = fc.constantFrom(0 as const, 1 as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), d: device01, quantity: fc.integer({ min: 1, max: 50 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      d: device01,
      pick: fc.nat(),
      field: fc.constantFrom('details' as const, 'town' as const, 'notes' as const),
      value: fc.integer({ min: 1, max: 99 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), d: device01, pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), d: device01, faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constantFrom('offline' as const, 'online' as const), d: device01 }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

/** The outcomes a device may change: the officer its own, the coordinator any. */
async function changeable(device: Device): Promise<LocalOutcome[]> {
  const all = (await device.db.outcomes.orderBy('id').toArray()).filter(isLive);
  return device.name === 'officer' ? all.filter((o) => o.authorId === device.user.id) : all;
}

describe('sync under faults (property)', () => {
  it('loses nothing, doubles nothing, and leaves both devices holding what the server holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
        const p = await addOtherPartnership(server.storage);
        // Its one measure ("number of other things") adds up the quantity of 'activity' outcomes.
        expect(p.measure.tally).toMatchObject({ outcomeType: 'activity', figures: [{ kind: 'sum', field: 'quantity' }] });
        const coordinatorUser = await addUser(server.storage, p.partnershipId, 'coordinator', `lead-${p.partnershipId}@faults.example`);
        const devices = [await newDevice('officer', p.officer), await newDevice('coordinator', coordinatorUser)];
        const created = new Set<string>();
        const refusals: string[] = [];
        try {
          for (const d of devices) await d.sync.syncNow();
          for (const s of steps) {
            if (s.t === 'restart') {
              await server.restart();
              continue;
            }
            const d = devices[s.d]!;
            switch (s.t) {
              case 'offline':
              case 'online':
                d.online = s.t === 'online';
                break;
              case 'sync':
                d.faults.push(...s.faults);
                await d.sync.syncNow();
                d.faults.length = 0;
                break;
              case 'create':
                // Several the same day in the same town: the officer confirms each is a real one.
                created.add(
                  (
                    await logOutcome(
                      d.db,
                      d.user,
                      {
                        actionId: p.action.id,
                        type: 'activity',
                        details: { quantity: s.quantity },
                        occurredOn: '2026-06-01',
                        town: 'Elsewhere',
                        location: null,
                        placeId: null,
                        notes: `by ${d.name}`,
                      },
                      undefined,
                      { confirmDuplicate: true },
                    )
                  ).id,
                );
                break;
              case 'edit':
              case 'delete': {
                const targets = await changeable(d);
                if (targets.length === 0) break;
                const target = targets[s.pick % targets.length]!;
                if (s.t === 'delete') {
                  await deleteOutcome(d.db, d.user, target.id);
                  break;
                }
                const values = formValuesOf(target);
                if (s.field === 'details') values.details = { ...values.details, quantity: s.value };
                if (s.field === 'town') values.town = values.town === null ? 'Elsewhere' : null;
                if (s.field === 'notes') values.notes = `${d.name} note ${s.value}`;
                await editOutcome(d.db, d.user, target.id, values);
                break;
              }
            }
          }

          // The network heals. Sync until both devices are quiet; the officer deals with refusals.
          for (const d of devices) d.online = true;
          for (let round = 0; round < 4; round++) {
            for (const d of devices) {
              await d.sync.syncNow();
              for (const r of await d.db.outcomes.where('syncState').equals('rejected').toArray()) {
                refusals.push(`${r.rejection?.kind}:${r.rejection?.code}`);
                await discardRejected(d.db, r.id);
              }
            }
          }

          // Nothing left waiting, and every sequence number each device used was applied.
          for (const d of devices) {
            expect(await d.db.outbox.count()).toBe(0);
            const id = await deviceId(d.db);
            const last = await server.storage.transaction((tx) => tx.devices.find(id));
            expect(last?.lastSeq ?? 0).toBe(Number((await d.db.meta.get('nextSeq'))?.value ?? 1) - 1);
          }
          // The only refusal a correct device meets here: changing what the other deleted.
          for (const r of refusals) expect(r).toBe('outcome.update:conflict');

          // Every saved outcome is on the server exactly once; nothing else is.
          const onServer = await server.storage.transaction((tx) => tx.outcomes.list(p.partnershipId));
          expect(onServer.map((o) => o.id).sort()).toEqual([...created].sort());

          // Both devices hold what the server holds.
          for (const d of devices) {
            for (const s of onServer) {
              const local = await d.db.outcomes.get(s.id);
              if (s.deletedAt) {
                expect(local === undefined || !isLive(local)).toBe(true);
                continue;
              }
              expect(local && isLive(local)).toBe(true);
              expect(local).toMatchObject({
                type: s.type,
                details: s.details,
                occurredOn: s.occurredOn,
                town: s.town,
                location: s.location,
                syncState: 'synced',
                version: s.version,
              });
              expect(local?.details).toEqual(s.details);
              if (d.name === 'coordinator' || s.authorId === d.user.id) expect(local?.notes).toBe(s.notes);
            }
          }
        } finally {
          for (const d of devices) {
            d.sync.dispose();
            d.db.close();
          }
        }
      }),
      { seed: Number(process.env.FC_SEED ?? 20261122), numRuns: RUNS },
    );
  }, 300_000);
});
