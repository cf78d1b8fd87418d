import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { decodeCsvBytes, PLAN_CSV_MAX_BYTES } from '../../../src/domain/plan-import/decode';
import { decodeUtf8 } from '../../../src/domain/plan-import/utf8';
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

describe('decodeUtf8', () => {
  const agreesWithNode = (input: Uint8Array) => {
    const ours = decodeUtf8(input);
    const theirs = (() => {
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
      } catch {
        return null;
      }
    })();
    expect(ours.ok ? ours.text : null).toEqual(theirs);
  };

  it.each([
    ['ASCII', [0x61, 0x62]],
    ['two bytes', [0xc3, 0xa9]],
    ['three bytes', [0xe2, 0x80, 0x99]],
    ['four bytes', [0xf0, 0x9f, 0x98, 0x80]],
    ['the largest code point', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a five-byte lead', [0xf8, 0x88, 0x80, 0x80, 0x80]],
    ['0xFF', [0xff]],
  ])('agrees with a strict decoder on %s', (_name, values) => {
    agreesWithNode(new Uint8Array(values));
  });

  it('agrees with a strict decoder on every two-byte sequence', () => {
    for (let a = 0x80; a <= 0xff; a++) for (let b = 0; b <= 0xff; b += 7) agreesWithNode(new Uint8Array([0x41, a, b]));
  });

  it('reports where the first bad byte is', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0x62, 0xc3, 0x28]))).toEqual({ ok: false, at: 2 });
  });

  it('decodes a megabyte without running out of stack', () => {
    const text = 'é'.repeat(500_000);
    expect(decodeUtf8(utf8(text))).toEqual({ ok: true, text });
  });
});
