import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { isLive, type LocalOutcome } from '../db/local-records';
import { HIGHEST_KEY, LOWEST_KEY } from '../db/key-range';

/**
 * The officer's latest outcomes, one per action and type, newest first: the starting points for
 * "log another like this" from the home screen (a repeat visit in a tap, a check and Save).
 */
export interface RecentOutcome {
  outcome: LocalOutcome;
  actionRef: string | null;
}

export function useRecentOutcomes(limit = 3): RecentOutcome[] | undefined {
  const { db, user } = useUserServices();
  return useLiveQuery(async () => {
    // Newest first through the [authorId+recordedAt] index, stopping once enough are found: this
    // runs on the first screen, and reading every outcome on the phone to sort them blocked it
    // for hundreds of milliseconds with 10,000 there (the "Lighthouse" and "cold start" benchmarks).
    const seen = new Set<string>();
    const picked: LocalOutcome[] = [];
    await db.outcomes
      .where('[authorId+recordedAt]')
      .between([user.id, LOWEST_KEY], [user.id, HIGHEST_KEY])
      .reverse()
      .until(() => picked.length === limit)
      .each((o) => {
        const key = `${o.actionId}:${o.type}`;
        if (!isLive(o) || o.syncState === 'rejected' || seen.has(key)) return;
        seen.add(key);
        picked.push(o);
      });
    const refs = new Map((await db.actions.bulkGet(picked.map((o) => o.actionId))).map((a) => [a?.id, a?.ref ?? null]));
    return picked.map((outcome) => ({ outcome, actionRef: refs.get(outcome.actionId) ?? null }));
  }, [db, user.id, limit]);
}
