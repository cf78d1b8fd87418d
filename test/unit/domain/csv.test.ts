import { describe, it, expect } from 'vitest';
import { parseCsv, CsvSyntaxError } from '../../../src/domain/plan-import/csv';

function syntaxErrorOf(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('parseCsv', () => {
  it('splits plain rows into cells and numbers them from line 1', () => {
    expect(parseCsv('a,b,c\nd,e,f')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['d', 'e', 'f'] },
    ]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(parseCsv('"one, two",three')[0]!.cells).toEqual(['one, two', 'three']);
  });

  it('reads a doubled quote inside a quoted field as one quote', () => {
    expect(parseCsv('"say ""hello""",x')[0]!.cells).toEqual(['say "hello"', 'x']);
  });

  it('keeps line breaks inside quoted fields and numbers each row by the line it starts on', () => {
    const rows = parseCsv('h1,h2\n1,"first\nsecond\nthird"\n2,last');
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['1', 'first\nsecond\nthird'] },
      { line: 5, cells: ['2', 'last'] },
    ]);
  });

  it('accepts CRLF line endings without leaving carriage returns in cells', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('drops a leading byte order mark', () => {
    expect(parseCsv('\uFEFFref,objective\n1,x')[0]!.cells).toEqual(['ref', 'objective']);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a\n\n\nb\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 4, cells: ['b'] },
    ]);
  });

  it('keeps empty cells between commas', () => {
    expect(parseCsv('a,,c,')[0]!.cells).toEqual(['a', '', 'c', '']);
  });

  it('returns no rows for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const e = syntaxErrorOf('a,b\nc,"never closed\nmore\nand more');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/never closed/);
    expect(e.message).toMatch(/^Line 2:/);
  });

  it('keeps the reason apart from the line, for callers that word it themselves', () => {
    const e = syntaxErrorOf('a\n"open');
    expect(e.reason).toBe('a quoted field is never closed');
    expect(e.line).toBe(2);
  });

  it('reports a quote inside an unquoted field', () => {
    const e = syntaxErrorOf('a,b\nc,ab"c');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/quote appears inside an unquoted field/);
  });

  it('reports text after a closing quote', () => {
    const e = syntaxErrorOf('x\n\n"quoted" tail,y');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/text follows a closing quote/);
  });
});
