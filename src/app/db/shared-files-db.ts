import { Dexie, type EntityTable } from 'dexie';

/**
 * Photos shared to Fieldbook from another app (the share sheet), kept by the service worker until
 * the officer picks the outcome they belong to. A database of its own, not the user's: the service
 * worker receives a share without knowing who is signed in (maybe nobody yet). Emptied when the
 * photos are attached or discarded, and at sign-out.
 */
export interface SharedFile {
  id: string;
  receivedAt: string;
  name: string;
  type: string;
  blob: Blob;
}

export class SharedFilesDb extends Dexie {
  files!: EntityTable<SharedFile, 'id'>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super('fieldbook-shared', options);
    // v1: shipped with the share target; never edit.
    this.version(1).stores({ files: 'id, receivedAt' });
  }
}
