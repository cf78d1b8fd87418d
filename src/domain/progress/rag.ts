import { daysIn, type Period } from '../period';

export type Rag = 'green' | 'amber' | 'red';

/** On track at 90% or more of the pro-rata target; off track at 70% or less; amber between. */
export const ON_TRACK = 0.9;
export const OFF_TRACK = 0.7;

export interface RagSuggestion {
  rag: Rag;
  /** What the target would be by now if it were delivered evenly over the plan period. */
  proRataTarget: number;
  /** value ÷ proRataTarget. */
  ratio: number;
}

/**
 * Suggests a RAG status from progress against time elapsed: by `asOf`, a share of the plan
 * period has passed and the same share of the target should be done. Partnerships have no
 * national standard (../shared/notes/domain.md §1); these thresholds are the ones Fieldbook's
 * coordinators asked for, and a coordinator can always override the suggestion with a reason.
 * None when there is no target, or before the plan has started.
 */
export function suggestRag(value: number, target: number | null, plan: Pick<Period, 'start' | 'end'>, asOf: string): RagSuggestion | null {
  if (target === null || target <= 0 || asOf < plan.start) return null;
  const elapsed = daysIn({ start: plan.start, end: asOf < plan.end ? asOf : plan.end }) / daysIn(plan);
  const proRataTarget = target * elapsed;
  const ratio = value / proRataTarget;
  return { rag: ratio >= ON_TRACK ? 'green' : ratio <= OFF_TRACK ? 'red' : 'amber', proRataTarget, ratio };
}

const SEVERITY: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** An action is as far off track as its worst measure. */
export function worstRag(rags: readonly (Rag | null | undefined)[]): Rag | null {
  let worst: Rag | null = null;
  for (const r of rags) if (r && (worst === null || SEVERITY[r] > SEVERITY[worst])) worst = r;
  return worst;
}

export const RAG_LABEL: Record<Rag, string> = { green: 'Green: on track', amber: 'Amber: at risk', red: 'Red: off track' };
