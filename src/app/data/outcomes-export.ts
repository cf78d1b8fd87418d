import { toExcelCsv, type CsvValue } from '../../domain/csv-write';
import { withMarkingRow, type PartnershipDetails } from '../../domain/partnership-details';
import { financialYearOf, quarterOf } from '../../domain/period';
import { outcomeType, OUTCOME_TYPES, type OutcomeTypeId } from '../../domain/outcome-types/catalogue';
import { summariseOutcome } from '../../domain/outcome-types/summary';
import { isLate, signOffCovering } from '../../domain/review';
import type { FieldbookDb } from '../db/fieldbook-db';
import type { LocalOutcome } from '../db/local-records';
import { countable } from './period-progress';
import { loadAreasById } from './area-names';

export interface OutcomeFilters {
  planId: string;
  from: string;
  to: string;
  priorityId: string | null;
  actionId: string | null;
  type: OutcomeTypeId | null;
  /** An area by the name it goes by now (renamed areas keep their outcomes). */
  town: string | null;
  authorId: string | null;
  /** Officers' notes are free text and may name people: left out unless asked for. */
  includeNotes: boolean;
}

export interface OutcomeExport {
  rows: CsvValue[][];
  /** What prints on the partnership's reports: the CSV starts with its protective marking. */
  details: PartnershipDetails | undefined;
  count: number;
  /** The choices the filters offer, from what this device holds: areas by their current names. */
  towns: string[];
  officers: { id: string; name: string }[];
}

/**
 * The outcomes export: one row per outcome with the plan around it and each of its details in a
 * column of its own, ISO dates, opened cleanly by Excel (UTF-8 with BOM; cells that would run as
 * formulas neutralised by toCsv). Waiting and refused records are not in it: it is what the
 * server holds, as far as this device knows.
 */
export async function loadOutcomeExport(db: FieldbookDb, f: OutcomeFilters): Promise<OutcomeExport | null> {
  const plan = await db.plans.get(f.planId);
  if (!plan) return null;
  const [partnership, actions, priorities, objectives, outcomes, signOffs, places, areas] = await Promise.all([
    db.partnerships.get(plan.partnershipId),
    db.actions.where('planId').equals(plan.id).toArray(),
    db.priorities.where('planId').equals(plan.id).toArray(),
    db.objectives.where('planId').equals(plan.id).toArray(),
    db.outcomes.toArray(),
    db.signOffs.where('planId').equals(plan.id).toArray(),
    db.places.toArray(),
    loadAreasById(db),
  ]);
  const actionOf = new Map(actions.map((a) => [a.id, a]));
  const priorityOf = new Map(priorities.map((p) => [p.id, p]));
  const objectiveOf = new Map(objectives.map((o) => [o.id, o]));
  const placeOf = new Map(places.map((p) => [p.id, p.name]));
  const ofPlan = countable(outcomes, areas).filter((o) => actionOf.has(o.actionId) && !o.pending);
  const matching = ofPlan
    .filter(
      (o) =>
        o.occurredOn >= f.from &&
        o.occurredOn <= f.to &&
        (f.actionId === null || o.actionId === f.actionId) &&
        (f.priorityId === null || actionOf.get(o.actionId)?.priorityId === f.priorityId) &&
        (f.type === null || o.type === f.type) &&
        (f.town === null || o.town === f.town) &&
        (f.authorId === null || o.authorId === f.authorId),
    )
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt));

  // A column per detail field of the types present, in the catalogue's order.
  const types = OUTCOME_TYPES.filter((t) => matching.some((o) => o.type === t.id));
  // Money is kept in pence; the export gives pounds, as a number Excel can add up.
  const detailColumns = types.flatMap((t) =>
    t.fields.map((field) => ({ type: t.id, key: field.key, money: field.kind === 'money', header: `${t.label}: ${field.label}${field.kind === 'money' ? ' (£)' : ''}` })),
  );
  const header = ['Outcome id', 'Date', 'Financial year', 'Quarter', 'Objective', 'Priority', 'Action ref', 'Action', 'Outcome type', 'Summary', 'Area', 'Place', 'Logged by', 'Recorded on the phone', 'Received by the server', 'Late', ...(f.includeNotes ? ['Notes'] : []), ...detailColumns.map((c) => c.header)];
  const rows: CsvValue[][] = matching.map((o: LocalOutcome) => {
    const action = actionOf.get(o.actionId)!;
    const priority = priorityOf.get(action.priorityId);
    return [
      o.id,
      o.occurredOn,
      financialYearOf(o.occurredOn).label,
      quarterOf(o.occurredOn).label.split(' (')[0],
      objectiveOf.get(priority?.objectiveId ?? '')?.title ?? '',
      priority?.name ?? '',
      action.ref ?? '',
      action.text,
      outcomeType(o.type).label,
      summariseOutcome(o.type, o.details, 6),
      o.town ?? '',
      o.placeId ? (placeOf.get(o.placeId) ?? '') : '',
      o.authorName,
      o.recordedAt,
      o.receivedAt ?? '',
      isLate(o, signOffCovering(signOffs, plan.id, o.occurredOn)) ? 'late' : '',
      ...(f.includeNotes ? [o.notes ?? ''] : []),
      ...detailColumns.map((c) => (c.type !== o.type ? '' : c.money && typeof o.details[c.key] === 'number' ? (o.details[c.key] as number) / 100 : cellOf(o.details[c.key]))),
    ];
  });
  return {
    rows: [header, ...rows],
    details: partnership?.details,
    count: matching.length,
    towns: [...new Set(ofPlan.map((o) => o.town).filter((t): t is string => t !== null))].sort(),
    officers: [...new Map(ofPlan.map((o) => [o.authorId, { id: o.authorId, name: o.authorName }])).values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const cellOf = (v: unknown): CsvValue => (typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'yes' : 'no') : '');

export const exportCsv = (e: OutcomeExport) => toExcelCsv(withMarkingRow(e.details, e.rows));
