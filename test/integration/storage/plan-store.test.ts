import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { parsePlanCsv } from '../../../src/domain/plan-import/plan-csv';
import { planRecordsFromDraft } from '../../../src/server/seed/plan-records';
import type { PlanRemovalRecord } from '../../../src/server/storage/stores/plan-store';
import { describeOnEachDatabase, ISO, outcome, seeded } from '../../support/storage-contract';
import { DEFAULT_PARTNERSHIP_DETAILS } from '../../../src/domain/partnership-details';

const CSV =
  'ref,objective,priority,action,measures\n' +
  '1,Safer streets,Night economy,Train door staff,number of sessions held\n' +
  '2,Safer streets,Night economy,Patrol the high street,number of patrols\n';

/** tx.plans: partnerships, their plans with everything under them, and the lookups a push makes. */
describeOnEachDatabase('the plan store', (db) => {
  it('keeps partnerships, found by id or by name, and plans newest period first with their records in order', async () => {
    const partnershipId = randomUUID();
    const planOf = (year: number) =>
      planRecordsFromDraft(parsePlanCsv(CSV).plan, {
        id: randomUUID(),
        partnershipId,
        title: `Plan ${year}`,
        periodStart: `${year}-04-01`,
        periodEnd: `${year + 1}-03-31`,
      });
    const older = planOf(2025);
    const newer = planOf(2026);
    await db.storage.transaction(async (tx) => {
      await tx.plans.insertPartnership({ id: partnershipId, name: 'Test CSP' });
      await tx.plans.insertWithRecords(partnershipId, older);
    });
    const partnership = { id: partnershipId, name: 'Test CSP', details: DEFAULT_PARTNERSHIP_DETAILS };
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership(partnershipId))).toEqual(partnership);
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership('Test CSP'))).toEqual(partnership);
    expect(await db.storage.transaction((tx) => tx.plans.countPartnerships())).toBe(1);

    const [first, second] = older.actions;
    expect(await db.storage.transaction((tx) => tx.plans.findAction(second!.id))).toEqual({ ...second, partnershipId });
    expect(await db.storage.transaction((tx) => tx.plans.findMeasure(older.measures[1]!.id))).toEqual({ ...older.measures[1], partnershipId });
    expect(await db.storage.transaction((tx) => tx.plans.listMeasuresOfAction(first!.id))).toEqual(older.measures.filter((m) => m.actionId === first!.id));
    expect(await db.storage.transaction((tx) => tx.plans.listMeasuresOfPartnership(partnershipId))).toEqual(
      older.measures.map((m) => ({ ...m, actionRef: older.actions.find((a) => a.id === m.actionId)!.ref })),
    );

    await db.storage.transaction((tx) => tx.plans.insertWithRecords(partnershipId, newer));
    expect(await db.storage.transaction((tx) => tx.plans.list(partnershipId))).toEqual([newer.plan, older.plan]);
    expect(await db.storage.transaction((tx) => tx.plans.find(older.plan.id))).toEqual(older.plan);
    const { plan: _plan, ...records } = older;
    expect(await db.storage.transaction((tx) => tx.plans.listRecords(older.plan.id))).toEqual(records);
  });

  it('changes a partnership’s name and details with a fresh version, and lists every partnership’s public contact by name', async () => {
    const id = randomUUID();
    const details = { protectiveMarking: 'OFFICIAL-SENSITIVE', contactEmail: 'csp@example.org', contactPhone: '', dataController: 'Example District Council' };
    await db.storage.transaction((tx) => tx.plans.insertPartnership({ id, name: 'Zeta CSP', details }));
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership(id))).toEqual({ id, name: 'Zeta CSP', details });
    const versionOf = () =>
      db.storage.transaction(async (tx) => (await tx.feed.changesSince([id], [], 0, 10)).partnerships.find((p) => p.record.id === id)?.version, 'read');
    const before = await versionOf();

    const changed = { ...details, protectiveMarking: '', contactPhone: '01865 000000' };
    expect(await db.storage.transaction((tx) => tx.plans.updateDetails(id, 'Alpha CSP', changed))).toEqual({
      id,
      name: 'Alpha CSP',
      details: changed,
    });
    expect(await db.storage.transaction((tx) => tx.plans.findPartnership(id))).toEqual({ id, name: 'Alpha CSP', details: changed });
    expect(await versionOf()).toBeGreaterThan(before!);
    expect(await db.storage.transaction((tx) => tx.plans.updateDetails(randomUUID(), 'Nobody', changed))).toBeUndefined();

    const contacts = await db.storage.transaction((tx) => tx.plans.listPublicContacts(), 'read');
    expect(contacts).toContainEqual({
      id,
      name: 'Alpha CSP',
      contactEmail: 'csp@example.org',
      contactPhone: '01865 000000',
      dataController: 'Example District Council',
    });
  });

  it('writes changes with fresh versions, moves outcomes to another action and keeps what was removed', async () => {
    const s = await seeded(db.storage);
    const plan = (await db.storage.transaction((tx) => tx.plans.list(s.partnership.id)))[0]!;
    const { actions, measures } = await db.storage.transaction((tx) => tx.plans.listRecords(plan.id));
    const from = actions.find((a) => a.id === s.actionId)!;
    const into = actions.find((a) => a.id !== s.actionId)!;
    const logged = outcome(s, await db.storage.transaction((tx) => tx.takeVersion()));
    const deleted = outcome(s, await db.storage.transaction((tx) => tx.takeVersion()), { deletedAt: ISO });
    await db.storage.transaction((tx) => tx.outcomes.insertMany([logged, deleted]));
    expect(await db.storage.transaction((tx) => tx.plans.countOutcomesOfAction(from.id))).toBe(2);

    const before = await db.storage.transaction((tx) => tx.takeVersion());
    const moved = await db.storage.transaction((tx) => tx.plans.moveOutcomes(from.id, into.id));
    expect(moved.map((m) => m.id)).toEqual([logged.id, deleted.id]);
    expect(moved[0]!.version).toBeGreaterThan(before);
    expect(moved[1]!.version).toBeGreaterThan(moved[0]!.version);
    expect(await db.storage.transaction((tx) => tx.outcomes.find(deleted.id))).toMatchObject({ actionId: into.id, version: moved[1]!.version });
    expect(await db.storage.transaction((tx) => tx.plans.countOutcomesOfAction(from.id))).toBe(0);

    await db.storage.transaction((tx) => tx.plans.write(s.partnership.id, { actions: { add: [], update: [{ ...into, text: 'Changed' }] } }));
    const changed = await db.storage.transaction((tx) => tx.feed.changesSince([s.partnership.id], [], moved[1]!.version, 10), 'read');
    expect(changed.actions.map((a) => a.record)).toEqual([{ ...into, text: 'Changed' }]);

    const removal = (id: string, table: PlanRemovalRecord['table']): PlanRemovalRecord => ({
      id,
      table,
      planId: plan.id,
      mergedInto: table === 'actions' ? into.id : null,
      removedAt: ISO,
      partnershipId: s.partnership.id,
      removedBy: s.coordinator.id,
    });
    await db.storage.transaction(async (tx) => {
      for (const m of measures.filter((m) => m.actionId === from.id)) await tx.plans.remove(removal(m.id, 'measures'));
      await tx.plans.remove(removal(from.id, 'actions'));
    });
    expect(await db.storage.transaction((tx) => tx.plans.findAction(from.id))).toBeUndefined();
    expect(await db.storage.transaction((tx) => tx.plans.findRemoval(from.id))).toEqual(removal(from.id, 'actions'));
  });
});
