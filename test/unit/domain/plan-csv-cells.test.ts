import { describe, it, expect } from 'vitest';
import { parsePlanCsv, allActions, type PlanImportResult } from '../../../src/domain/plan-import/plan-csv';
import { splitLeadAgencies } from '../../../src/domain/plan-import/lead-agencies';
import { splitMeasures } from '../../../src/domain/plan-import/measures-split';
import { splitSeeAlso } from '../../../src/domain/plan-import/see-also';
import { suggestTally } from '../../../src/domain/tally/suggest';

const HEADER = 'ref,objective,priority,action,measures,lead_agency,due,see_also';
const q = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** A one-action plan with these cells; the rest filled in. */
function withCells(cells: {
  ref?: string;
  objective?: string;
  priority?: string;
  action?: string;
  measures?: string;
  lead?: string;
  seeAlso?: string;
}): PlanImportResult {
  const { ref = '1', objective = 'O', priority = 'P', action = 'Act', measures = 'number of CPNs issued', lead = '', seeAlso = '' } = cells;
  return parsePlanCsv(`${HEADER}\n${[ref, objective, priority, action, measures, lead, '', seeAlso].map(q).join(',')}`);
}
const first = (r: PlanImportResult) => [...allActions(r.plan)][0]!;

describe('lead agencies', () => {
  it.each([
    ['Soha; Sovereign', ['Soha', 'Sovereign']],
    ['Soha\nSovereign\n', ['Soha', 'Sovereign']],
    ['- Soha\n• Sovereign', ['Soha', 'Sovereign']],
    ['TVP/District Council', ['TVP', 'District Council']],
    ['TVP / District Council', ['TVP', 'District Council']],
    ['TVP, Soha, Sovereign', ['TVP', 'Soha', 'Sovereign']],
    ['District Councils Community Safety, Housing; Soha', ['District Councils Community Safety, Housing', 'Soha']],
    [
      'District Councils Community Safety Team (ASB Co-ordinator) - on behalf of JTM',
      ['District Councils Community Safety Team (ASB Co-ordinator) - on behalf of JTM'],
    ],
    ['Community Safety Team (RSLs/SPs, Housing)', ['Community Safety Team (RSLs/SPs, Housing)']],
    ['Team (ASB; JTM); Soha', ['Team (ASB; JTM)', 'Soha']],
    ['South and Vale Community Safety Team', ['South and Vale Community Safety Team']],
    ['Fire & Rescue; TVP', ['Fire & Rescue', 'TVP']],
    ['Sovereign & Soha', ['Sovereign & Soha']],
    ['Licensing and/or Community Safety', ['Licensing and/or Community Safety']],
    ['24/7 Response Team', ['24/7 Response Team']],
    ['Soha; soha;  SOHA ; Sovereign;;', ['Soha', 'Sovereign']],
    ['', []],
  ])('%j → %j', (cell, agencies) => {
    expect(splitLeadAgencies(cell).agencies).toEqual(agencies);
  });

  it('notes a cell it split at "/" or ",", but not at ";"', () => {
    expect(withCells({ lead: 'TVP, Soha' }).notes).toEqual([
      { file: 'actions', line: 2, column: 'lead_agency', message: 'Lead agency "TVP, Soha" was read as 2 agencies: TVP; Soha' },
    ]);
    expect(withCells({ lead: 'TVP; Soha' }).notes).toEqual([]);
  });

  it('refuses more than 20 agencies, and one longer than 300 characters', () => {
    const many = Array.from({ length: 21 }, (_, i) => `Agency ${i + 1}`).join('; ');
    expect(withCells({ lead: many }).problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'lead_agency',
        message: 'The action has 21 lead agencies; Fieldbook can keep at most 20: name the ones that lead it',
      },
    ]);
    expect(withCells({ lead: Array.from({ length: 20 }, (_, i) => `Agency ${i + 1}`).join('; ') }).problems).toEqual([]);
    expect(withCells({ lead: `Soha; ${'x'.repeat(301)}` }).problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'lead_agency',
        message: `The lead agency "${'x'.repeat(39)}…" is 301 characters long; Fieldbook can keep at most 300: shorten it`,
      },
    ]);
  });
});

describe('measures written as prose', () => {
  it.each([
    ['one per line, blank lines dropped', 'number of CPNs issued\n\n  number of FPNs issued  ', ['number of CPNs issued', 'number of FPNs issued']],
    ['bullets', '• number of CPNs issued\n• number of FPNs issued', ['number of CPNs issued', 'number of FPNs issued']],
    ['bullets on one line', '• number of CPNs issued • number of FPNs issued', ['number of CPNs issued', 'number of FPNs issued']],
    [
      'dashes and stars',
      '- number of CPNs issued\n* number of FPNs issued\n– number of ABCs',
      ['number of CPNs issued', 'number of FPNs issued', 'number of ABCs'],
    ],
    ['numbers', '1. number of CPNs issued\n2) number of FPNs issued', ['number of CPNs issued', 'number of FPNs issued']],
    ['letters and roman numerals', 'a) number of CPNs issued\n(ii) number of FPNs issued', ['number of CPNs issued', 'number of FPNs issued']],
    ['a leading number that is a target, kept', '2 training sessions held\n-10% repeat victims', ['2 training sessions held', '-10% repeat victims']],
    [
      'one paragraph, parts of three words or more split at ";"',
      'number of CPNs issued; number of FPNs issued',
      ['number of CPNs issued', 'number of FPNs issued'],
    ],
    [
      'one paragraph with a short part kept whole',
      'number of places signed up in Abingdon; Didcot; Wantage',
      ['number of places signed up in Abingdon; Didcot; Wantage'],
    ],
    ['";" inside a list kept', '• number of CPNs issued; and FPNs\n• number of ABCs', ['number of CPNs issued; and FPNs', 'number of ABCs']],
    ['targets as XX% and TBC kept', 'Reduction in assault with injury by XX%\nTarget: TBC', ['Reduction in assault with injury by XX%', 'Target: TBC']],
  ])('%s', (_name, cell, measures) => {
    expect(splitMeasures(cell).measures).toEqual(measures);
  });

  it('notes a paragraph split at ";"', () => {
    expect(withCells({ measures: 'number of CPNs issued; number of FPNs issued' }).notes).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'measures',
        message: 'The measures "number of CPNs issued; number of FPNs issued" were read as 2 measures, split at ";"',
      },
    ]);
  });

  it('suggests each measure a tally from its text and its action', () => {
    const r = withCells({ action: 'Deliver Hate Crime Training', measures: '• two training sessions held, number of attendees and location' });
    expect(first(r).measures).toEqual([
      {
        text: 'two training sessions held, number of attendees and location',
        tally: suggestTally('two training sessions held, number of attendees and location', 'Deliver Hate Crime Training'),
      },
    ]);
    expect(first(r).measures[0]!.tally).toMatchObject({ outcomeType: 'training-session', where: { field: 'topic', in: ['hate-crime'] }, target: 2 });
  });

  it('notes a measure whose wording gives no way to count it', () => {
    const r = withCells({ measures: 'feedback from service users\nnumber of CPNs issued' });
    expect(r.notes).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'measures',
        message:
          'Fieldbook cannot tell how to count the measure "feedback from service users": it counts each outcome logged against it until you choose how it is counted',
      },
    ]);
  });

  it('accepts an action with no measures, with a note', () => {
    const r = withCells({ measures: ' \n ' });
    expect(r.problems).toEqual([]);
    expect(first(r).measures).toEqual([]);
    expect(r.notes).toEqual([
      { file: 'actions', line: 2, column: 'measures', message: 'Action on line 2 has no measures: officers cannot log outcomes against it until you add one' },
    ]);
  });

  it('refuses a measure longer than 1000 characters', () => {
    const r = withCells({ measures: `number of CPNs issued\nnumber of ${'very '.repeat(200)}long things` });
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'measures',
        message: 'The measure "number of very very very very very very…" is 1,021 characters long; Fieldbook can keep at most 1,000: shorten it',
      },
    ]);
    expect(r.actionCount).toBe(0);
  });
});

describe('text', () => {
  it('trims cells and collapses runs of spaces, line breaks and no-break spaces', () => {
    const r = withCells({ objective: '  Safer\u00a0 streets ', priority: 'Anti-social\nbehaviour', action: 'Co-ordinate   ASB\tmeetings\u200b' });
    expect(r.plan.objectives[0]!.title).toBe('Safer streets');
    expect(r.plan.objectives[0]!.priorities[0]!.name).toBe('Anti-social behaviour');
    expect(first(r).text).toBe('Co-ordinate ASB meetings');
  });

  it.each([
    ['action', { action: 'x'.repeat(2001) }, 'The action is 2,001 characters long; Fieldbook can keep at most 2,000: shorten it'],
    ['objective', { objective: 'x'.repeat(501) }, 'The objective is 501 characters long; Fieldbook can keep at most 500: shorten it'],
    ['priority', { priority: 'x'.repeat(201) }, 'The priority is 201 characters long; Fieldbook can keep at most 200: shorten it'],
  ])('refuses an over-long %s', (column, cells, message) => {
    const r = withCells(cells);
    expect(r.problems).toEqual([{ file: 'actions', line: 2, column, message }]);
  });

  it('accepts text at exactly the limits', () => {
    expect(withCells({ action: 'x'.repeat(2000), objective: 'x'.repeat(500), priority: 'x'.repeat(200) }).problems).toEqual([]);
  });

  it('reports a long objective repeated on many rows once, and imports none of its rows', () => {
    const long = 'x'.repeat(501);
    const r = parsePlanCsv(`${HEADER}\n1,${long},P,A,,,,\n2,${long},P,B,,,,\n3,O,P,C,,,,`);
    expect(r.problems).toEqual([
      { file: 'actions', line: 2, column: 'objective', message: 'The objective is 501 characters long; Fieldbook can keep at most 500: shorten it' },
    ]);
    expect([...allActions(r.plan)].map((a) => a.ref)).toEqual(['3']);
  });

  it('refuses an indicator longer than 1000 characters', () => {
    const r = parsePlanCsv(`${HEADER}\n1,O,P,A,number of CPNs,,,`, `objective,priority,indicator\nO,P,${'x'.repeat(1001)}`);
    expect(r.problems).toEqual([
      {
        file: 'indicators',
        line: 2,
        column: 'indicator',
        message: `The indicator "${'x'.repeat(39)}…" is 1,001 characters long; Fieldbook can keep at most 1,000: shorten it`,
      },
    ]);
  });

  it.each([
    ['a NUL character', 'Act\u0000ion', 'action'],
    ['a lone surrogate', 'Act\uD800ion', 'action'],
  ])('refuses a cell with %s', (_name, action, column) => {
    const r = withCells({ action });
    expect(r.problems).toEqual([
      { file: 'actions', line: 2, column, message: 'The action contains a NUL character or broken Unicode, which cannot be saved: retype this cell' },
    ]);
    expect(r.actionCount).toBe(0);
  });

  it('refuses broken text in any column it reads, naming the column', () => {
    const r = withCells({ lead: 'Soha\u0000' });
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'lead_agency',
        message: 'The lead agency contains a NUL character or broken Unicode, which cannot be saved: retype this cell',
      },
    ]);
  });
});

describe('see-also refs', () => {
  it.each([
    ['8;11;12', ['8', '11', '12']],
    ['3, 4 and 5', ['3', '4', '5']],
    ['ref 3', ['3']],
    ['ref. 3', ['3']],
    ['refs 3 and 4', ['3', '4']],
    ['Cross referenced with ref no. 5', ['5']],
    ['see 1.2 & R7', ['1.2', 'R7']],
    ['3; 3', ['3']],
  ])('%j → %j', (cell, refs) => {
    expect(splitSeeAlso(cell)).toEqual(refs);
  });

  it('refuses a ref that is not in the plan, when the plan has refs', () => {
    const r = parsePlanCsv(`${HEADER}\n1,O,P,A,,,,refs 2 and 3\n2,O,P,B,,,,`);
    expect(r.problems).toEqual([{ file: 'actions', line: 2, column: 'see_also', message: 'Ref 3 is not an action in this plan' }]);
  });

  it('ignores see-also refs, with a note, when no action has a ref', () => {
    const r = parsePlanCsv(`${HEADER}\n,O,P,A,number of CPNs,,,3; 4\n,O,P,B,number of CPNs,,,`);
    expect(r.problems).toEqual([]);
    expect(first(r).seeAlsoRefs).toEqual([]);
    expect(r.notes).toEqual([{ file: 'actions', line: 2, column: 'see_also', message: 'See also "3; 4" was ignored: no action in this plan has a ref' }]);
  });
});
