import { toExcelCsv, type CsvValue } from '../../domain/csv-write';
import { labelFor } from '../../domain/outcome-types/format';
import { withMarkingRow } from '../../domain/partnership-details';
import type { PeriodProgress } from './period-progress';

/** One line per measure of the quarterly progress report, as the CSP meeting's papers lay it out. */
export interface ReportLine {
  ref: string;
  objective: string;
  priority: string;
  action: string;
  leadAgencies: string;
  measure: string;
  /** The measure's figures in the quarter: "2 sessions; 31 attendees". */
  inQuarter: string;
  /** The first figure from the plan's start to the quarter's end. */
  toDate: number | null;
  target: number | null;
  rag: string;
  ragSetBy: 'coordinator' | 'suggested' | '';
  commentary: string;
  remedialAction: string;
  late: number;
}

/** The report's lines from a period's progress: every action, every measure, in plan order. */
export function reportLines(p: PeriodProgress): ReportLine[] {
  return p.rows.flatMap((row) => {
    const rag = row.review?.rag ?? row.suggested;
    const common = {
      ref: row.action.ref ?? '',
      objective: row.objective?.title ?? '',
      priority: row.priority?.name ?? '',
      action: row.action.text,
      leadAgencies: row.action.leadAgencies.join('; '),
      rag: rag ?? '',
      ragSetBy: row.review?.rag ? ('coordinator' as const) : rag ? ('suggested' as const) : ('' as const),
      commentary: row.review?.commentary ?? '',
      remedialAction: row.review?.remedialAction ?? '',
      late: row.lateIds.length,
    };
    if (row.measures.length === 0) return [{ ...common, measure: '', inQuarter: '', toDate: null, target: null }];
    return row.measures.map(({ measure, progress }) => ({
      ...common,
      measure: measure.text,
      inQuarter: progress.inPeriod.figures.map((f) => (f.figure.kind === 'latest' ? f.display : `${f.display} ${labelFor(f.figure.label, f.value)}`)).join('; '),
      toDate: progress.toDate.figures[0]?.figure.kind === 'latest' ? null : (progress.toDate.figures[0]?.value ?? null),
      target: measure.tally.target,
    }));
  });
}

const HEADER = ['Ref', 'Objective', 'Priority', 'Action', 'Lead agencies', 'Measure', 'In the period', 'Plan to date', 'Target', 'RAG', 'RAG set by', 'Commentary', 'Remedial action', 'Late outcomes'];

export function reportCsv(p: PeriodProgress): string {
  const rows: CsvValue[][] = reportLines(p).map((l) => [l.ref, l.objective, l.priority, l.action, l.leadAgencies, l.measure, l.inQuarter, l.toDate, l.target, l.rag, l.ragSetBy, l.commentary, l.remedialAction, l.late]);
  return toExcelCsv(withMarkingRow(p.partnership?.details, [HEADER, ...rows]));
}

export const reportFileName = (p: PeriodProgress) => `progress-${p.plan.title}-${p.period.start}-to-${p.period.end}`.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase() + '.csv';
