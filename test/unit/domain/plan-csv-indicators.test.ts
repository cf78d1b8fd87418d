import { describe, it, expect } from 'vitest';
import { parsePlanCsv, PLAN_PRIORITIES } from '../../../src/domain/plan-import/plan-csv';

const ACTIONS =
  'Objective,Priority,Action,Measures\nVulnerability,Burglary,Fund small repairs,number of small repairs carried out\nPrevention,Hate Crime,Launch centres,number of reporting centres';
const indicatorsOf = (r: ReturnType<typeof parsePlanCsv>) =>
  r.plan.objectives.flatMap((o) => [
    ...o.indicators.map((i) => `${o.title}: ${i}`),
    ...o.priorities.flatMap((p) => p.indicators.map((i) => `${o.title} › ${p.name}: ${i}`)),
  ]);

describe('the indicators file', () => {
  it('puts an indicator on its priority, or on the objective when the priority is blank', () => {
    const r = parsePlanCsv(ACTIONS, 'objective,priority,indicator\nVulnerability,Burglary,levels of burglary\nPrevention,,fear of crime');
    expect(r.problems).toEqual([]);
    expect(indicatorsOf(r)).toEqual(['Vulnerability › Burglary: levels of burglary', 'Prevention: fear of crime']);
  });

  it('splits an indicators cell written as a list', () => {
    const r = parsePlanCsv(ACTIONS, 'objective,priority,indicator\nVulnerability,Burglary,"• levels of burglary\n• levels of burglary non-dwelling"');
    expect(indicatorsOf(r)).toEqual(['Vulnerability › Burglary: levels of burglary', 'Vulnerability › Burglary: levels of burglary non-dwelling']);
  });

  it('finds the objective of a priority when the file has no objective column', () => {
    const r = parsePlanCsv(ACTIONS, 'Theme,Indicator\nhate crime,levels of hate crime reported to the police');
    expect(r.problems).toEqual([]);
    expect(indicatorsOf(r)).toEqual(['Prevention › Hate Crime: levels of hate crime reported to the police']);
    expect(r.notes).toEqual([
      {
        file: 'indicators',
        line: 2,
        column: 'priority',
        message: 'Priority "hate crime" was taken to be "Hate Crime", as written on line 3 of the actions file',
      },
    ]);
  });

  it('refuses a priority it cannot place without an objective column', () => {
    const r = parsePlanCsv(ACTIONS, 'Priority,Indicator\nRural Crime,levels of rural crime');
    expect(r.problems).toEqual([
      {
        file: 'indicators',
        line: 2,
        column: 'priority',
        message: 'The priority "Rural Crime" is not in the actions file, and without an objective column Fieldbook cannot tell where its indicator goes',
      },
    ]);
  });

  it('follows the actions file onto the one objective when neither file has objectives', () => {
    const r = parsePlanCsv('Priority,Action,Measures\nBurglary,Fund small repairs,number of small repairs', 'Priority,Indicator\nBurglary,levels of burglary');
    expect(indicatorsOf(r)).toEqual([`${PLAN_PRIORITIES} › Burglary: levels of burglary`]);
  });

  it('adds an objective or priority the actions file does not have, with a note', () => {
    const r = parsePlanCsv(ACTIONS, 'objective,priority,indicator\nVulnerability,Rural Crime,levels of rural crime\nReducing Re-offending,,levels of violence');
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([
      {
        file: 'indicators',
        line: 2,
        column: 'priority',
        message: 'The priority "Rural Crime" is not in the actions file under "Vulnerability": it was added with no actions',
      },
      {
        file: 'indicators',
        line: 3,
        column: 'objective',
        message: 'The objective "Reducing Re-offending" is not in the actions file: it was added with no actions',
      },
    ]);
  });

  it('reports missing columns and a header with no rows', () => {
    expect(parsePlanCsv(ACTIONS, 'objective,priority\nO,P').problems).toEqual([
      {
        file: 'indicators',
        line: 1,
        column: null,
        message: 'Missing column: indicator (found "objective" and "priority"): head it "Indicator" or "Direction of travel indicator"',
      },
    ]);
    expect(parsePlanCsv(ACTIONS, 'objective,priority,indicator\n').notes).toEqual([
      { file: 'indicators', line: 1, column: null, message: 'The file has a header but no indicators' },
    ]);
  });
});
