import { jsonDepth } from '../src/server/http/json-body';
import { median } from './median';

export interface NestedBodyFigures {
  depth: number;
  runs: number;
  /** The depth check on the body, median milliseconds. */
  depthCheckMs: number;
  /** JSON.parse of the same body, median milliseconds. */
  parseMs: number;
  /** The depth check's time over the parse's, the median of each run's own ratio. */
  ratio: number;
}

/**
 * "nested request body": the server's depth check (`jsonDepth`, the linear scan that runs on
 * every JSON request body before it is parsed, so that a body like [[[[…]]]] is refused without
 * ever being parsed) on a body `depth` levels deep, beside `JSON.parse` of the same text. The
 * scan must not recurse (a recursive one would overflow the stack here) and should cost no more
 * than the parse it spares. One warm-up, then `runs` runs, check and parse alternating; reported,
 * no goal.
 */
export function measureNestedBody(depth = 100_000, runs = 5): NestedBodyFigures {
  const text = '['.repeat(depth) + ']'.repeat(depth);
  const check: number[] = [];
  const parse: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run <= runs; run++) {
    let started = performance.now();
    const measured = jsonDepth(text);
    const checkMs = performance.now() - started;
    if (measured !== depth) throw new Error(`jsonDepth measured ${measured} levels in a body ${depth} deep`);
    started = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - started;
    if (run === 0) continue; // warm-up
    check.push(checkMs);
    parse.push(parseMs);
    ratios.push(checkMs / parseMs);
  }
  return { depth, runs, depthCheckMs: median(check), parseMs: median(parse), ratio: median(ratios) };
}
