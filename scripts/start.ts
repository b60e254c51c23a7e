/**
 * `npm start` (after the build): serves demo/ on 127.0.0.1 and opens it with the extension loaded, in
 * Chromium, else in Firefox ESR (scripts/browser-choice.ts). With neither, Chromium is installed
 * where this process may (root, with apt-get); else it says what to install and where the built
 * extension is, to load by hand.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY set): a real window; runs until you close it.
 * - Without one: headless. Waits for the highlights, prints how many there are per category and
 *   saves artifacts/page.png; in Chromium also artifacts/hover-card.png, artifacts/popup.png and the
 *   store screenshots at 1280x800 (artifacts/store/); then exits 0.
 *
 * Set HEADLESS=1 to force the headless run even with a display.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { CATEGORIES } from '../src/core/categories';
import { chooseBrowser } from './browser-choice';
import { type Launched, launchWithExtension, openPopup, personHighlightPoint, ROOT } from './chrome';
import { launchFirefoxWithExtension } from './firefox';
import { serve } from './serve';

const HIGHLIGHT_TIMEOUT_MS = 30_000;
const HOVER_DWELL_MS = 600;
const ARTIFACTS = join(ROOT, 'artifacts');

async function main(): Promise<void> {
  const headed =
    !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !/^(1|true|yes)$/i.test(process.env.HEADLESS ?? '');
  const choice = chooseBrowser();
  for (const note of choice.notes) console.log(note);
  if (choice.browser === 'none') {
    console.log(
      `The extension is built: load ${relative(process.cwd(), join(ROOT, 'dist/chrome'))}/ in chrome://extensions (Developer mode, Load unpacked), ` +
        `or ${relative(process.cwd(), join(ROOT, 'dist/firefox/manifest.json'))} in about:debugging#/runtime/this-firefox (Load Temporary Add-on).`,
    );
    return;
  }
  console.log(`Browser: ${choice.browser === 'chromium' ? 'Chromium' : 'Firefox'} (${choice.path})`);
  const site = await serve(join(ROOT, 'demo'));
  console.log(`Demo page: ${site.url}`);
  try {
    if (choice.browser === 'firefox') await firefoxDemo(site.url, headed);
    else await chromiumDemo(site.url, headed);
  } finally {
    await site.close();
  }
}

async function chromiumDemo(url: string, headed: boolean): Promise<void> {
  const launched = await launchWithExtension({ headless: !headed });
  const { context, extensionId } = launched;
  console.log(`Extension loaded: ${extensionId}`);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);

  if (headed) {
    console.log('Chromium is open with the demo page. Close the browser window (or press Ctrl+C) to finish.');
    process.once('SIGINT', () => void context.close());
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }
  try {
    await headlessTour(launched, page);
  } finally {
    await context.close();
  }
}

/** The demo in Firefox ESR: the page with its highlights (the popup and the cards are Chromium's tour). */
async function firefoxDemo(url: string, headed: boolean): Promise<void> {
  const browser = await launchFirefoxWithExtension({ headless: !headed });
  console.log('Extension loaded as a temporary add-on');
  const page = await browser.newPage();
  await page.goto(url);
  if (headed) {
    console.log('Firefox is open with the demo page. Close the browser window (or press Ctrl+C) to finish.');
    process.once('SIGINT', () => void browser.close());
    await new Promise<void>((done) => browser.once('disconnected', () => done()));
    return;
  }
  try {
    await page.waitForSelector('[data-fact-id]', { timeout: HIGHLIGHT_TIMEOUT_MS });
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const n = await page.$$eval('[data-fact-id]', (els) => els.length);
      if (n === last) break;
      last = n;
      await new Promise((r) => setTimeout(r, 250));
    }
    printCounts(await countsOf(page));
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'page.png');
    await page.screenshot({ path: file });
    console.log(`Saved ${relative(ROOT, file)}`);
  } finally {
    await browser.close();
  }
}

/** Highlights per category, read from the elements that carry them (marks, or the highlight list). */
function countsOf(page: Pick<Page, 'evaluate'> | Pick<FirefoxPage, 'evaluate'>): Promise<Record<string, number>> {
  return (page as Pick<Page, 'evaluate'>).evaluate(() => {
    const out: Record<string, number> = {};
    for (const el of Array.from(document.querySelectorAll('[data-fact-id]'))) {
      const c = el.getAttribute('data-category') || '(none)';
      out[c] = (out[c] || 0) + 1;
    }
    return out;
  });
}

function printCounts(counts: Record<string, number>): void {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Highlights: ${total}`);
  for (const c of [
    ...CATEGORIES,
    ...Object.keys(counts).filter((k) => !(CATEGORIES as readonly string[]).includes(k)),
  ]) {
    console.log(`  ${c.padEnd(13)} ${counts[c] ?? 0}`);
  }
}

async function headlessTour({ context, extensionId }: Launched, page: Page): Promise<void> {
  await page.waitForSelector('[data-fact-id]', { state: 'attached', timeout: HIGHLIGHT_TIMEOUT_MS });
  await settle(page);

  printCounts(await countsOf(page));

  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (name: string) => join(ARTIFACTS, name);

  await page.screenshot({ path: shot('page.png') });
  console.log(`Saved ${relative(ROOT, shot('page.png'))}`);

  const point = await personHighlightPoint(page).catch(() => null);
  if (point) {
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(HOVER_DWELL_MS);
    const cardShown = await page.evaluate(
      () => !!document.querySelector('[data-annotator-ui]')?.shadowRoot?.querySelector('[role=tooltip]:not([hidden])'),
    );
    await page.screenshot({ path: shot('hover-card.png') });
    console.log(`Saved ${relative(ROOT, shot('hover-card.png'))}${cardShown ? '' : ' (no hover card appeared)'}`);
    await page.mouse.move(1, 1);
  } else {
    console.log('No person highlight to hover: hover-card.png not taken');
  }

  const popup = await openPopup(context, extensionId, page);
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.waitForLoadState('load');
  await popup
    .waitForFunction(() => (document.querySelector('#limits')?.children.length ?? 0) > 0, null, { timeout: 5_000 })
    .catch(() => console.log('The popup did not list the limits within 5 s'));
  await popup.screenshot({ path: shot('popup.png'), fullPage: true });
  console.log(`Saved ${relative(ROOT, shot('popup.png'))}`);

  // As the toolbar opens it: as wide as its content, at most 600 px tall (Chromium's popup limit).
  const popupWidth = await popup.evaluate(() => document.documentElement.scrollWidth);
  await popup.setViewportSize({ width: popupWidth, height: 600 });
  await storeScreenshots(context, page, await popup.screenshot());
  await popup.close();
}

/** The size store listings ask for. */
const STORE_SIZE = { width: 1280, height: 800 };
const STORE_DIR = join(ARTIFACTS, 'store');

/**
 * Store screenshots at 1280x800: the highlighted page, a hover card, and the popup drawn over the
 * page where the toolbar would open it.
 */
async function storeScreenshots(context: BrowserContext, page: Page, popupPng: Buffer): Promise<void> {
  mkdirSync(STORE_DIR, { recursive: true });
  const save = async (target: Page, name: string) => {
    const file = join(STORE_DIR, name);
    await target.screenshot({ path: file });
    console.log(`Saved ${relative(ROOT, file)}`);
  };
  await page.setViewportSize(STORE_SIZE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(HOVER_DWELL_MS);
  await save(page, '1-highlights.png');

  const point = await personHighlightPoint(page).catch(() => null);
  if (point) {
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(HOVER_DWELL_MS);
    await save(page, '2-hover-card.png');
    await page.mouse.move(1, 1);
  }

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(HOVER_DWELL_MS);
  const backdrop = await page.screenshot();
  const board = await context.newPage();
  await board.setViewportSize(STORE_SIZE);
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  await board.evaluate(
    (images) => {
      document.body.style.cssText = 'margin: 0; position: relative; overflow: hidden; background: #fff';
      return Promise.all(
        images.map(([png, css]) => {
          const img = document.createElement('img');
          img.src = `data:image/png;base64,${png}`;
          img.style.cssText = css;
          document.body.append(img);
          return img.decode();
        }),
      );
    },
    [
      [backdrop.toString('base64'), 'display: block; width: 100%'],
      [
        popupPng.toString('base64'),
        'position: absolute; top: 8px; right: 16px; max-height: 784px; border-radius: 8px; box-shadow: 0 8px 28px rgba(0,0,0,.35)',
      ],
    ] as [string, string][],
  );
  await save(board, '3-popup.png');
  await board.close();
}

/** Waits until the number of highlights has not changed for a moment (the first scan is done). */
async function settle(page: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await page.locator('[data-fact-id]').count();
    if (n === last) return;
    last = n;
    await page.waitForTimeout(250);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
