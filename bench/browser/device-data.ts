import { DEMO_USERS } from '../../src/server/seed/demo-seed';
import type { HarnessApi, PullRun, SaveRun } from './harness/harness-api';
import type { BenchServer } from './bench-server';
import { Phone } from './chromium';
import { median, p95 } from './stats';
import { storedSize, type StoredSize } from './stored-size';
import { traceTaskCpu } from './task-cpu';

export interface DeviceDataFigures {
  pull: {
    outcomes: number;
    runs: number;
    /** Outcomes per second, medians over the runs. */
    appPerSecond: number;
    rawPerSecond: number;
    ratio: number;
    /** Of the app's time, the share spent waiting for the server's pages. */
    networkShare: number;
    /** The app's apply alone (its time less the waits for pages) against the raw puts. */
    applyRatio: number;
    longestTaskMs: number;
    longTasks: number;
    rawLongestTaskMs: number;
    /** One more pull under a CDP trace (untimed): its longest main-thread task by thread CPU time, and how many used over 50 ms of CPU. */
    longestTaskCpuMs: number;
    tasksOverCpu50: number;
    samples: PullRun[];
  };
  save: {
    runs: number;
    outcomesOnDevice: number;
    appMedianMs: number;
    appP95Ms: number;
    rawMedianMs: number;
    ratio: number;
  };
  /** "bytes in IndexedDB", per outcome: as the app stores it (with its indexes) and as the raw baseline stores the server's record. */
  stored: {
    outcomes: number;
    app: StoredSize;
    raw: StoredSize;
    /** Index names of the app's outcome store. */
    appIndexes: string[];
    /** Per outcome, from navigator.storage.estimate() deltas: unreliable, see StoredRecords. */
    estimateApp: number;
    estimateRaw: number;
  };
}

/**
 * "save an outcome", "pull outcomes" and "bytes in IndexedDB": the app's own data code (pullAll, logOutcome over the real Dexie
 * schema) in headless Chromium on a profile on disk, each beside raw IndexedDB in the same page.
 * The server must already hold the outcomes to pull.
 */
export async function measureDeviceData(
  server: BenchServer,
  { outcomes, pullRuns, saveRuns }: { outcomes: number; pullRuns: number; saveRuns: number },
): Promise<DeviceDataFigures> {
  const phone = new Phone();
  const context = await phone.open();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/bench-harness/`);
    await page.waitForSelector('body[data-ready="true"]');
    const bench = <K extends keyof HarnessApi>(name: K, ...args: Parameters<HarnessApi[K]>) =>
      page.evaluate(([n, a]) => (window as unknown as { fieldbookBench: Record<string, (...x: unknown[]) => unknown> }).fieldbookBench[n]!(...a), [
        name,
        args,
      ] as const) as ReturnType<HarnessApi[K]>;
    await bench('signIn', DEMO_USERS.officer.email, DEMO_USERS.officer.password);

    // One warm-up pull (JIT, the disk cache, the server's statement cache), then the runs.
    const pulls: PullRun[] = [];
    for (let i = 0; i <= pullRuns; i++) {
      const run = await bench('pull', 'bench-pull', 'bench-pull-raw');
      if (run.outcomes !== outcomes) throw new Error(`pull stored ${run.outcomes} outcomes, expected ${outcomes}`);
      if (i > 0) pulls.push(run);
    }
    const records = await bench('storedRecords', 'bench-pull', 'bench-pull-raw');
    if (records.app.length !== outcomes || records.raw.length !== outcomes)
      throw new Error(`stored ${records.app.length} outcomes (raw ${records.raw.length}), expected ${outcomes}`);
    // Traced apart from the timed runs (tracing costs time of its own), the app's pull alone.
    const traced = await traceTaskCpu(context, page, () => bench('pull', 'bench-pull', 'bench-pull-raw', false));
    if (traced.result.outcomes !== outcomes) throw new Error(`the traced pull stored ${traced.result.outcomes} outcomes, expected ${outcomes}`);
    // Saving on a phone that already holds every outcome pulled above: the duplicate check reads them.
    const save: SaveRun = await bench('save', 'bench-pull', 'bench-save-raw', '22', 10, saveRuns);
    if (save.outbox !== 10 + saveRuns) throw new Error(`the outbox holds ${save.outbox} entries after ${10 + saveRuns} saves`);

    const appMs = median(pulls.map((p) => p.appMs));
    const rawMs = median(pulls.map((p) => p.rawMs));
    const applyMs = median(pulls.map((p) => p.appMs - p.networkMs));
    const allTasks = pulls.flatMap((p) => p.appLongTasks);
    return {
      pull: {
        outcomes,
        runs: pulls.length,
        appPerSecond: outcomes / (appMs / 1000),
        rawPerSecond: outcomes / (rawMs / 1000),
        ratio: rawMs / appMs,
        networkShare: median(pulls.map((p) => p.networkMs / p.appMs)),
        applyRatio: rawMs / applyMs,
        longestTaskMs: Math.max(0, ...allTasks),
        longTasks: allTasks.length,
        rawLongestTaskMs: Math.max(0, ...pulls.flatMap((p) => p.rawLongTasks)),
        longestTaskCpuMs: traced.longestCpuMs,
        tasksOverCpu50: traced.cpuOver50,
        samples: pulls,
      },
      save: {
        runs: save.appMs.length,
        outcomesOnDevice: save.outcomesOnDevice,
        appMedianMs: median(save.appMs),
        appP95Ms: p95(save.appMs),
        rawMedianMs: median(save.rawMs),
        ratio: median(save.appMs) / median(save.rawMs),
      },
      stored: {
        outcomes,
        app: storedSize(records.app, 'id', records.appIndexes),
        raw: storedSize(records.raw, 'id', []),
        appIndexes: records.appIndexes.map((i) => i.name),
        estimateApp: records.estimateAppBytes / outcomes,
        estimateRaw: records.estimateRawBytes / outcomes,
      },
    };
  } finally {
    await context.close();
    phone.dispose();
  }
}
