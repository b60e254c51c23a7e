/** The hover card: opens on hover and on keyboard focus, shows the fact and its source, closes on Escape. */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { launch, openPage, serveDemo, visibleCardText, waitForStableHighlights } from './harness';

let browser: Launched | undefined;
let site: Served | undefined;
let page: Page;

beforeAll(async () => {
  site = await serveDemo();
  browser = await launch({ renderer: 'marks' });
  page = await openPage(browser.context, site.url);
  await waitForStableHighlights(page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

/** Words of a fact id's slug ("person:xi-jinping" → ["xi", "jinping"]): the card's title names them. */
function slugWords(factId: string): string[] {
  return (factId.split(':')[1] ?? '').split('-').filter((w) => w.length > 1);
}

async function closeCard(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
}

describe('hover card', () => {
  it('opens on hover with the fact title and the source line, closes on Escape', async () => {
    const mark = page.locator('[data-category=person]').first();
    const ids = (await mark.getAttribute('data-fact-id')) ?? '';
    const personId = ids.split(/\s+/).find((id) => id.startsWith('person:'));
    expect(personId).toBeTruthy();

    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');

    const state = await page.evaluate(() => {
      const host = document.querySelector('[data-annotator-ui]');
      return { hosts: document.querySelectorAll('[data-annotator-ui]').length, open: !!host?.shadowRoot };
    });
    expect(state.hosts).toBeGreaterThanOrEqual(1);
    expect(state.open, 'the card host has an open shadow root').toBe(true);

    const text = (await visibleCardText(page)).toLowerCase();
    for (const word of slugWords(personId!)) expect(text).toContain(word);
    expect(text).toMatch(/source/i);

    await page.keyboard.press('Escape');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
    await page.mouse.move(1, 1);
  });

  it('highlights are focusable, and focusing one opens its card', async () => {
    await closeCard();
    // One tab stop per highlight (on its first piece): every fact on the page can be reached.
    const reach = await page.evaluate(() => {
      const all = new Set<string>();
      const focusable = new Set<string>();
      let stops = 0;
      for (const el of document.querySelectorAll<HTMLElement>('[data-fact-id]')) {
        const ids = (el.getAttribute('data-fact-id') ?? '').split(/\s+/).filter(Boolean);
        for (const id of ids) all.add(id);
        if (el.tabIndex >= 0 && el.hasAttribute('tabindex')) {
          stops++;
          for (const id of ids) focusable.add(id);
        }
      }
      return { stops, unreachable: [...all].filter((id) => !focusable.has(id)) };
    });
    expect(reach.stops).toBeGreaterThan(10);
    expect(reach.unreachable, 'facts with no focusable highlight').toEqual([]);

    const target = page.locator('[data-category=person][tabindex]').nth(1);
    const ids = (await target.getAttribute('data-fact-id')) ?? '';
    const personId = ids.split(/\s+/).find((id) => id.startsWith('person:'))!;
    await target.evaluate((el: HTMLElement) => el.focus());
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    const text = (await visibleCardText(page)).toLowerCase();
    for (const word of slugWords(personId)) expect(text).toContain(word);

    await page.keyboard.press('Escape');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
  });

  it('Tab moves focus onto a highlight and opens its card', async () => {
    await closeCard();
    // Start from the last link before the headline: the next tab stop is the first highlight
    // (nothing else between the kicker and the article text is focusable).
    await page.locator('.kicker a').last().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-fact-id') ?? null);
    expect(focused).toBeTruthy();
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    await page.keyboard.press('Escape');
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
  });
});
