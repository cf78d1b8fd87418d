import { z } from './zod';
import { Id, Name } from './primitives';

/**
 * A partnership's two lists of named things, kept the same way: its **areas** (the towns, wards,
 * parishes or estates officers choose when they log) and its **partner organisations** (police,
 * councils, fire, probation, housing providers… that lead actions and that members belong to).
 *
 * Each entry is a record with an id, versioned and pulled like the plan. An entry is renamed in
 * place, so whatever refers to it by id follows the new name; it is never deleted, only retired:
 * a retired entry leaves the pickers but stays on the outcomes, tallies and reports that used it.
 * Names are unique in their list, case aside, retired entries included (one "Banbury" only).
 */
export const PARTNERSHIP_LISTS = ['areas', 'organisations'] as const;
export type PartnershipList = (typeof PARTNERSHIP_LISTS)[number];

export const LIST_NAME_MAX: Record<PartnershipList, number> = { areas: 80, organisations: 200 };

/** How each list is spoken of, for messages: "An area called Banbury already exists". */
export const LIST_NOUN: Record<PartnershipList, { one: string; a: string }> = {
  areas: { one: 'area', a: 'an area' },
  organisations: { one: 'organisation', a: 'an organisation' },
};

const entry = (list: PartnershipList) =>
  z.object({
    id: Id,
    partnershipId: Id,
    name: Name(LIST_NAME_MAX[list]),
    retired: z.boolean(),
  });

export const Area = entry('areas');
export type Area = z.infer<typeof Area>;
export const Organisation = entry('organisations');
export type Organisation = z.infer<typeof Organisation>;
/** An entry of either list: the two are the same shape. */
export type ListEntry = z.infer<ReturnType<typeof entry>>;

export const NewListEntryRequest = (list: PartnershipList) => z.strictObject({ name: Name(LIST_NAME_MAX[list]) });
export const NewAreaRequest = NewListEntryRequest('areas');
export const NewOrganisationRequest = NewListEntryRequest('organisations');
export type NewListEntryRequest = z.infer<typeof NewAreaRequest>;

/** A rename, a retirement or a return to use; only what changes. */
export const ListEntryChangeRequest = (list: PartnershipList) =>
  z
    .strictObject({ name: z.optional(Name(LIST_NAME_MAX[list])), retired: z.optional(z.boolean()) })
    .check(z.refine((c) => c.name !== undefined || c.retired !== undefined, 'A change must rename the entry or retire it (or bring it back)'));
export const AreaChangeRequest = ListEntryChangeRequest('areas');
export const OrganisationChangeRequest = ListEntryChangeRequest('organisations');
export type ListEntryChangeRequest = z.infer<typeof AreaChangeRequest>;

export const ListEntryResponse = z.object({ entry: z.object({ id: Id, partnershipId: Id, name: z.string(), retired: z.boolean() }) });
export type ListEntryResponse = z.infer<typeof ListEntryResponse>;

/** A name as compared: case and surrounding spaces aside (the server's unique index holds it). */
export const listNameKey = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/** The same name, as people read names: case and surrounding spaces aside. */
export const sameListName = (a: string, b: string) => listNameKey(a) === listNameKey(b);

/** The entries a picker offers: in use, by name. */
export function entriesInUse<T extends ListEntry>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.retired).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
