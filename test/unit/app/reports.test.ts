import { beforeEach, describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { sampleDetails } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { loadOutcomeExport, exportCsv, type OutcomeFilters } from '../../../src/app/data/outcomes-export';
import { loadPeriodProgress } from '../../../src/app/data/period-progress';
import { reportCsv, reportLines } from '../../../src/app/data/quarterly-report';
import { returnCsv, returnLines, returnPeriod } from '../../../src/app/data/fund-return-report';
import { parseCsv } from '../../../src/domain/plan-import/csv';
import { quarterOf } from '../../../src/domain/period';
import type { FieldbookDb } from '../../../src/app/db/fieldbook-db';
import type { LocalOutcome } from '../../../src/app/db/local-records';
import type { FundReturn } from '../../../src/domain/fund-return';

/**
 * The coordinator's reports from a device's copy: the outcomes export (Excel-clean CSV), the
 * quarterly progress report's lines, and the PCC return's outputs, against outcomes written
 * exactly as a pull leaves them.
 */
let db: FieldbookDb;
let planId: string;
const userId = crypto.randomUUID();
const Q2 = quarterOf('2018-07-01');

async function synced(ref: string, occurredOn: string, town: string, extra: Partial<LocalOutcome> = {}): Promise<LocalOutcome> {
  const action = (await db.actions.where('ref').equals(ref).first())!;
  const measure = (await db.measures.where('actionId').equals(action.id).toArray()).sort((a, b) => a.position - b.position)[0]!;
  const o: LocalOutcome = {
    id: crypto.randomUUID(),
    actionId: action.id,
    type: measure.tally.outcomeType,
    details: sampleDetails(measure.tally.outcomeType, measure.tally.where),
    occurredOn,
    town,
    // As the server sends it: the area it found by the name.
    areaId: (await db.areas.filter((a) => a.name === town).first())?.id ?? null,
    location: null,
    placeId: null,
    notes: 'a note',
    recordedAt: `${occurredOn}T09:00:00.000Z`,
    partnershipId: (await db.plans.get(action.planId))!.partnershipId,
    authorId: userId,
    authorName: 'Sam Patel',
    receivedAt: `${occurredOn}T09:05:00.000Z`,
    version: 1,
    deletedAt: null,
    syncState: 'synced',
    server: null,
    localDeleted: false,
    ...extra,
  };
  await db.outcomes.put(o);
  return o;
}

beforeEach(async () => {
  db = newTestDb();
  await applyPullPage(db, southAndValePage(userId), userId);
  planId = (await db.plans.toArray())[0]!.id;
});

const filters = (patch: Partial<OutcomeFilters> = {}): OutcomeFilters => ({
  planId,
  from: '2018-04-01',
  to: '2019-03-31',
  priorityId: null,
  actionId: null,
  type: null,
  town: null,
  authorId: null,
  includeNotes: false,
  ...patch,
});

describe('the outcomes export', () => {
  it('is UTF-8 with a BOM, one row per outcome, ISO dates, details in their own columns, and formulas neutralised', async () => {
    const a = await synced('22', '2018-07-14', 'Didcot');
    await synced('22', '2018-08-01', '=HYPERLINK("http://evil")');
    await synced('22', '2019-05-01', 'Thame'); // outside the period
    await synced('22', '2018-09-01', 'Wantage', { syncState: 'pending' }); // not on the server yet
    await synced('22', '2018-09-02', 'Wantage', { deletedAt: '2018-09-03T00:00:00.000Z' });
    const csv = exportCsv((await loadOutcomeExport(db, filters()))!);
    expect(csv.startsWith('\uFEFFOFFICIAL\r\nOutcome id,Date,Financial year,Quarter,')).toBe(true);
    const [marking, header, ...rows] = parseCsv(csv.slice(1)).map((r) => r.cells);
    expect(marking).toEqual(['OFFICIAL']);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 4)).toEqual([a.id, '2018-07-14', '2018/19', 'Q2 2018/19']);
    expect(header).toContain('Training session: Number of attendees');
    expect(rows[0]![header!.indexOf('Training session: Number of attendees')]).toBe('12');
    expect(rows[1]![header!.indexOf('Area')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(header).not.toContain('Notes');
  });

  it('filters by town, officer and kind, and includes notes only when asked', async () => {
    await synced('22', '2018-07-14', 'Didcot');
    await synced('22', '2018-07-15', 'Thame');
    await synced('3', '2018-07-16', 'Thame');
    expect((await loadOutcomeExport(db, filters({ town: 'Thame' })))!.count).toBe(2);
    expect((await loadOutcomeExport(db, filters({ type: 'training-session', town: 'Thame' })))!.count).toBe(1);
    expect((await loadOutcomeExport(db, filters({ authorId: crypto.randomUUID() })))!.count).toBe(0);
    const withNotes = parseCsv(exportCsv((await loadOutcomeExport(db, filters({ includeNotes: true })))!).slice(1))
      .map((r) => r.cells)
      .slice(1);
    expect(withNotes[1]![withNotes[0]!.indexOf('Notes')]).toBe('a note');
  });
});

describe('areas renamed or retired since outcomes were logged in them', () => {
  it('count, list and export those outcomes under the area’s current name; a retired area stays on them', async () => {
    const didcot = (await db.areas.filter((a) => a.name === 'Didcot').first())!;
    const thame = (await db.areas.filter((a) => a.name === 'Thame').first())!;
    await synced('22', '2018-07-14', 'Didcot');
    await synced('22', '2018-07-20', 'Thame');
    // Logged before areas were records and not pulled since: only its town's name, as logged.
    await synced('22', '2018-07-21', 'Didcot', { areaId: undefined });
    await db.areas.bulkPut([
      { ...didcot, name: 'Didcot and Harwell' },
      { ...thame, retired: true },
    ]);

    const progress = (await loadPeriodProgress(db, planId, Q2, '2026-01-01'))!;
    const ref22 = progress.rows.find((r) => r.action.ref === '22')!;
    const byArea = ref22.measures[0]!.progress.inPeriod.figures[0]!.byTown;
    expect(byArea).toEqual([
      { town: 'Didcot', value: 1 },
      { town: 'Didcot and Harwell', value: 1 },
      { town: 'Thame', value: 1 },
    ]);

    const exported = (await loadOutcomeExport(db, filters()))!;
    expect(exported.towns).toEqual(['Didcot', 'Didcot and Harwell', 'Thame']);
    const header = exported.rows[0]!;
    expect(exported.rows.slice(1).map((r) => r[header.indexOf('Area')])).toEqual(['Didcot and Harwell', 'Thame', 'Didcot']);
    expect((await loadOutcomeExport(db, filters({ town: 'Didcot and Harwell' })))!.count).toBe(1);
  });
});

describe('the quarterly progress report', () => {
  it('gives every action and measure with the quarter’s figures, the review, and late outcomes', async () => {
    await synced('22', '2018-07-14', 'Didcot');
    const late = await synced('22', '2018-09-20', 'Thame', { receivedAt: '2018-10-09T10:00:00.000Z' });
    const ref22 = (await db.actions.where('ref').equals('22').first())!;
    await db.signOffs.put({
      id: crypto.randomUUID(),
      planId,
      quarterStart: Q2.start,
      quarterEnd: Q2.end,
      signedOffAt: '2018-10-08T16:00:00.000Z',
      signedOffByName: 'Jo Bennett',
      reopenedAt: null,
    });
    await db.reviews.put({
      id: crypto.randomUUID(),
      planId,
      actionId: ref22.id,
      quarterStart: Q2.start,
      rag: 'amber',
      commentary: 'One more session booked',
      remedialAction: '',
      updatedAt: '2018-10-05T10:00:00.000Z',
      updatedByName: 'Jo Bennett',
    });
    const progress = (await loadPeriodProgress(db, planId, Q2, '2026-01-01'))!;
    expect(progress.lateCount).toBe(1);
    expect(progress.rows.find((r) => r.action.id === ref22.id)!.lateIds).toEqual([late.id]);
    const lines = reportLines(progress).filter((l) => l.ref === '22');
    expect(lines[0]).toMatchObject({
      inQuarter: '2 sessions; 24 attendees',
      toDate: 2,
      target: 2,
      rag: 'amber',
      ragSetBy: 'coordinator',
      commentary: 'One more session booked',
      late: 1,
    });
    // Every action is in the report, measured or not.
    expect(new Set(reportLines(progress).map((l) => l.ref)).size).toBe(28);
    expect(reportCsv(progress).split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFOFFICIAL',
      'Ref,Objective,Priority,Action,Lead agencies,Measure,In the period,Plan to date,Target,RAG,RAG set by,Commentary,Remedial action,Late outcomes',
    ]);
  });
});

describe('the PCC return', () => {
  it('reports the funded actions’ outputs for the period the return covers', async () => {
    await synced('22', '2018-07-14', 'Didcot');
    await synced('22', '2018-11-14', 'Didcot');
    const plan = (await db.plans.get(planId))!;
    const ref22 = (await db.actions.where('ref').equals('22').first())!;
    const fund: FundReturn = {
      id: crypto.randomUUID(),
      planId,
      grantPence: 100_000_00,
      localAuthorityArea: 'South and Vale',
      councilContact: '',
      policeLead: '',
      lines: [
        {
          id: crypto.randomUUID(),
          title: 'Hate crime training',
          objectives: 'Train housing staff',
          progressMidYear: 'On track',
          progressEndYear: 'Done',
          costPence: 2_500_00,
          otherFunding: [],
          actionIds: [ref22.id],
        },
      ],
      updatedAt: '2018-10-01T00:00:00.000Z',
      updatedByName: 'Jo Bennett',
      version: 3,
    };
    expect(returnPeriod(plan, 'mid')).toMatchObject({ start: '2018-04-01', end: '2018-09-30' });
    const mid = await loadPeriodProgress(db, planId, returnPeriod(plan, 'mid'), '2026-01-01');
    expect(returnLines(fund, 'mid', mid)).toEqual([
      { title: 'Hate crime training', text: 'On track', outputs: ['Ref 22: 1 session, 12 attendees'], cost: '£2,500', share: '2.5%', otherFunding: '' },
    ]);
    const end = await loadPeriodProgress(db, planId, returnPeriod(plan, 'end'), '2026-01-01');
    expect(returnLines(fund, 'end', end)[0]!.outputs).toEqual(['Ref 22: 2 sessions, 24 attendees']);
    expect(returnLines(fund, 'start', null)[0]).toMatchObject({ text: 'Train housing staff', outputs: [] });
  });
  it('writes its CSV with the template’s columns, amounts in pounds from pence, and formulas neutralised', async () => {
    await synced('22', '2018-07-14', 'Didcot');
    const plan = (await db.plans.get(planId))!;
    const ref22 = (await db.actions.where('ref').equals('22').first())!;
    const ref3 = (await db.actions.where('ref').equals('3').first())!;
    const line = { objectives: '', progressMidYear: '', progressEndYear: '', otherFunding: [], actionIds: [] };
    const fund: FundReturn = {
      id: crypto.randomUUID(),
      planId,
      grantPence: 10_000_00,
      localAuthorityArea: 'South and Vale',
      councilContact: 'A. Clerk',
      policeLead: 'Insp. Reed',
      lines: [
        {
          ...line,
          id: crypto.randomUUID(),
          title: '=HYPERLINK("http://evil")',
          objectives: 'Train staff, then review',
          progressMidYear: '-20 staff trained so far',
          costPence: 2_500_00,
          otherFunding: [
            { source: 'Lottery', amountPence: 1_250_50 },
            { source: '@council', amountPence: 5 },
          ],
          actionIds: [ref22.id, ref3.id],
        },
        { ...line, id: crypto.randomUUID(), title: 'Patrols "after dark"', progressMidYear: 'Started', costPence: 99 },
      ],
      updatedAt: '2018-10-01T00:00:00.000Z',
      updatedByName: 'Jo Bennett',
      version: 1,
    };
    const mid = await loadPeriodProgress(db, planId, returnPeriod(plan, 'mid'), '2026-01-01');
    const csv = returnCsv(fund, 'mid', mid, plan);
    expect(csv.startsWith('\uFEFFOFFICIAL\r\nPCC Community Safety Fund,Mid-year return\r\n')).toBe(true);
    expect(csv).toContain('"£10,000"\r\n\r\nExpenditure title,'); // a blank row between the head and the table (the parser skips it)
    expect(csv).toContain('\r\n"\'=HYPERLINK(""http://evil"")",'); // quoted, quotes doubled, after the apostrophe
    expect(parseCsv(csv.slice(1)).map((r) => r.cells)).toEqual([
      ['OFFICIAL'],
      ['PCC Community Safety Fund', 'Mid-year return'],
      ['Local authority area', 'South and Vale'],
      ['Funding period', `${plan.title} (2018-04-01 to 2019-03-31)`],
      ['CSF grant allocation', '£10,000'],
      ['Expenditure title', 'Progress and outcomes', 'Outputs from the plan', 'Cost to CSF', '% of CSF grant', 'Other funding sources and amounts'],
      [
        `'=HYPERLINK("http://evil")`,
        `'-20 staff trained so far`,
        'Ref 22: 1 session, 12 attendees\nRef 3: nothing logged yet',
        '£2,500',
        '25%',
        'Lottery: £1,250.50; @council: £0.05',
      ],
      ['Patrols "after dark"', 'Started', '', '£0.99', '0%', ''],
      ['Total', '', '', '£2,500.99', '25%', ''],
    ]);

    // At the start of the year: the objectives column, no outputs yet; without a grant, no shares.
    const start = parseCsv(returnCsv({ ...fund, grantPence: null }, 'start', null, plan).slice(1))
      .map((r) => r.cells)
      .slice(1);
    expect(start[3]).toEqual(['CSF grant allocation', '']);
    expect(start[4]![1]).toBe('Objectives');
    expect(start[5]).toEqual([`'=HYPERLINK("http://evil")`, 'Train staff, then review', '', '£2,500', '', 'Lottery: £1,250.50; @council: £0.05']);
    expect(start.at(-1)).toEqual(['Total', '', '', '£2,500.99', '', '']);
  });
});

describe('the protective marking', () => {
  it('heads every exported CSV with the partnership’s marking, and none when it has none', async () => {
    await synced('22', '2018-07-14', 'Didcot');
    const plan = (await db.plans.get(planId))!;
    const fund: FundReturn = {
      id: crypto.randomUUID(),
      planId,
      grantPence: null,
      localAuthorityArea: '',
      councilContact: '',
      policeLead: '',
      lines: [],
      updatedAt: '2018-10-01T00:00:00.000Z',
      updatedByName: 'Jo Bennett',
      version: 1,
    };
    const csvs = async () => {
      const progress = (await loadPeriodProgress(db, planId, Q2, '2026-01-01'))!;
      return [exportCsv((await loadOutcomeExport(db, filters()))!), reportCsv(progress), returnCsv(fund, 'mid', progress, plan)];
    };
    const marked = (marking: string) =>
      db.partnerships.update(plan.partnershipId, { details: { protectiveMarking: marking, contactEmail: '', contactPhone: '', dataController: '' } });

    await marked('OFFICIAL-SENSITIVE');
    for (const csv of await csvs()) expect(csv.split('\r\n')[0]).toBe('\uFEFFOFFICIAL-SENSITIVE');
    await marked('');
    for (const csv of await csvs()) expect(csv.split('\r\n')[0]).not.toMatch(/OFFICIAL/);
  });
});
