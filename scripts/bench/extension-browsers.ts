/**
 * Two Chromiums side by side for the rows of the built extension: one with it
 * loaded (scripts/chrome.ts), one without, both headless with the same
 * switches. A page load is measured under a light trace, from the page's own
 * DOMContentLoaded mark to a mark set once the page has settled; the trace's
 * script events tell the extension's tasks from the page's (trace.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_SWITCHES, DIST, findChrome, launchWithExtension } from '../chrome';
import { buildReaderVariant, type ReaderVariant } from './floor-extension';
import { READY_STAMP } from './pages';
import { SCRIPT_TRACE, type TraceTasks, tasksFromTrace } from './trace';

/** The built extension the rows load: EXTENSION_DIR, else the Chromium build (dist/chrome). */
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR || DIST);

/** The content script every page runs first (its manifest's first), where first highlight is timed from. */
export function firstContentScript(extensionDir = EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  return manifest.content_scripts[0]!.js[0]!;
}

/** Where a measured page load ends: set from Node once the page has settled. */
const SETTLED_STAMP = 'nic-page-settled';

export interface Side {
  browser: Browser;
  context: BrowserContext;
}

/** A browser with an extension loaded: its id, and the folder it was loaded from. */
export type ExtensionSide = Side & { extensionId: string; extensionDir: string };

export interface Browsers {
  with: ExtensionSide;
  without: Side;
  /** The extension with another content script instead of its reader (floor-extension.ts): the quiet pages' comparators. */
  variants: Record<ReaderVariant, Side>;
  close(): Promise<void>;
}

export async function launchSide(extensionDir: string): Promise<ExtensionSide> {
  const launched = await launchWithExtension({ extensionDir });
  const browser = launched.context.browser();
  if (!browser) throw new Error('no Browser object for the extension context: cannot trace it');
  return { browser, context: launched.context, extensionId: launched.extensionId, extensionDir };
}

/** A Chromium without any extension, with the same switches as those with one. */
export async function launchPlainSide(): Promise<Side> {
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_SWITCHES });
  return { browser, context: await browser.newContext({ viewport: { width: 1280, height: 900 } }) };
}

export async function openBrowsers(): Promise<Browsers> {
  const withSide = await launchSide(EXTENSION_DIR);
  const variants = {
    floor: await launchSide(await buildReaderVariant(EXTENSION_DIR, 'floor')),
    empty: await launchSide(await buildReaderVariant(EXTENSION_DIR, 'empty')),
    text: await launchSide(await buildReaderVariant(EXTENSION_DIR, 'text')),
  };
  const plain = await launchPlainSide();
  return {
    with: withSide,
    without: plain,
    variants,
    async close() {
      await withSide.context.close().catch(() => undefined);
      for (const side of Object.values(variants)) await side.context.close().catch(() => undefined);
      await plain.browser.close().catch(() => undefined);
    },
  };
}

/**
 * Opens `url` in a new foreground tab (background tabs get no frames and slow timers), runs `settle`,
 * and returns the page's main-thread tasks from its DOMContentLoaded to the end of `settle` (the
 * extension's among them: none without it), with what `settle` returned. Both sides trace the same
 * categories, so that the with − without figures compare like with like.
 */
export async function tracedLoad<T>(
  side: Side,
  url: string,
  settle: (page: Page) => Promise<T>,
  before?: (page: Page) => Promise<void>,
): Promise<{ tasks: TraceTasks; value: T }> {
  const page = await side.context.newPage();
  await page.bringToFront();
  if (before) await before(page);
  await side.browser.startTracing(page, { categories: SCRIPT_TRACE });
  let buffer: Buffer | undefined;
  let value: T;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    value = await settle(page);
    await page.evaluate((name) => performance.mark(name), SETTLED_STAMP);
  } finally {
    buffer = await side.browser.stopTracing();
    await page.close().catch(() => undefined);
  }
  const tasks = tasksFromTrace(buffer, READY_STAMP, SETTLED_STAMP, { extension: true });
  if (!tasks) throw new Error(`${url}: no ${READY_STAMP} / ${SETTLED_STAMP} marks in the trace`);
  return { tasks, value };
}

/** Highlights on the page as a reader sees them: CSS highlight ranges, or <mark> elements. */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = document.getElementsByTagName('mark').length;
    CSS.highlights.forEach((highlight) => {
      count += highlight.size;
    });
    return count;
  });
}

/** Waits until the page has highlights and their number has not changed for `quietMs`. */
export async function stableHighlights(page: Page, quietMs: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = await highlightCount(page);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (count > 0 && Date.now() - since >= quietMs) return count;
    if (Date.now() - started > timeoutMs) return count;
    await page.waitForTimeout(200);
  }
}

/**
 * Stops the extension's service worker (CDP ServiceWorker.stopAllWorkers from a page of the extension's
 * origin, which reaches the extension's worker). `stop()` waits until the worker has been seen stopped: any
 * tab event wakes it again (the worker listens to tabs.onUpdated), so the caller stops it once its own tab
 * is ready, just before navigating, and closes the stopper after. `start()` starts it with no event to
 * handle (CDP ServiceWorker.startWorker) and waits until it runs.
 */
export async function workerStopper(
  side: ExtensionSide,
): Promise<{ stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> }> {
  const page = await side.context.newPage();
  const origin = `chrome-extension://${side.extensionId}/`;
  await page.goto(`${origin}manifest.json`);
  const cdp = await side.context.newCDPSession(page);
  // Each version's running status as the browser last reported it (enable() reports the current ones).
  const statuses = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions)
      if (version.scriptURL.startsWith(origin)) statuses.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const all = (wanted: string) => statuses.size > 0 && [...statuses.values()].every((s) => s === wanted);
  const until = async (done: () => boolean, what: string, again?: () => Promise<unknown>) => {
    const deadline = Date.now() + 10_000;
    let retry = Date.now() + 2_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the extension's worker did not ${what}`);
      if (again && Date.now() > retry) {
        await again();
        retry = Date.now() + 2_000;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    async stop() {
      // A worker stopped already, by the browser's idle timeout say, reports nothing more; one that was
      // starting as the first request came may need another.
      const stopAll = () => cdp.send('ServiceWorker.stopAllWorkers');
      await stopAll();
      await until(() => all('stopped'), 'stop', stopAll);
    },
    async start() {
      await cdp.send('ServiceWorker.startWorker', { scopeURL: origin });
      await until(() => [...statuses.values()].includes('running'), 'start');
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}
