import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FieldbookDb } from '../../src/app/db/fieldbook-db';

let n = 0;
/** A FieldbookDb on its own in-memory IndexedDB (fake-indexeddb), so tests never share state. */
export function newTestDb(name = `test-${++n}`): FieldbookDb {
  return new FieldbookDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}
