import type { Phone } from './chromium';
import { openOffline } from './app-phone';
import { median, p95 } from './stats';

export interface FilterFigures {
  actionsOnPhone: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  longestTaskMs: number;
  samples: { key: string; ms: number }[];
}

/**
 * Runs in the page before the app: for each keydown, the time of the frame after the last DOM
 * change it caused (a requestAnimationFrame, then a task: the frame has been produced by then).
 * The driver leaves a quiet gap after each key, so every change in it belongs to that key.
 */
function watchKeystrokes() {
  const w = window as unknown as { __keys: { at: number; paintedAt: number | null }[]; __longTasks: number[] };
  w.__keys = [];
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  document.addEventListener('keydown', (e) => w.__keys.push({ at: e.timeStamp, paintedAt: null }), true);
  new MutationObserver(() => {
    const key = w.__keys.at(-1);
    if (!key) return;
    requestAnimationFrame(() => setTimeout(() => (key.paintedAt = performance.now())));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** Words an officer would search the plan for; every prefix is a keystroke measured. */
const ACTION_QUERIES = ['safe places', 'hotel watch', 'ref 22'];

/**
 * Words an officer would search their outcomes for (a town, a kind of outcome, an action's ref,
 * what the notes say); every prefix is a keystroke measured. The bench outcomes are spread over
 * the demo towns and the demo officer's actions, a third with notes (bench-server.ts).
 */
const OUTCOME_QUERIES = ['didcot', 'ref 19', 'leaflets left'];

/** "plan search": the plan search (every action on the phone) filtered as the officer types, offline, keystroke to the frame showing the results. */
export async function measureActionFilter(phone: Phone, url: string, actionsOnPhone: number, quick: boolean): Promise<FilterFigures> {
  const figures = await measureTyping(phone, `${url}/search`, 'Ref or words', ACTION_QUERIES, quick);
  return { actionsOnPhone, ...figures };
}

export type OutcomeFilterFigures = Omit<FilterFigures, 'actionsOnPhone'> & { outcomesOnPhone: number; opening: OutcomesOpeningFigures };

/**
 * "Your outcomes": the screen (every outcome the officer logged on the phone) filtered as they type,
 * offline, keystroke to the frame showing the results; and the screen's opening from the tab bar
 * (first rows, every outcome read, the longest task meanwhile).
 */
export async function measureOutcomeFilter(phone: Phone, url: string, outcomesOnPhone: number, quick: boolean): Promise<OutcomeFilterFigures> {
  const figures = await measureTyping(phone, `${url}/outcomes`, 'Search your outcomes', OUTCOME_QUERIES, quick);
  const opening = await measureOutcomesOpening(phone, url, quick ? 2 : 5);
  return { outcomesOnPhone, ...figures, opening };
}

export interface OutcomesOpeningFigures {
  runs: number;
  /** From the tap on the "Outcomes" tab to the frame showing the first rows, median. */
  firstRowsMedianMs: number;
  /** And to the frame whose count line covers every outcome on the phone (a search can be answered in full), median. */
  allReadMedianMs: number;
  /** The longest main-thread task from the tap until a second after every outcome was read, over all runs. */
  longestTaskMs: number;
  samples: { firstRowsMs: number; allReadMs: number; longestTaskMs: number }[];
}

/**
 * Runs in the page before the app: the time of the tap on the "Outcomes" tab, of the frame after
 * the first row appeared and of the frame after the count line first covered every outcome on the
 * phone ("… outcomes on this phone."), each a requestAnimationFrame then a task after the DOM
 * change; and every long task with its start.
 */
function watchOpening() {
  const w = window as unknown as { __opening: { tapAt?: number; firstRowsAt?: number; allReadAt?: number; longTasks: { start: number; ms: number }[] } };
  const record: (typeof w)['__opening'] = (w.__opening = { longTasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element | null)?.closest('a[href="/outcomes"]')) record.tapAt = e.timeStamp;
    },
    true,
  );
  const afterPaint = (key: 'firstRowsAt' | 'allReadAt') => requestAnimationFrame(() => setTimeout(() => (record[key] ??= performance.now())));
  let sawRows = false;
  let sawAll = false;
  new MutationObserver(() => {
    if (record.tapAt === undefined) return;
    if (!sawRows && document.querySelector('ul[aria-label="Outcomes"] li')) {
      sawRows = true;
      afterPaint('firstRowsAt');
    }
    if (!sawAll && /outcomes? on this phone\./.test(document.querySelector('main p[role=status]')?.textContent ?? '')) {
      sawAll = true;
      afterPaint('allReadAt');
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * "Your outcomes", opening: the app started offline on "My actions", left a second to settle, then the
 * officer taps the "Outcomes" tab; `runs` times after one warm-up, each a new browser on the
 * phone's profile (the screen's chunk comes from the service worker's cache, as on a phone).
 */
export async function measureOutcomesOpening(phone: Phone, url: string, runs: number): Promise<OutcomesOpeningFigures> {
  const samples: OutcomesOpeningFigures['samples'] = [];
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await openOffline(phone, watchOpening);
    try {
      await page.goto(url);
      await page.getByText(/you deliver/).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1000);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
      await page.waitForFunction(() => (window as unknown as { __opening: { allReadAt?: number } }).__opening.allReadAt !== undefined, null, {
        timeout: 60_000,
      });
      // Long tasks the opening set off, up to a second after every outcome was read.
      await page.waitForTimeout(1000);
      const run = await page.evaluate(
        () =>
          (window as unknown as { __opening: { tapAt: number; firstRowsAt: number; allReadAt: number; longTasks: { start: number; ms: number }[] } }).__opening,
      );
      const longest = Math.max(0, ...run.longTasks.filter((t) => t.start + t.ms > run.tapAt).map((t) => t.ms));
      if (i > 0) samples.push({ firstRowsMs: run.firstRowsAt - run.tapAt, allReadMs: run.allReadAt - run.tapAt, longestTaskMs: longest });
    } finally {
      await context.close();
    }
  }
  return {
    runs: samples.length,
    firstRowsMedianMs: median(samples.map((s) => s.firstRowsMs)),
    allReadMedianMs: median(samples.map((s) => s.allReadMs)),
    longestTaskMs: Math.max(0, ...samples.map((s) => s.longestTaskMs)),
    samples,
  };
}

/**
 * Opens the screen offline and types each query a key at a time with a quiet gap after each key,
 * after clearing the box; measures each key to the frame after the last change it made.
 */
async function measureTyping(
  phone: Phone,
  screenUrl: string,
  boxLabel: string,
  queries: string[],
  quick: boolean,
): Promise<Omit<FilterFigures, 'actionsOnPhone'>> {
  const { context, page } = await openOffline(phone, watchKeystrokes);
  try {
    await page.goto(screenUrl);
    const box = page.getByLabel(boxLabel);
    await box.waitFor();
    const samples: { key: string; ms: number }[] = [];
    // The first query warms up (the chunk, JIT, IndexedDB's cache) and is not counted.
    for (const [q, query] of (quick ? queries.slice(0, 2) : ['warm up', ...queries]).entries()) {
      await box.fill('');
      await page.waitForTimeout(300);
      const before = await page.evaluate(() => (window as unknown as { __keys: unknown[] }).__keys.length);
      for (const char of query) {
        await page.keyboard.press(char === ' ' ? 'Space' : char);
        await page.waitForTimeout(400);
      }
      const keys = await page.evaluate((from) => (window as unknown as { __keys: { at: number; paintedAt: number | null }[] }).__keys.slice(from), before);
      if (q === 0) continue;
      keys.forEach((k, i) => {
        if (k.paintedAt === null) throw new Error(`keystroke ${i} of "${query}" changed nothing on the screen`);
        samples.push({ key: query.slice(0, i + 1), ms: k.paintedAt - k.at });
      });
    }
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const times = samples.map((s) => s.ms);
    return {
      keystrokes: samples.length,
      medianMs: median(times),
      p95Ms: p95(times),
      worstMs: Math.max(...times),
      longestTaskMs: Math.max(0, ...longTasks),
      samples,
    };
  } finally {
    await context.close();
  }
}
