/**
 * The rows of the built extension, loaded in Chromium as a reader has it:
 * nothing here reaches into the content script; every figure comes from the
 * page's main thread (a trace), the page's own timers, or what it paints.
 *
 * - quietPageMs: unrelated pages, the content script's own main-thread CPU time (the tasks the trace
 *   shows to be the extension's, trace.ts), median of the runs; with minus without as a cross-check.
 * - mainThreadMs: story pages, main-thread CPU time with the extension minus without, median of pairs,
 *   drawing included (the window ends once the highlights have stopped changing); the content
 *   script's own time beside it.
 * - longest extension task: the longest of the extension's own tasks in any traced run.
 * - stormTickShare: the live blog's 50 ms timer ticks kept with the extension, against without.
 * - firstHighlightMs: from the start of the content script (document_idle) to the first frame that
 *   paints a highlight, both read from a trace; from the end of DOMContentLoaded beside it.
 */
import type { Page } from 'playwright-core';
import {
  type Browsers,
  type ExtensionSide,
  firstContentScript,
  highlightCount,
  type Side,
  stableHighlights,
  tracedLoad,
  workerStopper,
} from './extension-browsers';
import type { ReaderVariant } from './floor-extension';
import { fmtTime } from './format';
import { log, type SizeName } from './options';
import { NEWEST_WATCH_MS, STORM, type StormReport } from './pages';
import { median } from './stats';
import { msFromContentScript, SCRIPT_TRACE, type TraceTasks } from './trace';

/**
 * The quiet pages: news naming China, Russia, Beijing or Moscow in passing (by size), and the same news
 * with none of the stories' words ("wordless-").
 */
export const QUIET_SIZES = {
  '50KB': 50 * 1024,
  '300KB': 300 * 1024,
  'wordless-50KB': 50 * 1024,
  'wordless-300KB': 300 * 1024,
} as const;
export type QuietName = keyof typeof QUIET_SIZES;

/** One pair of loads: the extension's own tasks in the load with it, and what it added to the page's. */
export interface PairRun {
  /** The content script's main-thread CPU time and wall time: the sum over the extension's tasks, ms. */
  scriptMs: number;
  scriptWallMs: number;
  /** The extension's tasks in the window, and the longest of them, ms. */
  extensionTasks: number;
  longestExtensionTaskMs: number;
  /** The most thread (CPU) time one extension task took, ms. */
  longestExtensionTaskCpuMs: number;
  /** Main-thread CPU time with the extension − without, ms. */
  extraMs: number;
}

/** With the extension against without, in pairs. */
export interface PairedLoads {
  pairs: number;
  /** Median over the runs with the extension of the content script's own main-thread CPU and wall time, ms. */
  scriptMs: number;
  scriptWallMs: number;
  /** Longest of the extension's own tasks in any run (wall time), ms, and the most thread time one of them took. */
  longestExtensionTaskMs: number;
  longestExtensionTaskCpuMs: number;
  runs: PairRun[];
  /** Median of (with − without) main-thread CPU time, ms. */
  extraMs: number;
  withMs: number;
  withoutMs: number;
  /** The same from the tasks' wall time (which also counts the time other processes held the cores). */
  extraWallMs: number;
  withWallMs: number;
  withoutWallMs: number;
  /** Longest main-thread task seen in any run, with and without the extension. */
  longestTaskWithMs: number;
  longestTaskWithoutMs: number;
  /** Highlights on the page at the end of the runs with the extension (median). */
  highlights: number;
  /** Quiet pages: the floor reader's own main-thread CPU time in the same pairs (median), ms. */
  floorScriptMs?: number;
  /** Quiet pages: a content script that does nothing, and the pre-check alone, the same way (median), ms. */
  emptyScriptMs?: number;
  /** The same for a content script that only reads the body's `textContent` (text-reader.ts). */
  textScriptMs?: number;
}

export interface StormResult {
  pairs: number;
  /** Median of ticks with / ticks without. */
  share: number;
  ticksWith: number[];
  ticksWithout: number[];
  /** Longest gap between two ticks over all runs. */
  longestGapWithMs: number;
  longestGapWithoutMs: number;
  highlightsAtEnd: number;
  /** Once the storm is over, the longest wait over the runs for a highlight on the newest entry (NaN: none came). */
  newestHighlightedMs: number;
}

export interface FirstHighlightResult {
  /** From the start of the content script (document_idle): median over runs whose page load woke the stopped service worker. */
  coldMs: number;
  /** The same over runs with the worker already running. */
  warmMs: number;
  cold: number[];
  warm: number[];
  /** The same runs from the end of DOMContentLoaded (the figure before the content script's start was traced). */
  coldFromDomContentLoadedMs: number;
  warmFromDomContentLoadedMs: number;
  coldFromDomContentLoaded: number[];
  warmFromDomContentLoaded: number[];
}

export interface ExtensionResults {
  quiet: Partial<Record<QuietName, PairedLoads>>;
  mainThread: Partial<Record<SizeName, PairedLoads>>;
  storm?: StormResult;
  /** The dense live page: every entry names the story, and an older entry is rewritten each tick. */
  stormDense?: StormResult;
  firstHighlight: Partial<Record<SizeName, FirstHighlightResult>>;
  /** The 1 MB story page in each language, side by side. */
  languagePages?: LanguagePageResult[];
}

export interface ExtensionInput {
  browsers: Browsers;
  /** Origin of the served pages, with a trailing slash. */
  baseUrl: string;
  sizes: SizeName[];
  quick: boolean;
}

/** How long a page is watched after its load event, at least: every size's work fits well within it. */
export const SETTLE_MS: Record<SizeName | QuietName, number> = {
  '50KB': 1500,
  '300KB': 1500,
  'wordless-50KB': 1500,
  'wordless-300KB': 1500,
  '100KB': 2000,
  '1MB': 3000,
  '5MB': 6000,
};

/** The largest value, NaN for none. */
const max = (values: readonly number[]) => (values.length ? Math.max(...values) : Number.NaN);

/** Loads `url` in both browsers `pairs` times (alternating which goes first), settling each as told. */
async function pairedLoads(
  input: ExtensionInput,
  label: string,
  url: string,
  pairs: number,
  settle: (page: Page, withExtension: boolean) => Promise<number>,
  withFloor = false,
  /** Which side goes first in the first pair: 0 with the extension, 1 without (then alternating). */
  firstSide = 0,
): Promise<PairedLoads> {
  const withRuns: { tasks: TraceTasks; value: number }[] = [];
  const withoutRuns: { tasks: TraceTasks; value: number }[] = [];
  const variantMs: Record<ReaderVariant, number[]> = { floor: [], empty: [], text: [] };
  const runs: PairRun[] = [];
  const sides: [Side, boolean][] = [
    [input.browsers.with, true],
    [input.browsers.without, false],
  ];
  for (let i = 0; i < pairs; i++) {
    for (const [side, withExtension] of (i + firstSide) % 2 === 0 ? sides : [...sides].reverse()) {
      const run = await tracedLoad(side, url, (page) => settle(page, withExtension));
      (withExtension ? withRuns : withoutRuns).push(run);
    }
    if (withFloor)
      for (const variant of Object.keys(variantMs) as ReaderVariant[]) {
        const run = await tracedLoad(input.browsers.variants[variant], url, (page) => settle(page, false));
        variantMs[variant].push(run.tasks.extension!.cpuMs);
      }
    const w = withRuns[i]!.tasks;
    const wo = withoutRuns[i]!.tasks;
    const ext = w.extension!;
    runs.push({
      scriptMs: ext.cpuMs,
      scriptWallMs: ext.wallMs,
      extensionTasks: ext.tasks,
      longestExtensionTaskMs: ext.longestTaskMs,
      longestExtensionTaskCpuMs: ext.longestTaskCpuMs,
      extraMs: w.cpuMs - wo.cpuMs,
    });
    log(
      `${label} pair ${i + 1}/${pairs}: content script ${fmtTime(ext.cpuMs)} CPU, ${fmtTime(ext.wallMs)} wall in ${ext.tasks} tasks ` +
        `(longest ${fmtTime(ext.longestTaskMs)}, ${fmtTime(ext.longestTaskCpuMs)} CPU); main thread ${fmtTime(w.cpuMs)} CPU with the extension, ${fmtTime(wo.cpuMs)} without ` +
        `(+${fmtTime(w.cpuMs - wo.cpuMs)}; wall +${fmtTime(w.busyMs - wo.busyMs)}); longest task ${fmtTime(w.longestTaskMs)} / ${fmtTime(wo.longestTaskMs)}; ` +
        `${withRuns[i]!.value} highlights` +
        (withFloor
          ? `; the floor reader ${fmtTime(variantMs.floor[i]!)}, an empty script ${fmtTime(variantMs.empty[i]!)}, ` +
            `one reading textContent ${fmtTime(variantMs.text[i]!)} CPU`
          : ''),
    );
  }
  return {
    pairs,
    scriptMs: median(runs.map((r) => r.scriptMs)),
    scriptWallMs: median(runs.map((r) => r.scriptWallMs)),
    longestExtensionTaskMs: max(runs.map((r) => r.longestExtensionTaskMs)),
    longestExtensionTaskCpuMs: max(runs.map((r) => r.longestExtensionTaskCpuMs)),
    runs,
    extraMs: median(withRuns.map((w, i) => w.tasks.cpuMs - withoutRuns[i]!.tasks.cpuMs)),
    withMs: median(withRuns.map((r) => r.tasks.cpuMs)),
    withoutMs: median(withoutRuns.map((r) => r.tasks.cpuMs)),
    extraWallMs: median(withRuns.map((w, i) => w.tasks.busyMs - withoutRuns[i]!.tasks.busyMs)),
    withWallMs: median(withRuns.map((r) => r.tasks.busyMs)),
    withoutWallMs: median(withoutRuns.map((r) => r.tasks.busyMs)),
    longestTaskWithMs: max(withRuns.map((r) => r.tasks.longestTaskMs)),
    longestTaskWithoutMs: max(withoutRuns.map((r) => r.tasks.longestTaskMs)),
    highlights: median(withRuns.map((r) => r.value)),
    ...(withFloor
      ? {
          floorScriptMs: median(variantMs.floor),
          emptyScriptMs: median(variantMs.empty),
          textScriptMs: median(variantMs.text),
        }
      : {}),
  };
}

/** A quiet page has nothing to highlight: it is watched for a fixed time after its load. */
async function settleQuiet(page: Page, ms: number): Promise<number> {
  await page.waitForTimeout(ms);
  return highlightCount(page);
}

/** A story page is watched for a fixed time and, with the extension, until its highlights stop changing. */
export async function settleStory(page: Page, ms: number, withExtension: boolean): Promise<number> {
  const started = Date.now();
  const count = withExtension ? await stableHighlights(page, 1000, 60_000) : 0;
  const left = ms - (Date.now() - started);
  if (left > 0) await page.waitForTimeout(left);
  return withExtension ? highlightCount(page) : count;
}

export async function runQuietPages(input: ExtensionInput): Promise<Partial<Record<QuietName, PairedLoads>>> {
  const pairs = input.quick ? 3 : 7;
  const results: Partial<Record<QuietName, PairedLoads>> = {};
  for (const name of Object.keys(QUIET_SIZES) as QuietName[]) {
    results[name] = await pairedLoads(
      input,
      `quiet ${name}`,
      `${input.baseUrl}quiet-${name}.html`,
      pairs,
      (page) => settleQuiet(page, SETTLE_MS[name]),
      true,
    );
  }
  return results;
}

export async function runStoryPages(input: ExtensionInput): Promise<Partial<Record<SizeName, PairedLoads>>> {
  const results: Partial<Record<SizeName, PairedLoads>> = {};
  for (const size of input.sizes) {
    const pairs = input.quick ? 2 : size === '5MB' ? 3 : 5;
    results[size] = await pairedLoads(input, `main thread ${size}`, `${input.baseUrl}${size}.html`, pairs, (page, w) =>
      settleStory(page, SETTLE_MS[size], w),
    );
  }
  return results;
}

/** A live page (`page`, served) in both browsers, in pairs: its own count of timer ticks and their longest gap. */
export async function runStorm(input: ExtensionInput, page: string, label: string): Promise<StormResult> {
  const pairs = input.quick ? 1 : 3;
  const reports: { with: StormReport[]; without: StormReport[] } = { with: [], without: [] };
  let highlightsAtEnd = 0;
  const newestHighlighted: number[] = [];
  for (let i = 0; i < pairs; i++) {
    for (const withExtension of i % 2 === 0 ? [true, false] : [false, true]) {
      const side = withExtension ? input.browsers.with : input.browsers.without;
      const tab = await side.context.newPage();
      try {
        await tab.bringToFront();
        await tab.goto(`${input.baseUrl}${page}`, { waitUntil: 'load' });
        // Polled once a second: a negligible task next to the storm's own.
        const handle = await tab.waitForFunction(() => (window as unknown as { nicStorm?: unknown }).nicStorm, null, {
          polling: 1000,
          timeout: (STORM.seconds + 60) * 1000,
        });
        const report = (await handle.jsonValue()) as StormReport;
        (withExtension ? reports.with : reports.without).push(report);
        if (withExtension) {
          const newest = await tab
            .waitForFunction(
              () => (window as unknown as { nicNewestHighlightedMs?: number }).nicNewestHighlightedMs,
              null,
              {
                polling: 250,
                timeout: NEWEST_WATCH_MS + 2000,
              },
            )
            .then((h) => h.jsonValue() as Promise<number>)
            .catch(() => Number.NaN);
          newestHighlighted.push(newest);
          highlightsAtEnd = await stableHighlights(tab, 1000, 5000);
        }
        log(
          `${label} pair ${i + 1}/${pairs} ${withExtension ? 'with' : 'without'} the extension: ${report.ticks} ticks in ` +
            `${report.seconds.toFixed(1)} s, longest gap ${fmtTime(report.longestGapMs)}` +
            (withExtension
              ? `, newest entry highlighted ${fmtTime(newestHighlighted[newestHighlighted.length - 1]!)} after it ended, ${highlightsAtEnd} highlights once it ebbed`
              : ''),
        );
      } finally {
        await tab.close();
      }
    }
  }
  const ticksWith = reports.with.map((r) => r.ticks);
  const ticksWithout = reports.without.map((r) => r.ticks);
  return {
    pairs,
    share: median(ticksWith.map((t, i) => t / ticksWithout[i]!)),
    ticksWith,
    ticksWithout,
    longestGapWithMs: max(reports.with.map((r) => r.longestGapMs)),
    longestGapWithoutMs: max(reports.without.map((r) => r.longestGapMs)),
    highlightsAtEnd,
    newestHighlightedMs: max(newestHighlighted),
  };
}

/** Set by the probe in the frame that first paints a highlight: the trace has it on the page's clock. */
const FIRST_HIGHLIGHT_STAMP = 'nic-first-highlight';

/**
 * Records, in the page's main world, the time of the first animation frame whose callback sees a highlight
 * (a CSS highlight range or a <mark>): that frame paints it. Text, not a function: the script runner's
 * transform would put helper calls into a function that the page does not have.
 */
const FIRST_HIGHLIGHT_PROBE = `(() => {
  const painted = () => {
    let count = document.getElementsByTagName('mark').length;
    CSS.highlights.forEach((highlight) => { count += highlight.size; });
    return count > 0;
  };
  const frame = () => {
    if (painted()) {
      window.nicFirstHighlight = performance.now();
      performance.mark('${FIRST_HIGHLIGHT_STAMP}');
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/**
 * One load of `file` with the extension, traced: ms from the start of the content script (its first EvaluateScript
 * in the page's main thread, at document_idle) to the first frame painting a highlight (the probe's mark),
 * and from the end of DOMContentLoaded to the same frame (the page's own clock).
 */
export async function firstHighlightOnce(
  side: ExtensionSide,
  baseUrl: string,
  file: string,
  wake: boolean,
): Promise<{ fromScriptMs: number; fromDomContentLoadedMs: number }> {
  const { browser, context } = side;
  const stopper = wake ? await workerStopper(side) : undefined;
  const page = await context.newPage();
  let buffer: Buffer | undefined;
  let fromDomContentLoadedMs: number;
  try {
    await page.bringToFront();
    await page.addInitScript({ content: FIRST_HIGHLIGHT_PROBE });
    // Stopped once this tab is ready, so that it is the page's own navigation that wakes the worker.
    await stopper?.stop();
    await browser.startTracing(page, { categories: SCRIPT_TRACE });
    try {
      await page.goto(`${baseUrl}${file}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await page.waitForFunction(() => (window as unknown as { nicFirstHighlight?: number }).nicFirstHighlight, null, {
        polling: 250,
        timeout: 60_000,
      });
    } finally {
      buffer = await browser.stopTracing();
    }
    fromDomContentLoadedMs = await page.evaluate(() => {
      const first = (window as unknown as { nicFirstHighlight: number }).nicFirstHighlight;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return first - navigation.domContentLoadedEventEnd;
    });
  } finally {
    await page.close();
    await stopper?.close();
  }
  const fromScriptMs = msFromContentScript(buffer, FIRST_HIGHLIGHT_STAMP, firstContentScript(side.extensionDir));
  if (fromScriptMs === undefined)
    throw new Error(`${file}: no content script EvaluateScript or no ${FIRST_HIGHLIGHT_STAMP} mark in the trace`);
  return { fromScriptMs, fromDomContentLoadedMs };
}

/** Alternately with the worker stopped first (so the page's load wakes it) and with it running. */
export async function runFirstHighlight(
  input: ExtensionInput,
): Promise<Partial<Record<SizeName, FirstHighlightResult>>> {
  const results: Partial<Record<SizeName, FirstHighlightResult>> = {};
  for (const size of input.sizes) {
    const runs = input.quick ? 2 : size === '5MB' ? 2 : 4;
    const cold: number[] = [];
    const warm: number[] = [];
    const coldFromDomContentLoaded: number[] = [];
    const warmFromDomContentLoaded: number[] = [];
    for (let i = 0; i < runs; i++) {
      const wake = i % 2 === 0;
      const { fromScriptMs, fromDomContentLoadedMs } = await firstHighlightOnce(
        input.browsers.with,
        input.baseUrl,
        `${size}.html`,
        wake,
      );
      (wake ? cold : warm).push(fromScriptMs);
      (wake ? coldFromDomContentLoaded : warmFromDomContentLoaded).push(fromDomContentLoadedMs);
      log(
        `first highlight ${size} run ${i + 1}/${runs} (${wake ? 'worker woken' : 'worker running'}): ` +
          `${fmtTime(fromScriptMs)} after the content script started, ${fmtTime(fromDomContentLoadedMs)} after DOMContentLoaded`,
      );
    }
    results[size] = {
      coldMs: median(cold),
      warmMs: median(warm),
      cold,
      warm,
      coldFromDomContentLoadedMs: median(coldFromDomContentLoaded),
      warmFromDomContentLoadedMs: median(warmFromDomContentLoaded),
      coldFromDomContentLoaded,
      warmFromDomContentLoaded,
    };
  }
  return results;
}

/** One story page in one language, in the built extension: its first highlight and the content script's time. */
export interface LanguagePageResult {
  language: string;
  /** Characters of text on the page, and its HTML in bytes (UTF-8). */
  textChars: number;
  htmlBytes: number;
  /** Median over the runs of the content script's own main-thread CPU time, ms (as `contentScriptMs`). */
  scriptMs: number;
  /** Median over pairs of main-thread CPU time with the extension − without, ms (as `mainThreadMs`). */
  extraMs: number;
  /** Longest of the extension's own tasks in any run (wall time), ms. */
  longestExtensionTaskMs: number;
  highlights: number;
  /** First highlight from the content script's start, worker woken by the load (as `firstHighlightMs`) and running. */
  firstHighlightColdMs: number;
  firstHighlightWarmMs: number;
  pairs: PairRun[];
  cold: number[];
  warm: number[];
}

/**
 * Story pages of one size in several languages, in rounds: each round loads every language once with the
 * extension and once without (alternating which goes first) and once more for its first highlight (the
 * worker woken by the load in even rounds, running in odd ones), so that the load of a shared machine falls
 * on every language alike and the ratios between them are what the row is read for.
 */
export async function runLanguagePages(
  input: ExtensionInput,
  pages: readonly { language: string; file: string; textChars: number; htmlBytes: number }[],
  size: SizeName,
): Promise<LanguagePageResult[]> {
  const rounds = input.quick ? 2 : 4;
  const measured = pages.map(() => ({ loads: [] as PairedLoads[], cold: [] as number[], warm: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, page] of pages.entries()) {
      const label = `${page.language} ${size} round ${round + 1}/${rounds}`;
      const url = `${input.baseUrl}${page.file}`;
      measured[i]!.loads.push(
        await pairedLoads(input, label, url, 1, (p, w) => settleStory(p, SETTLE_MS[size], w), false, round),
      );
      const wake = round % 2 === 0;
      const { fromScriptMs } = await firstHighlightOnce(input.browsers.with, input.baseUrl, page.file, wake);
      (wake ? measured[i]!.cold : measured[i]!.warm).push(fromScriptMs);
      log(`${label}: first highlight ${fmtTime(fromScriptMs)} (${wake ? 'worker woken' : 'worker running'})`);
    }
  }
  return pages.map((page, i) => {
    const { loads, cold, warm } = measured[i]!;
    const pairs = loads.flatMap((l) => l.runs);
    return {
      language: page.language,
      textChars: page.textChars,
      htmlBytes: page.htmlBytes,
      scriptMs: median(pairs.map((r) => r.scriptMs)),
      extraMs: median(pairs.map((r) => r.extraMs)),
      longestExtensionTaskMs: max(pairs.map((r) => r.longestExtensionTaskMs)),
      highlights: median(loads.map((l) => l.highlights)),
      firstHighlightColdMs: median(cold),
      firstHighlightWarmMs: median(warm),
      pairs,
      cold,
      warm,
    };
  });
}
