import { describe, it, expect } from 'vitest';
import { parsePlanCsv, allActions } from '../../../src/domain/plan-import/plan-csv';
import { headerKey } from '../../../src/domain/plan-import/headers';

/** The one action of a one-row plan with these headings and cells. */
function onlyAction(header: string, row: string) {
  const r = parsePlanCsv(`${header}\n${row}`);
  expect(r.problems).toEqual([]);
  const [action, ...rest] = [...allActions(r.plan)];
  expect(rest).toEqual([]);
  return { action: action!, plan: r.plan, notes: r.notes };
}

describe('column headings as people write them', () => {
  it('ignores case, spaces, underscores, punctuation and "(s)"', () => {
    expect(headerKey('Lead Agency(s)')).toBe('leadagency');
    expect(headerKey('  LEAD_AGENCY ')).toBe('leadagency');
    expect(headerKey('Ref No.')).toBe('refno');
    expect(headerKey('Target/Measures')).toBe('targetmeasures');
    expect(headerKey('#')).toBe('#');
  });

  it.each([
    ['ref', ['Ref', 'Ref No', 'Ref no.', 'No', 'No.', 'Number', '#', 'Action No']],
    ['objective', ['Objective', 'Strategic Objective', 'PCC objective']],
    ['priority', ['Priority', 'Theme', 'Priority Area']],
    ['action', ['Action', 'Activity', 'Activities', 'What we will do', 'Actions']],
    [
      'measures',
      [
        'Measures',
        'Measure',
        'Target/Measures',
        'Targets',
        'Target',
        'How we will measure',
        'How we will assess our impact',
        'Outcomes',
        'Performance measures',
      ],
    ],
    ['lead_agency', ['Lead Agency', 'Lead agencies', 'Lead', 'Lead Organisation', 'Who', 'Responsible', 'Lead agency(s)']],
    ['due', ['Due', 'Due date', 'By when', 'Deadline', 'Timescale', 'Target date']],
    ['see_also', ['See also', 'Cross reference', 'Related actions']],
  ])('reads %s from any of its names', (column, names) => {
    const cells: Record<string, string> = {
      ref: '7',
      objective: 'Vulnerability',
      priority: 'Domestic Abuse',
      action: 'Fund outreach',
      measures: 'number of cases referred for sanctuary works',
      lead_agency: 'Soha',
      due: '2019-03-31',
      see_also: '7',
    };
    for (const name of names) {
      const others = Object.keys(cells).filter((c) => c !== column);
      const header = [name, ...others].map((h) => `"${h}"`).join(',');
      const row = [cells[column], ...others.map((c) => cells[c])].map((v) => `"${v}"`).join(',');
      const { action, plan } = onlyAction(header, row);
      expect({ name, action, objective: plan.objectives[0]!.title, priority: plan.objectives[0]!.priorities[0]!.name }).toMatchObject({
        name,
        action: {
          ref: '7',
          text: 'Fund outreach',
          leadAgencies: ['Soha'],
          dueOn: '2019-03-31',
          seeAlsoRefs: ['7'],
          measures: [{ text: 'number of cases referred for sanctuary works' }],
        },
        objective: 'Vulnerability',
        priority: 'Domestic Abuse',
      });
    }
  });

  it('ignores unknown columns with one note naming them all', () => {
    const r = parsePlanCsv('Objective,Priority,Action,Budget,RAG status\nO,P,Act,£5k,Green');
    expect(r.problems).toEqual([]);
    expect(r.notes.filter((n) => n.line === 1)).toEqual([
      { file: 'actions', line: 1, column: null, message: 'Columns "Budget" and "RAG status" are not used by Fieldbook and were ignored' },
    ]);
  });

  it('names a single unknown column in the singular', () => {
    const r = parsePlanCsv('Objective,Priority,Action,Budget\nO,P,Act,£5k');
    expect(r.notes[0]).toEqual({ file: 'actions', line: 1, column: null, message: 'Column "Budget" is not used by Fieldbook and was ignored' });
  });

  it('mentions a column with no heading only when something is in it', () => {
    expect(parsePlanCsv('Objective,Priority,Action,,\nO,P,Act,,').notes.filter((n) => n.line === 1)).toEqual([]);
    expect(parsePlanCsv('Objective,Priority,Action,,\nO,P,Act,,stray').notes.filter((n) => n.line === 1)).toEqual([
      { file: 'actions', line: 1, column: null, message: 'Column 5 has no heading and was ignored' },
    ]);
  });

  it('refuses a column that appears twice, under any of its names', () => {
    const r = parsePlanCsv('Objective,Priority,Action,Activity\nO,P,Act,Other');
    expect(r.problems).toEqual([
      { file: 'actions', line: 1, column: 'action', message: 'Columns "Action" and "Activity" both hold the action: delete or rename one of them' },
    ]);
    expect(r.actionCount).toBe(0);
  });

  it('lists what is missing and what it found', () => {
    const r = parsePlanCsv('Ref,Objective,Measures\n1,O,m');
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 1,
        column: null,
        message:
          'Missing columns: priority, action (found "Ref", "Objective" and "Measures"): head them "Priority", "Theme" or "Priority area", and "Action", "Activity" or "What we will do"',
      },
    ]);
  });

  it('asks for a priority column only when there is no action plan column', () => {
    const r = parsePlanCsv('Objective,Measures\nO,m');
    expect(r.problems[0]!.message).toBe(
      'Missing columns: priority, action (found "Objective" and "Measures"): head them "Priority", "Theme" or "Priority area", and "Action", "Activity" or "What we will do"',
    );
    expect(parsePlanCsv('Action plan,Measures\nO,m').problems[0]!.message).toBe(
      'Missing column: action (found "Action plan" and "Measures"): head it "Action", "Activity" or "What we will do"',
    );
  });

  it('skips title rows above the headings, with a note', () => {
    const r = parsePlanCsv('South and Vale Rolling Plan 2018-19,,\n\nObjective,Priority,Action\nO,P,Act');
    expect(r.problems).toEqual([]);
    expect(r.notes[0]).toEqual({ file: 'actions', line: 1, column: null, message: 'Lines 1 to 2 are above the column headings and were ignored' });
    expect([...allActions(r.plan)].map((a) => [a.line, a.text])).toEqual([[4, 'Act']]);
  });

  it('says when the columns are separated by tabs or semicolons', () => {
    expect(parsePlanCsv('Objective\tPriority\tAction\nO\tP\tAct').problems).toEqual([
      {
        file: 'actions',
        line: 1,
        column: null,
        message: 'The columns are separated by tabs, not commas: in Excel choose File → Save As → CSV UTF-8 (Comma delimited)',
      },
    ]);
    expect(parsePlanCsv('Objective;Priority;Action\nO;P;Act').problems[0]!.message).toMatch(/^The columns are separated by semicolons, not commas/);
  });

  it('reads the indicators file headings the same way', () => {
    const r = parsePlanCsv(
      'Objective,Priority,Action\nO,P,Act',
      'Strategic objective,Theme,Direction of travel indicators\nO,P,levels of hate crime reported to the police',
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.objectives[0]!.priorities[0]!.indicators).toEqual(['levels of hate crime reported to the police']);
  });
});
