import { outcomeType, type OutcomeTypeId } from './catalogue';
import type { DetailValue } from './fields';
import { formatPence, formatWhole, labelFor } from './format';

/**
 * One line saying what an outcome was, for lists: "Training session · Hate crime · 14 attendees".
 * Details in the catalogue's order; at most `max` of them so a line stays a line.
 */
export function summariseOutcome(typeId: OutcomeTypeId, details: Readonly<Record<string, DetailValue>>, max = 3): string {
  const type = outcomeType(typeId);
  const parts: string[] = [];
  for (const field of type.fields) {
    const v = details[field.key];
    if (v === undefined) continue;
    if (field.kind === 'choice') parts.push(field.options.find((o) => o.value === v)?.label ?? String(v));
    else if (field.kind === 'count') parts.push(`${formatWhole(Number(v))} ${field.key === 'quantity' ? '' : labelFor(field.unit, Number(v))}`.trim());
    else if (field.kind === 'money') parts.push(typeof v === 'number' ? formatPence(v) : String(v));
    else if (field.kind === 'yes-no') parts.push(`${field.label.replace(/\?$/, '')}: ${v ? 'yes' : 'no'}`);
    else parts.push(String(v));
  }
  return [type.label, ...parts.slice(0, max)].join(' · ');
}
