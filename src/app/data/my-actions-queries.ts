import type { Action } from '../../domain/plan';
import type { FieldbookDb } from '../db/fieldbook-db';
import { byPosition } from './by-position';

/*
 * The officer's own actions: what "My actions", the first screen, reads. Kept apart from the
 * plan's other queries so the first load carries only this (the "first load" benchmark).
 */

export interface ActionSummary {
  action: Action;
  priorityName: string;
}

async function summarise(db: FieldbookDb, actions: Action[]): Promise<ActionSummary[]> {
  const priorities = new Map((await db.priorities.toArray()).map((p) => [p.id, p.name]));
  return actions.sort(byPosition).map((action) => ({ action, priorityName: priorities.get(action.priorityId) ?? '' }));
}

export async function loadMyActions(db: FieldbookDb, userId: string): Promise<ActionSummary[]> {
  return summarise(db, await db.actions.where('ownerIds').equals(userId).toArray());
}
