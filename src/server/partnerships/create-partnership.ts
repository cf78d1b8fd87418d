import { randomUUID } from 'node:crypto';
import { z } from '../../domain/zod';
import { LIST_NAME_MAX, LIST_NOUN, listNameKey, type PartnershipList } from '../../domain/partnership-lists';
import { Name } from '../../domain/primitives';
import { parseOr400 } from '../http/parse';
import { HttpError } from '../http/http-error';
import { appendAudit } from '../audit/append-audit';
import type { StorageTx } from '../storage/storage';

/** A new partnership: its name, at least one area, and any partner organisations known at the start. */
export const NewPartnership = z.strictObject({
  name: Name(200),
  areas: z.array(Name(LIST_NAME_MAX.areas)).check(z.minLength(1, 'A partnership needs at least one area')),
  organisations: z.optional(z.array(Name(LIST_NAME_MAX.organisations))),
});
export type NewPartnership = z.input<typeof NewPartnership>;

/**
 * Starts a partnership: the one way one is made, by the operator's command (cli/partnerships.ts)
 * and by the demo seed alike, in the caller's transaction (the seed adds its plan and people in
 * the same one). Checked whole before anything is written, with its audit entry: a refused call
 * leaves nothing behind. Names are unique case
 * aside: partnerships among all, areas and organisations in their list. `actorId` null: the operator.
 */
export async function createPartnership(tx: StorageTx, input: NewPartnership, now: Date, actorId: string | null = null): Promise<string> {
  const req = parseOr400(NewPartnership, input, 'partnership');
  for (const list of ['areas', 'organisations'] as const) refuseDuplicates(list, req[list] ?? []);
  const id = randomUUID();
  {
    // Read in the writing transaction: writes run one at a time, so no other can take the name meanwhile.
    const taken = (await tx.plans.listPartnerships()).find((p) => listNameKey(p.name) === listNameKey(req.name));
    if (taken)
      throw new HttpError(409, 'conflict', `A partnership called ${taken.name} already exists.`, { fieldErrors: [{ path: 'name', message: 'Already taken' }] });
    await tx.plans.insertPartnership({ id, name: req.name });
    for (const list of ['areas', 'organisations'] as const) {
      for (const name of req[list] ?? []) await tx.lists.insert(list, { id: randomUUID(), partnershipId: id, name, retired: false });
    }
    await appendAudit(
      tx,
      {
        partnershipId: id,
        actorId,
        action: 'partnership.created',
        entityType: 'partnership',
        entityId: id,
        details: { areas: req.areas.length, organisations: req.organisations?.length ?? 0 },
      },
      now,
    );
  }
  return id;
}

function refuseDuplicates(list: PartnershipList, names: readonly string[]) {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(listNameKey(name))) {
      const message = `${LIST_NOUN[list].a[0]!.toUpperCase()}${LIST_NOUN[list].a.slice(1)} called ${name} is named twice`;
      throw new HttpError(400, 'invalid-request', `${message}.`, { fieldErrors: [{ path: `${list}.${i}`, message }] });
    }
    seen.add(listNameKey(name));
  });
}
