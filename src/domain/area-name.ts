/**
 * The name an outcome is counted under: its area's current name (a renamed area keeps its
 * outcomes together under the new name), else the town as logged (an outcome from before areas
 * were records, or in a town no area matched), else null (not about one area). Apart from
 * partnership-lists.ts so that tallies, shown on the first screen, do not pull zod in.
 */
export function areaNameOf(outcome: { areaId?: string | null; town: string | null }, areasById: ReadonlyMap<string, { name: string }>): string | null {
  return (outcome.areaId != null ? areasById.get(outcome.areaId)?.name : undefined) ?? outcome.town;
}
