import { z } from './zod';
import { Id, Int, IsoDate, Text } from './primitives';
import { MeasureTally } from './tally/rule';
import { PartnershipDetails } from './partnership-details-shape';

/**
 * The shapes of a partnership's rolling plan as the device holds them.
 * The server stores the same fields (plus bookkeeping); pull sends exactly these.
 */

export const Partnership = z.object({
  id: Id,
  name: Text(200),
  /**
   * The names of the partnership's areas in use, for phones running a release from before areas
   * were records (partnership-lists.ts): the server still sends them, and nothing newer reads them.
   */
  towns: z.optional(z.array(Text(80)).check(z.maxLength(1000))),
  /** What prints on its reports and whom its public pages name; absent on a phone's copy pulled before the server had them. */
  details: z.optional(PartnershipDetails),
});
export type Partnership = z.infer<typeof Partnership>;

export const Plan = z.object({
  id: Id,
  partnershipId: Id,
  title: Text(200),
  periodStart: IsoDate,
  periodEnd: IsoDate,
});
export type Plan = z.infer<typeof Plan>;

export const Objective = z.object({
  id: Id,
  planId: Id,
  position: Int(0),
  title: Text(500),
});
export type Objective = z.infer<typeof Objective>;

export const Priority = z.object({
  id: Id,
  planId: Id,
  objectiveId: Id,
  position: Int(0),
  name: Text(200),
});
export type Priority = z.infer<typeof Priority>;

/** A direction-of-travel indicator: watched, not delivered. priorityId null = the whole objective. */
export const Indicator = z.object({
  id: Id,
  planId: Id,
  objectiveId: Id,
  priorityId: z.nullable(Id),
  position: Int(0),
  text: Text(1000),
});
export type Indicator = z.infer<typeof Indicator>;

export const Action = z.object({
  id: Id,
  planId: Id,
  priorityId: Id,
  /** The number printed in the plan ("ref 22"); plans without refs leave it null. */
  ref: z.nullable(Text(20)),
  position: Int(0),
  text: Text(2000),
  leadAgencies: z.array(Text(300)).check(z.maxLength(20)),
  dueOn: z.nullable(IsoDate),
  /** Refs of related actions ("cross referenced with ref no. …"). */
  seeAlsoRefs: z.array(Text(20)).check(z.maxLength(50)),
  /** Users who deliver this action; drives "My actions". */
  ownerIds: z.array(Id).check(z.maxLength(50)),
});
export type Action = z.infer<typeof Action>;

export const Measure = z.object({
  id: Id,
  actionId: Id,
  planId: Id,
  position: Int(0),
  text: Text(1000),
  tally: MeasureTally,
});
export type Measure = z.infer<typeof Measure>;
