import type { Transaction } from 'dexie';

/**
 * v2 → v3: outcome types (the same conversion as server migrations 0005 and 0006, which hold for the
 * server's copy). Every outcome on the phone becomes an "activity" with its quantity (1 where it
 * had none), and every measure counts activities as it counted before. Queued mutations are
 * converted too, so nothing the officer saved is lost or refused for its old shape: a queued
 * create is rewritten in the new shape; a queued change of quantity becomes a change of details.
 * Written out here rather than imported, so this upgrade stays frozen as the domain moves on.
 */
type Rec = Record<string, unknown>;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('measures')
    .toCollection()
    .modify((m: Rec) => {
      const old = m.tally as { kind?: string; unit?: string } | undefined;
      if (old?.kind !== 'count' && old?.kind !== 'sum') return;
      const figure =
        old.kind === 'sum' ? { kind: 'sum', field: 'quantity', label: (old.unit ?? 'in total').slice(0, 100) } : { kind: 'count', label: 'outcomes' };
      m.tally = { outcomeType: 'activity', where: null, figures: [figure], target: null };
    });
  const occurredOn = new Map<string, unknown>();
  await tx
    .table('outcomes')
    .toCollection()
    .modify((o: Rec) => {
      convertOutcome(o);
      if (o.server && typeof o.server === 'object') convertOutcome(o.server as Rec);
      occurredOn.set(o.id as string, o.occurredOn);
    });
  await tx
    .table('outbox')
    .toCollection()
    .modify((entry: Rec) => {
      const args = entry.args as Rec;
      if (entry.kind === 'outcome.create') convertOutcome(args);
      if (entry.kind === 'outcome.update') {
        const changes = args.changes as Rec;
        if ('quantity' in changes) changes.details = { quantity: changes.quantity ?? 1 };
        delete changes.quantity;
        delete changes.measureId;
        // A queued change of measure alone has nothing left to say. The entry must stay (sequence
        // numbers have no gaps), so it becomes a change to what the date already is: a no-op.
        if (Object.keys(changes).length === 0) changes.occurredOn = occurredOn.get(entry.outcomeId as string);
      }
    });
}

function convertOutcome(o: Rec): void {
  if ('type' in o) return;
  o.type = 'activity';
  o.details = { quantity: typeof o.quantity === 'number' ? o.quantity : 1 };
  o.location = null;
  o.placeId = null;
  delete o.quantity;
  delete o.measureId;
}
