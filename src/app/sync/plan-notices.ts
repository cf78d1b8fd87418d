import type { PullResponse } from '../../domain/sync/pull';
import type { Action } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { PlanNotice } from '../db/local-records';

/**
 * What a pull page changes in the plan that the officer should hear about: an action they own or
 * logged against was merged into another, taken out of the plan, or given a new number. Worked
 * out before the page is applied, while the phone still holds the plan as the officer last saw
 * it. A first pull, or a reset, says nothing: there was nothing to compare with.
 */
export async function planNotices(db: FieldbookDb, page: PullResponse, viewerId: string, now: Date): Promise<PlanNotice[]> {
  if (page.reset) return [];
  const notices: PlanNotice[] = [];
  const notice = (key: string, text: string) => notices.push({ id: `${key}@${page.cursor}`, createdAt: now.toISOString(), text });

  const removedActions = page.changes.removals.filter((r) => r.table === 'actions');
  const touched = [...removedActions.map((r) => r.id), ...page.changes.actions.map((a) => a.id)];
  const [before, mine] = await Promise.all([
    db.actions.bulkGet(touched),
    db.outcomes
      .where('actionId')
      .anyOf(touched)
      .filter((o) => o.authorId === viewerId && o.deletedAt === null && !o.localDeleted)
      .toArray(),
  ]);
  const local = new Map(before.filter((a): a is Action => a !== undefined).map((a) => [a.id, a]));
  const loggedBy = (actionId: string) => mine.filter((o) => o.actionId === actionId).length;
  const concerns = (a: Action) => a.ownerIds.includes(viewerId) || loggedBy(a.id) > 0;
  const incoming = new Map(page.changes.actions.map((a) => [a.id, a]));

  for (const removal of removedActions) {
    const old = local.get(removal.id);
    if (!old || !concerns(old)) continue;
    const n = loggedBy(old.id);
    const logged = n === 0 ? '' : ` The ${n === 1 ? 'outcome' : `${n} outcomes`} you logged against it ${n === 1 ? 'is' : 'are'} now under the other action.`;
    if (removal.mergedInto === null) {
      notice(`removed:${old.id}`, `${name(old)} was taken out of the plan by your coordinator.`);
    } else {
      const into = incoming.get(removal.mergedInto) ?? (await db.actions.get(removal.mergedInto));
      notice(`merged:${old.id}`, `${name(old)} was merged into ${into ? name(into, 'ref') : 'another action'}.${logged}`);
    }
  }
  for (const next of page.changes.actions) {
    const old = local.get(next.id);
    if (!old || old.ref === next.ref || old.ref === null || !concerns(old)) continue;
    notice(
      `renumbered:${next.id}`,
      `${name(old)} is now ${next.ref === null ? 'an action without a number' : `ref ${next.ref}`}. What you logged stays with it.`,
    );
  }
  return notices;
}

/** "Ref 16 (“Deliver internet safety workshops…”)"; mid-sentence, "ref 16 (…)". */
const name = (a: Pick<Action, 'ref' | 'text'>, ref = 'Ref') =>
  `${a.ref ? `${ref} ${a.ref}` : `${ref === 'Ref' ? 'An' : 'an'} action`} (“${a.text.length > 60 ? `${a.text.slice(0, 59)}…` : a.text}”)`;
