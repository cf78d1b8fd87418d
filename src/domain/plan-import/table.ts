import { parseCsv, CsvSyntaxError, type CsvRow } from './csv';
import { aliasLookup, columnName, headerKey } from './headers';
import { quote, type ImportFile, type ImportMessages } from './report';

/**
 * One CSV file read as a table: the heading row found, each heading matched to its canonical column,
 * and the rows below it. Everything about the file as a whole is reported here, once.
 */
export interface Table<C extends string> {
  file: ImportFile;
  headerLine: number;
  /** Canonical column → cell index. */
  index: ReadonlyMap<C, number>;
  /** The headings as written, for messages. */
  headings: readonly string[];
  rows: readonly CsvRow[];
}

/** Title rows above the headings are common in a plan pasted from Word; look this far for them. */
const HEADER_SEARCH_ROWS = 10;

const SYNTAX_MESSAGES: Record<string, string> = {
  'a quoted field is never closed': 'A cell that starts with a quote (") is never closed, so the rest of the file cannot be read: add the closing quote',
  'a quote appears inside an unquoted field': 'A quote (") appears in the middle of a cell: put the whole cell in quotes and write the quote twice ("")',
  'text follows a closing quote': 'Text follows the closing quote of a cell: put the whole cell in quotes and write any quote inside it twice ("")',
};

export function readTable<C extends string>(
  text: string,
  file: ImportFile,
  aliases: Readonly<Record<C, readonly string[]>>,
  report: ImportMessages,
): Table<C> | null {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      report.problem(file, e.line, null, SYNTAX_MESSAGES[e.reason] ?? e.message);
      return null;
    }
    throw e;
  }
  if (rows.length === 0) {
    report.problem(file, 1, null, 'The file is empty');
    return null;
  }

  const lookup = aliasLookup(aliases);
  const known = (row: CsvRow) => row.cells.filter((c) => lookup.has(headerKey(c))).length;
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => known(r) >= 2);
  const headerAt = Math.max(found, 0);
  const header = rows[headerAt]!;
  if (found < 0) {
    const separator = wrongSeparator(header.cells);
    if (separator) {
      report.problem(
        file,
        header.line,
        null,
        `The columns are separated by ${separator}, not commas: in Excel choose File → Save As → CSV UTF-8 (Comma delimited)`,
      );
      return null;
    }
  }
  if (headerAt > 0) {
    const first = rows[0]!.line;
    const last = header.line - 1;
    report.note(
      file,
      first,
      null,
      first === last
        ? `Line ${first} is above the column headings and was ignored`
        : `Lines ${first} to ${last} are above the column headings and were ignored`,
    );
  }

  const index = new Map<C, number>();
  const unknown: { heading: string | null; at: number }[] = [];
  let duplicated = false;
  header.cells.forEach((raw, i) => {
    const heading = raw.trim();
    if (!heading) return;
    const column = lookup.get(headerKey(heading));
    if (column === undefined) {
      unknown.push({ heading: quote(heading, 40), at: i + 1 });
      return;
    }
    const earlier = index.get(column);
    if (earlier !== undefined) {
      const first = header.cells[earlier]!.trim();
      report.problem(file, header.line, column, `Columns "${first}" and "${heading}" both hold the ${columnName(column)}: delete or rename one of them`);
      duplicated = true;
      return;
    }
    index.set(column, i);
  });
  const body = rows.slice(headerAt + 1);
  // A column with no heading is only worth mentioning when something is in it.
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), 0);
  for (let i = 0; i < width; i++) {
    if ((header.cells[i] ?? '').trim() === '' && body.some((r) => (r.cells[i] ?? '').trim() !== '')) unknown.push({ heading: null, at: i + 1 });
  }
  if (unknown.length > 0) report.note(file, header.line, null, ignoredColumnsMessage(unknown));
  if (duplicated) return null;
  return { file, headerLine: header.line, index, headings: header.cells.map((c) => c.trim()).filter(Boolean), rows: body };
}

function ignoredColumnsMessage(columns: readonly { heading: string | null; at: number }[]): string {
  const [only] = columns;
  if (columns.length === 1 && only) {
    return only.heading ? `Column ${only.heading} is not used by Fieldbook and was ignored` : `Column ${only.at} has no heading and was ignored`;
  }
  const names = columns.map((c) => c.heading ?? `column ${c.at} (no heading)`);
  return `Columns ${names.slice(0, -1).join(', ')} and ${names.at(-1)} are not used by Fieldbook and were ignored`;
}

/** A file saved as "Unicode text" or with a European list separator reads as one wide column. */
function wrongSeparator(cells: readonly string[]): string | null {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length !== 1) return null;
  if (filled[0]!.includes('\t')) return 'tabs';
  if (filled[0]!.includes(';')) return 'semicolons';
  return null;
}

export function cellOf<C extends string>(table: Table<C>, row: CsvRow, column: C): string {
  const i = table.index.get(column);
  return i === undefined ? '' : (row.cells[i] ?? '');
}
