/**
 * `npm run bench:compare -- <part>…`: a few benchmarks of `npm run bench`, alone, printed as one
 * JSON line. Run it in two checkouts (a branch and main), a pass in one after a pass in the other,
 * to see whether a change moved them: the medians of several interleaved passes, never one pass.
 * Parts: "first load" (also the precache), "device" (save an outcome, pull outcomes), "push".
 * The figures are the full run's (10,000 outcomes, 200 saves, 5 runs after a warm-up).
 */
import { measureBundles } from './bundle-size';
import { startBenchServer } from './browser/bench-server';
import { measureDeviceData } from './browser/device-data';
import { measurePush } from './push-throughput';

const PARTS = ['first load', 'device', 'push'] as const;
type Part = (typeof PARTS)[number];

const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length > 0) {
  console.error(`bench:compare: unknown part ${unknown.map((p) => `"${p}"`).join(', ')}; the parts are ${PARTS.map((p) => `"${p}"`).join(', ')}.`);
  process.exit(2);
}
const parts = (asked.length > 0 ? asked : PARTS) as readonly Part[];
const figures: Record<string, unknown> = {};

if (parts.includes('first load')) {
  const b = await measureBundles();
  figures['first load'] = { gzip: b.firstLoadGzip, baselineGzip: b.baselineGzip, ratio: b.ratio };
  figures.precache = { gzip: b.precacheGzip, files: b.precacheFiles };
}
if (parts.includes('device')) {
  const outcomes = 10_000;
  const server = await startBenchServer();
  try {
    await server.addOutcomes(outcomes);
    const d = await measureDeviceData(server, { outcomes, pullRuns: 5, saveRuns: 200 });
    figures['save an outcome'] = { medianMs: d.save.appMedianMs, p95Ms: d.save.appP95Ms, rawMedianMs: d.save.rawMedianMs };
    figures['pull outcomes'] = { perSecond: d.pull.appPerSecond, rawPerSecond: d.pull.rawPerSecond, ratio: d.pull.ratio, longTasks: d.pull.longTasks };
  } finally {
    await server.close();
  }
}
if (parts.includes('push')) {
  const p = await measurePush(10_000, 5);
  figures['push outcomes'] = { perSecond: p.appPerSecond, baselinePerSecond: p.baselinePerSecond, ratio: p.ratio, requests: p.requests };
}
console.log(JSON.stringify(figures));
// The browser and server harnesses leave handles (Chromium's pipes, pools) that need not be waited for.
process.exit(0);
