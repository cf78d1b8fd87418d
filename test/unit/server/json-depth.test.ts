import { describe, it, expect } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../src/server/http/json-body';

describe('jsonDepth', () => {
  it.each(['1', '"text"', 'null', 'true', '-2.5e3'])('is 0 for the scalar %s', (text) => {
    expect(jsonDepth(text)).toBe(0);
  });

  it.each(['{}', '[]', '[1, "a", null]', '{"a": 1, "b": "x"}'])('is 1 for %s', (text) => {
    expect(jsonDepth(text)).toBe(1);
  });

  it('measures nested mixes of objects and arrays by their deepest branch', () => {
    expect(jsonDepth('{"a": [1, 2]}')).toBe(2);
    expect(jsonDepth('[{"a": {"b": [[]]}}, []]')).toBe(5);
    expect(jsonDepth('[[1], [[2]], [3]]')).toBe(3);
    expect(jsonDepth('[] [] {}')).toBe(1);
  });

  it('does not count brackets inside strings', () => {
    expect(jsonDepth('"[[[{{{"')).toBe(0);
    expect(jsonDepth('{"a": "[[[", "b": "}}}]]]"}')).toBe(1);
  });

  it('does not end a string at an escaped quote', () => {
    expect(jsonDepth('"a\\"[["')).toBe(0);
    expect(jsonDepth('["x\\"[[[", ["y"]]')).toBe(2);
    expect(jsonDepth('["\\\\", [1]]')).toBe(2); // an escaped backslash, then the string really ends
  });

  // A body nested this deep is an attack: it is measured before it is parsed, so the measuring
  // must not recurse (Node's stack overflows near 10,000 frames). How long it takes is the
  // benchmark's to report, not a test's to assert.
  it('measures a 100,000-deep body without recursion: no stack overflow, the right depth', () => {
    const n = 100_000;
    expect(jsonDepth('['.repeat(n) + ']'.repeat(n))).toBe(n);
    expect(jsonDepth('{"a":'.repeat(n) + '1' + '}'.repeat(n))).toBe(n);
  });

  it('allows 32 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
  });
});
