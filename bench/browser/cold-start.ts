import type { Phone } from './chromium';
import { openOffline } from './app-phone';
import { median } from './stats';

export interface ColdStartRun {
  /** From navigation start to the frame after "My actions" lists the officer's actions. */
  firstDataMs: number;
  /** And to the frame after "Log again" (the officer's latest outcomes, read from all of them) showed. */
  logAgainMs: number | null;
  longTasks: number[];
}

export interface ColdStartFigures {
  runs: number;
  medianMs: number;
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
  const afterPaint = (key: 'firstDataMs' | 'logAgainMs') =>
    requestAnimationFrame(() => setTimeout(() => (record[key] = performance.now())));
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

/** #6: the app started offline from its service worker on this phone, `runs` times after one warm-up start. */
export async function measureColdStart(phone: Phone, url: string, runs: number, expectLogAgain: boolean): Promise<ColdStartFigures> {
  const samples: ColdStartRun[] = [];
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await openOffline(phone, watchFirstScreen);
    try {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __coldStart: { firstDataMs?: number } }).__coldStart.firstDataMs !== undefined, null, { timeout: 60_000 });
      if (expectLogAgain) {
        await page.waitForFunction(() => (window as unknown as { __coldStart: { logAgainMs?: number } }).__coldStart.logAgainMs !== undefined, null, { timeout: 60_000 });
      }
      // Long tasks that the first screen's work set off, up to a second after it showed.
      await page.waitForTimeout(1000);
      const run = await page.evaluate(() => (window as unknown as { __coldStart: { firstDataMs: number; logAgainMs?: number; longTasks: number[] } }).__coldStart);
      if (i > 0) samples.push({ firstDataMs: run.firstDataMs, logAgainMs: run.logAgainMs ?? null, longTasks: run.longTasks });
    } finally {
      await context.close();
    }
  }
  const logAgain = samples.map((s) => s.logAgainMs).filter((v): v is number => v !== null);
  return {
    runs: samples.length,
    medianMs: median(samples.map((s) => s.firstDataMs)),
    logAgainMedianMs: logAgain.length > 0 ? median(logAgain) : null,
    longestTaskMs: Math.max(0, ...samples.flatMap((s) => s.longTasks)),
    samples,
  };
}
