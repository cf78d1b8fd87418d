import type { ImportFile, ImportProblem } from '../../domain/plan-import/report';
import { decodeUtf16, decodeUtf8, type Decoded } from './strict-decode';

/**
 * Turns a chosen file into text, or says in a coordinator's words why it is not a plan CSV:
 * the wrong file, an Excel workbook, or a CSV saved in an encoding other than UTF-8. Done on the
 * coordinator's device, so bytes that are not UTF-8 never reach the server as text with
 * replacement characters; the importer (src/domain/plan-import) takes the text.
 */
export const PLAN_CSV_MAX_BYTES = 1_000_000; // a real plan is ~30 KB

export type DecodedCsv = { ok: true; text: string } | { ok: false; problem: ImportProblem };

const SAVE_AS_CSV = 'in Excel choose File → Save As → CSV UTF-8 (Comma delimited)';

/** Reads a chosen file as a plan CSV. */
export async function readCsvFile(file: Blob, which: ImportFile): Promise<DecodedCsv> {
  // Checked before reading: a 500 MB file chosen by mistake is never loaded into memory.
  const bytes = file.size > PLAN_CSV_MAX_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  return decodeCsvBytes(bytes, which, file.size);
}

/** fileSize: the whole file's size, when the caller read only its start because it was already too big. */
export function decodeCsvBytes(bytes: Uint8Array, file: ImportFile, fileSize = bytes.length): DecodedCsv {
  const refuse = (message: string, line = 1): DecodedCsv => ({ ok: false, problem: { file, line, column: null, message } });

  const size = Math.max(fileSize, bytes.length);
  if (size > PLAN_CSV_MAX_BYTES) {
    const mb = Math.ceil(size / 100_000) / 10;
    return refuse(`The file is ${mb} MB; a plan file can be at most ${PLAN_CSV_MAX_BYTES / 1_000_000} MB. Is this the right file?`);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return refuse(`This looks like an Excel workbook (.xlsx), not a CSV file: ${SAVE_AS_CSV}`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return refuse(`This looks like an old Excel workbook (.xls), not a CSV file: ${SAVE_AS_CSV}`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return refuse(`This is a PDF, not a CSV file: copy the plan's table into Excel, then ${SAVE_AS_CSV}`);

  let decoded: Decoded;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    decoded = decodeUtf16(bytes, bytes[0] === 0xff);
    if (!decoded.ok) {
      const line = lineAt(decoded.before);
      return refuse(`Line ${line} is not valid Unicode text: ${SAVE_AS_CSV}`, line);
    }
    if (decoded.text.includes('\0')) return refuse(binaryMessage());
  } else {
    if (bytes.includes(0)) return refuse(binaryMessage());
    decoded = decodeUtf8(bytes);
    if (!decoded.ok) return refuse(notUtf8Message(bytes, decoded.at, lineAt(decoded.before)), lineAt(decoded.before));
  }

  const text = decoded.text;
  if (text.trim() === '') return refuse('The file is empty');
  const header = text.split(/\r\n?|\n/).find((l) => l.trim() !== '') ?? '';
  if (header.includes('\t') && !header.includes(',')) {
    return refuse(`The columns are separated by tabs (Excel's "Unicode Text"), so this is not a CSV file: ${SAVE_AS_CSV}`);
  }
  return { ok: true, text };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function binaryMessage(): string {
  return `This is not a text file (it holds NUL bytes), so it cannot be a CSV file: ${SAVE_AS_CSV}`;
}

/** 1-based line of the text's end, counting line breaks as parseCsv does (CRLF, LF or a lone CR). */
function lineAt(textBefore: string): number {
  return 1 + (textBefore.match(/\r\n?|\n/g)?.length ?? 0);
}

function notUtf8Message(bytes: Uint8Array, at: number, line: number): string {
  const asWindows1252 = looksLikeWindows1252(bytes) ? windows1252Char(bytes[at]!) : null;
  return asWindows1252
    ? `Line ${line} has "${asWindows1252}" saved as Windows-1252 (Excel's older CSV format), so the file is not saved as UTF-8: ${SAVE_AS_CSV}`
    : `Line ${line} has a character Fieldbook cannot read, so the file is not saved as UTF-8: ${SAVE_AS_CSV}`;
}

/**
 * Windows-1252 text has high bytes standing alone, and never a well-formed UTF-8 sequence: decoded
 * leniently as UTF-8 it is ASCII and U+FFFD only, and no U+FFFD is the file's own (EF BF BD).
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  for (const b of bytes) if (windows1252Char(b) === null) return false;
  if (/[\u0080-\ufffc\ufffe\uffff]/.test(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))) return false;
  for (let i = bytes.indexOf(0xef); i !== -1; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return false;
  return true;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; five of those bytes mean nothing.
const CP1252_80_9F = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

function windows1252Char(b: number): string | null {
  if (b < 0x80) return String.fromCharCode(b);
  if (b >= 0xa0) return String.fromCharCode(b);
  const ch = CP1252_80_9F[b - 0x80]!;
  return ch === '\0' ? null : ch;
}
