import type { FieldbookDb } from '../db/fieldbook-db';
import { byPosition } from './by-position';
import type { ActionSummary } from './my-actions-queries';

/** Every action on the phone with the text a search looks through, built once per change to the plan. */
export interface ActionSearchIndex {
  entries: { summary: ActionSummary; ref: string | null; haystack: string }[];
}

export async function loadActionSearchIndex(db: FieldbookDb): Promise<ActionSearchIndex> {
  const [actions, measures, priorities] = await Promise.all([db.actions.toArray(), db.measures.toArray(), db.priorities.toArray()]);
  const priorityName = new Map(priorities.map((p) => [p.id, p.name]));
  const measureText = new Map<string, string>();
  for (const m of measures) measureText.set(m.actionId, `${measureText.get(m.actionId) ?? ''} ${m.text}`);
  return {
    entries: actions.sort(byPosition).map((action) => ({
      summary: { action, priorityName: priorityName.get(action.priorityId) ?? '' },
      ref: action.ref?.toLowerCase() ?? null,
      haystack: [action.text, action.ref ?? '', measureText.get(action.id) ?? '', action.leadAgencies.join(' '), priorityName.get(action.priorityId) ?? ''].join(' ').toLowerCase(),
    })),
  };
}

/**
 * Finds actions by ref ("22" or "ref 22") or by words anywhere in the action, its measures,
 * lead agencies or priority. Every word must match; case and punctuation are ignored.
 * Synchronous over a loaded index: the search runs on every keystroke, and reading the plan out
 * of IndexedDB each time made typing lag with a thousand actions on the phone (the "plan search" benchmark).
 */
export function matchActions(index: ActionSearchIndex, query: string): ActionSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const refQuery = /^(?:ref\.?\s*)?(\d+[a-z]?)$/.exec(q)?.[1];
  const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return index.entries
    .filter((e) => (refQuery !== undefined ? e.ref === refQuery : words.every((w) => e.haystack.includes(w))))
    .map((e) => e.summary);
}

export async function searchActions(db: FieldbookDb, query: string): Promise<ActionSummary[]> {
  return matchActions(await loadActionSearchIndex(db), query);
}
