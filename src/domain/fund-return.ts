import { z } from './zod';
import { Id, Int, IsoDateTime, SafeString, Text } from './primitives';

/**
 * The Police and Crime Commissioner's Community Safety Fund return (seed 004, Appendix 1): the
 * partnership's spending plan at the start of the year, and its mid-year and end-year returns.
 * One per plan (the funding period). Each expenditure line keeps the same title all year, as the
 * template requires; its cost as a share of the grant is worked out, never typed. Money is in
 * pence. Outputs come from the plan's actions the line funds, tallied like everything else.
 * PCC grant terms require that nothing sent identifies a service user: the text fields say so.
 */

const MONEY_MAX = 1_000_000_000_00; // £1bn: a typing mistake long before a real grant
const LONG_TEXT = 4000;

export const OtherFunding = z.strictObject({ source: Text(200), amountPence: Int(0, MONEY_MAX) });
export type OtherFunding = z.infer<typeof OtherFunding>;

export const FundLine = z.strictObject({
  id: Id,
  title: Text(300),
  /** Start of year: what the money is for. */
  objectives: SafeString(LONG_TEXT),
  progressMidYear: SafeString(LONG_TEXT),
  progressEndYear: SafeString(LONG_TEXT),
  costPence: Int(0, MONEY_MAX),
  otherFunding: z.array(OtherFunding).check(z.maxLength(10)),
  /** The plan's actions this money pays for: their figures are the line's outputs. */
  actionIds: z.array(Id).check(z.maxLength(50)),
});
export type FundLine = z.infer<typeof FundLine>;

const returnFields = {
  grantPence: z.nullable(Int(0, MONEY_MAX)),
  localAuthorityArea: SafeString(200),
  /** Names of staff who sign the return (the council's contact, the police area commander): never a service user. */
  councilContact: SafeString(200),
  policeLead: SafeString(200),
  lines: z.array(FundLine).check(z.maxLength(60)),
};

export const FundReturn = z.object({
  id: Id,
  planId: Id,
  ...returnFields,
  updatedAt: IsoDateTime,
  updatedByName: z.string(),
  /** The server's version: a save says which it was based on, so one coordinator never silently overwrites another. */
  version: z.int(),
});
export type FundReturn = z.infer<typeof FundReturn>;

export const FundReturnRequest = z.strictObject({ ...returnFields, baseVersion: z.nullable(Int(0)) }).check(
  z.superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.lines.forEach((l, i) => {
      const key = l.title.trim().toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', input: l.title, path: ['lines', i, 'title'], message: 'Each expenditure line needs its own title' });
      seen.add(key);
    });
  }),
);
export type FundReturnRequest = z.infer<typeof FundReturnRequest>;

export const FundReturnSaved = z.object({ version: z.int() });
export type FundReturnSaved = z.infer<typeof FundReturnSaved>;

/** The three points in the year the template is filled in. */
export const RETURN_STAGES = ['start', 'mid', 'end'] as const;
export type ReturnStage = (typeof RETURN_STAGES)[number];

/** A line's cost as a share of the grant, to one decimal place; null without a grant. */
export function shareOfGrant(costPence: number, grantPence: number | null): number | null {
  if (grantPence === null || grantPence === 0) return null;
  return Math.round((costPence / grantPence) * 1000) / 10;
}
