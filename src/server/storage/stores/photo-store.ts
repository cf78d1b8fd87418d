/** A stored photo's description, without its bytes (PhotoStore.readData reads those). */
export interface PhotoRecord {
  id: string;
  outcomeId: string;
  /** The outcome's partnership, copied at upload. */
  partnershipId: string;
  uploadedBy: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  uploadedAt: string;
}

/** Photos, evidence attached to outcomes (tx.photos). Listing or checking a photo never loads its bytes. */
export interface PhotoStore {
  insert(photo: PhotoRecord & { data: Buffer }): Promise<void>;
  /** The description only. */
  find(id: string): Promise<PhotoRecord | undefined>;
  readData(id: string): Promise<Buffer | undefined>;
  /** Oldest first. */
  listOfOutcome(outcomeId: string): Promise<PhotoRecord[]>;
  countOfOutcome(outcomeId: string): Promise<number>;
}
