import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { demoPartnershipId } from '../support/demo-partnership';
import { addOtherPartnership } from '../support/seed-extra';
import { outcomeFor, inArea } from '../support/outcomes';
import { coordinatorApi, type CoordinatorApi } from '../../src/app/api/coordinator-api';
import { logOutcome } from '../../src/app/data/log-outcome';
import { refusalOf } from '../support/api-refusal';

/**
 * Coordinators change plans through the real server: create, import from CSV (preview, commit,
 * again), renumber, merge and remove actions, edit measures. Officers' phones, synced by the
 * app's own engine, follow, and an officer who was offline meanwhile is told what changed.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8');
const SAMPLE = fixture('south-and-vale-2018-19.csv');
const INDICATORS = fixture('south-and-vale-2018-19-indicators.csv');

let server: TestServer;
let partnershipId: string;
let coordinator: TestDevice;
let officer: TestDevice;
let admin: CoordinatorApi;
beforeAll(async () => {
  server = await startTestServer();
  partnershipId = await demoPartnershipId(server.storage);
  coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  admin = coordinatorApi(coordinator.api);
  await Promise.all([coordinator.sync.syncNow(), officer.sync.syncNow()]);
});
afterAll(() => server.close());

const newPlan = (title: string) => admin.createPlan(partnershipId, { title, periodStart: '2019-04-01', periodEnd: '2020-03-31' });

describe('importing a plan from CSV', () => {
  it('previews without saving, commits, and changes nothing when the same file comes again', async () => {
    const plan = await newPlan('Rolling annual plan 2019-20');
    const preview = await admin.importPlan(plan.id, { actionsCsv: SAMPLE, indicatorsCsv: INDICATORS, commit: false });
    expect(preview).toMatchObject({ problems: [], committed: false });
    expect(preview.summary.actions).toEqual({ added: 28, changed: 0, unchanged: 0, notInFile: 0 });
    expect(preview.summary.measures.added).toBe(65);
    expect(preview.changes[0]).toMatch(/^Added ref 1 under Anti-Social Behaviour/);
    expect((await server.storage.transaction((tx) => tx.plans.listRecords(plan.id))).actions).toHaveLength(0);

    const done = await admin.importPlan(plan.id, { actionsCsv: SAMPLE, indicatorsCsv: INDICATORS, commit: true });
    expect(done).toMatchObject({ problems: [], committed: true });
    const records = await server.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    expect(records.actions.map((a) => a.ref)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(records.indicators).toHaveLength(13);

    const before = await server.storage.transaction((tx) => tx.takeVersion());
    const again = await admin.importPlan(plan.id, { actionsCsv: SAMPLE, indicatorsCsv: INDICATORS, commit: true });
    expect(again.summary.actions).toEqual({ added: 0, changed: 0, unchanged: 28, notInFile: 0 });
    expect(again.summary.measures).toEqual({ added: 0, changed: 0, unchanged: 65, notInFile: 0 });
    expect(again.changes).toEqual([]);
    // Nothing was written: the next version is the one after the probe above.
    expect(await server.storage.transaction((tx) => tx.takeVersion())).toBe(before + 1);

    // The officer's phone gets the new plan; its owners come from the lead agency text: every action
    // led by the "Community Safety Projects Officer", the demo officer's job title.
    await officer.sync.syncNow();
    const pulled = await officer.db.actions.where('planId').equals(plan.id).toArray();
    expect(pulled).toHaveLength(28);
    expect(
      pulled
        .filter((a) => a.ownerIds.includes(officer.user.id))
        .map((a) => a.ref)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual(['3', '8', '15', '16', '17', '18', '19', '21', '23', '24']);
  });

  it('updates what changed in an edited file, keeps what the coordinator set, and keeps actions the file dropped', async () => {
    const plan = await newPlan('Edited file');
    await admin.importPlan(plan.id, { actionsCsv: SAMPLE, commit: true });
    const ref3 = (await server.storage.transaction((tx) => tx.plans.listRecords(plan.id))).actions.find((a) => a.ref === '3')!;
    const measure = (await server.storage.transaction((tx) => tx.plans.listRecords(plan.id))).measures.find((m) => m.actionId === ref3.id)!;
    await admin.editMeasure(measure.id, { tally: { ...measure.tally, target: 5 } });

    // Ref 3's due date moves (the first 2019-03-31 in the file is ref 3's) and ref 28, the last row, is gone.
    const edited = SAMPLE.replace(',2019-03-31,', ',2019-06-30,').slice(0, SAMPLE.indexOf('\n28,') + 1);
    const result = await admin.importPlan(plan.id, { actionsCsv: edited, commit: true });
    expect(result.summary.actions).toEqual({ added: 0, changed: 1, unchanged: 26, notInFile: 1 });
    expect(result.changes).toEqual(['Ref 3: due date 2019-03-31 → 2019-06-30', 'Kept 1 action the file does not list: ref 28']);
    const after = await server.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    expect(after.actions.find((a) => a.id === ref3.id)!.dueOn).toBe('2019-06-30');
    expect(after.measures.find((m) => m.id === measure.id)!.tally.target).toBe(5);
    expect(after.actions.map((a) => a.ref)).toContain('28');
  });

  it('saves nothing from a file with problems, and says what they are by line and column', async () => {
    const plan = await newPlan('Broken file');
    const broken = 'ref,objective,priority,action,measures\n1,O,P,First,m\n1,O,P,Second,m\n2,O,,Third,m\n';
    const result = await admin.importPlan(plan.id, { actionsCsv: broken, commit: true });
    expect(result.committed).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'actions', line: 3, column: 'ref' }),
      expect.objectContaining({ file: 'actions', line: 4, column: 'priority' }),
    ]);
    expect((await server.storage.transaction((tx) => tx.plans.listRecords(plan.id))).actions).toHaveLength(0);
  });

  it('is for the partnership’s coordinators only', async () => {
    const plan = await newPlan('Not for officers');
    const officerAdmin = coordinatorApi(officer.api);
    expect((await refusalOf(officerAdmin.importPlan(plan.id, { actionsCsv: SAMPLE, commit: true }))).status).toBe(403);
    expect((await refusalOf(officerAdmin.createPlan(partnershipId, { title: 'x', periodStart: '2019-04-01', periodEnd: '2020-03-31' }))).status).toBe(403);
    const other = await addOtherPartnership(server.storage);
    expect((await refusalOf(admin.createPlan(other.partnershipId, { title: 'x', periodStart: '2019-04-01', periodEnd: '2020-03-31' }))).status).toBe(404);
    expect((await refusalOf(admin.editAction(other.action.id, { text: 'Mine now' }))).status).toBe(404);
    const wrongPeriod = await refusalOf(admin.createPlan(partnershipId, { title: 'Backwards', periodStart: '2020-04-01', periodEnd: '2019-03-31' }));
    expect(wrongPeriod.body.fieldErrors).toEqual([{ path: 'periodEnd', message: 'The end must be after the start' }]);
  });
});

describe('changing actions under officers who are offline', () => {
  it('renumbers and merges; the offline officer’s outcomes follow, and they are told after syncing', async () => {
    const plan = await newPlan('Merges');
    await admin.importPlan(plan.id, { actionsCsv: SAMPLE, commit: true });
    await officer.sync.syncNow();
    const actionOf = async (ref: string) => (await officer.db.actions.where('planId').equals(plan.id).toArray()).find((a) => a.ref === ref)!;
    const ref16 = await actionOf('16');
    const ref17 = await actionOf('17');
    const ref19 = await actionOf('19');

    // One outcome for ref 16 reaches the server; then the officer goes offline and logs another.
    const values = async () => ({ ...(await outcomeFor(officer.db, '16')), actionId: ref16.id });
    const synced = await logOutcome(officer.db, officer.user, await values());
    await officer.sync.syncNow();
    officer.online = false;
    const offline = await logOutcome(officer.db, officer.user, { ...(await values()), ...(await inArea(officer.db, 'Wantage')) });

    // Meanwhile the coordinator merges 16 into 17 and renumbers 19.
    await admin.mergeAction(ref16.id, ref17.id);
    await admin.editAction(ref19.id, { ref: '19a' });

    officer.online = true;
    await officer.sync.syncNow();
    expect(await officer.db.outbox.count()).toBe(0);
    const outcomes = await officer.db.outcomes.bulkGet([synced.id, offline.id]);
    expect(outcomes.map((o) => [o?.actionId, o?.syncState])).toEqual([
      [ref17.id, 'synced'],
      [ref17.id, 'synced'],
    ]);
    expect(await officer.db.actions.get(ref16.id)).toBeUndefined();
    expect((await officer.db.actions.get(ref19.id))?.ref).toBe('19a');
    // 16's measures moved to 17 and the officer, who owned 16, now owns 17.
    const into = (await officer.db.actions.get(ref17.id))!;
    expect(into.ownerIds).toContain(officer.user.id);
    expect((await officer.db.measures.where('actionId').equals(ref17.id).count()) > 0).toBe(true);
    const notices = (await officer.db.notices.toArray()).map((n) => n.text).sort();
    expect(notices).toEqual([
      expect.stringMatching(/^Ref 16 \(“.+”\) was merged into ref 17 \(“.+”\)\. The 2 outcomes you logged against it are now under the other action\.$/),
      expect.stringMatching(/^Ref 19 \(“.+”\) is now ref 19a\. What you logged stays with it\.$/),
    ]);

    // The server counted both under 17, and the history says where they came from.
    const stored = await server.storage.transaction((tx) => Promise.all([tx.outcomes.find(synced.id), tx.outcomes.find(offline.id)]));
    expect(stored.map((o) => o?.actionId)).toEqual([ref17.id, ref17.id]);
    const history = await server.storage.transaction((tx) => tx.outcomes.listHistory(synced.id));
    expect(history).toEqual([expect.objectContaining({ field: 'actionId', from: ref16.id, to: ref17.id })]);

    // A coordinator's own phone hears nothing about actions it does not own or log against.
    await coordinator.sync.syncNow();
    expect(await coordinator.db.notices.count()).toBe(0);
  });

  it('refuses to remove an action outcomes are logged against, and removes one without', async () => {
    const plan = await newPlan('Removals');
    await admin.importPlan(plan.id, { actionsCsv: SAMPLE, commit: true });
    await officer.sync.syncNow();
    const records = await server.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    const ref3 = records.actions.find((a) => a.ref === '3')!;
    const ref1 = records.actions.find((a) => a.ref === '1')!;
    await logOutcome(officer.db, officer.user, { ...(await outcomeFor(officer.db, '3')), actionId: ref3.id });
    await officer.sync.syncNow();

    const refused = await refusalOf(admin.removeAction(ref3.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/1 outcome is logged against this action: merge it/);

    await admin.removeAction(ref1.id);
    await officer.sync.syncNow();
    expect(await officer.db.actions.get(ref1.id)).toBeUndefined();
    expect(await officer.db.measures.where('actionId').equals(ref1.id).count()).toBe(0);
  });

  it('checks an edited action against the rest of the plan', async () => {
    const plan = await newPlan('Checks');
    await admin.importPlan(plan.id, { actionsCsv: SAMPLE, commit: true });
    const records = await server.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    const ref2 = records.actions.find((a) => a.ref === '2')!;
    const clash = await refusalOf(admin.editAction(ref2.id, { ref: '3', seeAlsoRefs: ['99'] }));
    expect(clash.body.fieldErrors).toEqual([
      { path: 'ref', message: 'Ref 3 is already another action’s: choose another number' },
      { path: 'seeAlsoRefs', message: 'No action has ref 99' },
    ]);
    const id = await admin.addAction(plan.id, {
      priorityId: ref2.priorityId,
      ref: '29',
      text: 'A new action',
      leadAgencies: ['Council'],
      dueOn: null,
      seeAlsoRefs: ['2'],
      ownerIds: [],
    });
    await admin.editAction(ref2.id, { ref: '2a' });
    const after = await server.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    // Cross-references follow a renumbered action.
    expect(after.actions.find((a) => a.id === id)!.seeAlsoRefs).toEqual(['2a']);
  });
});
