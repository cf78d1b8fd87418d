// Apart from partnership-lists.ts so that screens that show outcomes do not pull zod in.

/**
 * The name an outcome's area goes by now: its area's current name (a renamed area keeps its
 * outcomes), or the name as logged when the area is not known here (an outcome from before areas
 * were records, not yet pulled again). null: not about one area. Progress, reports, lists, exports
 * and the tallies' `town` all read it from here.
 */
export function areaNameOf(outcome: { areaId?: string | null; town: string | null }, areasById: ReadonlyMap<string, { name: string }>): string | null {
  return (outcome.areaId ? areasById.get(outcome.areaId)?.name : undefined) ?? outcome.town;
}
