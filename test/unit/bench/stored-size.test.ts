import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { idbKeyBytes, storedSize } from '../../../bench/browser/stored-size';

describe('the "bytes in IndexedDB" benchmark: stored size from the records', () => {
  it('encodes IndexedDB keys as Chromium does: type byte, then 8-byte numbers, UTF-16 strings with their length, arrays of keys', () => {
    expect(idbKeyBytes(3)).toBe(9);
    expect(idbKeyBytes('ab')).toBe(1 + 1 + 4);
    expect(idbKeyBytes(['ab', 3])).toBe(1 + 1 + 6 + 9);
    expect(idbKeyBytes(null)).toBeUndefined();
    expect(idbKeyBytes(['ab', undefined])).toBeUndefined();
    expect(idbKeyBytes('x'.repeat(200))).toBe(1 + 2 + 400);
  });

  it('counts an index entry only where the record has a valid key, each holding the index key and the primary key twice', () => {
    const records = [
      { id: 'a', syncState: 'synced', actionId: 'x', occurredOn: 'd' },
      { id: 'b', actionId: 'x' },
    ];
    const size = storedSize(records, 'id', [
      { name: 'syncState', keyPath: 'syncState', multiEntry: false },
      { name: '[actionId+occurredOn]', keyPath: ['actionId', 'occurredOn'], multiEntry: false },
    ]);
    const pk = 1 + 1 + 2;
    // a: syncState and the compound; b: neither (no syncState, occurredOn missing).
    expect(size.indexEntries).toBe(1);
    expect(size.indexBytes).toBe((1 + 1 + 12 + 2 * pk + (1 + 1 + (1 + 1 + 2) * 2 + 2 * pk)) / 2);
    expect(size.cloneBytes).toBe((serialize(records[0]).length + serialize(records[1]).length) / 2);
    expect(size.totalBytes).toBe(size.keyBytes + size.cloneBytes + size.indexBytes);
  });

  it('gives a multi-entry index one entry per distinct key', () => {
    const size = storedSize([{ id: 'a', ownerIds: ['u', 'v', 'u'] }], 'id', [{ name: 'ownerIds', keyPath: 'ownerIds', multiEntry: true }]);
    expect(size.indexEntries).toBe(2);
  });
});
