import type { Phone } from './chromium';
import { openOffline } from './app-phone';
import { median } from './stats';

export interface ColdStartRun {
  /** From navigation start to the frame after "My actions" lists the officer's actions. */
  firstDataMs: number;
  /** And to the frame after "Log again" (the officer's latest outcomes, read from all of them) showed. */
  logAgainMs: number | null;
  longTasks: number[];
  /** Where the time to firstDataMs went, each from navigation start (see StartBreakdown). */
  breakdown: StartBreakdown;
}

/**
 * The cold start's steps, each in ms from navigation start (the page's time origin: the new
 * browser process is already running by then). Read from the page's own Navigation and Resource
 * Timing, paint timing and the app's user-timing marks; null where the browser gave none.
 */
export interface StartBreakdown {
  /** The service worker was running and handed the navigation its fetch event (it may have had to start first). */
  workerStartMs: number | null;
  /** index.html's first byte from the service worker's cache, and its last. */
  htmlResponseStartMs: number | null;
  htmlResponseEndMs: number | null;
  /** The entry script's last byte (through the service worker too). */
  entryScriptEndMs: number | null;
  /** main.tsx began to run: the whole first-load module graph had been fetched and evaluated. */
  appStartMs: number | null;
  /** The user's database open (Dexie's open, mark in AppServicesProvider). */
  dbOpenMs: number | null;
  firstContentfulPaintMs: number | null;
  /** DOMContentLoaded's end (after the module scripts ran). */
  domContentLoadedMs: number | null;
}

export interface ColdStartFigures {
  runs: number;
  medianMs: number;
  /** The median of each step of StartBreakdown over the runs. */
  breakdownMedian: Record<keyof StartBreakdown, number | null>;
  logAgainMedianMs: number | null;
  longestTaskMs: number;
  samples: ColdStartRun[];
}

/**
 * Runs in the page before the app: notes when the first screen shows data, and when "Log again"
 * appears, each at the frame after the DOM change (a requestAnimationFrame, then a task: the
 * frame has been produced by then), and every long task.
 */
function watchFirstScreen() {
  const w = window as unknown as { __coldStart: { firstDataMs?: number; logAgainMs?: number; longTasks: number[] } };
  const record = (w.__coldStart = { longTasks: [] as number[] } as typeof w.__coldStart);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const afterPaint = (key: 'firstDataMs' | 'logAgainMs') => requestAnimationFrame(() => setTimeout(() => (record[key] = performance.now())));
  let sawData = false;
  let sawLogAgain = false;
  new MutationObserver(() => {
    if (!sawData && [...document.querySelectorAll('p.muted')].some((p) => p.textContent?.includes('you deliver'))) {
      sawData = true;
      afterPaint('firstDataMs');
    }
    if (!sawLogAgain && document.getElementById('log-again')) {
      sawLogAgain = true;
      afterPaint('logAgainMs');
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Runs in the page once the first screen showed: its timings, from navigation start. */
function readBreakdown(): StartBreakdown {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const at = (v: number | undefined) => (v && v > 0 ? Math.round(v) : null);
  const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
  const script = entry ? (performance.getEntriesByName(entry)[0] as PerformanceResourceTiming | undefined) : undefined;
  const mark = (name: string) => at(performance.getEntriesByName(name, 'mark')[0]?.startTime);
  return {
    workerStartMs: at(nav?.workerStart),
    htmlResponseStartMs: at(nav?.responseStart),
    htmlResponseEndMs: at(nav?.responseEnd),
    entryScriptEndMs: at(script?.responseEnd),
    appStartMs: mark('fb:app'),
    dbOpenMs: mark('fb:db'),
    firstContentfulPaintMs: at(performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
    domContentLoadedMs: at(nav?.domContentLoadedEventEnd),
  };
}

/** "cold start": the app started offline from its service worker on this phone, `runs` times after one warm-up start. */
export async function measureColdStart(phone: Phone, url: string, runs: number, expectLogAgain: boolean): Promise<ColdStartFigures> {
  const samples: ColdStartRun[] = [];
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await openOffline(phone, watchFirstScreen);
    try {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __coldStart: { firstDataMs?: number } }).__coldStart.firstDataMs !== undefined, null, {
        timeout: 60_000,
      });
      if (expectLogAgain) {
        await page.waitForFunction(() => (window as unknown as { __coldStart: { logAgainMs?: number } }).__coldStart.logAgainMs !== undefined, null, {
          timeout: 60_000,
        });
      }
      // Long tasks that the first screen's work set off, up to a second after it showed.
      await page.waitForTimeout(1000);
      const run = await page.evaluate(
        () => (window as unknown as { __coldStart: { firstDataMs: number; logAgainMs?: number; longTasks: number[] } }).__coldStart,
      );
      const breakdown = await page.evaluate(readBreakdown);
      if (i > 0) samples.push({ firstDataMs: run.firstDataMs, logAgainMs: run.logAgainMs ?? null, longTasks: run.longTasks, breakdown });
    } finally {
      await context.close();
    }
  }
  const steps = Object.keys(samples[0]?.breakdown ?? {}) as (keyof StartBreakdown)[];
  const breakdownMedian = Object.fromEntries(
    steps.map((step) => {
      const values = samples.map((s) => s.breakdown[step]).filter((v): v is number => v !== null);
      return [step, values.length > 0 ? median(values) : null];
    }),
  ) as Record<keyof StartBreakdown, number | null>;
  const logAgain = samples.map((s) => s.logAgainMs).filter((v): v is number => v !== null);
  return {
    runs: samples.length,
    medianMs: median(samples.map((s) => s.firstDataMs)),
    breakdownMedian,
    logAgainMedianMs: logAgain.length > 0 ? median(logAgain) : null,
    longestTaskMs: Math.max(0, ...samples.flatMap((s) => s.longTasks)),
    samples,
  };
}
