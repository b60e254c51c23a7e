/**
 * The two renderers: the element-free CSS Custom Highlight API (the default) and <mark> elements
 * (the "accessible highlights" option). Both must export the same annotations; the element-free
 * one must leave the page's DOM exactly as it was, apart from the extension's one host element
 * outside <body>; switching between them and switching a category off follow storage at once.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { checkExportSelectors } from './checks';
import {
  collectPageErrors,
  countOf,
  type ExportedCollection,
  exportOf,
  HIGHLIGHT,
  highlightSize,
  launch,
  openPage,
  openPopup,
  patchSettings,
  serveDemo,
  visibleCardText,
  waitForStableHighlights,
  withoutExtension,
} from './harness';
import { pointOnPersonRangeInPage, rangesAndEntriesInPage, rootChildrenInPage } from './page-reads';

const ACCESSIBLE_MARKS = 'Accessible highlights (mark elements in the page text)';

let site: Served | undefined;
let browser: Launched | undefined;
let page: Page;
let errors: string[];
let freeExport: ExportedCollection;
let baselineHtml: string;

/** Sum of the sizes of every nic-* highlight in the page's registry. */
function totalHighlightRanges(p: Page): Promise<number> {
  return p.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>)
      if (name.startsWith('nic-')) n += h.size;
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

/** The card's text, once the active element is an entry of the highlight list. */
function focusedEntry(p: Page): Promise<{ inList: boolean; ids: string; rangeOnScreen: boolean }> {
  return p.evaluate(() => {
    const active = document.activeElement;
    const host = document.querySelector('[data-annotator-ui]');
    const inList = !!active && !!host && host !== active && host.contains(active);
    const ids = inList ? (active!.getAttribute('data-fact-id') ?? '') : '';
    let rangeOnScreen = false;
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('nic-') || !inList) continue;
      for (const bounds of h) {
        // Highlights are StaticRanges: text and box are read through a live Range over the same bounds.
        const r = document.createRange();
        r.setStart(bounds.startContainer, bounds.startOffset);
        r.setEnd(bounds.endContainer, bounds.endOffset);
        if (r.toString() !== active!.textContent) continue;
        const rect = r.getBoundingClientRect();
        if (rect.bottom > 0 && rect.top < innerHeight) rangeOnScreen = true;
      }
    }
    return { inList, ids, rangeOnScreen };
  });
}

beforeAll(async () => {
  site = await serveDemo();
  baselineHtml = await withoutExtension(site.url, () => document.body.innerHTML);
  browser = await launch();
  page = await openPage(browser.context, site.url);
  errors = collectPageErrors(page);
  await waitForStableRanges(page);
  freeExport = await exportOf(browser.context, browser.extensionId, page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('renderers', () => {
  it('element-free by default: ranges drawn, no mark in the body, body.innerHTML as without the extension, a valid export', async () => {
    expect(await highlightSize(page, 'nic-person')).toBeGreaterThan(0);
    expect(await countOf(page, 'body mark')).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
    // The extension's only element: its host, after <body>.
    expect(await page.evaluate(rootChildrenInPage)).toEqual(['head', 'body', 'div[ui]']);
    checkExportSelectors(freeExport, await page.evaluate(() => document.body.textContent ?? ''));
  });

  it('element-free: the highlight list in the host has one entry per range, with the same category and text', async () => {
    const { ranges, entries, outsideHost } = await page.evaluate(rangesAndEntriesInPage);
    expect(outsideHost).toBe(0);
    expect(ranges.length).toBeGreaterThan(20);
    expect(entries).toEqual(ranges);
    expect(entries.filter((e) => /^person\|.*\bXi\b/.test(e)).length).toBeGreaterThan(0);
    // Fact ids on the entries are those of the export.
    const listed = await page.evaluate(() =>
      [
        ...new Set(
          [...document.querySelectorAll('[data-annotator-ui] [data-fact-id]')].flatMap((e) =>
            e.getAttribute('data-fact-id')!.split(' '),
          ),
        ),
      ].sort(),
    );
    expect(listed).toEqual([...new Set(freeExport.items.flatMap((i) => i.body.map((b) => b.value)))].sort());
  });

  it('element-free: hovering a person range opens its card, and the body is still untouched', async () => {
    const point = (await page.evaluate(pointOnPersonRangeInPage, {}))!;
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
  });

  it('element-free: a click (a tap, with no hover before it) on a range opens its card; a click elsewhere does not', async () => {
    const clickAt = async (where: 'range' | 'plain') => {
      // The range's block scrolled into view first either way, as a reader would see the page.
      const onRange = (await page.evaluate(pointOnPersonRangeInPage, {}))!;
      await page.evaluate(
        ([w, point]) => {
          const rect = w === 'range' ? null : document.querySelector('footer, h1')!.getBoundingClientRect();
          const x = rect ? rect.right + 2 : point.x;
          const y = rect ? rect.top + rect.height / 2 : point.y;
          (document.elementFromPoint(x, y) ?? document.body).dispatchEvent(
            new MouseEvent('click', { clientX: x, clientY: y, bubbles: true, button: 0 }),
          );
        },
        [where, onRange] as const,
      );
    };
    await clickAt('plain');
    expect(await visibleCardText(page)).toBe('');
    await clickAt('range');
    await expect.poll(() => visibleCardText(page), { timeout: 2_000 }).toContain('15 Dec 2021');
    await page.keyboard.press('Escape');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
  });

  it('element-free: Tab reaches the highlight list; its entries open their cards with the highlight scrolled into view; arrows move', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusedEntry(page)).inList;
    }
    expect(reached, 'Tab reached the highlight list').toBe(true);
    const first = await focusedEntry(page);
    expect(first.ids).not.toBe('');
    expect(first.rangeOnScreen).toBe(true);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    const firstCard = await visibleCardText(page);
    await page.keyboard.press('End');
    await expect.poll(async () => (await focusedEntry(page)).rangeOnScreen, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).not.toBe(firstCard);
    await page.keyboard.press('Home');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe(firstCard);
    await page.keyboard.press('ArrowDown');
    expect((await focusedEntry(page)).inList).toBe(true);
    // One tab stop: Tab leaves the list at once.
    await page.keyboard.press('Tab');
    expect((await focusedEntry(page)).inList).toBe(false);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
  });

  it('People switched off in element-free mode empties nic-person and its list entries; other categories stay', async () => {
    await patchSettings(browser!.context, browser!.extensionId, { categories: { person: false } });
    await expect.poll(() => highlightSize(page, 'nic-person'), { timeout: 5_000 }).toBeLessThanOrEqual(0);
    expect(await countOf(page, '[data-category=person]')).toBe(0);
    expect(await highlightSize(page, 'nic-place')).toBeGreaterThan(0);
    expect(await countOf(page, 'body mark')).toBe(0);
    await patchSettings(browser!.context, browser!.extensionId, { categories: { person: true } });
    await expect.poll(() => highlightSize(page, 'nic-person'), { timeout: 5_000 }).toBeGreaterThan(0);
    await waitForStableRanges(page);
    const { ranges, entries } = await page.evaluate(rangesAndEntriesInPage);
    expect(entries).toEqual(ranges);
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
    expect(await countOf(page, 'body mark')).toBe(0);
  });

  it('the popup switch "Accessible highlights" draws marks with the contract attributes; no range or list entry is left; the export is identical', async () => {
    const popup = await openPopup(browser!.context, browser!.extensionId, page);
    const box = popup.getByRole('checkbox', { name: ACCESSIBLE_MARKS, exact: true });
    await expect.poll(() => box.count(), { timeout: 10_000 }).toBe(1);
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await popup.close();
    await expect
      .poll(() => countOf(page, `body mark${HIGHLIGHT}[data-category]`), { timeout: 10_000 })
      .toBeGreaterThan(10);
    await waitForStableHighlights(page);
    await expect.poll(() => totalHighlightRanges(page), { timeout: 5_000 }).toBe(0);
    expect(await countOf(page, `[data-annotator-ui] ${HIGHLIGHT}`)).toBe(0);
    const marks = await exportOf(browser!.context, browser!.extensionId, page);
    checkExportSelectors(marks, await page.evaluate(() => document.body.textContent ?? ''));
    expect(marks.items).toEqual(freeExport.items);
    // Every fact id shown as a <mark> is in the export.
    const shown = await page.evaluate(
      (sel) =>
        [
          ...new Set(
            [...document.querySelectorAll(`body ${sel}`)].flatMap((e) =>
              (e.getAttribute('data-fact-id') ?? '').split(/\s+/),
            ),
          ),
        ].sort(),
      HIGHLIGHT,
    );
    expect([...new Set(marks.items.flatMap((i) => i.body.map((b) => b.value)))].sort()).toEqual(shown);
  });

  it('switching back to element-free removes every mark: the body is as the page served it, and the export is still the same', async () => {
    await patchSettings(browser!.context, browser!.extensionId, { renderer: 'highlights' });
    await expect.poll(() => countOf(page, 'body mark'), { timeout: 10_000 }).toBe(0);
    await waitForStableRanges(page);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baselineHtml);
    const again = await exportOf(browser!.context, browser!.extensionId, page);
    expect(again.items).toEqual(freeExport.items);
    expect(errors).toEqual([]);
  });
});
