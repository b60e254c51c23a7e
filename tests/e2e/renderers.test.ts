/**
 * The two renderers: <mark> elements (default) and the element-free CSS Custom Highlight API.
 * Both must export the same annotations; the element-free one must leave the page's DOM exactly as
 * it was; switching between them and switching a category off follow storage at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import {
  HIGHLIGHT,
  collectPageErrors,
  countOf,
  exportOf,
  highlightSize,
  launch,
  openPage,
  openPopup,
  patchSettings,
  serveDemo,
  waitForStableHighlights,
  withoutExtension,
  visibleCardText,
  type ExportedCollection,
} from './harness';

const ELEMENT_FREE = 'Highlight without changing the page (CSS highlights)';

let site: Served | undefined;
let browser: Launched | undefined;
let page: Page;
let errors: string[];
let marksExport: ExportedCollection;
let baselineHtml: string;

/** Sum of the sizes of every nic-* highlight in the page's registry. */
function totalHighlightRanges(p: Page): Promise<number> {
  return p.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('nic-')) n += h.size;
    return n;
  });
}

/** Waits until the element-free renderer has drawn and its count stopped changing. */
async function waitForStableRanges(p: Page, quietMs = 800, timeout = 20_000): Promise<number> {
  const started = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await totalHighlightRanges(p);
    if (n !== last) {
      last = n;
      since = Date.now();
    }
    if (n > 0 && Date.now() - since >= quietMs) return n;
    if (Date.now() - started > timeout) throw new Error(`CSS highlights not stable after ${timeout} ms (last ${n})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function checkSelectors(collection: ExportedCollection, bodyText: string): void {
  expect(collection.items.length).toBeGreaterThan(0);
  expect(collection.total).toBe(collection.items.length);
  for (const item of collection.items) {
    const [quote, position] = item.target.selector;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    expect(item.body.length).toBeGreaterThan(0);
    expect(bodyText.slice(position.start, position.end), JSON.stringify(item.body)).toBe(quote.exact);
    expect(bodyText.slice(Math.max(0, position.start - quote.prefix.length), position.start)).toBe(quote.prefix);
    expect(bodyText.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
  }
}

beforeAll(async () => {
  site = await serveDemo();
  baselineHtml = await withoutExtension(site.url, () => document.body.innerHTML);
  browser = await launch();
  page = await openPage(browser.context, site.url);
  errors = collectPageErrors(page);
  await waitForStableHighlights(page);
  marksExport = await exportOf(browser.context, browser.extensionId, page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('renderers', () => {
  it('marks mode: the export is non-empty and every item has both selectors, which agree with body.textContent', async () => {
    const text = await page.evaluate(() => document.body.textContent ?? '');
    checkSelectors(marksExport, text);
    // Every fact id shown as a <mark> is in the export.
    const shown = await page.evaluate((sel) => [...new Set([...document.querySelectorAll(sel)].flatMap((e) => (e.getAttribute('data-fact-id') ?? '').split(/\s+/)))].sort(), HIGHLIGHT);
    const exported = [...new Set(marksExport.items.flatMap((i) => i.body.map((b) => b.value)))].sort();
    expect(exported).toEqual(shown);
  });

  it('the popup switch turns on element-free mode: no mark left, nic-person has ranges, and the export is identical', async () => {
    const popup = await openPopup(browser!.context, browser!.extensionId, page);
    const box = popup.getByRole('checkbox', { name: ELEMENT_FREE, exact: true });
    await expect.poll(() => box.count(), { timeout: 10_000 }).toBe(1);
    await box.check();
    await popup.close();
    await expect.poll(() => countOf(page, 'mark'), { timeout: 10_000 }).toBe(0);
    await waitForStableRanges(page);
    expect(await highlightSize(page, 'nic-person')).toBeGreaterThan(0);
    const free = await exportOf(browser!.context, browser!.extensionId, page);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    checkSelectors(free, text);
    expect(free.items).toEqual(marksExport.items);
    expect(errors).toEqual([]);
  });

  it('element-free mode on a freshly loaded page: zero marks, ranges drawn, body.innerHTML as without the extension', async () => {
    const fresh = await openPage(browser!.context, `${site!.url}`);
    const freshErrors = collectPageErrors(fresh);
    await waitForStableRanges(fresh);
    expect(await countOf(fresh, 'mark')).toBe(0);
    expect(await countOf(fresh, HIGHLIGHT)).toBe(0);
    expect(await highlightSize(fresh, 'nic-person')).toBeGreaterThan(0);
    expect(await fresh.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
    expect(await countOf(fresh, '[data-annotator-ui]')).toBe(0);
    // Same export as the marks mode gave on the same page.
    const free = await exportOf(browser!.context, browser!.extensionId, fresh);
    expect(free.items).toEqual(marksExport.items);
    // Hovering a person range opens the card; the only new element is its host, outside <body>.
    const point = await fresh.evaluate(() => {
      const [range] = [...(CSS.highlights.get('nic-person') as unknown as Set<Range>)];
      range!.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range!.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await fresh.mouse.move(point.x, point.y);
    await expect.poll(() => visibleCardText(fresh), { timeout: 5_000 }).toContain('15 Dec 2021');
    expect(await fresh.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
    expect(await fresh.evaluate(() => [...document.documentElement.children].map((e) => e.tagName.toLowerCase() + (e.hasAttribute('data-annotator-ui') ? '[ui]' : '')))).toEqual(['head', 'body', 'div[ui]']);
    expect(freshErrors).toEqual([]);
    await fresh.close();
  });

  it('the page that was switched from marks to element-free mode is back to its original DOM', async () => {
    // The marks were removed when the renderer changed: the body must be as the page served it.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
  });

  it('People switched off in element-free mode empties nic-person; other categories stay', async () => {
    await patchSettings(browser!.context, browser!.extensionId, { categories: { person: false } });
    await expect.poll(() => highlightSize(page, 'nic-person'), { timeout: 5_000 }).toBeLessThanOrEqual(0);
    expect(await highlightSize(page, 'nic-place')).toBeGreaterThan(0);
    expect(await countOf(page, 'mark')).toBe(0);
    await patchSettings(browser!.context, browser!.extensionId, { categories: { person: true } });
    await expect.poll(() => highlightSize(page, 'nic-person'), { timeout: 5_000 }).toBeGreaterThan(0);
  });

  it('element-free highlights are reached with Alt+Shift+N / Alt+Shift+P, each opening its card', async () => {
    await waitForStableRanges(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    const first = await visibleCardText(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).not.toBe(first);
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
    expect(await countOf(page, 'mark')).toBe(0);
  });

  it('switching back to marks restores the mark elements, and the export is still the same', async () => {
    await patchSettings(browser!.context, browser!.extensionId, { renderer: 'marks' });
    await waitForStableHighlights(page);
    expect(await countOf(page, `mark${HIGHLIGHT}`)).toBeGreaterThan(10);
    // No range left behind in the highlight registry.
    await expect.poll(() => totalHighlightRanges(page), { timeout: 5_000 }).toBe(0);
    const again = await exportOf(browser!.context, browser!.extensionId, page);
    expect(again.items).toEqual(marksExport.items);
    expect(errors).toEqual([]);
  });
});
