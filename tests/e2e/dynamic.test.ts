/**
 * Dynamic pages: text the page adds or replaces after load is highlighted without a reload, old
 * highlights go with the text they stood on, single-page navigation (history.pushState) rereads
 * the page, and the page's own scripts keep running undisturbed.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { TwoOrigins } from '../../scripts/serve';
import {
  CATEGORIES,
  collectPageErrors,
  countOf,
  exportOf,
  exportProblems,
  FIXTURE_PROTECTED_STATE,
  factIdsWithin,
  HIGHLIGHT,
  launch,
  maxCountDuring,
  openPopup,
  patchSettings,
  protectedState,
  serveFixtures,
  waitForStableHighlights,
} from './harness';

let site: TwoOrigins | undefined;
let browser: Launched | undefined;
let page: Page;
let errors: string[];

/** [fact ids, text] of every highlight inside `scope`. */
function marksIn(p: Page, scope: string): Promise<[string, string][]> {
  return p.evaluate(
    ([s, sel]) =>
      [...document.querySelectorAll(`${s} ${sel}`)].map(
        (e) => [e.getAttribute('data-fact-id') ?? '', e.textContent ?? ''] as [string, string],
      ),
    [scope, HIGHLIGHT] as const,
  );
}

function counter(p: Page): Promise<{ value: number; shown: string }> {
  return p.evaluate(() => ({
    value: (window as unknown as { counter: number }).counter,
    shown: document.getElementById('counter')?.textContent ?? '',
  }));
}

/** The page's counter goes on increasing and is written into its element. */
async function expectCounterRunning(p: Page): Promise<void> {
  const before = await counter(p);
  await expect.poll(async () => (await counter(p)).value, { timeout: 5_000 }).toBeGreaterThan(before.value + 3);
  const after = await counter(p);
  // The element shows the counter (it may have ticked once between the two reads).
  expect(Math.abs(Number(after.shown) - after.value)).toBeLessThanOrEqual(1);
}

async function expectConsistentExport(p: Page): Promise<void> {
  const collection = await exportOf(browser!.context, browser!.extensionId, p);
  const text = await p.evaluate(() => document.body.textContent ?? '');
  expect(exportProblems(collection, text)).toEqual([]);
}

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launch({ renderer: 'marks' });
  page = await browser.context.newPage();
  errors = collectPageErrors(page);
  await page.goto(`${site.url}dynamic.html`, { waitUntil: 'load' });
  await page.evaluate(() => ((window as unknown as { __e2eNoReload: boolean }).__e2eNoReload = true));
  await waitForStableHighlights(page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('dynamic page', () => {
  it('a paragraph the page appends 500 ms after load is highlighted, without a reload', async () => {
    await expect
      .poll(() => factIdsWithin(page, '#added'), { timeout: 10_000 })
      .toEqual(['person:narendra-modi', 'person:vladimir-putin']);
    const marks = await marksIn(page, '#added');
    // The honorific may be part of the highlight ("Mr. Putin").
    expect(marks.map(([, text]) => text.replace(/^Mr\. /, '')).sort()).toEqual(['Narendra Modi', 'Putin']);
    expect(await page.evaluate(() => (window as unknown as { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true);
  });

  it('a paragraph appended well after the first scan is highlighted too', async () => {
    await waitForStableHighlights(page);
    await page.evaluate(() => (window as unknown as { appendLate: () => void }).appendLate());
    await expect
      .poll(() => factIdsWithin(page, '#added-late'), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['person:joe-biden', 'person:narendra-modi', 'person:vladimir-putin']));
    const people = (await marksIn(page, '#added-late'))
      .filter(([ids]) => ids.startsWith('person:'))
      .map(([, t]) => t.replace(/^Mr\. /, ''));
    expect(people.sort()).toEqual(['Joe Biden', 'Narendra Modi', 'Putin']);
  });

  it('a paragraph whose textContent the page replaces is annotated afresh; the old highlights are gone', async () => {
    expect(await factIdsWithin(page, '#changing')).toEqual(['event:beijing-winter-olympics', 'person:xi-jinping']);
    await page.evaluate(() => (window as unknown as { replaceChanging: () => void }).replaceChanging());
    await expect
      .poll(() => factIdsWithin(page, '#changing'), { timeout: 10_000 })
      .toEqual(['person:dmitri-rogozin', 'person:karen-donfried']);
    expect((await marksIn(page, '#changing')).map(([, t]) => t).sort()).toEqual(['Dmitri Rogozin', 'Karen Donfried']);
    expect(await page.locator('#changing').textContent()).toBe(
      'Karen Donfried and Dmitri Rogozin were not on the call.',
    );
    // The Olympics were only ever in that paragraph: no highlight of them is left anywhere.
    expect(await countOf(page, '[data-fact-id~="event:beijing-winter-olympics"]')).toBe(0);
  });

  it('a changed inline element re-annotates its paragraph: old highlight kept once, new one added, text intact', async () => {
    expect(await factIdsWithin(page, '#inline-change')).toEqual(['person:xi-jinping']);
    await page.evaluate(() => (window as unknown as { changeInline: () => void }).changeInline());
    await expect
      .poll(() => factIdsWithin(page, '#inline-change'), { timeout: 10_000 })
      .toEqual(['person:xi-jinping', 'place:moscow']);
    expect((await marksIn(page, '#inline-change')).map(([, t]) => t).sort()).toEqual(['Moscow', 'Xi Jinping']);
    expect(await page.locator('#inline-change').textContent()).toBe(
      'Xi Jinping listened while an aide from Moscow read the notes.',
    );
  });

  it('after all those changes the export still matches the page text, with nothing listed twice', async () => {
    await waitForStableHighlights(page);
    await expectConsistentExport(page);
  });

  it('after those changes the popup counts agree with the highlights on the page', async () => {
    await waitForStableHighlights(page);
    // One tab stop per highlight: the number of highlights of each category on the page.
    const onPage = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const el of document.querySelectorAll('[data-fact-id][tabindex]')) {
        const c = el.getAttribute('data-category') ?? '';
        counts[c] = (counts[c] ?? 0) + 1;
      }
      return counts;
    });
    const popup = await openPopup(browser!.context, browser!.extensionId, page);
    await expect.poll(() => popup.locator('#count-person').innerText(), { timeout: 10_000 }).toMatch(/^\d+$/);
    const shown: Record<string, number> = {};
    for (const category of CATEGORIES) {
      const n = Number(await popup.locator(`#count-${category}`).innerText());
      if (n > 0) shown[category] = n;
    }
    await popup.close();
    expect(shown).toEqual(onPage);
  });

  it('a category switched off and on after those changes draws each highlight once (no nested duplicate marks)', async () => {
    await patchSettings(browser!.context, browser!.extensionId, { categories: { place: false } });
    await expect.poll(() => countOf(page, '[data-category=place]'), { timeout: 5_000 }).toBe(0);
    await patchSettings(browser!.context, browser!.extensionId, { categories: { place: true } });
    await expect.poll(() => countOf(page, '#inline-change [data-category=place]'), { timeout: 5_000 }).toBe(1);
    await waitForStableHighlights(page);
    const nested = await page.evaluate(
      (sel) =>
        [...document.querySelectorAll(sel)]
          .filter((el) => {
            const outer = el.parentElement?.closest(sel);
            return (
              !!outer &&
              outer.getAttribute('data-fact-id') === el.getAttribute('data-fact-id') &&
              outer.getAttribute('data-category') === el.getAttribute('data-category')
            );
          })
          .map((el) => `${el.getAttribute('data-fact-id')} "${el.textContent}" in #${el.closest('[id]')?.id}`),
      HIGHLIGHT,
    );
    expect(nested, 'highlights drawn twice, one inside the other').toEqual([]);
    expect(await countOf(page, '#inline-change [data-fact-id][tabindex]')).toBe(2);
    expect(await page.locator('#inline-change').textContent()).toBe(
      'Xi Jinping listened while an aide from Moscow read the notes.',
    );
  });

  it("the page's own counter keeps increasing; protected regions untouched; no page errors", async () => {
    await expectCounterRunning(page);
    expect(await protectedState(page)).toEqual(FIXTURE_PROTECTED_STATE);
    expect(errors).toEqual([]);
  });
});

describe('single-page app', () => {
  let spa: Page;
  let spaErrors: string[];

  beforeAll(async () => {
    spa = await browser!.context.newPage();
    spaErrors = collectPageErrors(spa);
    await spa.goto(`${site!.url}spa.html`, { waitUntil: 'load' });
    await waitForStableHighlights(spa);
  });

  it('history.pushState and new article content: the new content is highlighted', async () => {
    expect(await factIdsWithin(spa, '#article')).toContain('person:yuri-ushakov');
    await spa.click('#next-link');
    expect(new URL(spa.url()).pathname).toBe('/spa/olympics');
    await expect
      .poll(() => factIdsWithin(spa, '#article'), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          'event:beijing-winter-olympics',
          'event:summit-for-democracy',
          'organization:johns-hopkins-sais-europe',
          'person:joe-biden',
          'person:sergey-radchenko',
          'person:vladimir-putin',
          'person:xi-jinping',
        ]),
      );
    expect(await factIdsWithin(spa, '#article')).not.toContain('person:yuri-ushakov');
    await waitForStableHighlights(spa);
    const collection = await exportOf(browser!.context, browser!.extensionId, spa);
    expect(exportProblems(collection, await spa.evaluate(() => document.body.textContent ?? ''))).toEqual([]);
    expect(collection.items.length).toBeGreaterThan(0);
  });

  it('navigating to an article with nothing of the story: the page is judged afresh and nothing stays highlighted', async () => {
    await spa.click('#food-link');
    expect(new URL(spa.url()).pathname).toBe('/spa/food');
    // China and Russia in passing, on a page about bread: a fresh load of it shows nothing.
    await expect.poll(() => countOf(spa, HIGHLIGHT), { timeout: 10_000 }).toBe(0);
    expect(await maxCountDuring(spa, HIGHLIGHT, 1_000)).toBe(0);
  });

  it("the SPA's counter keeps increasing, protected regions untouched, no page errors", async () => {
    await expectCounterRunning(spa);
    expect(await protectedState(spa)).toEqual(FIXTURE_PROTECTED_STATE);
    expect(spaErrors).toEqual([]);
  });
});
