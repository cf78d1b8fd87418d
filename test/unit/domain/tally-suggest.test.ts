import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { suggestTally } from '../../../src/domain/tally/suggest';
import { MeasureTally } from '../../../src/domain/tally/rule';
import { allActions, parsePlanCsv } from '../../../src/domain/plan-import/plan-csv';

const plan = parsePlanCsv(readFileSync('fixtures/plans/south-and-vale-2018-19.csv', 'utf8'));
if (plan.problems.length > 0) throw new Error('sample plan does not parse');
const measuresOf = (ref: string) => [...allActions(plan.plan)].find((a) => a.ref === ref)!.measures.map((m) => m.tally);

describe('suggestTally on the South and Vale plan', () => {
  it('ref 3: towns are distinct towns over Safe Places sign-ups; places count them; champions are training; visits are visits', () => {
    const [towns, places, champions, visits] = measuresOf('3');
    expect(towns).toEqual({
      outcomeType: 'place-joined',
      where: { field: 'scheme', in: ['safe-place'] },
      figures: [{ kind: 'distinct', field: 'town', label: 'towns' }],
      target: null,
    });
    expect(places).toMatchObject({ outcomeType: 'place-joined', where: { field: 'scheme', in: ['safe-place'] }, figures: [{ kind: 'count' }] });
    expect(champions).toMatchObject({ outcomeType: 'training-session', where: { field: 'topic', in: ['safe-places-champions'] } });
    expect(visits).toMatchObject({ outcomeType: 'safe-place-visit', figures: [{ kind: 'count' }] });
  });

  it('ref 22: two hate crime training sessions (target 2), counted and attendees summed; reporting centres are places', () => {
    const [training, centres] = measuresOf('22');
    expect(training).toEqual({
      outcomeType: 'training-session',
      where: { field: 'topic', in: ['hate-crime'] },
      figures: [
        { kind: 'count', label: 'sessions' },
        { kind: 'sum', field: 'attendees', label: 'attendees' },
      ],
      target: 2,
    });
    expect(centres).toMatchObject({ outcomeType: 'place-joined', where: { field: 'scheme', in: ['hate-crime-reporting-centre'] } });
  });

  it('ref 2: each sanction measure counts its own sanction', () => {
    expect(measuresOf('2').map((t) => t.where?.in)).toEqual([['cpw'], ['cpn'], ['cpn-breach'], ['tenancy-caution', 'abc']]);
  });

  it('ref 19: Hotel Watch training and hotel test purchases', () => {
    expect(measuresOf('19').map((t) => [t.outcomeType, t.where?.in[0]])).toEqual([
      ['training-session', 'hotel-watch'],
      ['enforcement-operation', 'hotel-test-purchase'],
    ]);
  });

  it('ref 5: sanctuary works are counted and their cost summed', () => {
    expect(measuresOf('5')[0]).toMatchObject({
      outcomeType: 'referral',
      where: { in: ['sanctuary-works'] },
      figures: [{ kind: 'count' }, { kind: 'sum', field: 'cost' }],
    });
  });

  it('ref 27: "deliver the Prevent action plan" is a milestone, not an event', () => {
    expect(measuresOf('27')[0]!.outcomeType).toBe('milestone');
  });

  it('every suggestion for every measure is a valid rule', () => {
    for (const a of allActions(plan.plan)) for (const m of a.measures) expect(MeasureTally.safeParse(m.tally).success, `${a.ref}: ${m.text}`).toBe(true);
  });
});

describe('suggestTally on prose', () => {
  it('reads a leading number as the target', () => {
    expect(suggestTally('two workshops piloted including number of attendees').target).toBe(2);
    expect(suggestTally('12 training sessions for licensees').target).toBe(12);
    expect(suggestTally('training sessions for licensees').target).toBeNull();
  });

  it('falls back to other activities: summed for "number of …", counted otherwise', () => {
    expect(suggestTally('number of repeat clients receiving support')).toMatchObject({
      outcomeType: 'activity',
      figures: [{ kind: 'sum', field: 'quantity', label: 'repeat clients receiving support' }],
    });
    expect(suggestTally('feedback from service users')).toMatchObject({ outcomeType: 'activity', figures: [{ kind: 'count' }] });
  });

  it('takes a training topic from the action when the measure does not say', () => {
    expect(suggestTally('number of training sessions delivered to staff', 'Improve understanding of modern slavery').where).toEqual({
      field: 'topic',
      in: ['modern-slavery'],
    });
  });
});
