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

/** #5: the plan search (every action on the phone) filtered as the officer types, offline, keystroke to the frame showing the results. */
export async function measureActionFilter(phone: Phone, url: string, actionsOnPhone: number, quick: boolean): Promise<FilterFigures> {
  const figures = await measureTyping(phone, `${url}/search`, 'Ref or words', ACTION_QUERIES, quick);
  return { actionsOnPhone, ...figures };
}

export type OutcomeFilterFigures = Omit<FilterFigures, 'actionsOnPhone'> & { outcomesOnPhone: number };

/** #5b: "Your outcomes" (every outcome the officer logged on the phone) filtered as they type, offline, keystroke to the frame showing the results. */
export async function measureOutcomeFilter(phone: Phone, url: string, outcomesOnPhone: number, quick: boolean): Promise<OutcomeFilterFigures> {
  const figures = await measureTyping(phone, `${url}/outcomes`, 'Search your outcomes', OUTCOME_QUERIES, quick);
  return { outcomesOnPhone, ...figures };
}

/**
 * Opens the screen offline and types each query a key at a time with a quiet gap after each key,
 * after clearing the box; measures each key to the frame after the last change it made.
 */
async function measureTyping(phone: Phone, screenUrl: string, boxLabel: string, queries: string[], quick: boolean): Promise<Omit<FilterFigures, 'actionsOnPhone'>> {
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
    return { keystrokes: samples.length, medianMs: median(times), p95Ms: p95(times), worstMs: Math.max(...times), longestTaskMs: Math.max(0, ...longTasks), samples };
  } finally {
    await context.close();
  }
}
