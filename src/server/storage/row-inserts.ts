import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Rows per multi-row statement: 200 rows of 17 columns is 3,400 parameters, far under PostgreSQL's
 * 65,535 and SQLite's 32,766, and big enough that a push of 200 outcomes is one statement.
 */
export const ROWS_PER_STATEMENT = 200;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Multi-row inserts whose SQL is compiled once per table, column list and row count, then run
 * with the rows' values as parameters.
 *
 * Building a 200-row insert with Kysely's query builder makes an operation node per value and
 * compiles them all to text on every call: for a push that was a large part of the server's
 * work and of its garbage. The text depends only on the table, the columns and how many rows,
 * and Kysely itself compiles it (for the backend's dialect: `?` or `$n` placeholders, quoting),
 * so it stays as portable as the builder. Parameters go row by row, columns in the given order,
 * as Kysely orders them. A missing (undefined) value is sent as null, which is what Kysely's
 * SQLite compiler writes for it; every column Fieldbook inserts this way is always given.
 */
export class RowInserts {
  private readonly texts = new Map<string, string>();

  async insert<DB, T extends keyof DB & string>(db: Kysely<DB>, table: T, columns: readonly (keyof DB[T] & string)[], rows: readonly DB[T][]): Promise<void> {
    for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
      const part = rows.slice(from, from + ROWS_PER_STATEMENT);
      const parameters: unknown[] = [];
      for (const row of part) for (const column of columns) parameters.push(row[column] ?? null);
      await db.executeQuery(CompiledQuery.raw(this.text(db, table, columns, part.length), parameters));
    }
  }

  /** The insert's SQL for `count` rows, compiled by Kysely the first time it is needed. */
  text<DB>(db: Kysely<DB>, table: string, columns: readonly string[], count: number): string {
    const key = `${table}\u0000${columns.join('\u0000')}\u0000${count}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      text = (db as unknown as AnyDb)
        .insertInto(table)
        .values(Array.from({ length: count }, () => placeholder))
        .compile().sql;
      this.texts.set(key, text);
    }
    return text;
  }
}
