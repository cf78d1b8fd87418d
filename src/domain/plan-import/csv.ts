/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks
 * (a plan's measures are one per line inside one quoted cell).
 */
export interface CsvRow {
  /** 1-based line number where the row starts, for error messages a coordinator can find. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    /** What is wrong, without the line: callers word it for their readers. */
    readonly reason: string,
    readonly line: number,
  ) {
    super(`Line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Excel writes a BOM
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let afterQuote = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== '' || afterQuote) throw new CsvSyntaxError('a quote appears inside an unquoted field', line);
      quoted = true;
      quoteOpenedAt = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowStart, cells });
      cells = [];
      cell = '';
      afterQuote = false;
      line++;
      rowStart = line;
    } else {
      if (afterQuote) throw new CsvSyntaxError('text follows a closing quote', line);
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is never closed', quoteOpenedAt);
  cells.push(cell);
  if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowStart, cells });
  return rows;
}
