/**
 * A live page that never stops naming the story: entries prepended in bursts, the oldest dropped, an
 * older entry rewritten in place. However long the storm, the extension keeps only highlights on text
 * that is still on the page, one list entry per highlight, and highlights the newest entries once it ebbs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { TwoOrigins } from '../../scripts/serve';
import { collectPageErrors, countOf, HIGHLIGHT, launch, serveFixtures, waitForStableHighlights } from './harness';

let site: TwoOrigins | undefined;
let browser: Launched | undefined;
let page: Page;
let errors: string[];

/** The registered highlight ranges: how many, and how many stand on text no longer in the page. */
function registeredRanges(p: Page): Promise<{ ranges: number; detached: number; entries: number }> {
  return p.evaluate(() => {
    let ranges = 0;
    let detached = 0;
    CSS.highlights.forEach((highlight) => {
      for (const range of highlight) {
        ranges++;
        if (!range.startContainer.isConnected || !range.endContainer.isConnected) detached++;
      }
    });
    return { ranges, detached, entries: document.getElementById('feed')!.children.length };
  });
}

function storm(p: Page, ticks: number, perTick: number, everyMs: number): Promise<number> {
  return p.evaluate(
    ([t, n, ms]) => (window as unknown as { storm: (...a: number[]) => Promise<number> }).storm(t, n, ms),
    [ticks, perTick, everyMs] as const,
  );
}

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launch();
  page = await browser.context.newPage();
  errors = collectPageErrors(page);
  await page.goto(`${site.url}live-blog.html`, { waitUntil: 'load' });
  await waitForStableHighlights(page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('a live page that never stops naming the story', () => {
  it('after a long storm, highlights and their list stand only on text still on the page', async () => {
    // 400 bursts of 20 entries: 8,000 entries through a page that keeps 60.
    const last = await storm(page, 400, 20, 15);
    const settled = await waitForStableHighlights(page, 1, 1000, 60_000);
    const after = await registeredRanges(page);
    expect(after.entries).toBe(60);
    expect(after.detached).toBe(0);
    // One list entry per highlight drawn, and no more than the entries on the page carry:
    // each names Putin, Xi, the Beijing Olympics and NATO at most once or twice.
    expect(settled).toBe(after.ranges);
    expect(after.ranges).toBeGreaterThan(0);
    expect(after.ranges).toBeLessThanOrEqual(after.entries * 8);
    // The newest entry is highlighted once the storm is over.
    await expect
      .poll(
        () =>
          page.evaluate((id) => {
            let on = false;
            CSS.highlights.forEach((h) => {
              for (const r of h) if (document.getElementById(id)?.contains(r.startContainer)) on = true;
            });
            return on;
          }, `entry-${last}`),
        { timeout: 10_000 },
      )
      .toBe(true);
    // A second storm leaves the same bound: nothing accumulates from one storm to the next.
    await storm(page, 400, 20, 15);
    const again = await waitForStableHighlights(page, 1, 1000, 60_000);
    const second = await registeredRanges(page);
    expect(second.detached).toBe(0);
    expect(again).toBe(second.ranges);
    expect(second.ranges).toBeLessThanOrEqual(second.entries * 8);
    expect(await countOf(page, HIGHLIGHT)).toBe(second.ranges);
    expect(errors).toEqual([]);
  });
});
