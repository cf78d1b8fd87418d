/**
 * Every benchmark's stable name. Code, comments, results and docs call a benchmark by its name
 * ("save an outcome"), never by its row number in a table: a table's rows get added and
 * reordered, a name stays. The order here is the order of the results table.
 */
export const BENCHMARKS = [
  'first load',
  'precache',
  'Lighthouse',
  'save an outcome',
  'pull outcomes',
  'plan search',
  'Your outcomes',
  'cold start',
  'push outcomes',
  'bytes on the wire',
  'bytes in IndexedDB',
  'server memory',
  'push under load',
  'nested request body',
] as const;

export type BenchmarkName = (typeof BENCHMARKS)[number];
