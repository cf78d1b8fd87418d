import { decodeUtf16, decodeUtf8, sequenceLength, type Decoded } from './utf8';
import type { ImportFile, ImportProblem } from './report';

/**
 * Turns an uploaded file into text, or says in a coordinator's words why it is not a plan CSV:
 * the wrong file, an Excel workbook, or a CSV saved in an encoding other than UTF-8.
 */
export const PLAN_CSV_MAX_BYTES = 1_000_000; // a real plan is ~30 KB

export type DecodedCsv = { ok: true; text: string } | { ok: false; problem: ImportProblem };

const SAVE_AS_CSV = 'in Excel choose File → Save As → CSV UTF-8 (Comma delimited)';

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
    const littleEndian = bytes[0] === 0xff;
    decoded = decodeUtf16(bytes, 2, littleEndian);
    if (!decoded.ok) {
      const line = utf16LineAt(bytes, decoded.at, littleEndian);
      return refuse(`Line ${line} is not valid Unicode text: ${SAVE_AS_CSV}`, line);
    }
    if (decoded.text.includes('\0')) return refuse(binaryMessage());
  } else {
    if (bytes.includes(0)) return refuse(binaryMessage());
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    decoded = decodeUtf8(bytes, bom);
    if (!decoded.ok) return refuse(notUtf8Message(bytes, decoded.at), lineAt(bytes, decoded.at));
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

/** 1-based line of a byte, counting line breaks as parseCsv does (CRLF, LF or a lone CR). */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

function utf16LineAt(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  let line = 1;
  for (let i = 2; i + 1 < at; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit === 0x0a) line++;
  }
  return line;
}

function notUtf8Message(bytes: Uint8Array, at: number): string {
  const line = lineAt(bytes, at);
  const asWindows1252 = looksLikeWindows1252(bytes) ? windows1252Char(bytes[at]!) : null;
  return asWindows1252
    ? `Line ${line} has "${asWindows1252}" saved as Windows-1252 (Excel's older CSV format), so the file is not saved as UTF-8: ${SAVE_AS_CSV}`
    : `Line ${line} has a character Fieldbook cannot read, so the file is not saved as UTF-8: ${SAVE_AS_CSV}`;
}

/** Windows-1252 text has high bytes standing alone, and never a well-formed UTF-8 sequence. */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    if (sequenceLength(bytes, i) > 0 || windows1252Char(bytes[i]!) === null) return false;
  }
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
