import { useLiveQuery } from 'dexie-react-hooks';
import { useUserServices } from '../services/services-context';
import { isLive, type LocalOutcome } from '../db/local-records';

/**
 * The officer's latest outcomes, one per action and type, newest first: the starting points for
 * "log another like this" from the home screen (a repeat visit in a tap, a check and Save).
 */
export function useRecentOutcomes(limit = 3): { outcome: LocalOutcome; actionRef: string | null }[] | undefined {
  const { db, user } = useUserServices();
  return useLiveQuery(async () => {
    const mine = (await db.outcomes.toArray()).filter((o) => o.authorId === user.id && isLive(o) && o.syncState !== 'rejected');
    mine.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    const seen = new Set<string>();
    const picked: LocalOutcome[] = [];
    for (const o of mine) {
      const key = `${o.actionId}:${o.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      picked.push(o);
      if (picked.length === limit) break;
    }
    const refs = new Map((await db.actions.bulkGet(picked.map((o) => o.actionId))).map((a) => [a?.id, a?.ref ?? null]));
    return picked.map((outcome) => ({ outcome, actionRef: refs.get(outcome.actionId) ?? null }));
  }, [db, user.id, limit]);
}
