import { z } from '../zod';
import { Int, Text } from '../primitives';
import { OUTCOME_TYPE_IDS, fieldOf, outcomeType, type OutcomeTypeId } from '../outcome-types/catalogue';

/**
 * How a measure adds up what officers log. A measure counts the outcomes of one type logged
 * against its action, optionally only those whose choice field has certain values (hate crime
 * training sessions: training-session where topic is hate-crime), and reports one to three
 * figures, the first compared with the target:
 * - count: each outcome counts as one (sessions held, places signed up);
 * - sum: a number field added up (attendees, cost);
 * - distinct: how many different values a field took (towns where the scheme runs);
 * - latest: the most recent value of a choice field (a milestone's stage).
 * One outcome can count toward several measures of its action: a Safe Place sign-up is both a
 * place signed up and, the first time in its town, one more town where the scheme runs.
 */
const FieldKey = Text(40);
const Label = Text(100);

export const TallyFigure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), label: Label }),
  z.object({ kind: z.literal('sum'), field: FieldKey, label: Label }),
  /** field is "town" or a detail key. */
  z.object({ kind: z.literal('distinct'), field: FieldKey, label: Label }),
  z.object({ kind: z.literal('latest'), field: FieldKey, label: Label }),
]);
export type TallyFigure = z.infer<typeof TallyFigure>;

export const MeasureTally = z
  .object({
    outcomeType: z.enum(OUTCOME_TYPE_IDS),
    where: z.nullable(z.object({ field: FieldKey, in: z.array(Text(100)).check(z.minLength(1), z.maxLength(50)) })),
    figures: z.array(TallyFigure).check(z.minLength(1), z.maxLength(3)),
    /** The first figure's target for the plan period ("two training sessions" → 2). */
    target: z.nullable(Int(1, 1_000_000)),
  })
  .check(
    z.superRefine((t, ctx) => {
      for (const problem of tallyProblems(t)) ctx.addIssue({ code: 'custom', input: t, path: problem.path, message: problem.message });
    }),
  );
export type MeasureTally = z.infer<typeof MeasureTally>;

/** What makes a tally rule meaningless for its outcome type (a sum over a choice field, a filter on a missing field). */
function tallyProblems(t: { outcomeType: OutcomeTypeId; where: { field: string; in: string[] } | null; figures: TallyFigure[] }) {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const type = outcomeType(t.outcomeType);
  if (t.where) {
    const field = fieldOf(t.outcomeType, t.where.field);
    if (field?.kind !== 'choice') problems.push({ path: ['where', 'field'], message: `${type.label} has no choice called “${t.where.field}”` });
    else {
      const bad = t.where.in.filter((v) => !field.options.some((o) => o.value === v));
      if (bad.length > 0) problems.push({ path: ['where', 'in'], message: `Not an option of ${field.label}: ${bad.join(', ')}` });
    }
  }
  t.figures.forEach((f, i) => {
    if (f.kind === 'count') return;
    if (f.kind === 'distinct' && f.field === 'town') return;
    const field = fieldOf(t.outcomeType, f.field);
    const ok =
      (f.kind === 'sum' && (field?.kind === 'count' || field?.kind === 'money')) ||
      (f.kind === 'latest' && field?.kind === 'choice') ||
      (f.kind === 'distinct' && field !== undefined && field.kind !== 'money');
    if (!ok)
      problems.push({
        path: ['figures', i, 'field'],
        message: `${type.label} has no field “${f.field}” that can be ${f.kind === 'sum' ? 'added up' : f.kind === 'latest' ? 'followed' : 'counted'}`,
      });
  });
  return problems;
}
