import type { Action, Indicator, Measure, Objective, Plan, Priority } from '../../../domain/plan';
import type { StoredPartnership } from './plan-store';
import { MeasureTally } from '../../../domain/tally/rule';
import type { PartnershipDetails } from '../../../domain/partnership-details';
import type { Database } from '../schema';

/** Plan records to and from their rows: one mapping for reads, pulls and writes. */

export const json = (v: unknown) => JSON.stringify(v);
export const parseStrings = (s: string) => JSON.parse(s) as string[];

type Row<T extends keyof Database> = Database[T];
type Scope = { partnership_id: string; version: number };

/** Its towns are not stored: the pull adds the names of its areas in use (kysely-feed-store.ts). */
export const toPartnership = (r: Row<'partnerships'>): StoredPartnership => ({ id: r.id, name: r.name, details: toDetails(r) });
export const toDetails = (r: Row<'partnerships'>): PartnershipDetails => ({
  protectiveMarking: r.protective_marking,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  dataController: r.data_controller,
});

export const detailsColumns = (d: PartnershipDetails) => ({
  protective_marking: d.protectiveMarking,
  contact_email: d.contactEmail,
  contact_phone: d.contactPhone,
  data_controller: d.dataController,
});

export const toPlan = (r: Row<'plans'>): Plan => ({
  id: r.id,
  partnershipId: r.partnership_id,
  title: r.title,
  periodStart: r.period_start,
  periodEnd: r.period_end,
});
export const planRow = (p: Plan, version: number): Row<'plans'> => ({
  id: p.id,
  partnership_id: p.partnershipId,
  title: p.title,
  period_start: p.periodStart,
  period_end: p.periodEnd,
  version,
});

export const toObjective = (r: Row<'objectives'>): Objective => ({ id: r.id, planId: r.plan_id, position: r.position, title: r.title });
export const objectiveRow = (o: Objective, s: Scope): Row<'objectives'> => ({ id: o.id, ...s, plan_id: o.planId, position: o.position, title: o.title });

export const toPriority = (r: Row<'priorities'>): Priority => ({
  id: r.id,
  planId: r.plan_id,
  objectiveId: r.objective_id,
  position: r.position,
  name: r.name,
});
export const priorityRow = (p: Priority, s: Scope): Row<'priorities'> => ({
  id: p.id,
  ...s,
  plan_id: p.planId,
  objective_id: p.objectiveId,
  position: p.position,
  name: p.name,
});

export const toIndicator = (r: Row<'indicators'>): Indicator => ({
  id: r.id,
  planId: r.plan_id,
  objectiveId: r.objective_id,
  priorityId: r.priority_id,
  position: r.position,
  text: r.text,
});
export const indicatorRow = (i: Indicator, s: Scope): Row<'indicators'> => ({
  id: i.id,
  ...s,
  plan_id: i.planId,
  objective_id: i.objectiveId,
  priority_id: i.priorityId,
  position: i.position,
  text: i.text,
});

export const toAction = (r: Row<'actions'>): Action => ({
  id: r.id,
  planId: r.plan_id,
  priorityId: r.priority_id,
  ref: r.ref,
  position: r.position,
  text: r.text,
  leadAgencies: parseStrings(r.lead_agencies_json),
  dueOn: r.due_on,
  seeAlsoRefs: parseStrings(r.see_also_json),
  ownerIds: parseStrings(r.owner_ids_json),
});
export const actionRow = (a: Action, s: Scope): Row<'actions'> => ({
  id: a.id,
  ...s,
  plan_id: a.planId,
  priority_id: a.priorityId,
  ref: a.ref,
  position: a.position,
  text: a.text,
  lead_agencies_json: json(a.leadAgencies),
  due_on: a.dueOn,
  see_also_json: json(a.seeAlsoRefs),
  owner_ids_json: json(a.ownerIds),
});

export const toMeasure = (r: Row<'measures'>): Measure => ({
  id: r.id,
  actionId: r.action_id,
  planId: r.plan_id,
  position: r.position,
  text: r.text,
  tally: MeasureTally.parse(JSON.parse(r.tally_json)),
});
export const measureRow = (m: Measure, s: Scope): Row<'measures'> => ({
  id: m.id,
  ...s,
  plan_id: m.planId,
  action_id: m.actionId,
  position: m.position,
  text: m.text,
  tally_json: json(m.tally),
});
