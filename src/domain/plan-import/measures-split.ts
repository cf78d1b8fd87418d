import { cleanLine, cleanLines } from './text';

/**
 * Splits a cell written as a list (one item per line, or bulleted) into its items. Measures,
 * indicators and lead agencies are all written this way in plans pasted from Word.
 */

// Bullet characters, including the private-use ones Word's Symbol font pastes as.
const BULLET_GLYPH = /[•▪◦●·‣○■□➢➤\uf0b7\uf0a7\uf0d8]/;
const BULLET_GLYPHS = new RegExp(BULLET_GLYPH.source, 'gu');
// A numbering or dash at the start of a line; "2 sessions" and "-10%" are not bullets.
const LEADING_BULLET = /^(?:[-*–—](?=\s|\p{L})|\d{1,2}[.)](?=\s)|[a-z]\)|[ivx]{1,4}\)|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s*/iu;

export function stripBullet(line: string): string {
  return cleanLine(line.replace(BULLET_GLYPHS, ' ').replace(LEADING_BULLET, ''));
}

/** One item per line, and per bullet within a line. */
export function splitItems(cell: string): string[] {
  return cleanLines(cell)
    .flatMap((line) => line.split(BULLET_GLYPHS))
    .map(stripBullet)
    .filter(Boolean);
}

export interface SplitMeasures {
  measures: string[];
  /** The cell was one paragraph read as a list at its semicolons: a guess worth a note. */
  bySemicolon: boolean;
}

/**
 * Measures: a list as above; a single paragraph is split at ";" only when every part reads as a
 * measure of its own (three words or more), so "Abingdon; Didcot; Wantage" stays one.
 */
export function splitMeasures(cell: string): SplitMeasures {
  const lines = cleanLines(cell);
  const single = lines.length === 1 && !BULLET_GLYPH.test(lines[0]!) && !LEADING_BULLET.test(lines[0]!);
  if (single && lines[0]!.includes(';')) {
    const parts = lines[0]!.split(';').map(cleanLine).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => p.split(' ').length >= 3)) return { measures: parts, bySemicolon: true };
  }
  return { measures: splitItems(cell), bySemicolon: false };
}
