import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { signedInDevice, type TestDevice } from '../support/test-device';
import { COORDINATOR, OFFICER } from '../support/demo';
import { demoPartnershipId } from '../support/demo-partnership';
import { addUser } from '../support/seed-extra';
import { coordinatorApi } from '../../src/app/api/coordinator-api';
import type { FundReturnRequest } from '../../src/domain/fund-return';
import { refusalOf } from '../support/api-refusal';

/** The PCC return through the real server: saved whole, never silently over another coordinator's save, pulled by coordinators only. */
let server: TestServer;
let coordinator: TestDevice;
let officer: TestDevice;
beforeAll(async () => {
  server = await startTestServer();
  coordinator = await signedInDevice(server.url, COORDINATOR.email, COORDINATOR.password);
  officer = await signedInDevice(server.url, OFFICER.email, OFFICER.password);
  await Promise.all([coordinator.sync.syncNow(), officer.sync.syncNow()]);
});
afterAll(() => server.close());

describe('the PCC Community Safety Fund return', () => {
  it('saves, refuses a save based on an older version, and reaches coordinators only', async () => {
    const plan = (await coordinator.db.plans.toArray())[0]!;
    const ref22 = (await coordinator.db.actions.where('ref').equals('22').first())!;
    const line = {
      id: crypto.randomUUID(),
      title: 'Hate crime training for housing providers',
      objectives: 'Two sessions',
      progressMidYear: '',
      progressEndYear: '',
      costPence: 1_250_00,
      otherFunding: [{ source: 'Sovereign', amountPence: 500_00 }],
      actionIds: [ref22.id],
    };
    const first: FundReturnRequest = {
      baseVersion: null,
      grantPence: 106_846_00,
      localAuthorityArea: 'South Oxfordshire and Vale of White Horse',
      councilContact: 'Jo Bennett',
      policeLead: 'Area commander',
      lines: [line],
    };
    const admin = coordinatorApi(coordinator.api);
    const v1 = await admin.saveFundReturn(plan.id, first);

    // A second coordinator opened the same version and saves after the first: refused, naming who saved.
    const partnershipId = await demoPartnershipId(server.storage);
    const other = await addUser(server.storage, partnershipId, 'coordinator', 'second-coordinator@southandvale.example');
    const second = await signedInDevice(server.url, other.email, other.password);
    const stale = await refusalOf(coordinatorApi(second.api).saveFundReturn(plan.id, { ...first, lines: [] }));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/^Jo Bennett saved this return since you opened it/);
    const v2 = await coordinatorApi(second.api).saveFundReturn(plan.id, {
      ...first,
      baseVersion: v1,
      lines: [{ ...line, progressMidYear: 'One session held' }],
    });
    expect(v2).toBeGreaterThan(v1);

    await Promise.all([coordinator.sync.syncNow(), officer.sync.syncNow()]);
    expect(await officer.db.fundReturns.count()).toBe(0);
    expect(await coordinator.db.fundReturns.toArray()).toEqual([
      expect.objectContaining({
        planId: plan.id,
        version: v2,
        grantPence: 106_846_00,
        updatedByName: expect.stringContaining('second-coordinator'),
        lines: [expect.objectContaining({ progressMidYear: 'One session held' })],
      }),
    ]);
  });

  it('refuses duplicate titles, an action from elsewhere, and officers', async () => {
    const plan = (await coordinator.db.plans.toArray())[0]!;
    const admin = coordinatorApi(coordinator.api);
    const current = (await coordinator.db.fundReturns.where('planId').equals(plan.id).first())?.version ?? null;
    const line = {
      id: crypto.randomUUID(),
      title: 'Same',
      objectives: '',
      progressMidYear: '',
      progressEndYear: '',
      costPence: 0,
      otherFunding: [],
      actionIds: [],
    };
    const base = { baseVersion: current, grantPence: null, localAuthorityArea: '', councilContact: '', policeLead: '' };
    const twice = await refusalOf(admin.saveFundReturn(plan.id, { ...base, lines: [line, { ...line, id: crypto.randomUUID(), title: 'same ' }] }));
    expect(twice.body.fieldErrors).toEqual([{ path: 'lines.1.title', message: 'Each expenditure line needs its own title' }]);
    const stray = await refusalOf(admin.saveFundReturn(plan.id, { ...base, lines: [{ ...line, actionIds: [crypto.randomUUID()] }] }));
    expect(stray.body.fieldErrors).toEqual([{ path: 'lines.0.actionIds', message: 'Choose actions of this plan' }]);
    expect((await refusalOf(coordinatorApi(officer.api).saveFundReturn(plan.id, { ...base, lines: [] }))).status).toBe(403);
  });
});
