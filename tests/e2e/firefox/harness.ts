/**
 * Firefox end-to-end helpers: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
 * (playwright-core cannot drive a stock Firefox), with the Firefox build (dist/firefox/)
 * installed as a temporary add-on.
 *
 * The add-on gets a fixed internal UUID through the `extensions.webextensions.uuids` preference,
 * so its pages have a known origin (`moz-extension://<uuid>/`). Firefox's event page cannot be
 * evaluated in over BiDi, so calls to the extension API (tab ids, settings, the export message)
 * run in an extension page opened in a tab: it has the same API as the background page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { FIREFOX_DIST, findFirefox } from '../../../scripts/firefox';
import { pointOnPersonRangeInPage } from '../page-reads';

export { FIREFOX_DIST, findFirefox };

/** The add-on's internal UUID in every test profile. */
export const ADDON_UUID = '6f1c2a7e-3d4b-4e8a-9c1d-2b7f5e0a9d31';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Long enough for a first scan on a slow two-core machine. */
export const HIGHLIGHT_TIMEOUT_MS = 20_000;

interface FirefoxManifest {
  action?: { default_popup?: unknown };
  browser_specific_settings?: { gecko?: { id?: unknown } };
}

function manifestOf(dir: string): { file: string; manifest: FirefoxManifest } {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No Firefox build at ${dir}: run \`npm run build\` first`);
  return { file, manifest: JSON.parse(readFileSync(file, 'utf8')) as FirefoxManifest };
}

/** The add-on id Firefox knows the build by: `browser_specific_settings.gecko.id` of its manifest. */
export function addonIdOf(dir = FIREFOX_DIST): string {
  const { file, manifest } = manifestOf(dir);
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string' || id === '') throw new Error(`${file}: browser_specific_settings.gecko.id is missing`);
  return id;
}

/** The popup page's path in the build (`action.default_popup`). */
export function popupPathOf(dir = FIREFOX_DIST): string {
  const { file, manifest } = manifestOf(dir);
  const popup = manifest.action?.default_popup;
  if (typeof popup !== 'string' || popup === '') throw new Error(`${file}: action.default_popup is missing`);
  return popup.replace(/^\//, '');
}

/**
 * Starts a headless Firefox with a fresh temporary profile (puppeteer removes it on close), the
 * add-on not yet installed: a test can first load a page without it, as a baseline.
 */
export function launchFirefox(dir = FIREFOX_DIST): Promise<Browser> {
  const addonId = addonIdOf(dir);
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // WebDriver BiDi only navigates tabs to http(s), file and blob URLs unless system access is
    // allowed; the popup is a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }) },
  });
}

/** Installs the build as a temporary add-on, then opens an extension page for API calls. */
export async function installAddon(browser: Browser, dir = FIREFOX_DIST): Promise<ExtensionApi> {
  const installed = await browser.installExtension(dir);
  const expected = addonIdOf(dir);
  if (installed !== expected) throw new Error(`installed add-on ${installed}, expected ${expected}`);
  return new ExtensionApi(await openExtensionPage(browser, popupPathOf(dir)));
}

/**
 * Opens `moz-extension://<uuid>/<path>` in a new tab. Over BiDi, puppeteer sees no navigation
 * events for a tab that moves into the extension process, so `goto` would wait until its timeout:
 * the navigation is started, then the document itself is polled until it has loaded.
 */
export async function openExtensionPage(browser: Browser, path: string, timeoutMs = 20_000): Promise<Page> {
  const url = `${ADDON_ORIGIN}/${path}`;
  const page = await browser.newPage();
  void page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const started = Date.now();
  for (;;) {
    const loaded = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return page;
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not load within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The bit of the WebExtension API these helpers call in an extension page. */
declare const browser: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  tabs: {
    query(info: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown>;
  };
};

/** Extension API calls, run in an extension page of the installed add-on. */
export class ExtensionApi {
  constructor(readonly page: Page) {}

  /**
   * The tab id of the tab showing `url`. The add-on may read the URL of pages its content script
   * runs on (its match patterns are host permissions), so tabs are matched by URL; give each
   * test page a URL of its own.
   */
  async tabIdOf(url: string): Promise<number> {
    const ids = await this.page.evaluate(
      async (u) => (await browser.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1),
      url,
    );
    if (ids.length !== 1 || ids[0]! < 0) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
    return ids[0]!;
  }

  /** Sends `message` to the top frame's content script of tab `tabId` and returns its answer. */
  sendToTab<T>(tabId: number, message: object): Promise<T> {
    return this.page.evaluate(([id, m]) => browser.tabs.sendMessage(id, m, { frameId: 0 }), [
      tabId,
      message,
    ] as const) as Promise<T>;
  }

  /** Merges `patch` into the stored settings (`categories` merged per key), as the popup would. */
  async patchSettings(patch: Record<string, unknown>): Promise<void> {
    await this.page.evaluate(async (p) => {
      const current = ((await browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      const next: Record<string, unknown> = { ...current, ...p };
      if (p.categories && typeof p.categories === 'object') {
        next.categories = { ...((current.categories as object | undefined) ?? {}), ...(p.categories as object) };
      }
      await browser.storage.local.set({ settings: next });
    }, patch);
  }
}

/** Reads until `ok` holds of what was read, every 200 ms, for at most `timeoutMs`; returns it. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Imports a story file in the story manager's page, and waits for the manager to say it is imported. */
export async function importStoryFile(manager: Page, file: string): Promise<void> {
  const input = (await manager.$('#import-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await until(
    () => manager.evaluate(() => document.getElementById('status')!.textContent ?? ''),
    (text) => text.startsWith('Imported: '),
  );
}

/** Opens `url` in a new tab and waits for its load event. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Size of every `nic-*` CSS Custom Highlight in the page's registry, by category. */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, { size: number }>) {
      if (name.startsWith('nic-')) sizes[name.slice(4)] = highlight.size;
    }
    return sizes;
  });
}

/** Waits until the element-free renderer has drawn and its range count stopped changing. */
export async function waitForStableRanges(page: Page, quietMs = 800, timeoutMs = HIGHLIGHT_TIMEOUT_MS) {
  const started = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0);
    if (n !== last) {
      last = n;
      since = Date.now();
    }
    if (n > 0 && Date.now() - since >= quietMs) return n;
    if (Date.now() - started > timeoutMs)
      throw new Error(`CSS highlights not stable after ${timeoutMs} ms (last ${n})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Moves the pointer onto the middle of the first person range whose text contains `word`. */
export async function hoverPersonRange(p: Page, word: string): Promise<void> {
  const point = await p.evaluate(pointOnPersonRangeInPage, { text: word });
  if (!point) throw new Error(`no person highlight contains "${word}"`);
  await p.mouse.move(point.x, point.y);
}
