import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPlanImport, type ExistingPlanRecords } from '../../../src/domain/plan-admin/import-diff';
import { suggestOwners } from '../../../src/domain/plan-admin/suggest-owners';
import { parsePlanCsv } from '../../../src/domain/plan-import/plan-csv';

const SAMPLE = readFileSync(new URL('../../../fixtures/plans/south-and-vale-2018-19.csv', import.meta.url), 'utf8');
const empty = (): ExistingPlanRecords => ({ objectives: [], priorities: [], indicators: [], actions: [], measures: [] });
let n = 0;
const ctx = { planId: 'plan', newId: () => `id-${++n}`, members: [] };

/** The records as they stand after applying a diff to `before`. */
function apply(before: ExistingPlanRecords, diff: ReturnType<typeof diffPlanImport>): ExistingPlanRecords {
  const next = (t: keyof ExistingPlanRecords) => {
    const byId = new Map<string, unknown>(before[t].map((r) => [r.id, r]));
    for (const r of [...diff[t].add, ...diff[t].update]) byId.set(r.id, r);
    return [...byId.values()];
  };
  return {
    objectives: next('objectives'),
    priorities: next('priorities'),
    indicators: next('indicators'),
    actions: next('actions'),
    measures: next('measures'),
  } as ExistingPlanRecords;
}

describe('diffPlanImport', () => {
  const draft = parsePlanCsv(SAMPLE).plan;

  it('adds everything to an empty plan, then finds nothing to change the second time', () => {
    const first = diffPlanImport(empty(), draft, ctx);
    expect(first.summary.actions).toEqual({ added: 28, changed: 0, unchanged: 0, notInFile: 0 });
    expect(first.actions.add.map((a) => a.position)).toEqual(Array.from({ length: 28 }, (_, i) => i));
    const second = diffPlanImport(apply(empty(), first), draft, ctx);
    for (const t of ['objectives', 'priorities', 'indicators', 'actions', 'measures'] as const) {
      expect(second[t]).toEqual({ add: [], update: [] });
    }
    expect(second.changes).toEqual([]);
  });

  it('matches actions by ref first, then by text, so a renumbered action keeps its id', () => {
    const stored = apply(empty(), diffPlanImport(empty(), draft, ctx));
    const ref5 = stored.actions.find((a) => a.ref === '5')!;
    const renumbered = parsePlanCsv(SAMPLE.replace(/^5,/m, '5b,')).plan;
    const diff = diffPlanImport(stored, renumbered, ctx);
    expect(diff.actions.add).toEqual([]);
    expect(diff.actions.update).toEqual([{ ...ref5, ref: '5b' }]);
    expect(diff.changes).toEqual(['Ref 5: now ref 5b']);
  });

  it('never overwrites owners or a measure’s tally rule, and keeps records the file drops, after the rest', () => {
    const stored = apply(empty(), diffPlanImport(empty(), draft, ctx));
    const ref1 = stored.actions.find((a) => a.ref === '1')!;
    stored.actions = stored.actions.map((a) => (a.id === ref1.id ? { ...a, ownerIds: ['someone'] } : a));
    const m = stored.measures.find((x) => x.actionId === ref1.id)!;
    stored.measures = stored.measures.map((x) => (x.id === m.id ? { ...x, tally: { ...x.tally, target: 9 } } : x));
    const withoutRef1 = parsePlanCsv(SAMPLE.replace(/^1,[\s\S]*?\n(?=2,)/m, '')).plan;
    const diff = diffPlanImport(stored, withoutRef1, ctx);
    expect(diff.summary.actions).toMatchObject({ notInFile: 1, added: 0 });
    // Ref 1 moves after the 27 the file lists; nothing else about it changes.
    expect(diff.actions.update.find((a) => a.id === ref1.id)).toEqual({ ...stored.actions.find((a) => a.id === ref1.id), position: 27 });
    expect(diff.measures.update.some((x) => x.id === m.id)).toBe(false);
  });

  it('suggests as owners only officers whose whole job title the lead agency names', () => {
    const members = [
      { id: 'a', role: 'officer', jobTitle: 'Community Safety Projects Officer' },
      { id: 'b', role: 'coordinator', jobTitle: 'Community Safety Projects Officer' },
      { id: 'c', role: 'officer', jobTitle: 'Police' },
      { id: 'd', role: 'officer', jobTitle: 'ASB Co-ordinator' },
    ];
    expect(suggestOwners(['District Councils Community Safety Team (Community Safety Projects Officer)'], members)).toEqual(['a']);
    expect(suggestOwners(['Thames Valley Police'], members)).toEqual([]);
    expect(suggestOwners(['District Councils Community Safety Team (ASB Co-ordinator) - on behalf of JTM'], members)).toEqual(['d']);
  });
});
