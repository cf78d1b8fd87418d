import { describe, expect, it } from 'vitest';
import { newTestDb } from '../../support/fake-db';
import { southAndValePage } from '../../support/plan-page';
import { outcomeFor } from '../../support/outcomes';
import { applyPullPage } from '../../../src/app/sync/pull-changes';
import { logOutcome } from '../../../src/app/data/log-outcome';
import { loadMyOutcomeIndex, loadNewestMyOutcomes, MyOutcomeMatcher, queryWords, type MyOutcomeIndex } from '../../../src/app/data/my-outcomes';
import type { LocalOutcome } from '../../../src/app/db/local-records';

const user = { id: crypto.randomUUID(), name: 'Sam Patel' };
const TOWNS = ['Didcot', 'Wantage', 'Abingdon', 'Faringdon'];

/**
 * A phone holding 40 outcomes by the officer, many recorded in the same millisecond (as after a
 * pull), some deleted (here or on the server), two rejected, and a colleague's: what the paged
 * read must give back exactly, in the order the whole-index read gave.
 */
async function phoneWithOutcomes() {
  const db = newTestDb();
  await applyPullPage(db, southAndValePage(user.id), user.id);
  const template = await logOutcome(db, user, await outcomeFor(db, '22'), undefined, { confirmDuplicate: true });
  await db.outcomes.clear();
  const areaIds = new Map((await db.areas.toArray()).map((a) => [a.name, a.id]));
  const outcomes: LocalOutcome[] = [];
  for (let i = 0; i < 40; i++) {
    // Times repeat in runs of up to five: page boundaries fall inside runs of equal times.
    const at = new Date(Date.parse('2026-02-01T09:00:00Z') + Math.floor(i / 5) * 60_000 + (i % 5 === 4 ? 1 : 0)).toISOString();
    outcomes.push({
      ...template,
      id: `o-${String(i).padStart(2, '0')}-${crypto.randomUUID()}`,
      recordedAt: at,
      town: TOWNS[i % TOWNS.length]!,
      areaId: areaIds.get(TOWNS[i % TOWNS.length]!),
      notes: i === 13 ? 'Spoke to the pharmacist' : `Visit ${i}`,
      deletedAt: i % 11 === 3 ? '2026-03-01T00:00:00.000Z' : null,
      localDeleted: i % 11 === 5,
      syncState: i % 17 === 8 ? 'rejected' : 'synced',
    });
  }
  const colleague = { ...outcomes[0]!, id: 'colleague', authorId: crypto.randomUUID() };
  await db.outcomes.bulkPut([...outcomes, colleague]);
  const expected = outcomes
    .filter((o) => (o.deletedAt === null && !o.localDeleted) || o.syncState === 'rejected')
    .sort((a, b) => (a.recordedAt === b.recordedAt ? (a.id < b.id ? 1 : -1) : a.recordedAt < b.recordedAt ? 1 : -1));
  return { db, expected };
}

describe("the officer's outcomes read a page at a time", () => {
  it('gives every shown outcome once, newest first, whatever the page size, ties across pages included', async () => {
    const { db, expected } = await phoneWithOutcomes();
    expect(expected.length).toBeGreaterThan(30);
    for (const pageSize of [1, 2, 3, 4, 7, 500]) {
      const index = (await loadMyOutcomeIndex(db, user.id, () => true, pageSize))!;
      expect(
        index.rows.map((r) => r.id),
        `page size ${pageSize}`,
      ).toEqual(expected.map((o) => o.id));
      expect(index.haystacks).toHaveLength(expected.length);
    }
    const index = (await loadMyOutcomeIndex(db, user.id))!;
    const i13 = index.rows.findIndex((r) => r.id.startsWith('o-13-'));
    expect(index.haystacks[i13]).toContain('pharmacist');
    expect(index.rows[i13]).toMatchObject({ actionRef: '22', town: TOWNS[13 % 4] });
    expect(JSON.stringify(index.rows)).not.toContain('pharmacist');
  });

  it('reads the newest few on their own, the same as the head of the whole index', async () => {
    const { db, expected } = await phoneWithOutcomes();
    const index = (await loadMyOutcomeIndex(db, user.id))!;
    for (const limit of [1, 4, 5, 6, 50]) {
      const newest = await loadNewestMyOutcomes(db, user.id, limit);
      expect(newest.map((r) => r.id)).toEqual(expected.slice(0, limit).map((o) => o.id));
      expect(newest).toEqual(index.rows.slice(0, limit));
    }
  });

  it('stops a build nobody wants any more at its next page', async () => {
    const { db } = await phoneWithOutcomes();
    let asked = 0;
    expect(await loadMyOutcomeIndex(db, user.id, () => ++asked < 3, 5)).toBeNull();
    expect(asked).toBe(3);
  });
});

/** What a query matches, worked out from scratch: every word somewhere in the haystack. */
function bruteForce(index: MyOutcomeIndex, query: string) {
  const words = queryWords(query);
  return index.rows.filter((_, i) => words.every((w) => index.haystacks[i]!.includes(w))).map((r) => r.id);
}

describe('matching keystroke after keystroke', () => {
  it('gives exactly what a fresh search gives, narrowing or not, with an exact count and at most the limit', async () => {
    const { db } = await phoneWithOutcomes();
    const index = (await loadMyOutcomeIndex(db, user.id))!;
    const matcher = new MyOutcomeMatcher(index);
    const typed = [
      'd',
      'di',
      'did',
      'didc',
      'didco',
      'didcot',
      'didcot ',
      'didcot v',
      'didcot vi',
      'didcot visit 1',
      'didcot visit',
      'didcot visit 2',
      'visit 2',
      'ref 22 visit',
      'wantage',
      'want',
      'PHARMACIST',
      'pharm',
      'zebra',
      'zebra crossing',
      '',
      'v',
      'visit 3 wantage',
      'wantage visit',
      'wantage 3',
      'wantage 34',
    ];
    for (const query of typed) {
      const all = bruteForce(index, query);
      for (const limit of [3, 50]) {
        const found = matcher.match(query, limit);
        expect(found.count, query).toBe(all.length);
        expect(
          found.rows.map((r) => r.id),
          query,
        ).toEqual(all.slice(0, limit));
        // The same row objects every time, so memoised rows are not drawn again.
        for (const row of found.rows) expect(index.rows).toContain(row);
      }
    }
    expect(matcher.match('didcot', 50).count).toBeGreaterThan(0);
    expect(matcher.match('pharmacist', 50).count).toBe(1);
  });
});
