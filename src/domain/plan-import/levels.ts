/**
 * Which columns give a plan its two levels above the actions. Plans shaped priorities → action
 * plans → activities (seed 001) have no objective column: their priorities become objectives
 * and their action plans priorities, so nothing the coordinator wrote is lost.
 */
export const PLAN_PRIORITIES = 'Plan priorities';

export type LevelColumn = 'objective' | 'priority' | 'action_plan';

export interface Levels {
  /** null: every priority goes under one objective, PLAN_PRIORITIES. */
  objectiveFrom: LevelColumn | null;
  priorityFrom: LevelColumn;
  /** An action plan that is neither level starts each action's text. */
  prefixFrom: LevelColumn | null;
}

/** null when there is nothing to take priorities from. */
export function levelsOf(has: (column: LevelColumn) => boolean): Levels | null {
  const plan = has('action_plan') ? 'action_plan' : null;
  if (has('objective') && has('priority')) return { objectiveFrom: 'objective', priorityFrom: 'priority', prefixFrom: plan };
  if (has('objective') && plan) return { objectiveFrom: 'objective', priorityFrom: plan, prefixFrom: null };
  if (has('priority') && plan) return { objectiveFrom: 'priority', priorityFrom: plan, prefixFrom: null };
  if (has('priority')) return { objectiveFrom: null, priorityFrom: 'priority', prefixFrom: null };
  if (plan) return { objectiveFrom: null, priorityFrom: plan, prefixFrom: null };
  return null;
}

/** Said once, at the heading row, whenever the file's levels are not the sample format's. */
export function levelsNote(levels: Levels): string | null {
  const { objectiveFrom, priorityFrom } = levels;
  if (objectiveFrom === 'priority') return 'There is no objective column, so each priority became an objective and each action plan a priority under it';
  if (objectiveFrom === null && priorityFrom === 'priority')
    return `There is no objective column, so every priority was put under one objective, "${PLAN_PRIORITIES}"`;
  if (objectiveFrom === null)
    return `There are no objective or priority columns, so each action plan became a priority under one objective, "${PLAN_PRIORITIES}"`;
  if (priorityFrom === 'action_plan') return 'There is no priority column, so each action plan became a priority';
  return null;
}

export const LEVEL_NAMES: Record<LevelColumn, string> = { objective: 'objective', priority: 'priority', action_plan: 'action plan' };
