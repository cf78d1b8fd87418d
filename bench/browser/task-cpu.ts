import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks while fn runs, by thread CPU time (a CDP trace's `tdur`), to put
 * beside the Long Tasks API's wall-clock durations. On a shared 2-core machine a task's wall time
 * includes the time the renderer was descheduled (a trace of "pull outcomes" showed 10 ms tasks lasting 90 ms);
 * its CPU time is the work the page itself did in one go.
 */
export async function traceTaskCpu<T>(
  context: BrowserContext,
  page: Page,
  fn: () => Promise<T>,
): Promise<{ result: T; longestCpuMs: number; cpuOver50: number }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel'] }, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await fn();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // The renderer's main thread: of the threads named CrRendererMain, the one that ran most tasks.
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`));
  const perThread = new Map<string, number>();
  for (const t of tasks) perThread.set(`${t.pid}:${t.tid}`, (perThread.get(`${t.pid}:${t.tid}`) ?? 0) + 1);
  const main = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const cpuMs = tasks.filter((t) => `${t.pid}:${t.tid}` === main).map((t) => (t.tdur ?? 0) / 1000);
  return { result, longestCpuMs: Math.max(0, ...cpuMs), cpuOver50: cpuMs.filter((ms) => ms > 50).length };
}
