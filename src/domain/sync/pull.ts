import { z } from '../zod';
import { Id, Int, IsoDateTime, Text } from '../primitives';
import { Action, Indicator, Measure, Objective, Partnership, Plan, Priority } from '../plan';
import { OutcomeRecord } from '../outcome';
import { PlaceRecord } from '../place';
import { ActionReview, QuarterSignOff } from '../review';
import { FundReturn } from '../fund-return';
import { Area, Organisation } from '../partnership-lists';

/**
 * Pull: the device asks for everything that changed since the cursor the server last gave it,
 * for the partnerships the user belongs to, a page at a time. The cursor is opaque to the device.
 */

export const PULL_PAGE_DEFAULT = 1000;
export const PULL_PAGE_MAX = 5000;

export const PullQuery = z.strictObject({
  /** Absent on a device's first pull. */
  cursor: z.optional(Text(500)),
  limit: z._default(z.pipe(z.coerce.number(), Int(1, PULL_PAGE_MAX)), PULL_PAGE_DEFAULT),
});
export type PullQuery = z.infer<typeof PullQuery>;

/**
 * A plan record a coordinator took out of the plan. The device drops it. An action merged into
 * another names it: outcomes logged against the old one are now under the other (the server
 * moved them, and moves any that arrive later), which the officer is told about.
 */
export const PlanRemoval = z.object({
  id: Id,
  table: z.enum(['objectives', 'priorities', 'indicators', 'actions', 'measures']),
  planId: Id,
  mergedInto: z.nullable(Id),
  removedAt: IsoDateTime,
});
export type PlanRemoval = z.infer<typeof PlanRemoval>;

export const PullChanges = z.object({
  partnerships: z.array(Partnership),
  areas: z.array(Area),
  organisations: z.array(Organisation),
  plans: z.array(Plan),
  objectives: z.array(Objective),
  priorities: z.array(Priority),
  indicators: z.array(Indicator),
  actions: z.array(Action),
  measures: z.array(Measure),
  outcomes: z.array(OutcomeRecord),
  places: z.array(PlaceRecord),
  removals: z.array(PlanRemoval),
  /** Coordinators only: the quarterly review of each action. */
  reviews: z.array(ActionReview),
  /** Everyone: a signed-off quarter locks its outcomes for officers. */
  signOffs: z.array(QuarterSignOff),
  /** Coordinators only: the PCC Community Safety Fund return of each plan. */
  fundReturns: z.array(FundReturn),
});
export type PullChanges = z.infer<typeof PullChanges>;
export type PulledTable = keyof PullChanges;
export const PULLED_TABLES = Object.keys(PullChanges.shape) as PulledTable[];

/** The schema of one record of each table in PullChanges, to check a page a batch of records at a time. */
export const PULLED_RECORD = {
  partnerships: Partnership,
  areas: Area,
  organisations: Organisation,
  plans: Plan,
  objectives: Objective,
  priorities: Priority,
  indicators: Indicator,
  actions: Action,
  measures: Measure,
  outcomes: OutcomeRecord,
  places: PlaceRecord,
  removals: PlanRemoval,
  reviews: ActionReview,
  signOffs: QuarterSignOff,
  fundReturns: FundReturn,
} satisfies Record<PulledTable, z.core.$ZodType>;

export const PullResponse = z.object({
  /**
   * true when the server could not continue from the given cursor (the user's partnerships
   * changed, or the cursor predates a protocol change): this page starts from nothing and the
   * device must drop the pulled records it holds before applying it. Its own unsynced work stays.
   */
  reset: z.boolean(),
  changes: PullChanges,
  cursor: z.string(),
  /** More pages wait; pull again at once with the new cursor. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * A page with its records not yet looked at: the envelope of PullResponse, every table an array of
 * anything. The device checks the envelope with this and then the records with PULLED_RECORD,
 * a batch at a time, which together check exactly what PullResponse checks.
 */
export const PullEnvelope = z.object({
  ...PullResponse.shape,
  changes: z.object(Object.fromEntries(PULLED_TABLES.map((t) => [t, z.array(z.unknown())])) as Record<PulledTable, z.ZodMiniArray<z.ZodMiniUnknown>>),
});

export function emptyChanges(): PullChanges {
  return {
    partnerships: [],
    areas: [],
    organisations: [],
    plans: [],
    objectives: [],
    priorities: [],
    indicators: [],
    actions: [],
    measures: [],
    outcomes: [],
    places: [],
    removals: [],
    reviews: [],
    signOffs: [],
    fundReturns: [],
  };
}
