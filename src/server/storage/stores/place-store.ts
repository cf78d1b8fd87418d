import type { PlaceChanges, PlaceRecord } from '../../../domain/place';

/** A place as stored: exactly the pulled record (a register holds nothing the device may not see). */
export type StoredPlace = PlaceRecord;

/** The partnerships' registers of places (tx.places). The caller takes each write's version. */
export interface PlaceStore {
  find(id: string): Promise<StoredPlace | undefined>;
  insert(place: StoredPlace): Promise<void>;
  /** Writes the changed fields, the new version and when it changed. */
  update(id: string, changes: PlaceChanges, version: number, updatedAt: string): Promise<void>;
}
