import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { decodeCsvBytes, PLAN_CSV_MAX_BYTES, readCsvFile } from '../../../src/app/plan-import/read-csv-file';
import { decodeUtf16, decodeUtf8 } from '../../../src/app/plan-import/strict-decode';
import { parsePlanCsv } from '../../../src/domain/plan-import/plan-csv';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/plan-csv/${name}`, import.meta.url)));
const refused = (message: string, line = 1, file: 'actions' | 'indicators' = 'actions') => ({ ok: false, problem: { file, line, column: null, message } });

const SAVE_AS = 'in Excel choose File → Save As → CSV UTF-8 (Comma delimited)';

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 and drops its byte order mark', () => {
    expect(decodeCsvBytes(utf8('\uFEFFref,objective\n1,Café £5 – “ok” 😀'), 'actions')).toEqual({ ok: true, text: 'ref,objective\n1,Café £5 – “ok” 😀' });
  });

  it('decodes the sample plan to the text it was written from', () => {
    const text = readFileSync(new URL('../../../fixtures/plans/south-and-vale-2018-19.csv', import.meta.url), 'utf8');
    expect(decodeCsvBytes(utf8(text), 'actions')).toEqual({ ok: true, text });
  });

  it('refuses a file over the size limit, saying how big it is', () => {
    const big = new Uint8Array(1_200_000).fill(0x61);
    expect(decodeCsvBytes(big, 'actions')).toEqual(refused('The file is 1.2 MB; a plan file can be at most 1 MB. Is this the right file?'));
    expect(decodeCsvBytes(new Uint8Array(5_150_000).fill(0x61), 'indicators')).toEqual(
      refused('The file is 5.2 MB; a plan file can be at most 1 MB. Is this the right file?', 1, 'indicators'),
    );
  });

  it("gives the whole file's size when the caller read only its start", () => {
    expect(decodeCsvBytes(new Uint8Array(0), 'actions', 5_200_000)).toEqual(
      refused('The file is 5.2 MB; a plan file can be at most 1 MB. Is this the right file?'),
    );
  });

  it('accepts a file of exactly the limit', () => {
    const header = utf8('objective,priority,action\n');
    const limit = new Uint8Array(PLAN_CSV_MAX_BYTES).fill(0x61);
    limit.set(header);
    expect(decodeCsvBytes(limit, 'actions').ok).toBe(true);
  });

  it.each([
    ['no bytes', bytes()],
    ['only a byte order mark', bytes(0xef, 0xbb, 0xbf)],
    ['only whitespace', utf8(' \r\n\t\n ')],
  ])('refuses a file with %s as empty', (_name, input) => {
    expect(decodeCsvBytes(input, 'actions')).toEqual(refused('The file is empty'));
  });

  it('refuses an Excel workbook by its ZIP signature', () => {
    const xlsx = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00);
    expect(decodeCsvBytes(xlsx, 'actions')).toEqual(
      refused(`This looks like an Excel workbook (.xlsx), not a CSV file: in Excel choose File → Save As → CSV UTF-8 (Comma delimited)`),
    );
  });

  it('refuses an old Excel workbook and a PDF', () => {
    expect(decodeCsvBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), 'actions')).toEqual(
      refused(`This looks like an old Excel workbook (.xls), not a CSV file: ${SAVE_AS}`),
    );
    expect(decodeCsvBytes(utf8('%PDF-1.7\n'), 'actions')).toEqual(refused(`This is a PDF, not a CSV file: copy the plan's table into Excel, then ${SAVE_AS}`));
  });

  it('refuses a file with NUL bytes as binary', () => {
    expect(decodeCsvBytes(utf8('objective,priority\n\0\0\0'), 'actions')).toEqual(
      refused(`This is not a text file (it holds NUL bytes), so it cannot be a CSV file: ${SAVE_AS}`),
    );
  });

  it('refuses a Windows-1252 file, naming the line and the character', () => {
    expect(decodeCsvBytes(fixture('windows-1252.csv'), 'actions')).toEqual(
      refused(`Line 3 has "’" saved as Windows-1252 (Excel's older CSV format), so the file is not saved as UTF-8: ${SAVE_AS}`, 3),
    );
    expect(
      decodeCsvBytes(
        utf8('objective\nSafer £').map((b) => (b === 0xc2 ? 0x20 : b)),
        'actions',
      ),
    ).toEqual(refused(`Line 2 has "£" saved as Windows-1252 (Excel's older CSV format), so the file is not saved as UTF-8: ${SAVE_AS}`, 2));
  });

  it('refuses bytes that are not UTF-8, without guessing Windows-1252 when the file also has UTF-8 in it', () => {
    const mixed = new Uint8Array([...utf8('objective\nCafé\n'), 0x92]);
    expect(decodeCsvBytes(mixed, 'actions')).toEqual(refused(`Line 3 has a character Fieldbook cannot read, so the file is not saved as UTF-8: ${SAVE_AS}`, 3));
  });

  it('does not guess Windows-1252 when the file holds a replacement character of its own', () => {
    const input = new Uint8Array([...utf8('objective\nSafer \uFFFD\n'), 0x92]);
    expect(decodeCsvBytes(input, 'actions')).toEqual(refused(`Line 3 has a character Fieldbook cannot read, so the file is not saved as UTF-8: ${SAVE_AS}`, 3));
  });

  it('counts lines ending in CRLF and CR as parseCsv does', () => {
    expect(decodeCsvBytes(bytes(0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63, 0x81), 'actions')).toEqual(
      refused(`Line 3 has a character Fieldbook cannot read, so the file is not saved as UTF-8: ${SAVE_AS}`, 3),
    );
  });

  it('accepts UTF-16 with a byte order mark, either way round', () => {
    const text = 'objective,priority,action\nO,P,Café 😀';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeCsvBytes(le, 'actions')).toEqual({ ok: true, text });
    expect(decodeCsvBytes(be, 'actions')).toEqual({ ok: true, text });
  });

  it('refuses UTF-16 with a lone surrogate or an odd length', () => {
    const lone = new Uint8Array([0xff, 0xfe, ...Buffer.from('a\nb', 'utf16le'), 0x00, 0xd8, 0x61, 0x00]);
    expect(decodeCsvBytes(lone, 'actions')).toEqual(refused(`Line 2 is not valid Unicode text: ${SAVE_AS}`, 2));
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]), 'actions')).toEqual(refused(`Line 1 is not valid Unicode text: ${SAVE_AS}`, 1));
  });

  it('refuses Excel\'s tab-separated "Unicode Text"', () => {
    const tsv = new Uint8Array([0xff, 0xfe, ...Buffer.from('Objective\tPriority\tAction\r\nO\tP\tAct, and more\r\n', 'utf16le')]);
    expect(decodeCsvBytes(tsv, 'actions')).toEqual(
      refused(`The columns are separated by tabs (Excel's "Unicode Text"), so this is not a CSV file: ${SAVE_AS}`),
    );
    expect(decodeCsvBytes(utf8('Objective\tPriority\tAction\nO\tP\tAct\n'), 'actions').ok).toBe(false);
    expect(decodeCsvBytes(utf8('Objective,Priority,Action\nO,P,"Act\tnow"\n'), 'actions').ok).toBe(true);
  });

  it('decoded text parses as the plan it holds', () => {
    const decoded = decodeCsvBytes(utf8('\uFEFFObjective,Priority,Action,Measures\r\nO,P,Act,number of CPNs issued\r\n'), 'actions');
    expect(decoded.ok && parsePlanCsv(decoded.text).actionCount).toBe(1);
  });
});

describe('readCsvFile', () => {
  it('reads a chosen file as text', async () => {
    expect(await readCsvFile(new Blob(['\uFEFFref,objective\n1,Café']), 'indicators')).toEqual({ ok: true, text: 'ref,objective\n1,Café' });
  });

  it('refuses a file over the limit without reading it', async () => {
    const huge = new Blob(['ref']);
    Object.defineProperties(huge, { size: { value: 5_200_000 }, arrayBuffer: { value: () => Promise.reject(new Error('read')) } });
    expect(await readCsvFile(huge, 'actions')).toEqual(refused('The file is 5.2 MB; a plan file can be at most 1 MB. Is this the right file?'));
  });
});

describe('decodeUtf8', () => {
  const ILL_FORMED: [string, number[]][] = [
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x80]],
    ['a lead byte before ASCII', [0xe9, 0x65]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a five-byte lead', [0xf8, 0x88, 0x80, 0x80, 0x80]],
    ['0xFF', [0xff]],
  ];

  it.each([
    ['ASCII', [0x61, 0x62]],
    ['two bytes', [0xc3, 0xa9]],
    ['three bytes', [0xe2, 0x80, 0x99]],
    ['four bytes', [0xf0, 0x9f, 0x98, 0x80]],
    ['the largest code point', [0xf4, 0x8f, 0xbf, 0xbf]],
  ])('decodes %s', (_name, values) => {
    expect(decodeUtf8(new Uint8Array(values))).toEqual({ ok: true, text: Buffer.from(values).toString('utf8') });
  });

  it.each(ILL_FORMED)('refuses %s, saying where it starts and what came before', (_name, values) => {
    const before = 'ab\r\nCafé 😀\n';
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(before), ...values, 0x41]);
    expect(decodeUtf8(input)).toEqual({ ok: false, at: 3 + utf8(before).length, before });
  });

  it('passes over a replacement character the file really holds', () => {
    expect(decodeUtf8(new Uint8Array([...utf8('a\uFFFDb'), 0x92]))).toEqual({ ok: false, at: 5, before: 'a\uFFFDb' });
  });

  it('reports where the first bad byte is', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0x62, 0xc3, 0x28]))).toEqual({ ok: false, at: 2, before: 'ab' });
  });

  it('on every two-byte sequence, stops at the first byte that starts no well-formed sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const decodes = (input: Uint8Array) => {
      try {
        strict.decode(input);
        return true;
      } catch {
        return false;
      }
    };
    const startsSequence = (input: Uint8Array, at: number) => [2, 3, 4].some((n) => at + n <= input.length && decodes(input.subarray(at, at + n)));
    const wrong: string[] = [];
    for (let a = 0x80; a <= 0xff; a++)
      for (let b = 0; b <= 0xff; b += 7) {
        const input = new Uint8Array([0x41, a, b]);
        const decoded = decodeUtf8(input);
        if (decoded.ok) continue;
        if (!decodes(input.subarray(0, decoded.at)) || input[decoded.at]! < 0x80 || startsSequence(input, decoded.at)) wrong.push(`${a} ${b}: ${decoded.at}`);
      }
    expect(wrong).toEqual([]);
  });

  it('decodes a megabyte, and finds a bad byte at its end', () => {
    const text = 'é'.repeat(500_000);
    expect(decodeUtf8(utf8(text))).toEqual({ ok: true, text });
    const bad = new Uint8Array(1_000_001).fill(0x92);
    bad.set(utf8(text));
    expect(decodeUtf8(bad)).toEqual({ ok: false, at: 1_000_000, before: text });
  });
});

describe('decodeUtf16', () => {
  const le = (text: string, ...tail: number[]) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le'), ...tail]);

  it('finds a lone surrogate after the text before it, passing over a replacement character the file holds', () => {
    expect(decodeUtf16(le('a\uFFFD😀\n', 0x00, 0xd8, 0x61, 0x00), true)).toEqual({ ok: false, at: 12, before: 'a\uFFFD😀\n' });
  });

  it('refuses an odd last byte', () => {
    expect(decodeUtf16(le('ab', 0x63), true)).toEqual({ ok: false, at: 6, before: 'ab' });
  });
});
