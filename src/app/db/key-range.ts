import { Dexie } from 'dexie';

/**
 * The lowest and highest keys IndexedDB orders (Dexie's minKey and maxKey): the open ends of a
 * range over the later parts of a compound index, such as every [authorId+recordedAt] of one officer.
 */
export const LOWEST_KEY = Dexie.minKey;
export const HIGHEST_KEY = Dexie.maxKey;
