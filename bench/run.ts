/**
 * `npm run bench`: Fieldbook's benchmarks, each measured beside its baseline in the same run and
 * reported as a ratio. Writes bench/results/results.json and bench/results/results.md.
 * Not part of `npm test`: timing and size goals are checked here, never as test assertions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { measureBundles } from './bundle-size';
import { measurePush } from './push-throughput';
import { measureServerUnderLoad } from './server-under-load';
import { measureBrowser } from './browser';
import { measureNestedBody } from './nested-body';
import { BENCHMARKS, type BenchmarkName } from './benchmarks';
import { ms } from './browser/stats';

/** `npm run bench -- --quick`: CI's small pass, so the benchmarks cannot rot; the figures are only indicative. */
const quick = process.argv.includes('--quick');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
}

const bundles = await measureBundles();
const push = await measurePush(quick ? 400 : 10_000, 5);
const load = await measureServerUnderLoad(quick ? 5_000 : 100_000, 50);
const web = await measureBrowser(quick);
const nested = measureNestedBody();
const n = (x: number) => x.toLocaleString('en-GB');
const count = n;
/** The cold start's steps from navigation start (cold-start.ts's StartBreakdown), as one phrase. */
const startSteps = (b: typeof web.coldStart.full.breakdownMedian) =>
  [
    ['service worker', b.workerStartMs],
    ['index.html', b.htmlResponseEndMs],
    ['entry script', b.entryScriptEndMs],
    ['app runs', b.appStartMs],
    ['database open', b.dbOpenMs],
    ['first paint', b.firstContentfulPaintMs],
  ]
    .map(([what, v]) => `${what} ${v === null ? '—' : ms(v as number)}`)
    .join(', ');
const lh = web.lighthouse.median;
const { pull, save, stored } = web.device;
interface Row {
  name: BenchmarkName;
  what: string;
  baseline: string;
  measured: string;
  goal: string;
  met: boolean;
  /** Sizes and counts are deterministic, so a missed budget fails the run (and CI); timings only report. */
  gate: boolean;
}

const rows: Row[] = [
  {
    name: 'first load',
    what: "Officer's first-load JS+CSS, gzip",
    baseline: `react + react-dom + react-router + dexie + workbox-window alone: ${kb(bundles.baselineGzip)}`,
    measured: `${kb(bundles.firstLoadGzip)} = ${bundles.ratio.toFixed(3)}×`,
    goal: '≤ 1.15×',
    met: bundles.ratio <= 1.15,
    gate: true,
  },
  {
    name: 'precache',
    what: 'Whole precache, gzip',
    baseline: '—',
    measured: `${kb(bundles.precacheGzip)} in ${bundles.precacheFiles} files (+ sw.js)`,
    goal: '≤ 400 KB',
    met: bundles.precacheGzip <= 400 * 1024,
    gate: true,
  },
  {
    name: 'Lighthouse',
    what: `Lighthouse ${web.lighthouse.lighthouse}, mobile, median of ${web.lighthouse.runs}: "My actions", signed in, ${count(web.outcomes)} outcomes on the phone`,
    baseline: '—',
    measured: `performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}; LCP ${(lh.lcpMs / 1000).toFixed(2)} s, TBT ${ms(lh.tbtMs)}, CLS ${lh.cls.toFixed(3)}${web.lighthouse.findings.length ? `; findings: ${web.lighthouse.findings.join('; ')}` : ''}`,
    goal: 'performance ≥ 95, accessibility 100, best practices 100; LCP ≤ 2.0 s, TBT ≤ 150 ms, CLS ≤ 0.02',
    met: lh.performance >= 95 && lh.accessibility === 100 && lh.bestPractices === 100 && lh.lcpMs <= 2000 && lh.tbtMs <= 150 && lh.cls <= 0.02,
    gate: false,
  },
  {
    name: 'save an outcome',
    what: `Save an outcome (logOutcome: checks, duplicate guard, record + outbox entry committed), ${count(save.outcomesOnDevice)} outcomes on the phone, ${save.runs} saves`,
    baseline: `a raw IndexedDB put in one transaction: ${ms(save.rawMedianMs)}`,
    measured: `median ${ms(save.appMedianMs)} = ${save.ratio.toFixed(2)}×; p95 ${ms(save.appP95Ms)}`,
    goal: '≤ 2×; p95 ≤ 16 ms',
    met: save.ratio <= 2 && save.appP95Ms <= 16,
    gate: false,
  },
  {
    name: 'pull outcomes',
    what: `Pull ${count(pull.outcomes)} outcomes into IndexedDB (pullAll over loopback), median of ${pull.runs}`,
    baseline: `raw puts of the same records, a transaction per page: ${count(Math.round(pull.rawPerSecond))}/s`,
    measured: `${count(Math.round(pull.appPerSecond))}/s = ${pull.ratio.toFixed(2)}× (${Math.round(pull.networkShare * 100)}% waiting for pages; applying alone ${pull.applyRatio.toFixed(2)}×); longest task ${ms(pull.longestTaskMs)}, ${pull.longTasks} over 50 ms in ${pull.runs} runs (raw: ${ms(pull.rawLongestTaskMs)}); by thread CPU time (one traced pull): longest ${ms(pull.longestTaskCpuMs)}, ${pull.tasksOverCpu50} over 50 ms`,
    goal: '≥ 0.5× throughput; no main-thread task over 50 ms',
    met: pull.ratio >= 0.5 && pull.longTasks === 0,
    gate: false,
  },
  {
    name: 'plan search',
    what: `Filter the plan search as you type (${count(web.actionFilter.actionsOnPhone)} actions), ${web.actionFilter.keystrokes} keystrokes`,
    baseline: '—',
    measured: `keystroke to paint: median ${ms(web.actionFilter.medianMs)}, p95 ${ms(web.actionFilter.p95Ms)}, worst ${ms(web.actionFilter.worstMs)}`,
    goal: 'keystroke to paint ≤ 50 ms (p95)',
    met: web.actionFilter.p95Ms <= 50,
    gate: false,
  },
  {
    name: 'Your outcomes',
    what: `Filter "Your outcomes" as you type (${count(web.outcomeFilter.outcomesOnPhone)} outcomes), ${web.outcomeFilter.keystrokes} keystrokes; opening it from the tab bar, median of ${web.outcomeFilter.opening.runs}`,
    baseline: '—',
    measured: `keystroke to paint: median ${ms(web.outcomeFilter.medianMs)}, p95 ${ms(web.outcomeFilter.p95Ms)}, worst ${ms(web.outcomeFilter.worstMs)}; opening: first rows ${ms(web.outcomeFilter.opening.firstRowsMedianMs)}, every outcome read ${ms(web.outcomeFilter.opening.allReadMedianMs)}, longest task ${ms(web.outcomeFilter.opening.longestTaskMs)}`,
    goal: 'keystroke to paint ≤ 50 ms (p95); opening: no task over 50 ms',
    met: web.outcomeFilter.p95Ms <= 50 && web.outcomeFilter.opening.longestTaskMs <= 50,
    gate: false,
  },
  {
    name: 'cold start',
    what: `Cold start offline with ${count(web.outcomes)} outcomes on the phone: navigation to "My actions" painted with data, median of ${web.coldStart.full.runs}`,
    baseline: `the same phone with no outcomes: ${ms(web.coldStart.empty.medianMs)}`,
    measured: `${ms(web.coldStart.full.medianMs)} = ${web.coldStart.ratio.toFixed(2)}×; "Log again" at ${web.coldStart.full.logAgainMedianMs === null ? '—' : ms(web.coldStart.full.logAgainMedianMs)}; longest task ${ms(web.coldStart.full.longestTaskMs)}; from navigation start (with outcomes / empty): ${startSteps(web.coldStart.full.breakdownMedian)} / ${startSteps(web.coldStart.empty.breakdownMedian)}`,
    goal: 'first screen with data ≤ 1 s; ≤ 1.3×',
    met: web.coldStart.full.medianMs <= 1000 && web.coldStart.ratio <= 1.3,
    gate: false,
  },
  {
    name: 'push outcomes',
    what: `Push ${n(push.n)} queued outcomes: device → server on loopback → committed (median of ${push.runs.length} runs after a warm-up)`,
    baseline: `raw batched SQLite inserts, same durability: ${n(Math.round(push.baselinePerSecond))}/s`,
    measured: `${n(Math.round(push.appPerSecond))}/s = ${push.ratio.toFixed(3)}× (${Math.round(push.serverShare * 100)}% of it waiting for the server); ${push.requests} requests. Reference, not the goal: the same outcome and audit rows raw-inserted into Fieldbook's own schema (indexes, foreign keys, triggers), same batches and durability: ${n(Math.round(push.schemaFloorPerSecond))}/s, the push ${push.schemaFloorRatio.toFixed(2)}× of that`,
    goal: `≥ 0.3×; ≤ ${push.maxRequests} requests`,
    met: push.ratio >= 0.3 && push.requests <= push.maxRequests,
    /** The request count is deterministic; the throughput is a timing and only reports. */
    gate: push.requests > push.maxRequests,
  },
  {
    name: 'bytes on the wire',
    what: 'Bytes per outcome on the wire (push body)',
    baseline: `the outcome's JSON: ${push.jsonBytesPerOutcome.toFixed(0)} B`,
    measured: `${push.wireBytesPerOutcome.toFixed(0)} B = ${push.wireRatio.toFixed(2)}×`,
    goal: '≤ 1.3×',
    met: push.wireRatio <= 1.3,
    gate: true,
  },
  {
    name: 'bytes in IndexedDB',
    what: `Bytes per outcome in IndexedDB (${count(stored.outcomes)} outcomes as a pull stored them, read back raw: the officer's view, the server's copy only where it differs, and the outcome store's ${stored.appIndexes.length} indexes)`,
    baseline: `the server's record put raw in a store without indexes: ${stored.raw.totalBytes.toFixed(0)} B (structured clone ${stored.raw.cloneBytes.toFixed(0)} B + key ${stored.raw.keyBytes.toFixed(0)} B; its JSON ${stored.raw.jsonBytes.toFixed(0)} B)`,
    measured:
      `${stored.app.totalBytes.toFixed(0)} B = ${(stored.app.totalBytes / stored.raw.totalBytes).toFixed(2)}×: structured clone ${stored.app.cloneBytes.toFixed(0)} B (${(stored.app.cloneBytes / stored.raw.cloneBytes).toFixed(2)}×; JSON ${stored.app.jsonBytes.toFixed(0)} B) + key ${stored.app.keyBytes.toFixed(0)} B` +
      ` + ${stored.app.indexEntries.toFixed(1)} index entries ${stored.app.indexBytes.toFixed(0)} B (keys as Chromium encodes them, a floor).` +
      ` navigator.storage.estimate() deltas, unreliable (±1.5 KB between runs): app ${stored.estimateApp.toFixed(0)} B, raw ${stored.estimateRaw.toFixed(0)} B`,
    goal: 'report',
    met: true,
    gate: false,
  },
  {
    name: 'server memory',
    what: `Server resident memory after ${n(load.outcomesStored)} outcomes (after GC)`,
    baseline: `the idle server: ${load.idleRssMiB.toFixed(0)} MiB`,
    measured: `${load.loadedRssMiB.toFixed(0)} MiB = ${load.rssRatio.toFixed(2)}×`,
    goal: 'report',
    met: true,
    gate: false,
  },
  {
    name: 'push under load',
    what: `Push latency, ${load.devices} devices (each its own officer and session) pushing ${n(load.outcomes)} outcomes at once, ${load.loadPushes} pushes`,
    baseline: `one device, idle server: p50 ${ms(load.idleP50Ms)}, p99 ${ms(load.idleP99Ms)} (${load.idlePushes} pushes)`,
    measured: `p50 ${ms(load.loadP50Ms)}, p99 ${ms(load.loadP99Ms)} = ${load.p99Ratio.toFixed(1)}× the idle p99 (max ${ms(load.loadMaxMs)}; slowest device's mean ${load.deviceSpread.toFixed(1)}× the fastest's; ${n(Math.round(load.loadPerSecond))} outcomes/s)`,
    goal: 'report',
    met: true,
    gate: false,
  },
  {
    name: 'nested request body',
    what: `Measure a deeply nested request body: the server's depth check (jsonDepth) on a body ${n(nested.depth)} levels deep, median of ${nested.runs}`,
    baseline: `JSON.parse of the same body: ${ms(nested.parseMs)}`,
    measured: `${ms(nested.depthCheckMs)} = ${nested.ratio.toFixed(2)}×`,
    goal: 'report',
    met: true,
    gate: false,
  },
];

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), platform: `${process.platform} ${process.arch}` },
  versions: {
    node: process.version,
    chromium: chromiumVersion(),
    react: installed('react'),
    'react-router': installed('react-router'),
    dexie: installed('dexie'),
    zod: installed('zod'),
    vite: installed('vite'),
    'dexie-react-hooks': installed('dexie-react-hooks'),
    'playwright-core': installed('playwright-core'),
    lighthouse: installed('lighthouse'),
    declared: { ...pkg.dependencies, ...pkg.devDependencies },
  },
  quick,
  bundles,
  push,
  load,
  browser: web,
  nested,
  rows,
};

const table = [
  '| benchmark | what | baseline in the same run | measured | goal | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.what} | ${r.baseline} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
].join('\n');

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/results.json', JSON.stringify(results, null, 2) + '\n');
writeFileSync('bench/results/results.md', `${table}\n\nNode ${process.version}, ${results.versions.chromium}, ${results.machine.cpus} CPUs.\n`);
console.log(table);

const missed = rows.filter((r) => r.gate && !r.met);
if (missed.length > 0) {
  console.error(`\nBudget missed: ${missed.map((r) => `"${r.name}" (${r.what})`).join('; ')}. Size budgets gate CI (see docs/performance.md).`);
  process.exitCode = 1;
}

// Every benchmark reports exactly once, in the order bench/benchmarks.ts gives (checked after the
// results are written, so a slip here never costs a run's figures).
const names = rows.map((r) => r.name).join(', ');
if (names !== BENCHMARKS.join(', ')) {
  console.error(`\nThe rows are ${names}; bench/benchmarks.ts lists ${BENCHMARKS.join(', ')}.`);
  process.exitCode = 1;
}
