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
const n = (x: number) => x.toLocaleString('en-GB');
const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;
const rows = [
  {
    id: 1,
    what: "Officer's first-load JS+CSS, gzip",
    baseline: `react + react-dom + react-router + dexie + workbox-window alone: ${kb(bundles.baselineGzip)}`,
    measured: `${kb(bundles.firstLoadGzip)} = ${bundles.ratio.toFixed(3)}×`,
    goal: '≤ 1.15×',
    met: bundles.ratio <= 1.15,
    /** Sizes are deterministic, so a missed size budget fails the run (and CI); timings only report. */
    gate: true,
  },
  {
    id: '1b',
    what: 'Whole precache, gzip',
    baseline: '—',
    measured: `${kb(bundles.precacheGzip)} in ${bundles.precacheFiles} files (+ sw.js)`,
    goal: '≤ 400 KB',
    met: bundles.precacheGzip <= 400 * 1024,
    gate: true,
  },
  {
    id: 7,
    what: `Push ${n(push.n)} queued outcomes: device → server on loopback → committed (median of ${push.runs.length} runs after a warm-up)`,
    baseline: `raw batched SQLite inserts, same durability: ${n(Math.round(push.baselinePerSecond))}/s`,
    measured: `${n(Math.round(push.appPerSecond))}/s = ${push.ratio.toFixed(3)}× (${Math.round(push.serverShare * 100)}% of it waiting for the server); ${push.requests} requests`,
    goal: `≥ 0.3×; ≤ ${push.maxRequests} requests`,
    met: push.ratio >= 0.3 && push.requests <= push.maxRequests,
    /** The request count is deterministic; the throughput is a timing and only reports. */
    gate: push.requests > push.maxRequests,
  },
  {
    id: 8,
    what: 'Bytes per outcome on the wire (push body)',
    baseline: `the outcome's JSON: ${push.jsonBytesPerOutcome.toFixed(0)} B`,
    measured: `${push.wireBytesPerOutcome.toFixed(0)} B = ${push.wireRatio.toFixed(2)}×`,
    goal: '≤ 1.3×',
    met: push.wireRatio <= 1.3,
    gate: true,
  },
  {
    id: 9,
    what: `Server resident memory after ${n(load.outcomesStored)} outcomes (after GC)`,
    baseline: `the idle server: ${load.idleRssMiB.toFixed(0)} MiB`,
    measured: `${load.loadedRssMiB.toFixed(0)} MiB = ${load.rssRatio.toFixed(2)}×`,
    goal: 'report',
    met: true,
    gate: false,
  },
  {
    id: '9b',
    what: `Push latency, ${load.devices} devices (each its own officer and session) pushing ${n(load.outcomes)} outcomes at once, ${load.loadPushes} pushes`,
    baseline: `one device, idle server: p50 ${ms(load.idleP50Ms)}, p99 ${ms(load.idleP99Ms)} (${load.idlePushes} pushes)`,
    measured: `p50 ${ms(load.loadP50Ms)}, p99 ${ms(load.loadP99Ms)} = ${load.p99Ratio.toFixed(1)}× the idle p99 (max ${ms(load.loadMaxMs)}; slowest device's mean ${load.deviceSpread.toFixed(1)}× the fastest's; ${n(Math.round(load.loadPerSecond))} outcomes/s)`,
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
    declared: { ...pkg.dependencies, ...pkg.devDependencies },
  },
  quick,
  bundles,
  push,
  load,
  rows,
};

const table = [
  '| # | what | baseline in the same run | measured | goal | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.id} | ${r.what} | ${r.baseline} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
].join('\n');

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/results.json', JSON.stringify(results, null, 2) + '\n');
writeFileSync('bench/results/results.md', `${table}\n\nNode ${process.version}, ${results.versions.chromium}, ${results.machine.cpus} CPUs.\n`);
console.log(table);

const missed = rows.filter((r) => r.gate && !r.met);
if (missed.length > 0) {
  console.error(`\nBudget missed: ${missed.map((r) => `#${r.id} ${r.what}`).join('; ')}. Size budgets gate CI (see README, Performance).`);
  process.exitCode = 1;
}
