/**
 * Writes CSV (RFC 4180) that is safe to open in Excel or LibreOffice: a text cell beginning with
 * =, +, -, @, a tab or a carriage return would run as a formula there (CSV injection), so it is
 * prefixed with an apostrophe. Numbers are written as numbers.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV that Excel opens cleanly by double-click: UTF-8 with a byte-order mark (without it Excel
 * reads the file as the machine's code page and "£" and "–" come out garbled).
 */
export function toExcelCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${toCsv(rows)}`;
}
