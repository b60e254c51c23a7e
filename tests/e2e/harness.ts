/**
 * Shared helpers for the end-to-end tests: launch Chromium with the built extension, serve the
 * demo page and the fixtures, find a page's tab id, open the popup for a tab, read highlights.
 *
 * Every wait here polls for a condition; the only fixed waits are the "stays quiet" checks,
 * where nothing happening is the expected outcome.
 */
import { join } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import {
  DIST,
  findChrome as findChromeFn,
  inWorker as inWorkerFn,
  type Launched,
  type LaunchOptions,
  launchWithExtension,
  ROOT,
  tabIdOf as tabIdOfPage,
} from '../../scripts/chrome';
import { type Served, serve, serveTwoOrigins, type TwoOrigins } from '../../scripts/serve';
import type { ExportedCollection } from './checks';
import { visibleCardTextInPage } from './page-reads';

export {
  DIST,
  findChrome,
  inWorker,
  liveWorker,
  openPopup,
  personHighlightPoint,
  ROOT,
  tabIdOf,
} from '../../scripts/chrome';
export type { ExportedAnnotation, ExportedCollection } from './checks';

export const DEMO_DIR = join(ROOT, 'demo');
export const FIXTURES_DIR = join(ROOT, 'tests', 'e2e', 'fixtures');

export const CATEGORIES = ['person', 'organization', 'place', 'event', 'claim', 'quote', 'limit'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Popup checkbox names, by category (the contract). */
export const CATEGORY_LABELS: Record<Category, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
  claim: 'Claims',
  quote: 'Quotes',
  limit: 'Limits',
};

/** Selector for highlight elements. */
export const HIGHLIGHT = '[data-fact-id]';
/** Long enough for a first scan on a slow two-core machine. */
export const HIGHLIGHT_TIMEOUT_MS = 20_000;

/**
 * Launches Chromium with the extension (EXTENSION_DIR from the environment, else `dist/chrome/`). `renderer: 'marks'` stores that setting before any page
 * opens: the suites about <mark> elements (the testability contract's mode) use it; without it
 * the extension runs with its defaults (element-free highlights).
 */
export async function launch(opts: LaunchOptions & { renderer?: 'marks' | 'highlights' } = {}): Promise<Launched> {
  const { renderer, ...launchOptions } = opts;
  const launched = await launchWithExtension({
    ...launchOptions,
    extensionDir: launchOptions.extensionDir ?? (process.env.EXTENSION_DIR || DIST),
  });
  if (renderer) await patchSettings(launched.context, launched.extensionId, { renderer });
  return launched;
}

export function serveDemo(): Promise<Served> {
  return serve(DEMO_DIR);
}

/** The fixtures folder on two origins (the second for cross-origin iframes). */
export function serveFixtures(): Promise<TwoOrigins> {
  return serveTwoOrigins(FIXTURES_DIR);
}

/** Opens `url` in a new page of `context`. */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Waits until `page` has at least `min` highlights. */
export async function waitForHighlights(page: Page, min = 1, timeout = HIGHLIGHT_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n, [HIGHLIGHT, min] as const, {
    timeout,
    polling: 100,
  });
}

/** Number of elements matching `selector` (0 when none). */
export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

/** Every fact id on the page (split from the space-separated attribute values), de-duplicated. */
export function factIdsOn(page: Page): Promise<string[]> {
  return page.evaluate((sel) => {
    const ids = new Set<string>();
    for (const el of document.querySelectorAll(sel)) {
      for (const id of (el.getAttribute('data-fact-id') ?? '').split(/\s+/)) if (id) ids.add(id);
    }
    return [...ids].sort();
  }, HIGHLIGHT);
}

/** Highlight count per `data-category` value, as found on the page (unknown values included). */
export function categoryCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((sel) => {
    const counts: Record<string, number> = {};
    for (const el of document.querySelectorAll(sel)) {
      const c = el.getAttribute('data-category') ?? '(none)';
      counts[c] = (counts[c] ?? 0) + 1;
    }
    return counts;
  }, HIGHLIGHT);
}

/**
 * Asserts-by-polling that `selector` stays absent for `ms`: the check for "nothing happens".
 * Resolves to the highest count seen (0 when it stayed quiet).
 */
export async function maxCountDuring(page: Page, selector: string, ms: number): Promise<number> {
  return page.evaluate(
    ([sel, duration]) =>
      new Promise<number>((done) => {
        let max = document.querySelectorAll(sel).length;
        const started = performance.now();
        const tick = () => {
          max = Math.max(max, document.querySelectorAll(sel).length);
          if (performance.now() - started >= duration) done(max);
          else setTimeout(tick, 50);
        };
        tick();
      }),
    [selector, ms] as const,
  );
}

/** Text of everything inside the open shadow roots of `[data-annotator-ui]` hosts that is visible. */
export function visibleCardText(page: Page): Promise<string> {
  return page.evaluate(visibleCardTextInPage);
}

/** Waits until the number of highlights has stopped changing for `quietMs` (and is at least `min`). */
export async function waitForStableHighlights(
  page: Page,
  min = 1,
  quietMs = 800,
  timeout = HIGHLIGHT_TIMEOUT_MS,
): Promise<number> {
  await waitForHighlights(page, min, timeout);
  return page.evaluate(
    ([sel, quiet, limit]) =>
      new Promise<number>((done, fail) => {
        const started = performance.now();
        let last = -1;
        let since = performance.now();
        const tick = () => {
          const n = document.querySelectorAll(sel).length;
          const now = performance.now();
          if (n !== last) {
            last = n;
            since = now;
          }
          if (now - since >= quiet) done(n);
          else if (now - started > limit) fail(new Error(`highlight count still changing after ${limit} ms`));
          else setTimeout(tick, 50);
        };
        tick();
      }),
    [HIGHLIGHT, quietMs, timeout] as const,
  );
}

export interface Span {
  ids: string[];
  category: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The page's visible text as one string (text nodes of <body> in document order, without script,
 * style and the extension's own UI) and every highlight as a [start, end) range in it. Pieces of
 * one highlight split across elements (same ids, touching or only whitespace apart) are merged.
 */
export function highlightSpans(page: Page): Promise<{ text: string; spans: Span[] }> {
  return page.evaluate((sel) => {
    const skip = 'script, style, noscript, template, [data-annotator-ui]';
    const starts = new Map<Text, number>();
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      starts.set(n, text.length);
      text += n.data;
    }
    const raw: { ids: string[]; category: string; start: number; end: number }[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const inner = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let first: Text | null = null;
      let last: Text | null = null;
      for (let n = inner.nextNode() as Text | null; n; n = inner.nextNode() as Text | null) {
        if (!starts.has(n)) continue;
        first ??= n;
        last = n;
      }
      if (!first || !last) continue;
      raw.push({
        ids: (el.getAttribute('data-fact-id') ?? '').split(/\s+/).filter(Boolean).sort(),
        category: el.getAttribute('data-category') ?? '',
        start: starts.get(first)!,
        end: starts.get(last)! + last.data.length,
      });
    }
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const key = (m: { ids: string[]; category: string }) => `${m.ids.join(' ')}|${m.category}`;
    const merged: typeof raw = [];
    for (const r of raw) {
      const prev = merged.findLast((m) => key(m) === key(r) && m.end <= r.start);
      if (prev && /^\s*$/.test(text.slice(prev.end, r.start))) prev.end = Math.max(prev.end, r.end);
      else merged.push({ ...r });
    }
    return { text, spans: merged.map((m) => ({ ...m, text: text.slice(m.start, m.end) })) };
  }, HIGHLIGHT);
}

// ---------------------------------------------------------------------------------------------
// Helpers added for the renderer, dynamic-page, hostile-page and network tests.
// ---------------------------------------------------------------------------------------------

/** The bit of the extension API these helpers call inside the service worker (no @types/chrome). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
};

/** The story paragraph that makes a fixture count as a page about the summit. */
export const STORY_PARAGRAPH =
  'In a video summit on Wednesday, December 15, 2021, Xi Jinping told Vladimir Putin that relations between China and Russia exceed an alliance, according to Kremlin aide Yuri Ushakov.';

/** Asks the top frame's content script of `page` for its W3C Web Annotation export. */
export async function exportOf(context: BrowserContext, extensionId: string, page: Page): Promise<ExportedCollection> {
  const tabId = await tabIdOfPage(context, extensionId, page);
  return inWorkerFn(
    context,
    extensionId,
    (id: number) => chrome.tabs.sendMessage(id, { type: 'annotations/export' }, { frameId: 0 }),
    tabId,
  ) as Promise<ExportedCollection>;
}

/**
 * Merges `patch` into the stored settings (from the service worker, as the popup would), e.g.
 * `{ renderer: 'highlights' }` or `{ categories: { person: false } }` (categories merged per key).
 */
export async function patchSettings(
  context: BrowserContext,
  extensionId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await inWorkerFn(
    context,
    extensionId,
    async (p: Record<string, unknown>) => {
      const current = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      const next: Record<string, unknown> = { ...current, ...p };
      if (p.categories && typeof p.categories === 'object') {
        next.categories = { ...((current.categories as object | undefined) ?? {}), ...(p.categories as object) };
      }
      await chrome.storage.local.set({ settings: next });
    },
    patch,
  );
}

/** Size of the CSS Custom Highlight registered as `name` in the page's document (-1 when none). */
export function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => (CSS.highlights.get(n) as { size: number } | undefined)?.size ?? -1, name);
}

/** Collects the page's uncaught errors (and `console.error`s are left alone: pages may log). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error?.stack ?? error)));
  return errors;
}

/**
 * Loads `url` in a plain Chromium without the extension, waits for `ready` (a page function
 * returning true), then returns `read`'s result: the baseline for "the extension changed nothing".
 */
export async function withoutExtension<T>(url: string, read: () => T, ready: () => boolean = () => true): Promise<T> {
  const plain = await chromium.launch({
    executablePath: findChromeFn(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await plain.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(ready, undefined, { timeout: 10_000, polling: 100 });
    return await page.evaluate(read);
  } finally {
    await plain.close();
  }
}

/**
 * How long (ms) a trivial `page.evaluate` takes to come back; throws after `limitMs`.
 * The measure of "the tab stays responsive".
 */
export async function roundTripMs(page: Page, limitMs = 5_000): Promise<number> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      page.evaluate(() => 1 + 1),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`page.evaluate did not return within ${limitMs} ms`)), limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}

/** The two protected regions every new fixture carries, as served (byte for byte). */
export const FIXTURE_PROTECTED = {
  textarea: '<textarea id="protected-text">Putin</textarea>',
  contenteditable: '<div id="protected-edit" contenteditable="true">Xi Jinping</div>',
} as const;

/** outerHTML of the fixture's textarea and contenteditable, plus the textarea's value. */
export function protectedState(
  target: Pick<Page, 'evaluate'>,
): Promise<{ textarea: string | null; contenteditable: string | null; value: string | null }> {
  return target.evaluate(() => ({
    textarea: document.querySelector('#protected-text')?.outerHTML ?? null,
    contenteditable: document.querySelector('#protected-edit')?.outerHTML ?? null,
    value: document.querySelector<HTMLTextAreaElement>('#protected-text')?.value ?? null,
  }));
}

/** The expected `protectedState` of an untouched fixture. */
export const FIXTURE_PROTECTED_STATE = { ...FIXTURE_PROTECTED, value: 'Putin' };

/** Fact ids of the highlights inside `selector` (de-duplicated, sorted). */
export function factIdsWithin(target: Pick<Page, 'evaluate'>, selector: string): Promise<string[]> {
  return target.evaluate(
    ([scope, sel]) => {
      const ids = new Set<string>();
      for (const el of document.querySelectorAll(`${scope} ${sel}`)) {
        for (const id of (el.getAttribute('data-fact-id') ?? '').split(/\s+/)) if (id) ids.add(id);
      }
      return [...ids].sort();
    },
    [selector, HIGHLIGHT] as const,
  );
}

/**
 * What is wrong with an export against the page's body.textContent: selectors that disagree
 * with the text, and items listed twice. Empty when all is well.
 */
export function exportProblems(collection: ExportedCollection, bodyText: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of collection.items) {
    const [quote, position] = item.target.selector;
    const ids = item.body.map((b) => b.value).join(' ');
    const at = `${ids} @${position.start}-${position.end}`;
    if (quote.type !== 'TextQuoteSelector' || position.type !== 'TextPositionSelector')
      problems.push(`${at}: selector types ${quote.type}, ${position.type}`);
    const actual = bodyText.slice(position.start, position.end);
    if (actual !== quote.exact)
      problems.push(`${at}: exact ${JSON.stringify(quote.exact)} but the text there is ${JSON.stringify(actual)}`);
    const key = `${ids}|${position.start}|${position.end}`;
    if (seen.has(key)) problems.push(`${at}: listed twice`);
    seen.add(key);
  }
  if (collection.total !== collection.items.length)
    problems.push(`total ${collection.total} but ${collection.items.length} items`);
  return problems;
}

/** The fixture page's own counter (`window.counter`), which its timers keep increasing. */
export function counterOf(target: Pick<Page, 'evaluate'>): Promise<number> {
  return target.evaluate(() => (window as unknown as { counter: number }).counter);
}

/** The loaded frame of `iframe#id` on `page`. */
export async function frameOf(page: Page, id: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(`iframe#${id}`)).contentFrame();
  if (!frame) throw new Error(`no frame for #${id}`);
  await frame.waitForLoadState('load');
  return frame;
}

/** The extension's scripts parsed in a page (content scripts included), as DevTools sees them, from its first load on. */
export async function extensionScriptsOf(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; scripts: Set<string> }> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const scripts = new Set<string>();
  session.on('Debugger.scriptParsed', (event) => {
    const match = /^chrome-extension:\/\/[a-p]{32}\/(.+)$/.exec(event.url);
    if (match) scripts.add(match[1]!);
  });
  await session.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  return { page, scripts };
}
