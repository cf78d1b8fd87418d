import { z } from '../zod';
import { Id, IsoDate, SafeString, Text } from '../primitives';
import { MeasureTally } from '../tally/rule';
import { Plan } from '../plan';

/**
 * What a coordinator sends to change a partnership's plan, and what the server answers. One
 * definition for the coordinator's screens and the server's routes (src/server/routes/plan-routes.ts).
 * Plan changes go straight to the server, not through the outbox: they are made at a desk, they
 * must be checked against the whole plan at once (refs, merges), and officers must all see the
 * same plan (docs/decisions/0019-coordinator-workspace.md).
 */

/** Longest plan period accepted: a rolling plan is yearly; three-year strategies exist. */
export const PLAN_MAX_DAYS = 3 * 366;

const planFields = {
  title: Text(200),
  periodStart: IsoDate,
  periodEnd: IsoDate,
};
const periodMakesSense = z.superRefine<{ periodStart?: string; periodEnd?: string }>((p, ctx) => {
  if (!p.periodStart || !p.periodEnd) return;
  if (p.periodEnd <= p.periodStart) ctx.addIssue({ code: 'custom', input: p, path: ['periodEnd'], message: 'The end must be after the start' });
  else if ((Date.parse(p.periodEnd) - Date.parse(p.periodStart)) / 86_400_000 > PLAN_MAX_DAYS) {
    ctx.addIssue({ code: 'custom', input: p, path: ['periodEnd'], message: 'A plan can cover at most three years' });
  }
});

export const CreatePlanRequest = z.strictObject(planFields).check(periodMakesSense);
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .strictObject({ title: z.optional(planFields.title), periodStart: z.optional(planFields.periodStart), periodEnd: z.optional(planFields.periodEnd) })
  .check(periodMakesSense);
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const PlanResponse = z.object({ plan: Plan });
export type PlanResponse = z.infer<typeof PlanResponse>;

/** Twice the biggest file decodeCsvBytes accepts: the JSON escaping of quotes and line breaks. */
const CSV_TEXT_MAX = 2_000_000;

/** The import: the CSV text as decoded on the coordinator's device (decodeCsvBytes refused bad bytes there). */
export const PlanImportRequest = z.strictObject({
  actionsCsv: SafeString(CSV_TEXT_MAX),
  indicatorsCsv: z.optional(SafeString(CSV_TEXT_MAX)),
  /** false: a preview, nothing saved. true: saved, but only if there are no problems. */
  commit: z.boolean(),
});
export type PlanImportRequest = z.infer<typeof PlanImportRequest>;

const ImportFileName = z.enum(['actions', 'indicators']);
const LineMessage = z.object({ file: ImportFileName, line: z.int(), column: z.nullable(z.string()), message: z.string() });

const Tally = z.object({ added: z.int(), changed: z.int(), unchanged: z.int(), notInFile: z.int() });
export const PlanImportSummary = z.object({
  objectives: Tally,
  priorities: Tally,
  indicators: Tally,
  actions: Tally,
  measures: Tally,
});
export type PlanImportSummary = z.infer<typeof PlanImportSummary>;

export const PlanImportResponse = z.object({
  problems: z.array(LineMessage),
  notes: z.array(LineMessage),
  summary: PlanImportSummary,
  /** What would change (or did), one line each, in plan order: "Ref 3: due date 31 Mar 2019 → 30 Jun 2019". */
  changes: z.array(z.string()),
  committed: z.boolean(),
});
export type PlanImportResponse = z.infer<typeof PlanImportResponse>;

/** An action as the coordinator edits it; only the fields sent change. */
const actionFields = {
  priorityId: Id,
  ref: z.nullable(Text(20)),
  text: Text(2000),
  leadAgencies: z.array(Text(300)).check(z.maxLength(20)),
  dueOn: z.nullable(IsoDate),
  seeAlsoRefs: z.array(Text(20)).check(z.maxLength(50)),
  ownerIds: z.array(Id).check(z.maxLength(50)),
};
export const NewActionRequest = z.strictObject(actionFields);
export type NewActionRequest = z.infer<typeof NewActionRequest>;

export const ActionEditRequest = z
  .strictObject({
    priorityId: z.optional(actionFields.priorityId),
    ref: z.optional(actionFields.ref),
    text: z.optional(actionFields.text),
    leadAgencies: z.optional(actionFields.leadAgencies),
    dueOn: z.optional(actionFields.dueOn),
    seeAlsoRefs: z.optional(actionFields.seeAlsoRefs),
    ownerIds: z.optional(actionFields.ownerIds),
  })
  .check(z.refine((c) => Object.keys(c).length > 0, 'Change at least one thing'));
export type ActionEditRequest = z.infer<typeof ActionEditRequest>;

/** Merges the action in the address into another: its outcomes and measures move there, and it leaves the plan. */
export const MergeActionRequest = z.strictObject({ intoActionId: Id });
export type MergeActionRequest = z.infer<typeof MergeActionRequest>;

export const NewMeasureRequest = z.strictObject({ text: Text(1000), tally: MeasureTally });
export type NewMeasureRequest = z.infer<typeof NewMeasureRequest>;

export const MeasureEditRequest = z
  .strictObject({ text: z.optional(Text(1000)), tally: z.optional(MeasureTally) })
  .check(z.refine((c) => Object.keys(c).length > 0, 'Change at least one thing'));
export type MeasureEditRequest = z.infer<typeof MeasureEditRequest>;

/** The id of a record a request created. */
export const CreatedResponse = z.object({ id: Id });
export type CreatedResponse = z.infer<typeof CreatedResponse>;
