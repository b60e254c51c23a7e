/**
 * Finding a Chromium binary and launching it with the built extension loaded.
 *
 * Shared by `npm start` (scripts/start.ts) and the end-to-end tests (tests/e2e/harness.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser';

/** The bit of the extension API used inside service-worker callbacks (module-local: no @types/chrome). */
interface TabInfo {
  id?: number;
  url?: string;
  pendingUrl?: string;
  active: boolean;
}
declare const chrome: { tabs: { query(query: object): Promise<TabInfo[]> } };

/** Project root, resolved from this file so that the current directory does not matter. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
/** The built Chrome extension (`npm run build`; dist/firefox is the Firefox build). */
export const DIST = join(ROOT, 'dist', 'chrome');

/**
 * The Chromium to drive: `CHROME_PATH`, then /usr/bin/chromium, then the usual names on PATH.
 * Throws a one-line message saying what to install when there is none.
 */
export function findChrome(): string {
  return findBrowser({
    name: 'Chromium',
    envVar: 'CHROME_PATH',
    debianPath: '/usr/bin/chromium',
    pathNames: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    debianPackage: 'chromium',
  });
}

/**
 * Switches for headless Chromium on a machine with no network: without the background-networking
 * ones, Chromium keeps trying to reach Google's hosts.
 */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Profile directory; a fresh temporary one (removed on close) when omitted. */
  userDataDir?: string;
  /** Default true: Chromium's new headless mode, which runs extensions. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** The unpacked extension to load: EXTENSION_DIR from the environment, else dist/chrome/. */
  extensionDir?: string;
  /**
   * Switches on developer mode in a fresh profile: without it Chromium will not load an unpacked
   * extension again after `chrome.runtime.reload()` (it stays disabled), as an update would.
   */
  developerMode?: boolean;
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (for chrome.* calls from tests and scripts). */
  serviceWorker: Worker;
}

/**
 * Launches Chromium with dist/chrome/ loaded as an unpacked extension and waits for its service worker.
 *
 * Headless: Playwright's `headless: true` passes plain `--headless`, which since Chromium 132 is
 * the new headless mode (the old one was split out into chrome-headless-shell). The new mode runs
 * extensions, their service workers and content scripts; checked with Chromium 156 here. We keep
 * Playwright's `headless: true` rather than `headless: false` + `--headless=new` (which also works)
 * because Playwright then emulates a hover-capable pointer: `(hover: hover)` matches, as on a
 * desktop, whereas the bare `--headless=new` launch reports `(hover: none)`.
 */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const extensionDir = resolve(opts.extensionDir ?? (process.env.EXTENSION_DIR || DIST));
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const headless = opts.headless ?? true;
  const temporary = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'nic-profile-'));
  if (opts.developerMode && !existsSync(join(userDataDir, 'Default', 'Preferences'))) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
  }
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...CHROMIUM_SWITCHES,
    ...(opts.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless,
    args,
    // Playwright's defaults include --disable-extensions, which would fight --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    // Headless: a fixed desktop-sized page. In a real window: whatever size the window has.
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  if (temporary) {
    // Remove the temporary profile once the browser process has exited (close() waits for it).
    const close = context.close.bind(context);
    const removeProfile = () => {
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // Left behind in the temp folder; not worth failing a run over.
      }
    };
    context.close = async (...closeArgs: Parameters<BrowserContext['close']>) => {
      try {
        await close(...closeArgs);
      } finally {
        removeProfile();
      }
    };
  }
  try {
    const serviceWorker = await extensionWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/** The extension's service worker: already running, or the next one to start (15 s at most). */
export async function extensionWorker(context: BrowserContext, timeoutMs = 15_000): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout: timeoutMs }).catch(() => {
    throw new Error(
      `The extension's service worker did not start within ${timeoutMs} ms (is the build a valid MV3 extension?)`,
    );
  });
}

/**
 * The extension's service worker, alive now. While Playwright is attached Chromium keeps it running
 * (checked: still alive after 70 s idle), but should it stop, opening the popup wakes it again.
 */
export async function liveWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (running) return running;
  const waking = extensionWorker(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`).catch(() => {});
  try {
    return await waking;
  } finally {
    await page.close();
  }
}

/** Runs `fn` in the service worker, retrying once on a fresh worker if the old one went away. */
export async function inWorker<T, A>(
  context: BrowserContext,
  extensionId: string,
  fn: (arg: A) => T | Promise<T>,
  arg: A,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const worker = await liveWorker(context, extensionId);
    try {
      return (await worker.evaluate(fn as never, arg as never)) as T;
    } catch (error) {
      if (attempt >= 1 || !/closed|destroyed|detached/i.test(String(error))) throw error;
    }
  }
}

/**
 * The browser tab id of `page`. Matched by URL when the extension may read tab URLs (the "tabs"
 * permission); otherwise, and when several tabs share the URL, the page is brought to the front and
 * the active tab of the focused window is taken (all of a context's pages share one window).
 */
export async function tabIdOf(context: BrowserContext, extensionId: string, page: Page): Promise<number> {
  const url = page.url();
  const byUrl = await inWorker(
    context,
    extensionId,
    async (u: string) => {
      const same = (await chrome.tabs.query({})).filter((t) => t.url === u || t.pendingUrl === u);
      return same.length === 1 ? (same[0]!.id ?? null) : null;
    },
    url,
  );
  if (byUrl !== null) return byUrl;
  await page.bringToFront();
  const active = await inWorker(
    context,
    extensionId,
    async () => {
      const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.map((t) => ({ id: t.id ?? null, url: t.url ?? null }));
    },
    undefined,
  );
  const match = active.find((t) => t.url === null || t.url === url);
  if (active.length !== 1 || !match || match.id === null) {
    throw new Error(`No tab found for ${url} (active tabs: ${JSON.stringify(active)})`);
  }
  return match.id;
}

/** Opens the popup page in a new tab, acting on `page`'s tab. */
export async function openPopup(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const tabId = await tabIdOf(context, extensionId, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=${tabId}`);
  return popup;
}

/** The middle of the first person highlight (a painted range or a mark), scrolled into view. */
export async function personHighlightPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const ranges = CSS.highlights.get('nic-person') as unknown as Set<AbstractRange> | undefined;
    const first = ranges?.values().next().value;
    // Highlights are StaticRanges: their boxes are read through a live Range over the same bounds.
    const live = first ? document.createRange() : undefined;
    if (first && live) {
      live.setStart(first.startContainer, first.startOffset);
      live.setEnd(first.endContainer, first.endOffset);
    }
    const target = live ?? document.querySelector('body mark[data-category=person]');
    if (!target) return null;
    (target instanceof Range ? target.startContainer.parentElement : target)?.scrollIntoView({ block: 'center' });
    const rect = target.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  if (!point) throw new Error('no person highlight on the page');
  return point;
}
