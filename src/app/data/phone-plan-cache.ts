import type { Action, Measure, Plan } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalPlace } from '../db/local-records';
import { onTablesChanged } from '../db/change-notice';

/** What a save checks an outcome against: the action (undefined when gone), its measures, its plan. */
export interface ActionRules {
  action: Action | undefined;
  measures: Measure[];
  plan: Plan | undefined;
}

/** The tables the rules are read from: any write to one of them empties the cache. */
const RULE_TABLES = ['plans', 'actions', 'measures', 'places'] as const;

interface Cache {
  /** Bumped on every invalidation: a read that started before one must not be kept. */
  generation: number;
  actions: Map<string, ActionRules>;
  places: Map<string, LocalPlace | undefined>;
}

const caches = new WeakMap<FieldbookDb, Cache>();

/**
 * The phone's copy of the plan as a save needs it, read through from IndexedDB and kept in memory,
 * so a save's transaction reads only what a save changes (the "save an outcome" benchmark: every request in it costs a
 * round through Dexie and the browser's IndexedDB process).
 *
 * Correctness rests on Dexie's 'storagemutated' event, which Dexie fires for every committed
 * write through it: in this tab synchronously as the transaction completes (before anything
 * awaiting it resumes), and from other tabs and the service worker over a BroadcastChannel. Any
 * write touching plans, actions, measures or places (a pull, an officer's new place) empties the
 * cache, so the next save reads the tables again. The one window left is a pull committed in
 * another tab in the instant before its message arrives; the server checks every pushed outcome
 * against the plan again, so the worst case is an outcome the server refuses, never one lost.
 */
export function phonePlanCache(db: FieldbookDb) {
  let cache = caches.get(db);
  if (!cache) {
    const created: Cache = { generation: 0, actions: new Map(), places: new Map() };
    const invalidate = () => {
      created.generation++;
      created.actions.clear();
      created.places.clear();
    };
    // Also on 'all', Dexie's "anything may have changed" (a page restored from the back-forward cache).
    const stopWatching = onTablesChanged(db, RULE_TABLES, invalidate);
    // A closed database may be deleted and created again under the same name: forget it all.
    db.on('close', () => {
      invalidate();
      stopWatching();
      caches.delete(db);
    });
    caches.set(db, created);
    cache = created;
  }
  const c = cache;
  return {
    /**
     * Changes whenever the cache is emptied. A transaction's callback runs when it is created, but
     * its requests wait for an earlier one over the same tables (a pull) to commit: a caller that
     * took rules from memory compares this before and after its first request comes back.
     */
    generation: () => c.generation,
    /** The rules and place for a save, when both are in memory: no request at all. */
    known(actionId: string, placeId: string | null): { rules: ActionRules; place: LocalPlace | null | undefined } | undefined {
      const rules = c.actions.get(actionId);
      if (!rules || (placeId !== null && !c.places.has(placeId))) return undefined;
      return { rules, place: placeId === null ? null : c.places.get(placeId) };
    },
    /** The rules for this action: from memory, or read (inside the caller's transaction, if any) and kept. */
    async rules(actionId: string): Promise<ActionRules> {
      const known = c.actions.get(actionId);
      if (known) return known;
      const generation = c.generation;
      const [action, measures, plans] = await Promise.all([db.actions.get(actionId), db.measures.where('actionId').equals(actionId).toArray(), db.plans.toArray()]);
      const rules: ActionRules = { action, measures, plan: action && plans.find((p) => p.id === action.planId) };
      if (generation === c.generation) c.actions.set(actionId, rules);
      return rules;
    },
    /** The place with this id in the phone's register, undefined when it is not there. */
    async place(placeId: string): Promise<LocalPlace | undefined> {
      if (c.places.has(placeId)) return c.places.get(placeId);
      const generation = c.generation;
      const place = await db.places.get(placeId);
      if (generation === c.generation) c.places.set(placeId, place);
      return place;
    },
  };
}
