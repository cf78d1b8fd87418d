import { OUTCOME_TYPES, outcomeType, type OutcomeType, type OutcomeTypeId } from '../../../domain/outcome-types/catalogue';
import { fieldApplies, type Choice, type DetailValue, type FieldSpec } from '../../../domain/outcome-types/fields';
import type { GeoPoint } from '../../../domain/outcome';
import type { Measure } from '../../../domain/plan';
import type { OutcomeFormValues } from '../../data/log-outcome';
import { areaNamed, NO_AREA, type AreaChoice } from './area-choices';
import { areaIdOf } from '../../data/area-names';

/**
 * The outcome form's state, as typed: numbers stay strings until saving, so "12a" can be shown
 * back with its error instead of vanishing. It is also what a draft stores (plain JSON).
 */
export interface OutcomeFormState {
  type: OutcomeTypeId | '';
  /** Raw answers by detail key: strings for counts, money, choices and text; booleans for yes/no. */
  details: Record<string, string | boolean>;
  occurredOn: string;
  /** An area's id, NO_AREA, or '' before choosing. */
  area: string;
  notes: string;
  location: GeoPoint | null;
  /** The place in a register, or '' for none. */
  placeId: string;
  /** The officer kept a reading less accurate than LOCATION_GOOD_ENOUGH_M on purpose. */
  roughLocationAccepted: boolean;
}

/** The outcome types an action's measures count, in the order the measures are listed. */
export function typesForAction(measures: readonly Pick<Measure, 'tally' | 'position'>[]): OutcomeType[] {
  const ids = [...measures].sort((a, b) => a.position - b.position).map((m) => m.tally.outcomeType);
  return OUTCOME_TYPES.filter((t) => ids.includes(t.id)).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

/**
 * The options a choice field offers on this action. When every measure counting the type filters
 * on this field, only the values they count are offered (ref 2's sanctions are CPWs, CPNs,
 * breaches, tenancy cautions and ABCs, not fixed penalties): nothing can be logged that no
 * measure would count.
 */
export function optionsFor(
  field: Extract<FieldSpec, { kind: 'choice' }>,
  typeId: OutcomeTypeId,
  measures: readonly Pick<Measure, 'tally'>[],
): readonly Choice[] {
  const rules = measures.map((m) => m.tally).filter((t) => t.outcomeType === typeId);
  if (rules.length === 0 || !rules.every((t) => t.where?.field === field.key)) return field.options;
  const allowed = new Set(rules.flatMap((t) => t.where?.in ?? []));
  return field.options.filter((o) => allowed.has(o.value));
}

export function emptyState(today: string, lastArea: string | null, measures: readonly Pick<Measure, 'tally' | 'position'>[]): OutcomeFormState {
  const types = typesForAction(measures);
  const state: OutcomeFormState = {
    type: '',
    details: {},
    occurredOn: today,
    area: lastArea ?? '',
    notes: '',
    location: null,
    placeId: '',
    roughLocationAccepted: false,
  };
  return types.length === 1 ? withType(state, types[0]!.id, measures) : state;
}

/** Chooses a type: starts counts at their initial values and fills choices that have only one possible answer. */
export function withType(state: OutcomeFormState, typeId: OutcomeTypeId, measures: readonly Pick<Measure, 'tally'>[]): OutcomeFormState {
  if (state.type === typeId) return state;
  const details: Record<string, string | boolean> = {};
  for (const field of outcomeType(typeId).fields) {
    if (field.kind === 'count' && field.initial !== undefined) details[field.key] = String(field.initial);
    if (field.kind === 'choice') {
      const options = optionsFor(field, typeId, measures);
      if (options.length === 1) details[field.key] = options[0]!.value;
    }
  }
  const location = outcomeType(typeId).allowsLocation ? state.location : null;
  return { ...state, type: typeId, details, location, placeId: outcomeType(typeId).place ? state.placeId : '' };
}

/**
 * The form state for an outcome already logged (to change it, or to log another like it). An
 * outcome from before areas were records names only its town: the area offered under that name.
 */
export function stateFromOutcome(
  o: Pick<OutcomeFormValues, 'type' | 'details' | 'occurredOn' | 'town' | 'areaId' | 'notes' | 'location' | 'placeId'>,
  choices: readonly AreaChoice[],
): OutcomeFormState {
  const details: Record<string, string | boolean> = {};
  for (const field of outcomeType(o.type).fields) {
    const v = o.details[field.key];
    if (v === undefined) continue;
    details[field.key] = field.kind === 'money' && typeof v === 'number' ? (v / 100).toFixed(2).replace(/\.00$/, '') : typeof v === 'boolean' ? v : String(v);
  }
  return {
    type: o.type,
    details,
    occurredOn: o.occurredOn,
    area: o.areaId || (o.town === null ? NO_AREA : (areaNamed(choices, o.town)?.id ?? '')),
    notes: o.notes,
    location: o.location,
    placeId: o.placeId ?? '',
    roughLocationAccepted: true,
  };
}

/**
 * The values to save. Answers to questions that no longer apply are dropped (a penalty amount
 * left over after switching from FPN to CPW); anything that is not a number where one is
 * expected is passed on as typed, so the shared check names the field.
 */
export function valuesFromState(state: OutcomeFormState, actionId: string, includeLocation: boolean, choices: readonly AreaChoice[]): OutcomeFormValues {
  const type = outcomeType(state.type as OutcomeTypeId);
  const details: Record<string, DetailValue> = {};
  for (const field of type.fields) {
    const raw = state.details[field.key];
    if (raw === undefined || raw === '') continue;
    if (!fieldApplies(field, state.details)) continue;
    details[field.key] = parseAnswer(field, raw);
  }
  return {
    actionId,
    type: type.id,
    details,
    occurredOn: state.occurredOn,
    // The area, and its name as chosen: kept on the outcome as it was when logged.
    areaId: state.area === NO_AREA ? null : areaIdOf(state.area),
    town: state.area === NO_AREA ? null : (choices.find((a) => a.id === state.area)?.name ?? null),
    location: includeLocation && type.allowsLocation ? state.location : null,
    placeId: type.place && state.placeId ? state.placeId : null,
    notes: state.notes.trim(),
  };
}

function parseAnswer(field: FieldSpec, raw: string | boolean): DetailValue {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim();
  if (field.kind === 'count') return /^\d{1,9}$/.test(text) ? Number(text) : text;
  if (field.kind === 'money') {
    const plain = text.replace(/^£/, '').replace(/,/g, '');
    return /^\d{1,9}(\.\d{1,2})?$/.test(plain) ? Math.round(Number(plain) * 100) : text;
  }
  return text;
}

/**
 * The area as the form may show it: one no longer offered (retired since a draft was kept or an
 * outcome was logged) is chosen again by the officer rather than saved unseen. A draft kept before
 * areas were records holds its town's name: the area offered under it.
 */
export function withOfferedArea(state: Omit<OutcomeFormState, 'area'> & { area?: string; town?: string }, choices: readonly AreaChoice[]): OutcomeFormState {
  const { town, ...rest } = state;
  const area = rest.area ?? (town === NO_AREA ? NO_AREA : (areaNamed(choices, town)?.id ?? ''));
  return { ...rest, area: area === NO_AREA || choices.some((a) => a.id === area) ? area : '' };
}
