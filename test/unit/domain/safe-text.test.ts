import { describe, it, expect } from 'vitest';
import { isSafeText, IsoDate, IsoDateTime, SafeString, Text } from '../../../src/domain/primitives';
import { OutcomeInput } from '../../../src/domain/outcome';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('isSafeText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', '\uD800x'],
    ['a lone high surrogate at the end', 'x\uD800'],
    ['a lone low surrogate', 'x\uDC00'],
    ['a reversed pair', '\uDC00\uD800'],
  ])('refuses %s', (_name, s) => {
    expect(isSafeText(s)).toBe(false);
  });

  it.each(['😀', 'a 😀 b', 'Café crème, Zürich', 'Łódź', ''])('accepts %j', (s) => {
    expect(isSafeText(s)).toBe(true);
  });
});

describe('SafeString and Text', () => {
  it('SafeString refuses broken text and accepts empty and emoji text', () => {
    expect(messages(SafeString(10).safeParse('a\u0000b'))).toEqual(['Must not contain NUL characters or broken Unicode']);
    expect(SafeString(10).safeParse('').success).toBe(true);
    expect(SafeString(10).safeParse('😀 ok').success).toBe(true);
  });

  it('Text trims', () => {
    expect(Text(20).safeParse('  Didcot \n')).toEqual({ success: true, data: 'Didcot' });
  });

  it.each(['', '   ', '\t\n'])('Text refuses %j as empty', (s) => {
    expect(messages(Text(20).safeParse(s))).toEqual(['Must not be empty']);
  });

  it('Text refuses a lone surrogate', () => {
    expect(messages(Text(20).safeParse('x\uDC00'))).toEqual(['Must not contain NUL characters or broken Unicode']);
  });
});

describe('IsoDate and IsoDateTime', () => {
  it.each(['1989-12-31', '2101-01-01'])('IsoDate refuses %s as out of range', (s) => {
    expect(messages(IsoDate.safeParse(s))).toEqual(['Must be between 1990 and 2100']);
  });

  it.each(['1990-01-01', '2100-12-31'])('IsoDate accepts %s', (s) => {
    expect(IsoDate.safeParse(s)).toEqual({ success: true, data: s });
  });

  it('IsoDate gives a malformed date only the format message', () => {
    expect(messages(IsoDate.safeParse('01/03/2026'))).toEqual(['Must be a date in the form YYYY-MM-DD']);
    expect(messages(IsoDate.safeParse('2026-13-01'))).toEqual(['Must be a date in the form YYYY-MM-DD']);
  });

  it('IsoDateTime refuses an out-of-range instant and accepts a normal one', () => {
    expect(messages(IsoDateTime.safeParse('1899-01-01T00:00:00Z'))).toEqual(['Must be between 1990 and 2100']);
    expect(IsoDateTime.safeParse('2026-04-01T09:30:00Z').success).toBe(true);
  });

  it('IsoDateTime gives a malformed value only the format message', () => {
    expect(messages(IsoDateTime.safeParse('2026-04-01 09:30'))).toEqual(['Must be a UTC date-time such as 2026-04-01T09:30:00Z']);
  });
});

describe('OutcomeInput is strict', () => {
  const valid = {
    id: crypto.randomUUID(),
    actionId: crypto.randomUUID(),
    type: 'activity',
    details: { quantity: 3 },
    occurredOn: '2026-03-01',
    town: 'Didcot',
    location: null,
    placeId: null,
    notes: '',
    recordedAt: '2026-03-01T10:00:00.000Z',
  };

  it('accepts a valid outcome', () => {
    expect(OutcomeInput.safeParse(valid)).toEqual({ success: true, data: valid });
  });

  it.each([
    ['authorId', crypto.randomUUID()],
    ['partnershipId', crypto.randomUUID()],
    ['receivedAt', '2026-03-01T10:00:01.000Z'],
  ])('refuses the extra key %s', (key, value) => {
    const r = OutcomeInput.safeParse({ ...valid, [key]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
});
