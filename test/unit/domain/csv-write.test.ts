import { describe, it, expect } from 'vitest';
import { csvCell, toCsv, type CsvValue } from '../../../src/domain/csv-write';
import { parseCsv } from '../../../src/domain/plan-import/csv';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Didcot')).toBe('Didcot');
    expect(csvCell('')).toBe('');
  });

  it('quotes commas, quotes (doubled), CR and LF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('line\rbreak')).toBe('"line\rbreak"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('writes null and undefined as empty', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes numbers raw, negative ones unprefixed, and non-finite ones as empty', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1.5)).toBe('1.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(-Infinity)).toBe('');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 1235', "'+44 1235"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('prefixes the formula-like string %j with an apostrophe', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('prefixes a leading CR and then quotes it', () => {
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('prefixes and then quotes a formula with commas and quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves = alone when it is not at the start', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('x - y')).toBe('x - y');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF, ending with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        [null, 'b,c'],
      ]),
    ).toBe('a,1\r\n,"b,c"\r\n');
  });

  it('round-trips through parseCsv (apart from the apostrophe prefix)', () => {
    const rows: CsvValue[][] = [
      ['town', 'quantity', 'notes'],
      ['Didcot', 3, 'said "thanks", twice'],
      ['Wantage, east', -2, 'two\nlines\r\nand more'],
      [null, undefined, '=HYPERLINK("http://x","y")'],
      ['café ✓', 1.25, '@mention'],
    ];
    const parsed = parseCsv(toCsv(rows)).map((r) => r.cells);
    expect(parsed).toEqual([
      ['town', 'quantity', 'notes'],
      ['Didcot', '3', 'said "thanks", twice'],
      ['Wantage, east', '-2', 'two\nlines\r\nand more'],
      ['', '', `'=HYPERLINK("http://x","y")`],
      ['café ✓', '1.25', `'@mention`],
    ]);
  });
});
