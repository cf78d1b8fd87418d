import { startBenchServer } from './bench-server';
import { signedInPhone } from './app-phone';
import { measureColdStart, type ColdStartFigures } from './cold-start';
import { measureDeviceData, type DeviceDataFigures } from './device-data';
import { measureActionFilter, measureOutcomeFilter, type FilterFigures, type OutcomeFilterFigures } from './filter-lists';
import { measureLighthouse, type LighthouseFigures } from './lighthouse';

/** The demo plan's 28 actions and a second plan bringing the phone to this many (the action list "plan search" filters). */
const ACTIONS_ON_PHONE = 1000;
const DEMO_ACTIONS = 28;

export interface BrowserFigures {
  outcomes: number;
  device: DeviceDataFigures;
  /** The real app's first sync after sign-in on the phone that gets every outcome (reported, no goal). */
  firstSync: { ms: number; longestTaskMs: number; longTasks: number };
  coldStart: { full: ColdStartFigures; empty: ColdStartFigures; ratio: number };
  actionFilter: FilterFigures;
  /** "Your outcomes": the screen filtered on the phone holding every outcome. */
  outcomeFilter: OutcomeFilterFigures;
  lighthouse: LighthouseFigures;
}

/**
 * The browser benchmarks (Lighthouse, save an outcome, pull outcomes, plan search, Your
 * outcomes, cold start, bytes in IndexedDB): one server with the built app, two phones signed
 * in as the demo officer — one synced before any outcome existed (the baseline: an empty
 * database), one after the server held them all — then each benchmark on them.
 */
export async function measureBrowser(quick: boolean): Promise<BrowserFigures> {
  const outcomes = quick ? 1000 : 10_000;
  const server = await startBenchServer();
  try {
    await server.addActions(ACTIONS_ON_PHONE - DEMO_ACTIONS);
    const empty = await signedInPhone(server.url, { actions: ACTIONS_ON_PHONE, outcomes: 0 });
    await server.addOutcomes(outcomes);
    const full = await signedInPhone(server.url, { actions: ACTIONS_ON_PHONE, outcomes });
    try {
      const device = await measureDeviceData(server, { outcomes, pullRuns: quick ? 3 : 5, saveRuns: quick ? 30 : 200 });
      const startRuns = quick ? 2 : 5;
      const fullStart = await measureColdStart(full.phone, server.url, startRuns, true);
      const emptyStart = await measureColdStart(empty.phone, server.url, startRuns, false);
      const actionFilter = await measureActionFilter(full.phone, server.url, ACTIONS_ON_PHONE, quick);
      const outcomeFilter = await measureOutcomeFilter(full.phone, server.url, outcomes, quick);
      const lighthouse = await measureLighthouse(full.phone, server.url, quick ? { warmUp: 0, runs: 1 } : { warmUp: 1, runs: 5 });
      return {
        outcomes,
        device,
        firstSync: { ms: full.firstSync.ms, longestTaskMs: Math.max(0, ...full.firstSync.longTasks), longTasks: full.firstSync.longTasks.length },
        coldStart: { full: fullStart, empty: emptyStart, ratio: fullStart.medianMs / emptyStart.medianMs },
        actionFilter,
        outcomeFilter,
        lighthouse,
      };
    } finally {
      empty.phone.dispose();
      full.phone.dispose();
    }
  } finally {
    await server.close();
  }
}
