import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FieldbookDb } from '../../src/app/db/fieldbook-db';

let n = 0;
const factories = new WeakMap<FieldbookDb, IDBFactory>();

/** A FieldbookDb on its own in-memory IndexedDB (fake-indexeddb), so tests never share state. */
export function newTestDb(name = `test-${++n}`): FieldbookDb {
  const indexedDB = new IDBFactory();
  const db = new FieldbookDb(name, { indexedDB, IDBKeyRange });
  factories.set(db, indexedDB);
  return db;
}

/** The names of the databases that exist beside this test database (what a browser would list). */
export async function databaseNamesBeside(db: FieldbookDb): Promise<string[]> {
  return (await factories.get(db)!.databases()).map((d) => d.name!);
}
