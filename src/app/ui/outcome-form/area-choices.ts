import { entriesInUse, sameListName, type Area } from '../../../domain/partnership-lists';

/** An area the outcome form offers: its id, the name it goes by now, and whether it is retired. */
export type AreaChoice = Pick<Area, 'id' | 'name' | 'retired'>;

/** The answer for an outcome that is not about one area (district-wide). */
export const NO_AREA = '__none__';

/**
 * The areas the form offers: the partnership's areas in use, by name; and, when changing an
 * outcome whose area has been retired since, that area too, so the outcome keeps it unless the
 * officer changes it (the form marks it retired).
 */
export function areaChoices(areas: readonly Area[], keep: string | null | undefined = null): AreaChoice[] {
  const inUse = entriesInUse(areas);
  const kept = keep ? areas.find((a) => a.id === keep && a.retired) : undefined;
  return kept ? [...inUse, kept] : inUse;
}

/**
 * The area offered under this name, case aside: for what names its town rather than its area (a
 * place in a register; an outcome, draft or last choice from before areas were records).
 */
export function areaNamed(choices: readonly AreaChoice[], name: string | null | undefined): AreaChoice | undefined {
  return name ? choices.find((a) => sameListName(a.name, name)) : undefined;
}
