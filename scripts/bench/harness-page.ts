/**
 * In-page harness for the rows of `npm run bench` that run the extension's
 * modules inside the page (scripts/bench/harness-runs.ts): bundled by
 * scripts/bench/bundle.ts into one IIFE and injected into each generated page.
 * It runs the page-side modules (page annotator, text index, matcher, mark
 * renderer) and mark.js, and exposes one function per measured operation on
 * `window.nicBench`.
 *
 * Every operation starts in a task of its own (setTimeout 0) and is timed
 * with performance.now() until it finishes (an async one, such as the sliced
 * PageAnnotator.rescan(), until its promise settles). Two animation frames
 * then let the browser do the style and layout work the DOM changes cause.
 * `performance.mark` marks the window for the Node side, which reads the
 * longest task from a Chromium trace; the Long Tasks API (tasks of 50 ms and
 * more) is the fallback.
 */
import Mark from 'mark.js';
import type { Analyst } from '../../src/content/analyst';
import { HighlightList } from '../../src/content/highlight-list';
import { PageAnnotator } from '../../src/content/page';
import { HighlightRenderer } from '../../src/content/render-highlights';
import { buildTextIndex } from '../../src/content/text-index';
import { UiHost } from '../../src/content/ui-host';
import { annotate } from '../../src/core/annotate';
import type { CardModel } from '../../src/core/cards';
import type { MatcherData } from '../../src/core/compile';
import { englishText } from '../../src/core/english';
import { Matcher } from '../../src/core/matcher';
import { statementCounts } from '../../src/core/matcher-data';
import { PageAnalysis, textPieces } from '../../src/core/page-analysis';
import { defaultSettings, type RendererKind } from '../../src/core/settings';
import { useLookup } from '../../src/core/ui-text';
import { SHOW_DEFAULTS } from '../../src/core/verdict';
import { END_STAMP, START_STAMP } from './stamps';

// The highlight list and the card speak the interface's words: English here, as the extension's default.
useLookup(englishText);

/** The analysis run in the page itself, in the same stretches the extension's worker uses. */
function localAnalyst(matcher: Matcher): Analyst {
  const analyse = async (texts: readonly string[], pace: () => Promise<boolean>) => {
    const analysis = new PageAnalysis(matcher);
    for (const piece of textPieces(texts)) {
      for (const stretch of piece) analysis.add(stretch);
      if (!(await pace())) return undefined;
    }
    return analysis;
  };
  return {
    async annotate(texts, verdict, pace) {
      const analysis = await analyse(texts, pace);
      return analysis && { ...analysis.finish(texts.length, verdict), statementsTotal: statementCounts(matcher.data) };
    },
    async mentionsStory(texts) {
      return (await analyse(texts, async () => true))?.mentionsStory() ?? false;
    },
    showOptions: () => SHOW_DEFAULTS,
  };
}

/** What every measured operation reports. */
export interface Measured<T> {
  /** Wall time from the call until it finished (its promise settled, for an async operation). */
  ms: number;
  /** Time of the first, synchronous part of the call: all of it for a synchronous operation. */
  syncMs: number;
  /** Longest task seen by the Long Tasks API (which reports tasks of 50 ms and more), or syncMs if longer. */
  longTaskApiMs: number;
  /** Tasks of 50 ms or more (Long Tasks API). */
  longTaskCount: number;
  /** performance.memory.usedJSHeapSize right after the call, before any forced GC. */
  heapMB: number;
  /** The same after a forced GC just before the call. */
  heapBeforeMB: number;
  detail: T;
}

export interface RescanDetail {
  /** Highlights drawn, as the annotator reports them (the badge count). */
  drawn: number;
  /** <mark> elements in the page. */
  marks: number;
  /** Ranges registered in the page's CSS highlights (on large pages, those near the viewport). */
  highlights: number;
}

export interface StagesDetail {
  indexMs: number;
  annotateMs: number;
  renderMs: number;
  textLength: number;
  textNodes: number;
  annotations: number;
  /** HighlightRenderer.count: highlights drawn. */
  highlights: number;
  verdict: string;
}

export interface ScaleDetail {
  matcherMs: number;
  indexMs: number;
  annotateMs: number;
  annotations: number;
  verdict: string;
}

export interface AppendDetail {
  /** Highlights drawn in the appended paragraph (ranges, or marks in the marks mode). */
  highlightsInParagraph: number;
  paragraphChars: number;
}

export interface BenchApi {
  /** Hands in the compiled matcher (as JSON text) and the cards; returns the ms `new Matcher` took. */
  setup(matcherJson: string, cardsJson: string): number;
  floor(): Promise<Measured<{ chars: number; nodes: number }>>;
  /**
   * The floor plus the least any normalising matcher must do to the text: join it, NFKC it and
   * lower-case it (no tokens, no matching, no drawing): what "annotation within 3x the floor" is up against.
   */
  floorNormalised(): Promise<Measured<{ chars: number }>>;
  /**
   * PageAnnotator.rescan(): the extension's complete first pass, as it runs it, with the default renderer
   * (CSS Custom Highlights) or the marks one. `marks` counts <mark> elements, `highlights` Highlight ranges.
   */
  rescan(renderer?: RendererKind): Promise<Measured<RescanDetail>>;
  /** The same work unsliced, stage by stage: buildTextIndex(body), annotate, HighlightRenderer.render. */
  stages(): Promise<Measured<StagesDetail>>;
  /** Text index + annotate only, with `new Matcher` timed apart (dataset-scale test). */
  indexAndAnnotate(): Promise<Measured<ScaleDetail>>;
  /** Appends a <p> to the last <article> and runs PageAnnotator.refresh([p]) on it (after rescan()). */
  appendParagraph(text: string): Promise<Measured<AppendDetail>>;
  markKeywords(aliases: string[], options: Record<string, unknown>): Promise<Measured<{ marks: number }>>;
  markRegExp(source: string, flags: string, options: Record<string, unknown>): Promise<Measured<{ marks: number }>>;
}

/** Chromium extras: `gc` with --js-flags=--expose-gc, `performance.memory` (precise with --enable-precise-memory-info). */
const page = window as unknown as { nicBench: BenchApi; gc?: () => void };
const memory = (): { usedJSHeapSize: number } | undefined =>
  (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;

const longTasks: PerformanceEntry[] = [];
try {
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the call's synchronous duration stands in.
}

const MB = 1024 * 1024;
const heapMB = (): number => (memory()?.usedJSHeapSize ?? 0) / MB;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves after `count` animation frames, or after 1 s if frames do not come (hidden page). */
function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    const step = (left: number) => {
      if (left === 0) {
        clearTimeout(timer);
        resolve();
        return;
      }
      requestAnimationFrame(() => step(left - 1));
    };
    step(count);
  });
}

async function measure<T>(operation: () => T | Promise<T>): Promise<Measured<T>> {
  page.gc?.();
  const heapBefore = heapMB();
  // Start in a task of our own, as a content script's callback would.
  await sleep(0);
  performance.mark(START_STAMP);
  const start = performance.now();
  const pending = operation();
  const syncMs = performance.now() - start;
  const detail = await pending;
  const ms = performance.now() - start;
  const heapAfter = heapMB();
  await frames(2);
  // Long-task entries are delivered asynchronously: give the observer a moment.
  await sleep(60);
  performance.mark(END_STAMP);
  let longest = syncMs;
  let count = 0;
  for (const entry of longTasks) {
    if (entry.startTime + entry.duration < start) continue;
    longest = Math.max(longest, entry.duration);
    count++;
  }
  longTasks.length = 0;
  return {
    ms,
    syncMs,
    longTaskApiMs: longest,
    longTaskCount: Math.max(count, syncMs >= 50 ? 1 : 0),
    heapMB: heapAfter,
    heapBeforeMB: heapBefore,
    detail,
  };
}

let matcher: Matcher | undefined;
let matcherData: MatcherData | undefined;
let cards: Record<string, CardModel> = {};
let annotator: PageAnnotator | undefined;
/** The annotator's count of highlights drawn, as it reports it after each pass. */
let drawn = 0;

function requireMatcher(): Matcher {
  if (!matcher) throw new Error('nicBench.setup() was not called');
  return matcher;
}

const markCount = (root: ParentNode = document.body): number => root.querySelectorAll('mark').length;

/** Ranges in all CSS highlights of the page (the Highlight API renderer's output). */
function highlightRanges(): number {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
  let count = 0;
  registry?.forEach((highlight) => {
    count += highlight.size;
  });
  return count;
}

page.nicBench = {
  setup(matcherJson, cardsJson) {
    matcherData = JSON.parse(matcherJson) as MatcherData;
    cards = JSON.parse(cardsJson) as Record<string, CardModel>;
    const start = performance.now();
    matcher = new Matcher(matcherData);
    return performance.now() - start;
  },

  floor: () =>
    measure(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      let nodes = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        chars += (node as Text).data.length;
        nodes++;
      }
      return { chars, nodes };
    }),

  floorNormalised: () =>
    measure(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
      return { chars: parts.join('').normalize('NFKC').toLowerCase().length };
    }),

  rescan: (renderer = defaultSettings().renderer) =>
    measure(async (): Promise<RescanDetail> => {
      const settings = defaultSettings();
      settings.renderer = renderer;
      annotator = new PageAnnotator(localAnalyst(requireMatcher()), cards, settings, new HighlightList(new UiHost()), {
        minTextChars: 0,
        onDrawn: (count) => {
          drawn = count;
        },
        guard: (write) => write(),
      });
      await annotator.rescan();
      return { drawn, marks: markCount(), highlights: highlightRanges() };
    }),

  stages: () =>
    measure((): StagesDetail => {
      const m = requireMatcher();
      const t0 = performance.now();
      const index = buildTextIndex(document.body);
      const t1 = performance.now();
      const result = annotate(m, index.text);
      const t2 = performance.now();
      // Every category switched on (the default settings): draw all that annotate returned, with the default renderer.
      const renderer = new HighlightRenderer(index, new HighlightList(new UiHost()).group());
      if (result.annotations.length > 0) renderer.render(result.annotations);
      const t3 = performance.now();
      return {
        indexMs: t1 - t0,
        annotateMs: t2 - t1,
        renderMs: t3 - t2,
        textLength: index.text.length,
        textNodes: index.nodes.length,
        annotations: result.annotations.length,
        highlights: renderer.count,
        verdict: result.verdict.stories.map((v) => v.kind).join(' '),
      };
    }),

  indexAndAnnotate: () =>
    measure((): ScaleDetail => {
      if (!matcherData) throw new Error('nicBench.setup() was not called');
      const t0 = performance.now();
      // A fresh Matcher, as a content script builds one per page; timed apart from the rest.
      matcher = new Matcher(matcherData);
      const t1 = performance.now();
      const index = buildTextIndex(document.body);
      const t2 = performance.now();
      const result = annotate(matcher, index.text);
      const t3 = performance.now();
      return {
        matcherMs: t1 - t0,
        indexMs: t2 - t1,
        annotateMs: t3 - t2,
        annotations: result.annotations.length,
        verdict: result.verdict.stories.map((v) => v.kind).join(' '),
      };
    }),

  appendParagraph: (text) => {
    const articles = document.querySelectorAll('article');
    const parent = articles[articles.length - 1] ?? document.body;
    const p = document.createElement('p');
    p.textContent = text;
    parent.appendChild(p);
    return measure(async (): Promise<AppendDetail> => {
      if (!annotator) throw new Error('nicBench.rescan() must run before appendParagraph()');
      const before = drawn;
      await annotator.refresh([p]);
      return { highlightsInParagraph: drawn - before, paragraphChars: text.length };
    });
  },

  markKeywords: (aliases, options) =>
    measure(() => {
      let marks = 0;
      new Mark(document.body).mark(aliases, {
        ...options,
        done: (count: number) => {
          marks = count;
        },
      } as Mark.MarkOptions);
      return { marks };
    }),

  markRegExp: (source, flags, options) =>
    measure(() => {
      let marks = 0;
      new Mark(document.body).markRegExp(new RegExp(source, flags), {
        ...options,
        done: (count: number) => {
          marks = count;
        },
      } as Mark.MarkRegExpOptions);
      return { marks };
    }),
};
