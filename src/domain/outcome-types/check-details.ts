import { fieldApplies, fieldRequired, valueSchema, type FieldSpec } from './fields';
import { outcomeType, type OutcomeTypeId } from './catalogue';

export interface DetailProblem {
  /** "details.attendees" */
  field: string;
  message: string;
}

/**
 * Checks an outcome's details against its type: every required field present, every value of
 * the right kind and within bounds, no field the type does not have, and no answer to a
 * question that does not apply (a penalty amount on a CPW). Phone and server run this same
 * function, so the form's errors and a push's refusal always agree.
 */
export function checkOutcomeDetails(typeId: OutcomeTypeId, details: Readonly<Record<string, unknown>>): DetailProblem[] {
  const type = outcomeType(typeId);
  const problems: DetailProblem[] = [];
  const known = new Set(type.fields.map((f) => f.key));
  for (const key of Object.keys(details)) {
    if (!known.has(key)) problems.push({ field: `details.${key}`, message: `${type.label} has no detail called “${key}”` });
  }
  for (const field of type.fields) {
    const value = details[field.key];
    if (value === undefined) {
      if (fieldRequired(field, details)) problems.push({ field: `details.${field.key}`, message: missingMessage(field) });
      continue;
    }
    if (!fieldApplies(field, details)) {
      problems.push({ field: `details.${field.key}`, message: `${field.label}: does not apply to this ${type.label.toLowerCase()}` });
      continue;
    }
    const parsed = valueSchema(field).safeParse(value);
    if (!parsed.success) problems.push({ field: `details.${field.key}`, message: parsed.error.issues[0]?.message ?? `${field.label}: not valid` });
  }
  return problems;
}

function missingMessage(field: FieldSpec): string {
  const question = field.label.replace(/\?$/, '');
  const ask = {
    count: 'enter a number',
    money: 'enter an amount',
    'short-text': 'enter a few words',
    'yes-no': 'choose yes or no',
    choice: 'choose an answer',
  }[field.kind];
  return `${question}: ${ask}`;
}
