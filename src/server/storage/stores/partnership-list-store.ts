import type { ListEntry, PartnershipList } from '../../../domain/partnership-lists';

/**
 * A partnership's areas and partner organisations (tx.lists), one store for both lists since they
 * are kept the same way (src/domain/partnership-lists.ts). Every write takes a fresh version, so
 * phones pull it; a write to an area also gives the partnership a fresh one, since the towns its
 * record carries for phones of an earlier release are the names of its areas in use.
 */
export interface PartnershipListStore {
  /** Every entry, retired ones too, by name. */
  list(list: PartnershipList, partnershipId: string): Promise<ListEntry[]>;
  find(list: PartnershipList, entryId: string): Promise<ListEntry | undefined>;
  /** The entry whose name is the same as `name`, case aside (listNameKey), retired ones too. */
  findByName(list: PartnershipList, partnershipId: string, name: string): Promise<ListEntry | undefined>;
  /** A new entry. The caller has checked its name is free: the database refuses a second one. */
  insert(list: PartnershipList, entry: ListEntry): Promise<void>;
  /** A rename, a retirement or a return to use: the entry's name and retired as given. */
  update(list: PartnershipList, entry: ListEntry): Promise<void>;
}
