import { localIsoDate } from '../../src/domain/primitives';
import { outcomeType, type OutcomeTypeId } from '../../src/domain/outcome-types/catalogue';
import { fieldRequired, type DetailValue } from '../../src/domain/outcome-types/fields';
import type { MeasureTally } from '../../src/domain/tally/rule';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import type { LocalOutcome } from '../../src/app/db/local-records';
import type { OutcomeFormValues } from '../../src/app/data/log-outcome';

/**
 * Valid details for an outcome of this type that the given rule counts: every required field
 * answered (counts 12, money £100, choices the first option the rule accepts).
 */
export function sampleDetails(type: OutcomeTypeId, where: MeasureTally['where'] = null): Record<string, DetailValue> {
  const details: Record<string, DetailValue> = {};
  for (const field of outcomeType(type).fields) {
    if (field.kind !== 'choice') continue;
    details[field.key] = where?.field === field.key ? where.in[0]! : field.options[0]!.value;
  }
  for (const field of outcomeType(type).fields) {
    if (field.kind === 'choice' && !fieldRequired(field, details)) delete details[field.key];
    if (!fieldRequired(field, details) || details[field.key] !== undefined) continue;
    details[field.key] = field.kind === 'count' ? Math.max(field.min, 12) : field.kind === 'money' ? 10_000 : field.kind === 'yes-no' ? true : 'Sample';
  }
  return details;
}

/** The form values for an outcome against the action with this ref that the measure at this position counts. */
export async function outcomeFor(db: FieldbookDb, ref: string, measurePosition = 0, extra: Partial<OutcomeFormValues> = {}): Promise<OutcomeFormValues> {
  const action = await db.actions.where('ref').equals(ref).first();
  if (!action) throw new Error(`No action with ref ${ref} on this device`);
  const measure = (await db.measures.where('actionId').equals(action.id).toArray()).find((m) => m.position === measurePosition);
  if (!measure) throw new Error(`Action ${ref} has no measure at position ${measurePosition}`);
  const values: OutcomeFormValues = {
    actionId: action.id,
    type: measure.tally.outcomeType,
    details: sampleDetails(measure.tally.outcomeType, measure.tally.where),
    occurredOn: localIsoDate(new Date()),
    town: 'Didcot',
    location: null,
    placeId: null,
    notes: `Outcome for ref ${ref}`,
    ...extra,
  };
  // The area named, as the form gives it, when this device has it (else the server finds it by name).
  const area = values.town === null ? undefined : await db.areas.filter((a) => a.name === values.town).first();
  return 'areaId' in extra ? values : { ...values, areaId: values.town === null ? null : area?.id };
}

/** An area as the form gives it: its name and, when this device has the area, its id (else the server finds it by name). */
export async function inArea(db: FieldbookDb, town: string): Promise<Pick<OutcomeFormValues, 'town' | 'areaId'>> {
  return { town, areaId: (await db.areas.filter((a) => a.name === town).first())?.id };
}

/** The form values an edit of this outcome starts from: the outcome as the phone holds it (notes '' when it has none). */
export const formValuesOf = (o: LocalOutcome): OutcomeFormValues => ({
  actionId: o.actionId,
  type: o.type,
  details: o.details,
  occurredOn: o.occurredOn,
  town: o.town,
  areaId: o.areaId,
  location: o.location,
  placeId: o.placeId,
  notes: o.notes ?? '',
});
