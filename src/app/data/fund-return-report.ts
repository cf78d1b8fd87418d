import { toExcelCsv } from '../../domain/csv-write';
import { withMarkingRow } from '../../domain/partnership-details';
import { shareOfGrant, type FundReturn, type ReturnStage } from '../../domain/fund-return';
import { formatPence, labelFor } from '../../domain/outcome-types/format';
import type { Plan } from '../../domain/plan';
import type { Period } from '../../domain/period';
import type { PeriodProgress } from './period-progress';

export interface ReturnLine {
  title: string;
  /** Objectives at the start of the year; progress and outcomes at mid- and end-year. */
  text: string;
  /** What the funded actions counted in the return's period: "Ref 22: 2 sessions, 31 attendees". */
  outputs: string[];
  cost: string;
  share: string;
  otherFunding: string;
}

/** The period a return covers: the funding period so far at mid-year (to 30 September), all of it otherwise. */
export function returnPeriod(plan: Pick<Plan, 'periodStart' | 'periodEnd'>, stage: ReturnStage): Period {
  if (stage === 'mid') {
    const midYear = `${Number(plan.periodStart.slice(0, 4)) + (plan.periodStart.slice(5) < '04-01' ? -1 : 0)}-09-30`;
    return { start: plan.periodStart, end: midYear < plan.periodEnd ? midYear : plan.periodEnd, label: 'Mid-year return' };
  }
  return { start: plan.periodStart, end: plan.periodEnd, label: stage === 'end' ? 'End-year return' : 'Start of year spending plan' };
}

export const STAGE_LABEL: Record<ReturnStage, string> = { start: 'Start of year spending plan', mid: 'Mid-year return', end: 'End-year return' };

/** The template's table: one row per expenditure line, the column that changes with the stage, outputs from the actions funded. */
export function returnLines(fund: FundReturn, stage: ReturnStage, progress: PeriodProgress | null): ReturnLine[] {
  return fund.lines.map((l) => {
    const outputs =
      stage === 'start' || !progress
        ? []
        : l.actionIds.flatMap((id) => {
            const row = progress.rows.find((r) => r.action.id === id);
            if (!row) return [];
            const figures = row.measures.flatMap((m) => m.progress.inPeriod.figures.filter((f) => f.figure.kind !== 'latest' && f.value > 0).map((f) => `${f.display} ${labelFor(f.figure.label, f.value)}`));
            return [`${row.action.ref ? `Ref ${row.action.ref}` : 'Action'}: ${figures.length > 0 ? figures.join(', ') : 'nothing logged yet'}`];
          });
    const share = shareOfGrant(l.costPence, fund.grantPence);
    return {
      title: l.title,
      text: stage === 'start' ? l.objectives : stage === 'mid' ? l.progressMidYear : l.progressEndYear,
      outputs,
      cost: formatPence(l.costPence),
      share: share === null ? '' : `${share}%`,
      otherFunding: l.otherFunding.map((o) => `${o.source}: ${formatPence(o.amountPence)}`).join('; '),
    };
  });
}

export function returnCsv(fund: FundReturn, stage: ReturnStage, progress: PeriodProgress | null, plan: Plan): string {
  const total = fund.lines.reduce((n, l) => n + l.costPence, 0);
  const head = [
    ['PCC Community Safety Fund', STAGE_LABEL[stage]],
    ['Local authority area', fund.localAuthorityArea],
    ['Funding period', `${plan.title} (${plan.periodStart} to ${plan.periodEnd})`],
    ['CSF grant allocation', fund.grantPence === null ? '' : formatPence(fund.grantPence)],
    [],
    ['Expenditure title', stage === 'start' ? 'Objectives' : 'Progress and outcomes', 'Outputs from the plan', 'Cost to CSF', '% of CSF grant', 'Other funding sources and amounts'],
  ];
  const rows = returnLines(fund, stage, progress).map((l) => [l.title, l.text, l.outputs.join('\n'), l.cost, l.share, l.otherFunding]);
  const share = shareOfGrant(total, fund.grantPence);
  return toExcelCsv(withMarkingRow(progress?.partnership?.details, [...head, ...rows, ['Total', '', '', formatPence(total), share === null ? '' : `${share}%`, '']]));
}
