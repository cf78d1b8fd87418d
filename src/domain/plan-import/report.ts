/**
 * What an import tells the coordinator. A problem blocks saving; a note is something the importer
 * accepted but adjusted or guessed, so the coordinator can check it before saving.
 */
export type ImportFile = 'actions' | 'indicators';

export interface ImportProblem {
  file: ImportFile;
  /** 1-based line where the row starts (as parseCsv numbers it); 1 for the whole file. */
  line: number;
  /** The canonical column name, or null for the whole file or row. */
  column: string | null;
  message: string;
}

export interface ImportNote {
  file: ImportFile;
  line: number;
  column: string | null;
  message: string;
}

/** Collects problems and notes for one file, so every message carries the file it is about. */
export class ImportMessages {
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportNote[] = [];

  problem(file: ImportFile, line: number, column: string | null, message: string): void {
    this.problems.push({ file, line, column, message });
  }

  note(file: ImportFile, line: number, column: string | null, message: string): void {
    this.notes.push({ file, line, column, message });
  }

  /** Takes in what one row said: a row that is not imported keeps its problems, but its notes would mislead. */
  absorb(row: ImportMessages, imported: boolean): void {
    this.problems.push(...row.problems);
    if (imported) this.notes.push(...row.notes);
  }
}

/** "1,234": lengths in messages are read by people; by hand so no locale data can change it. */
export const formatCount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Quotes a cell in a message, shortened so one long cell cannot swamp the list. */
export function quote(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
