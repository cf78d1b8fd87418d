import { describe, it, expect } from 'vitest';
import { decodeCursor, encodeCursor, scopeOf } from '../../../src/server/sync/cursor';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('pull cursor', () => {
  it('decodes what it encodes', () => {
    const cursor = { version: 1234, scope: 'abcDEF_-123' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('encodes to URL-safe text', () => {
    expect(encodeCursor({ version: 9, scope: scopeOf([{ partnershipId: 'p1', role: 'officer' }]) })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not base64 JSON', 'not a cursor!'],
    ['base64 of other JSON', base64url({ hello: 'world' })],
    ['base64 of a JSON string', base64url('v1')],
    ['from an earlier protocol version (before areas were pulled)', base64url({ p: 1, v: 5, s: 'scope' })],
    ['from a later protocol version', base64url({ p: 3, v: 5, s: 'scope' })],
    ['a negative version', base64url({ p: 2, v: -1, s: 'scope' })],
    ['a fractional version', base64url({ p: 2, v: 1.5, s: 'scope' })],
  ])('decodes to undefined when %s', (_, raw) => {
    expect(decodeCursor(raw)).toBeUndefined();
  });

  it('accepts a hand-made cursor of the current protocol', () => {
    expect(decodeCursor(base64url({ p: 2, v: 0, s: 'x' }))).toEqual({ version: 0, scope: 'x' });
  });
});

describe('scopeOf', () => {
  const a = { partnershipId: 'p-south', role: 'officer' };
  const b = { partnershipId: 'p-vale', role: 'coordinator' };

  it('does not depend on the order of memberships', () => {
    expect(scopeOf([a, b])).toBe(scopeOf([b, a]));
  });

  it('changes when a role changes', () => {
    expect(scopeOf([a, b])).not.toBe(scopeOf([{ ...a, role: 'coordinator' }, b]));
  });

  it('changes when a partnership is added or removed', () => {
    expect(scopeOf([a])).not.toBe(scopeOf([a, b]));
    expect(scopeOf([])).not.toBe(scopeOf([a]));
  });

  it('is a short URL-safe string', () => {
    expect(scopeOf([a, b])).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
