import { localIsoDate } from '../../src/domain/primitives';
import type { FieldbookDb } from '../../src/app/db/fieldbook-db';
import type { OutcomeFormValues } from '../../src/app/data/log-outcome';

/** The form values for an outcome against the action with this ref, on the given measure (by position). */
export async function outcomeFor(db: FieldbookDb, ref: string, measurePosition = 0, extra: Partial<OutcomeFormValues> = {}): Promise<OutcomeFormValues> {
  const action = await db.actions.where('ref').equals(ref).first();
  if (!action) throw new Error(`No action with ref ${ref} on this device`);
  const measure = (await db.measures.where('actionId').equals(action.id).toArray()).find((m) => m.position === measurePosition);
  if (!measure) throw new Error(`Action ${ref} has no measure at position ${measurePosition}`);
  return {
    actionId: action.id,
    measureId: measure.id,
    occurredOn: localIsoDate(new Date()),
    quantity: measure.tally.kind === 'sum' ? 12 : null,
    town: 'Didcot',
    notes: `Outcome for ref ${ref}`,
    ...extra,
  };
}
