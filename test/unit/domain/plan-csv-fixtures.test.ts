import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parsePlanCsv, allActions, type PlanDraft } from '../../../src/domain/plan-import/plan-csv';
import { decodeCsvBytes } from '../../../src/app/plan-import/read-csv-file';

/** Awkward plans as coordinators would really save them, each message checked word for word. */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/plan-csv/${name}`, import.meta.url), 'utf8');
const note = (line: number, column: string | null, message: string) => ({ file: 'actions', line, column, message });
const cannotTell = (line: number, measure: string) =>
  note(
    line,
    'measures',
    `Fieldbook cannot tell how to count the measure "${measure}": it counts each outcome logged against it until you choose how it is counted`,
  );
const outline = (plan: PlanDraft) =>
  plan.objectives.map((o) => ({ objective: o.title, indicators: o.indicators, priorities: o.priorities.map((p) => [p.name, p.actions.length]) }));

describe('a plan shaped priorities → action plans → activities, with no refs (seed 001)', () => {
  const result = parsePlanCsv(fixture('action-plans-no-refs.csv'), fixture('action-plans-indicators.csv'));
  const actions = [...allActions(result.plan)];

  it('imports every activity with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.actionCount).toBe(7);
    expect(actions.map((a) => a.ref)).toEqual(Array(7).fill(null));
  });

  it('makes priorities objectives, with their impact indicators, and action plans priorities', () => {
    expect(outline(result.plan)).toEqual([
      {
        objective: 'Alcohol',
        indicators: [
          'Reduction in the number of assaults with injury that are not domestic violence offences',
          "Increase satisfaction in the way the police and local council's deal with anti-social behaviour",
        ],
        priorities: [
          ['OSCP NightSafe Project Board', 3],
          ['Oxfordshire Alcohol Harm Reduction Strategy', 1],
        ],
      },
      {
        objective: 'Anti-social behaviour',
        indicators: ["The public's perception of the way local authorities and the police tackle anti-social priorities."],
        priorities: [['CCTV Management Plan', 2]],
      },
      { objective: 'Community Cohesion', indicators: [], priorities: [['Hate crime Action Plan', 1]] },
      { objective: 'Drug Misuse', indicators: ['Reduction in drug-related offending by XX%'], priorities: [] },
    ]);
  });

  it('joins each title to its description, and reads every cell as typed', () => {
    expect(
      actions.map(({ line, text, measures, leadAgencies, dueOn }) => ({ line, text, measures: measures.map((m) => m.text), leadAgencies, dueOn })),
    ).toEqual([
      {
        line: 3,
        text: 'High visibility policing — Provide adequate numbers of police officers at key times in hotspot locations in the city centre and East Oxford.',
        measures: ['Reduction in assaults with injury that are not domestic violence offences by XX%'],
        leadAgencies: ['Thames Valley Police'],
        dueOn: null,
      },
      {
        line: 4,
        text: 'Licensing liaison — Work with licensed premises to improve and maintain high standards of management, using licensing conditions and reviews when necessary.',
        measures: ['number of licensing reviews requested', 'number of premises visited', 'number of test purchase operations conducted'],
        leadAgencies: ['Oxford City Council Licensing', 'Thames Valley Police'],
        dueOn: '2009-03-31',
      },
      {
        line: 7,
        text: 'Public awareness campaigns — Promote responsible drinking and behaviour through targeted public awareness campaigns.',
        measures: ['two campaigns delivered'],
        leadAgencies: ['OSCP'],
        dueOn: '2009-03-31',
      },
      {
        line: 8,
        text: 'Alcohol Strategy Coordination — Provide OSCP officer involvement in the drafting of the new strategy',
        measures: [],
        leadAgencies: ['Oxford City Council'],
        dueOn: '2009-03-31',
      },
      {
        line: 10,
        text: 'CCTV City Centre Scheme — Management of CCTV in the city centre',
        measures: ['Increase satisfaction with the way the police and council deal with anti-social behaviour by xx%'],
        leadAgencies: ['Oxford City Council (CCTV)'],
        dueOn: null,
      },
      {
        line: 11,
        text: 'CCTV Cowley Rd Scheme — Implementation of CCTV in the Cowley Road',
        measures: ['CCTV installed and operational'],
        leadAgencies: ['Oxford City Council (CCTV)'],
        dueOn: '2009-03-31',
      },
      {
        line: 12,
        text: 'Hate crime reduction project — Activities to tackle racial and homophobic crimes and harassment.',
        measures: ['hate crime awareness events held', 'hate crime reporting centres opened'],
        leadAgencies: ['Oxford City Council', 'TVP'],
        dueOn: '2008-12-31',
      },
    ]);
    expect(actions[1]!.measures[2]!.tally.outcomeType).toBe('enforcement-operation');
    expect(actions[6]!.measures.map((m) => m.tally.outcomeType)).toEqual(['engagement-event', 'place-joined']);
  });

  it('tells the coordinator everything it adjusted', () => {
    expect(result.notes).toEqual([
      note(1, null, 'Column "Budget" is not used by Fieldbook and was ignored'),
      note(1, null, 'There is no objective column, so each priority became an objective and each action plan a priority under it'),
      note(1, null, 'Each action\'s description was added after its title ("title — description")'),
      note(2, null, 'Line 2 has no action, only "Alcohol": it was read as a heading and skipped'),
      cannotTell(3, 'Reduction in assaults with injury that are not domestic violence offences by XX%'),
      note(3, 'due', 'Due "Ongoing" is not a date: left blank'),
      note(
        4,
        'lead_agency',
        'Lead agency "Oxford City Council Licensing / Thames Valley Police" was read as 2 agencies: Oxford City Council Licensing; Thames Valley Police',
      ),
      note(4, 'due', 'Due "Q4 2008/09" was read as 31 March 2009, the last day of that quarter (quarters follow the financial year: Q1 is April to June)'),
      note(6, null, 'Line 6 has no action, so its measures were added to the action on line 4'),
      note(7, 'due', 'Due "March 2009" was read as 31 March 2009, the last day of that month'),
      note(8, 'measures', 'Action on line 8 has no measures: officers cannot log outcomes against it until you add one'),
      note(8, 'due', 'Due "2008/09" was read as 31 March 2009, the end of that financial year'),
      cannotTell(10, 'Increase satisfaction with the way the police and council deal with anti-social behaviour by xx%'),
      note(10, 'due', 'Due "TBC" is not a date: left blank'),
      cannotTell(11, 'CCTV installed and operational'),
      note(12, 'measures', 'The measures "hate crime awareness events held; hate crime reporting cent…" were read as 2 measures, split at ";"'),
      note(12, 'due', 'Due "end of December 2008" was read as 31 December 2008, the last day of that month'),
      { file: 'indicators', line: 5, column: 'priority', message: 'The priority "Drug Misuse" is not in the actions file: it was added with no actions' },
    ]);
  });
});

describe('a plan with a title row, its own headings, UK dates, prose measures and several lead agencies per cell', () => {
  const result = parsePlanCsv(fixture('uk-dates-prose.csv'));
  const actions = [...allActions(result.plan)];

  it('imports every action with no problems, under the objectives and priorities it names', () => {
    expect(result.problems).toEqual([]);
    expect(outline(result.plan)).toEqual([
      { objective: 'Vulnerability', indicators: [], priorities: [['Anti-Social Behaviour', 2]] },
      {
        objective: 'Prevention',
        indicators: [],
        priorities: [
          ['Hate Crime', 2],
          ['Cybercrime', 1],
        ],
      },
    ]);
  });

  it('reads refs, measures, lead agencies, due dates and see-also refs', () => {
    expect(
      actions.map(({ ref, measures, leadAgencies, dueOn, seeAlsoRefs }) => ({ ref, measures: measures.map((m) => m.text), leadAgencies, dueOn, seeAlsoRefs })),
    ).toEqual([
      {
        ref: '1.1',
        measures: ['number of CPN warnings issued', 'number of CPNs issued'],
        leadAgencies: ['TVP', 'District Council'],
        dueOn: '2019-03-31',
        seeAlsoRefs: [],
      },
      {
        ref: '1.2',
        measures: ['number of towns where the scheme is running', 'number of places signed up in each market town'],
        leadAgencies: ['District Councils Community Safety Team (ASB Co-ordinator) - on behalf of JTM'],
        dueOn: '2019-03-31',
        seeAlsoRefs: ['1.1'],
      },
      { ref: '2a', measures: ['two training sessions held'], leadAgencies: ['TVP', 'Soha', 'Sovereign'], dueOn: '2018-09-30', seeAlsoRefs: [] },
      {
        ref: '2b',
        measures: ['number of reporting centres', 'towns covered'],
        leadAgencies: ['Community Safety Team (Projects Officer)', 'Fire & Rescue'],
        dueOn: '2018-12-31',
        seeAlsoRefs: ['1.1', '2a'],
      },
      {
        ref: 'R7',
        measures: ['two workshops piloted including number of attendees'],
        leadAgencies: ['South and Vale Community Safety Team', 'Thames Valley Police'],
        dueOn: '2019-03-31',
        seeAlsoRefs: [],
      },
    ]);
  });

  it('tells the coordinator everything it adjusted', () => {
    expect(result.notes).toEqual([
      note(1, null, 'Lines 1 to 2 are above the column headings and were ignored'),
      note(4, 'lead_agency', 'Lead agency "TVP/District Council" was read as 2 agencies: TVP; District Council'),
      note(6, 'measures', 'The measures "number of towns where the scheme is running; number of plac…" were read as 2 measures, split at ";"'),
      note(6, 'priority', 'Priority "Anti-social behaviour" was taken to be "Anti-Social Behaviour", as written on line 4'),
      note(7, 'lead_agency', 'Lead agency "TVP, Soha, Sovereign" was read as 3 agencies: TVP; Soha; Sovereign'),
      cannotTell(8, 'towns covered'),
      note(8, 'due', 'Due "Q3 2018/19" was read as 31 December 2018, the last day of that quarter (quarters follow the financial year: Q1 is April to June)'),
      note(10, 'due', 'Due "Mar 2019" was read as 31 March 2019, the last day of that month'),
    ]);
  });
});

describe('a plan with problems', () => {
  const result = parsePlanCsv(fixture('problems.csv'));

  it('reports each, by line and column, in words', () => {
    expect(result.problems).toEqual([
      note(2, 'due', 'Due "31/02/2019" is not a date: February 2019 has 28 days'),
      note(3, 'priority', 'The priority is empty: if the cell was merged in the spreadsheet, unmerge it and fill in every row'),
      note(4, 'ref', 'Ref 2 is already used on line 3'),
      note(5, 'ref', 'Ref "Action 4 – see the appendix" is 27 characters long; a ref can be at most 20, such as 3, 1.2 or R7. Is this the right column?'),
      note(6, 'see_also', 'Ref 9 is not an action in this plan'),
    ]);
    expect(result.notes).toEqual([note(6, 'due', 'Due "Ongoing" is not a date: left blank')]);
  });
});

describe('a plan saved from Excel in Windows-1252', () => {
  it('is refused before it is read, naming the line', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/plan-csv/windows-1252.csv', import.meta.url)));
    const decoded = decodeCsvBytes(bytes, 'actions');
    expect(decoded).toEqual({
      ok: false,
      problem: {
        file: 'actions',
        line: 3,
        column: null,
        message:
          'Line 3 has "’" saved as Windows-1252 (Excel\'s older CSV format), so the file is not saved as UTF-8: in Excel choose File → Save As → CSV UTF-8 (Comma delimited)',
      },
    });
  });
});
