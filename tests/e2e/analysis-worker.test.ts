/**
 * Analysis in the extension's worker: pages send their text there and draw
 * what comes back. Several tabs loading at once, a worker that was stopped,
 * a 5 MB page, and a news page that only mentions the story's places in
 * passing (nothing drawn, no element added, no annotator injected).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served, TwoOrigins } from '../../scripts/serve';
import {
  collectPageErrors,
  countOf,
  extensionScriptsOf,
  factIdsOn,
  HIGHLIGHT,
  HIGHLIGHT_TIMEOUT_MS,
  launch,
  serveDemo,
  serveFixtures,
  waitForHighlights,
  waitForStableHighlights,
  withoutExtension,
} from './harness';

let site: TwoOrigins | undefined;
let demo: Served | undefined;
let browser: Launched | undefined;

beforeAll(async () => {
  site = await serveFixtures();
  demo = await serveDemo();
  browser = await launch();
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
  await demo?.close();
});

async function openAll(context: BrowserContext, urls: string[]): Promise<Page[]> {
  const pages = await Promise.all(urls.map(() => context.newPage()));
  await Promise.all(pages.map((page, i) => page.goto(urls[i]!, { waitUntil: 'load' })));
  return pages;
}

describe('analysis in the worker', () => {
  it('several tabs loading at once each get their own highlights', async () => {
    const urls = [demo!.url, `${site!.url}dynamic.html`, demo!.url, `${site!.url}frame-story.html`, demo!.url];
    const pages = await openAll(browser!.context, urls);
    for (const page of pages) await waitForStableHighlights(page);
    const ids = await Promise.all(pages.map((page) => factIdsOn(page)));
    // The same page in three tabs: the same facts in each, and the claims and quotes of a story page among them.
    expect(ids[2]).toEqual(ids[0]);
    expect(ids[4]).toEqual(ids[0]);
    expect(ids[0]!.some((id) => id.startsWith('claim:'))).toBe(true);
    expect(ids[1]).toContain('person:vladimir-putin');
    expect(ids[3]).toContain('person:xi-jinping');
    // One tab alone afterwards finds what the crowded ones found.
    const [alone] = await openAll(browser!.context, [demo!.url]);
    await waitForStableHighlights(alone!);
    expect(await factIdsOn(alone!)).toEqual(ids[0]);
    expect(await countOf(alone!, HIGHLIGHT)).toBe(await countOf(pages[0]!, HIGHLIGHT));
    await Promise.all([...pages, alone!].map((page) => page.close()));
  });

  it('a 5 MB page is read in pieces and highlighted where the story is', async () => {
    const [page] = await openAll(browser!.context, [`${site!.url}huge.html?every=100`]);
    const errors = collectPageErrors(page!);
    const mentions = await page!.evaluate(
      () => document.getElementById('huge')!.textContent!.split('Vladimir Putin').length - 1,
    );
    expect(mentions).toBeGreaterThan(5);
    expect(await page!.evaluate(() => (window as unknown as { hugeLength: number }).hugeLength)).toBeGreaterThan(
      5_000_000,
    );
    // Every mention of Putin in the text gets its highlight.
    await expect
      .poll(
        () =>
          page!.evaluate(
            (sel) => [...document.querySelectorAll(sel)].filter((e) => e.textContent === 'Vladimir Putin').length,
            HIGHLIGHT,
          ),
        { timeout: HIGHLIGHT_TIMEOUT_MS, interval: 250 },
      )
      .toBe(mentions);
    expect(errors).toEqual([]);
    await page!.close();
  });

  it('a news page naming China, Russia, Beijing and Moscow in passing gets no highlight and no element', async () => {
    const [quiet, control] = await openAll(browser!.context, [
      `${site!.url}news-unrelated.html`,
      `${site!.url}frame-story.html`,
    ]);
    // The story page opened with it proves the extension is running; the news page must stay as served as long again.
    const started = Date.now();
    await waitForHighlights(control!);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1_000, Date.now() - started)));
    expect(await countOf(quiet!, HIGHLIGHT)).toBe(0);
    expect(await countOf(quiet!, '[data-annotator-ui]')).toBe(0);
    expect(await quiet!.evaluate(() => CSS.highlights.size)).toBe(0);
    const baseline = await withoutExtension(
      `${site!.url}news-unrelated.html`,
      () => document.documentElement.outerHTML,
    );
    expect(await quiet!.evaluate(() => document.documentElement.outerHTML)).toBe(baseline);
    await Promise.all([quiet!.close(), control!.close()]);
  });
});

describe('the reader and the annotator', () => {
  it('a page about no story runs the pre-check alone; a story page gets the reader and the annotator too', async () => {
    const story = await extensionScriptsOf(browser!.context, demo!.url);
    const quiet = await extensionScriptsOf(browser!.context, `${site!.url}news-unrelated.html`);
    await waitForHighlights(story.page);
    // As long again for the quiet page, whose reading was sent at the same time.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([...story.scripts].sort()).toEqual(['annotator.js', 'content.js', 'precheck.js']);
    expect([...quiet.scripts].sort()).toEqual(['precheck.js']);
    expect(await countOf(quiet.page, HIGHLIGHT)).toBe(0);
    await Promise.all([story.page.close(), quiet.page.close()]);
  });
});

describe('a worker that was stopped', () => {
  let stopped: Launched | undefined;

  afterAll(async () => {
    await stopped?.context.close();
  });

  /** Status changes of the extension's service worker, as DevTools reports them to one of its pages. */
  async function watchWorker(launched: Launched): Promise<{ session: CDPSession; statuses: string[] }> {
    const page = await launched.context.newPage();
    // A page of the extension's origin that sends no message (the popup would wake the worker again).
    await page.goto(`chrome-extension://${launched.extensionId}/manifest.json`);
    const session = await launched.context.newCDPSession(page);
    const statuses: string[] = [];
    session.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${launched.extensionId}/`))
          statuses.push(version.runningStatus);
      }
    });
    await session.send('ServiceWorker.enable');
    return { session, statuses };
  }

  it('wakes up when a page needs it, and the page is highlighted', async () => {
    stopped = await launch();
    const { session, statuses } = await watchWorker(stopped);
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('running');
    await session.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
    const stoppedAt = statuses.length;

    const [page] = await openAll(stopped.context, [demo!.url]);
    await waitForStableHighlights(page!);
    expect(statuses.slice(stoppedAt)).toContain('running');
    expect((await factIdsOn(page!)).some((id) => id.startsWith('claim:'))).toBe(true);
  });

  it('wakes up as soon as a tab starts loading, before any script of the page runs', async () => {
    stopped ??= await launch();
    const { session, statuses } = await watchWorker(stopped);
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('running');
    await session.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
    const stoppedAt = statuses.length;

    // No content script runs on a data: URL, and the page sends nothing: only the tab's loading can wake it.
    const page = await stopped.context.newPage();
    await page.goto('data:text/html,<p>Nothing here</p>');
    await expect.poll(() => statuses.slice(stoppedAt), { timeout: 10_000 }).toContain('running');
    await page.close();
  });
});
