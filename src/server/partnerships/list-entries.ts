import { randomUUID } from 'node:crypto';
import {
  LIST_NOUN,
  sameListName,
  type ListEntry,
  type ListEntryChangeRequest,
  type NewListEntryRequest,
  type PartnershipList,
} from '../../domain/partnership-lists';
import { administersPartnership } from '../../domain/partnership-access';
import type { AuthContext } from '../auth/authenticate';
import { requireMember } from '../auth/authorize';
import { appendAudit } from '../audit/append-audit';
import { HttpError } from '../http/http-error';
import type { StorageTx } from '../storage/storage';

const ACTION = {
  areas: { added: 'area.added', changed: 'area.changed' },
  organisations: { added: 'organisation.added', changed: 'organisation.changed' },
} as const;

/** Only the partnership's administrators keep its lists (src/domain/partnership-access.ts); outsiders get 404. */
function requireAdministrator(auth: AuthContext, partnershipId: string) {
  requireMember(auth, partnershipId);
  if (!administersPartnership(auth, partnershipId))
    throw new HttpError(403, 'forbidden', 'Only the partnership’s administrators can change its areas and organisations.');
}

/** A name another entry of the list already has, case aside (retired ones too): 409 naming it. */
async function refuseTakenName(tx: StorageTx, list: PartnershipList, partnershipId: string, name: string, self?: string) {
  const other = await tx.lists.findByName(list, partnershipId, name);
  if (other && other.id !== self) {
    const noun = LIST_NOUN[list].a;
    const message = `${noun[0]!.toUpperCase()}${noun.slice(1)} called ${other.name} already exists${other.retired ? ' (retired: bring it back instead)' : ''}`;
    throw new HttpError(409, 'conflict', `${message}.`, { fieldErrors: [{ path: 'name', message }] });
  }
}

/** An administrator adds an area or an organisation; phones get it at their next pull. */
export async function addListEntry(
  tx: StorageTx,
  auth: AuthContext,
  list: PartnershipList,
  partnershipId: string,
  req: NewListEntryRequest,
  now: Date,
): Promise<ListEntry> {
  requireAdministrator(auth, partnershipId);
  await refuseTakenName(tx, list, partnershipId, req.name);
  const entry: ListEntry = { id: randomUUID(), partnershipId, name: req.name, retired: false };
  await tx.lists.insert(list, entry);
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: ACTION[list].added, entityType: LIST_NOUN[list].one, entityId: entry.id, details: { name: entry.name } },
    now,
  );
  return entry;
}

/**
 * Renames an entry (what refers to it by id follows the new name), retires it (it leaves the
 * pickers and stays wherever it was used) or brings it back. A change to what it already is
 * writes nothing.
 */
export async function changeListEntry(
  tx: StorageTx,
  auth: AuthContext,
  list: PartnershipList,
  partnershipId: string,
  entryId: string,
  req: ListEntryChangeRequest,
  now: Date,
): Promise<ListEntry> {
  requireAdministrator(auth, partnershipId);
  const existing = await tx.lists.find(list, entryId);
  if (!existing || existing.partnershipId !== partnershipId) throw new HttpError(404, 'not-found', `No such ${LIST_NOUN[list].one} in this partnership.`);
  const renamed = req.name !== undefined && req.name !== existing.name;
  if (renamed && !sameListName(req.name!, existing.name)) await refuseTakenName(tx, list, partnershipId, req.name!, existing.id);
  const changed: ListEntry = { ...existing, name: req.name ?? existing.name, retired: req.retired ?? existing.retired };
  if (!renamed && changed.retired === existing.retired) return existing;
  await tx.lists.update(list, changed);
  const details: Record<string, unknown> = {};
  if (renamed) Object.assign(details, { from: existing.name, to: changed.name });
  if (changed.retired !== existing.retired) details.retired = changed.retired;
  await appendAudit(
    tx,
    { partnershipId, actorId: auth.user.id, action: ACTION[list].changed, entityType: LIST_NOUN[list].one, entityId: entryId, details },
    now,
  );
  return changed;
}
