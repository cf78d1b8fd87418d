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

  it('measures a 100,000-deep array quickly without recursion', () => {
    const n = 100_000;
    const text = '['.repeat(n) + ']'.repeat(n);
    const started = performance.now();
    expect(jsonDepth(text)).toBe(n);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('allows 32 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
  });
});
