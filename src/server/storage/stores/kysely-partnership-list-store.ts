import type { Transaction } from 'kysely';
import { listNameKey, type ListEntry, type PartnershipList } from '../../../domain/partnership-lists';
import type { Database, ListEntryRow } from '../schema';
import type { PartnershipListStore } from './partnership-list-store';

/** Areas and organisations over the caller's transaction; each list is its own table of the same shape. */
export class KyselyPartnershipListStore implements PartnershipListStore {
  constructor(
    private readonly t: Transaction<Database>,
    private readonly takeVersion: () => Promise<number>,
  ) {}

  async list(list: PartnershipList, partnershipId: string) {
    const rows = await this.t.selectFrom(list).selectAll().where('partnership_id', '=', partnershipId).orderBy('name_key').execute();
    return rows.map(toListEntry);
  }

  async find(list: PartnershipList, entryId: string) {
    const r = await this.t.selectFrom(list).selectAll().where('id', '=', entryId).executeTakeFirst();
    return r && toListEntry(r);
  }

  async findByName(list: PartnershipList, partnershipId: string, name: string) {
    const r = await this.t
      .selectFrom(list)
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('name_key', '=', listNameKey(name))
      .executeTakeFirst();
    return r && toListEntry(r);
  }

  async insert(list: PartnershipList, e: ListEntry) {
    await this.t
      .insertInto(list)
      .values({ ...entryRow(e), version: await this.takeVersion() })
      .execute();
    await this.partnershipChanged(list, e.partnershipId);
  }

  async update(list: PartnershipList, e: ListEntry) {
    const { id: _id, partnership_id: _p, ...row } = entryRow(e);
    await this.t
      .updateTable(list)
      .set({ ...row, version: await this.takeVersion() })
      .where('id', '=', e.id)
      .where('partnership_id', '=', e.partnershipId)
      .execute();
    await this.partnershipChanged(list, e.partnershipId);
  }

  /** The partnership's record carries the names of its areas in use (its towns): it changes with them. */
  private async partnershipChanged(list: PartnershipList, partnershipId: string) {
    if (list !== 'areas') return;
    await this.t
      .updateTable('partnerships')
      .set({ version: await this.takeVersion() })
      .where('id', '=', partnershipId)
      .execute();
  }
}

const entryRow = (e: ListEntry): Omit<ListEntryRow, 'version'> => ({
  id: e.id,
  partnership_id: e.partnershipId,
  name: e.name,
  name_key: listNameKey(e.name),
  retired: e.retired ? 1 : 0,
});

export const toListEntry = (r: ListEntryRow): ListEntry => ({ id: r.id, partnershipId: r.partnership_id, name: r.name, retired: r.retired === 1 });
