import { describe, it, expect } from 'vitest';
import { parsePlanCsv, allActions, PLAN_PRIORITIES, type PlanDraft } from '../../../src/domain/plan-import/plan-csv';

const csv = (...lines: string[]) => lines.join('\n');
/** objective › priority › action text, for each action in plan order. */
const outline = (plan: PlanDraft) => plan.objectives.flatMap((o) => o.priorities.flatMap((p) => p.actions.map((a) => `${o.title} › ${p.name} › ${a.text}`)));

describe('refs', () => {
  it('accepts a plan with no refs at all', () => {
    const r = parsePlanCsv(csv('Objective,Priority,Action,Measures', 'O,P,First,number of CPNs issued', 'O,P,Second,number of CPNs issued'));
    expect(r.problems).toEqual([]);
    expect([...allActions(r.plan)].map((a) => a.ref)).toEqual([null, null]);
  });

  it('accepts refs such as 1.2, 3a and R7, and refuses one longer than 20 characters', () => {
    const r = parsePlanCsv(csv('Ref,Objective,Priority,Action', '1.2,O,P,A', '3a,O,P,B', 'R7,O,P,C', 'Tackle anti-social behaviour,O,P,D'));
    expect([...allActions(r.plan)].map((a) => a.ref)).toEqual(['1.2', '3a', 'R7']);
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 5,
        column: 'ref',
        message: 'Ref "Tackle anti-social behaviour" is 28 characters long; a ref can be at most 20, such as 3, 1.2 or R7. Is this the right column?',
      },
    ]);
  });

  it('names both lines of a duplicate ref', () => {
    const r = parsePlanCsv(csv('Ref,Objective,Priority,Action', '4,O,P,A', '4,O,P,B'));
    expect(r.problems).toEqual([{ file: 'actions', line: 3, column: 'ref', message: 'Ref 4 is already used on line 2' }]);
  });
});

describe('levels above the actions', () => {
  const seed001 = csv(
    'Priority,Action plan,Activity,Measures',
    'Alcohol,OSCP NightSafe Project Board,High visibility policing,number of operations held',
    'Alcohol,OSCP NightSafe Project Board,Licensing liaison,number of licensing reviews requested',
    'Anti-social behaviour,CCTV Management Plan,CCTV City Centre Scheme,CCTV cameras agreed and installed',
  );

  it('makes priorities objectives and action plans priorities when there is no objective column', () => {
    const r = parsePlanCsv(seed001);
    expect(r.problems).toEqual([]);
    expect(outline(r.plan)).toEqual([
      'Alcohol › OSCP NightSafe Project Board › High visibility policing',
      'Alcohol › OSCP NightSafe Project Board › Licensing liaison',
      'Anti-social behaviour › CCTV Management Plan › CCTV City Centre Scheme',
    ]);
    expect(r.notes).toEqual([
      {
        file: 'actions',
        line: 1,
        column: null,
        message: 'There is no objective column, so each priority became an objective and each action plan a priority under it',
      },
    ]);
  });

  it('keeps objective and priority and starts the action with its action plan when all three are there', () => {
    const r = parsePlanCsv(
      csv(
        'Objective,Priority,Action plan,Action,Measures',
        'Safer streets,Anti-social behaviour,CCTV Management Plan,Management of CCTV in the city centre,CCTV cameras agreed',
      ),
    );
    expect(outline(r.plan)).toEqual(['Safer streets › Anti-social behaviour › CCTV Management Plan: Management of CCTV in the city centre']);
    expect(r.notes).toEqual([
      { file: 'actions', line: 1, column: null, message: 'Each action\'s text starts with its action plan ("CCTV Management Plan: …")' },
    ]);
  });

  it('puts every priority under one objective when there is neither an objective nor an action plan column', () => {
    const r = parsePlanCsv(
      csv('Priority,Action,Measures', 'Hate Crime,Launch reporting centres,number of reporting centres', 'Cybercrime,Deliver workshops,two workshops piloted'),
    );
    expect(outline(r.plan)).toEqual([`${PLAN_PRIORITIES} › Hate Crime › Launch reporting centres`, `${PLAN_PRIORITIES} › Cybercrime › Deliver workshops`]);
    expect(r.notes).toEqual([
      { file: 'actions', line: 1, column: null, message: 'There is no objective column, so every priority was put under one objective, "Plan priorities"' },
    ]);
  });

  it('makes action plans priorities when there is an objective but no priority column', () => {
    const r = parsePlanCsv(csv('Objective,Action plan,Action,Measures', 'Safer streets,CCTV Management Plan,Management of CCTV,CCTV cameras agreed'));
    expect(outline(r.plan)).toEqual(['Safer streets › CCTV Management Plan › Management of CCTV']);
    expect(r.notes).toEqual([{ file: 'actions', line: 1, column: null, message: 'There is no priority column, so each action plan became a priority' }]);
  });

  it('reports an empty level cell, suggesting merged cells', () => {
    const r = parsePlanCsv(csv('Priority,Action plan,Activity,Measures', 'Alcohol,,High visibility policing,number of operations held'));
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'action_plan',
        message: 'The action plan is empty: if the cell was merged in the spreadsheet, unmerge it and fill in every row',
      },
    ]);
  });

  it('treats the same name in other capitals as the same priority, with a note', () => {
    const r = parsePlanCsv(
      csv('Objective,Priority,Action,Measures', 'O,Anti-Social Behaviour,A,number of CPNs issued', 'O,anti-social  behaviour,B,number of CPNs issued'),
    );
    expect(outline(r.plan)).toEqual(['O › Anti-Social Behaviour › A', 'O › Anti-Social Behaviour › B']);
    expect(r.notes).toEqual([
      {
        file: 'actions',
        line: 3,
        column: 'priority',
        message: 'Priority "anti-social behaviour" was taken to be "Anti-Social Behaviour", as written on line 2',
      },
    ]);
  });
});

describe('descriptions', () => {
  it('adds the description after a short title', () => {
    const r = parsePlanCsv(
      csv('Priority,Action plan,Activity,Description,Measures', 'Alcohol,NightSafe,Licensing liaison,Work with licensed premises,number of premises visited'),
    );
    expect([...allActions(r.plan)][0]!.text).toBe('Licensing liaison — Work with licensed premises');
    expect(r.notes).toContainEqual({
      file: 'actions',
      line: 1,
      column: null,
      message: 'Each action\'s description was added after its title ("title — description")',
    });
  });

  it('leaves the description out, with a note, when the action is already a full sentence', () => {
    const long = `Work with licensed premises to improve and maintain high standards of management, using licensing conditions and reviews when necessary`;
    const r = parsePlanCsv(csv('Priority,Action,Description,Measures', `Alcohol,${long.replace(',', '')},Licensing liaison,number of premises visited`));
    expect([...allActions(r.plan)][0]!.text).toBe(long.replace(',', ''));
    expect(r.notes).toContainEqual({
      file: 'actions',
      line: 2,
      column: 'description',
      message: 'The action on line 2 is already a full sentence, so its description "Licensing liaison" was not added to it',
    });
  });

  it('refuses an action that its action plan and description make too long, saying so', () => {
    const r = parsePlanCsv(csv('Objective,Priority,Action plan,Action,Description', `O,P,NightSafe,Licensing liaison,${'x'.repeat(1980)}`));
    expect(r.problems).toEqual([
      {
        file: 'actions',
        line: 2,
        column: 'action',
        message: 'The action, with its action plan and description, is 2,011 characters long; Fieldbook can keep at most 2,000: shorten it',
      },
    ]);
    expect(r.notes.filter((n) => n.line === 1).map((n) => n.message)).toEqual([
      'Each action\'s description was added after its title ("title — description")',
      'Each action\'s text starts with its action plan ("NightSafe: …")',
    ]);
  });

  it('uses the description as the action when the title is missing', () => {
    const r = parsePlanCsv(csv('Priority,Action,Description,Measures', 'Alcohol,,Work with licensed premises,number of premises visited'));
    expect([...allActions(r.plan)][0]!.text).toBe('Work with licensed premises');
    expect(r.notes).toContainEqual({
      file: 'actions',
      line: 2,
      column: 'action',
      message: 'Line 2 has no action title, so its description was used as the action',
    });
  });
});

describe('rows that are not actions', () => {
  it('continues the previous action with a row that has measures but no action', () => {
    const r = parsePlanCsv(
      csv(
        'Objective,Priority,Action,Measures,Lead agency',
        'O,P,Introduce a procedure,meetings with service providers held,Soha',
        ',,,draft procedure considered and adopted,Sovereign',
      ),
    );
    expect(r.problems).toEqual([]);
    const [action] = [...allActions(r.plan)];
    expect(action!.measures.map((m) => m.text)).toEqual(['meetings with service providers held', 'draft procedure considered and adopted']);
    expect(action!.leadAgencies).toEqual(['Soha', 'Sovereign']);
    expect(r.notes).toContainEqual({
      file: 'actions',
      line: 3,
      column: null,
      message: 'Line 3 has no action, so its measures and lead agency were added to the action on line 2',
    });
  });

  it('skips an entirely empty row silently, and a heading row with a note', () => {
    const r = parsePlanCsv(
      csv(
        'Objective,Priority,Action,Measures',
        'Vulnerability,,,',
        ',,,',
        'Vulnerability,Burglary,,',
        'Vulnerability,Burglary,Fund small repairs,number of small repairs carried out',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(outline(r.plan)).toEqual(['Vulnerability › Burglary › Fund small repairs']);
    expect(r.notes).toEqual([
      { file: 'actions', line: 2, column: null, message: 'Line 2 has no action, only "Vulnerability": it was read as a heading and skipped' },
      { file: 'actions', line: 4, column: null, message: 'Line 4 has no action, only "Vulnerability" and "Burglary": it was read as a heading and skipped' },
    ]);
  });

  it('does not continue an action across a heading, or into a row with its own ref', () => {
    const r = parsePlanCsv(
      csv('Ref,Objective,Priority,Action,Measures', '1,O,P,Act,number of CPNs issued', ',O,Q,,', ',,,,number of FPNs issued', '2,O,P,,number of ABCs'),
    );
    expect(r.problems).toEqual([
      { file: 'actions', line: 4, column: 'action', message: 'The action is empty: add the action these measures belong to' },
      { file: 'actions', line: 5, column: 'action', message: 'The action is empty: add the action these measures belong to' },
    ]);
  });

  it('skips a row with something only in ignored columns, with a note', () => {
    const r = parsePlanCsv(csv('Objective,Priority,Action,Measures,Budget', 'O,P,Act,number of CPNs issued,£5k', ',,,,£5k'));
    expect(r.problems).toEqual([]);
    expect(r.notes).toContainEqual({ file: 'actions', line: 3, column: null, message: 'Line 3 has nothing in the columns Fieldbook reads, so it was skipped' });
  });
});

describe('files that are not plans', () => {
  it('reports an empty file and a file of blank lines', () => {
    expect(parsePlanCsv('').problems).toEqual([{ file: 'actions', line: 1, column: null, message: 'The file is empty' }]);
    expect(parsePlanCsv('\n  \n,,,\n').problems).toEqual([{ file: 'actions', line: 1, column: null, message: 'The file is empty' }]);
  });

  it('reports a header with no rows under it', () => {
    expect(parsePlanCsv('Objective,Priority,Action\n,,\n').problems).toEqual([
      { file: 'actions', line: 1, column: null, message: 'The file has a header but no actions' },
    ]);
  });

  it('reports a file whose rows are all headings', () => {
    const r = parsePlanCsv('Objective,Priority,Action\nO,,\nO,P,');
    expect(r.problems).toEqual([{ file: 'actions', line: 1, column: null, message: 'The file has a header but no actions' }]);
    expect(r.notes).toHaveLength(2);
  });

  it.each([
    [
      'an unclosed quote',
      'Objective,Priority,Action\nO,P,"never closed\n',
      2,
      'A cell that starts with a quote (") is never closed, so the rest of the file cannot be read: add the closing quote',
    ],
    [
      'a quote inside a cell',
      'Objective,Priority,Action\nO,P,5" screen\n',
      2,
      'A quote (") appears in the middle of a cell: put the whole cell in quotes and write the quote twice ("")',
    ],
    [
      'text after a closing quote',
      'Objective,Priority,Action\n\nO,P,"Act" now\n',
      3,
      'Text follows the closing quote of a cell: put the whole cell in quotes and write any quote inside it twice ("")',
    ],
  ])('reports %s in words, at its line', (_name, text, line, message) => {
    expect(parsePlanCsv(text).problems).toEqual([{ file: 'actions', line, column: null, message }]);
  });

  it('reports the indicators file by its own name', () => {
    const r = parsePlanCsv('Objective,Priority,Action\nO,P,Act', '');
    expect(r.problems).toEqual([{ file: 'indicators', line: 1, column: null, message: 'The file is empty' }]);
  });
});
