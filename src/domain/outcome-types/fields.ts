import { z } from '../zod';
import { SafeString, isSafeText } from '../primitives';
import { formatPence, formatWhole } from './format';

/**
 * The kinds of field an outcome type can ask for. Each kind knows its value's zod schema, and the
 * form knows how to draw it (src/app/ui/outcome-fields/): one definition for phone and server.
 *
 * No kind holds a person's name. Free text is limited to short descriptions of things (a venue
 * type, a milestone) and the outcome's notes, which carry a "no personal details" hint.
 */
export interface Choice {
  value: string;
  label: string;
}

interface FieldBase {
  /** The key in the outcome's details. Stable once shipped: stored and synced. */
  key: string;
  /** The question, as the form asks it. */
  label: string;
  hint?: string;
  /** Required always (true), never (false), or only when another field has one of some values. */
  required: boolean | { when: string; in: readonly string[] };
  /** Shown only when another field has one of these values (and ignored otherwise). */
  showWhen?: { field: string; in: readonly string[] };
}

/** A whole number of things (attendees, premises checked): a stepper with a numeric keypad. */
export interface CountField extends FieldBase {
  kind: 'count';
  min: number;
  max: number;
  /** What the number counts, for tallies: "attendees". */
  unit: string;
  /** Where the stepper starts; empty when absent (a count the officer must think about). */
  initial?: number;
}
/** An amount of money, held as whole pence so sums never round. */
export interface MoneyField extends FieldBase {
  kind: 'money';
  maxPence: number;
}
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: readonly Choice[];
}
export interface YesNoField extends FieldBase {
  kind: 'yes-no';
}
/** A short description of a thing, never of a person. */
export interface ShortTextField extends FieldBase {
  kind: 'short-text';
  maxLength: number;
}

export type FieldSpec = CountField | MoneyField | ChoiceField | YesNoField | ShortTextField;
export type DetailValue = number | string | boolean;

/**
 * The zod schema for one field's value, with messages written for the officer. Built once per
 * field: the server checks every outcome of a push with it, and building costs more than checking.
 */
export function valueSchema(field: FieldSpec): z.ZodMiniType<DetailValue> {
  let schema = valueSchemas.get(field);
  if (!schema) valueSchemas.set(field, (schema = buildValueSchema(field)));
  return schema;
}
const valueSchemas = new WeakMap<FieldSpec, z.ZodMiniType<DetailValue>>();

function buildValueSchema(field: FieldSpec): z.ZodMiniType<DetailValue> {
  switch (field.kind) {
    case 'count':
      return z
        .int({ error: `${field.label}: enter a whole number, like 12` })
        .check(
          z.minimum(field.min, `${field.label}: must be ${field.min} or more`),
          z.maximum(field.max, `${field.label}: must be ${formatWhole(field.max)} or fewer`),
        );
    case 'money':
      return z
        .int({ error: `${field.label}: enter an amount in pounds and pence, like 125.50` })
        .check(z.minimum(0, `${field.label}: must be £0 or more`), z.maximum(field.maxPence, `${field.label}: must be ${formatPence(field.maxPence)} or less`));
    case 'choice':
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]], { error: `${field.label}: choose one of the options` });
    case 'yes-no':
      return z.boolean({ error: `${field.label}: choose yes or no` });
    case 'short-text':
      return z
        .string({ error: `${field.label}: must be text` })
        .check(
          z.trim(),
          z.minLength(1, `${field.label}: must not be empty`),
          z.maxLength(field.maxLength, `${field.label}: must be ${field.maxLength} characters or fewer`),
          z.refine(isSafeText, `${field.label}: must not contain NUL characters or broken Unicode`),
        );
  }
}

/**
 * Details as they travel: a flat map of short keys to plain values. The outcome type then says
 * which keys it has and what each must be (checkOutcomeDetails); this outer shape only bounds size.
 */
export const DETAIL_KEY_MAX = 40;
export const DETAILS_MAX_KEYS = 20;
export const Details = z
  .record(
    z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Detail keys are short camelCase names'), z.maxLength(DETAIL_KEY_MAX)),
    z.union([z.number(), z.boolean(), SafeString(500)]),
  )
  .check(z.refine((d) => Object.keys(d).length <= DETAILS_MAX_KEYS, `At most ${DETAILS_MAX_KEYS} details`));
export type Details = Record<string, DetailValue>;

/** Whether a field applies given the other answers (a hidden field is never required or kept). */
export function fieldApplies(field: FieldSpec, details: Readonly<Record<string, unknown>>): boolean {
  if (!field.showWhen) return true;
  return field.showWhen.in.includes(String(details[field.showWhen.field]));
}

export function fieldRequired(field: FieldSpec, details: Readonly<Record<string, unknown>>): boolean {
  if (!fieldApplies(field, details)) return false;
  if (typeof field.required === 'boolean') return field.required;
  return field.required.in.includes(String(details[field.required.when]));
}
