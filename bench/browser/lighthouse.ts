import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Phone } from './chromium';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/support/chromium';
import { median } from './stats';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits below a full score in accessibility and best practices: what to fix. */
  findings: string[];
}

export interface LighthouseFigures {
  lighthouse: string;
  runs: number;
  median: Omit<LighthouseRun, 'findings'>;
  findings: string[];
  samples: LighthouseRun[];
}

const score = (s: number | null | undefined) => Math.round((s ?? 0) * 100);

/**
 * One Lighthouse run in a fresh browser process. Lighthouse itself sometimes fails to record the
 * trace of a load ("NO_NAVSTART … Please run Lighthouse again"), more often on a loaded machine:
 * such a run is tried again, up to three times, and only then does the benchmark fail.
 */
async function oneRun(phone: Phone, url: string): Promise<{ version: string; run: LighthouseRun }> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const chrome = await launch({ chromePath: CHROMIUM_PATH, userDataDir: phone.dir, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        disableStorageReset: true,
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      if (!result) throw new Error('Lighthouse returned no result');
      const lhr = result.lhr;
      if (lhr.runtimeError) {
        failures.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        continue;
      }
      const findings = ['accessibility', 'best-practices'].flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${category}: ${ref.id} — ${lhr.audits[ref.id]!.title}`),
      );
      return {
        version: lhr.lighthouseVersion,
        run: {
          performance: score(lhr.categories.performance?.score),
          accessibility: score(lhr.categories.accessibility?.score),
          bestPractices: score(lhr.categories['best-practices']?.score),
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
          findings,
        },
      };
    } finally {
      chrome.kill();
    }
  }
  throw new Error(`Lighthouse failed three times: ${failures.join('; ')}`);
}

/**
 * "Lighthouse": Lighthouse 12 (the last major that runs on Node 20), its default mobile configuration
 * (a mid-range phone, simulated slow 4G and 4× CPU slowdown), driving Debian's Chromium through
 * chrome-launcher on the signed-in officer's own profile: storage is not reset, so it measures
 * "My actions" with the phone's data, started through the service worker as an officer opens it.
 */
export async function measureLighthouse(phone: Phone, url: string, { warmUp, runs }: { warmUp: number; runs: number }): Promise<LighthouseFigures> {
  const samples: LighthouseRun[] = [];
  let version = '';
  // Warm-up runs first (CI's quick pass has none), then the runs; a fresh browser process each time.
  for (let i = 0; i < warmUp + runs; i++) {
    const result = await oneRun(phone, url);
    version = result.version;
    if (i >= warmUp) samples.push(result.run);
  }
  const m = (pick: (r: LighthouseRun) => number) => median(samples.map(pick));
  return {
    lighthouse: version,
    runs: samples.length,
    median: {
      performance: m((r) => r.performance),
      accessibility: m((r) => r.accessibility),
      bestPractices: m((r) => r.bestPractices),
      lcpMs: m((r) => r.lcpMs),
      tbtMs: m((r) => r.tbtMs),
      cls: m((r) => r.cls),
    },
    findings: [...new Set(samples.flatMap((r) => r.findings))],
    samples,
  };
}
