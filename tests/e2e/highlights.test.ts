/** The demo page gets the story's facts highlighted, with the right ids and categories. */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { CATEGORIES, factIdsOn, HIGHLIGHT, launch, openPage, serveDemo, waitForStableHighlights } from './harness';

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

describe('demo page highlights', () => {
  it('highlights the story facts with their ids', async () => {
    const ids = await factIdsOn(page);
    const expected = [
      'person:vladimir-putin',
      'person:xi-jinping',
      'place:ukraine',
      'organization:levada-center', // written "Levada Middle" in the reworded text
      'claim:olympics-attendance',
      'quote:exceeds-alliance',
      'limit:crimea-not-recognized',
    ];
    expect(
      expected.filter((id) => !ids.includes(id)),
      'expected fact ids missing from the demo page',
    ).toEqual([]);
  });

  it('uses only the seven categories, and every highlight is a <mark> with ids', async () => {
    const found = await page.evaluate(
      (sel) =>
        [...document.querySelectorAll(sel)].map((el) => ({
          tag: el.tagName.toLowerCase(),
          category: el.getAttribute('data-category'),
          ids: el.getAttribute('data-fact-id') ?? '',
        })),
      HIGHLIGHT,
    );
    expect(found.length).toBeGreaterThan(10);
    for (const h of found) {
      expect(CATEGORIES as readonly (string | null)[]).toContain(h.category);
      expect(h.tag).toBe('mark');
      expect(h.ids.trim()).toMatch(/^[a-z]+:[a-z0-9-]+( [a-z]+:[a-z0-9-]+)*$/);
      // Each id's prefix is a category; the element's own category is among them.
      const prefixes = h.ids
        .trim()
        .split(/\s+/)
        .map((id) => id.split(':')[0]);
      expect(prefixes).toContain(h.category);
    }
  });

  it('covers all seven categories on the demo page', async () => {
    const categories = await page.evaluate(
      (sel) => [...new Set([...document.querySelectorAll(sel)].map((el) => el.getAttribute('data-category')))],
      HIGHLIGHT,
    );
    expect(categories.sort()).toEqual([...CATEGORIES].sort());
  });

  it('highlights a name split across elements ("Vladimir V." in <a>, "Putin" in <b>) in both pieces', async () => {
    const pieces = await page.evaluate(() => {
      const p = document.querySelector('p.split-name');
      if (!p) throw new Error('demo page lacks p.split-name');
      const covered = (el: Element | null) => {
        const nodes: Text[] = [];
        if (el) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            if (n.data.trim()) nodes.push(n);
          }
        }
        return {
          text: nodes.map((n) => n.data).join(''),
          highlighted:
            nodes.length > 0 && nodes.every((n) => n.parentElement?.closest('[data-fact-id~="person:vladimir-putin"]')),
        };
      };
      return { a: covered(p.querySelector('a')), b: covered(p.querySelector('b')) };
    });
    expect(pieces.a.text).toBe('Vladimir V.');
    expect(pieces.a.highlighted, '"Vladimir V." inside <a> is highlighted as person:vladimir-putin').toBe(true);
    expect(pieces.b.text).toBe('Putin');
    expect(pieces.b.highlighted, '"Putin" inside <b> is highlighted as person:vladimir-putin').toBe(true);
  });

  it('leaves the page text unchanged (highlighting only wraps text)', async () => {
    const text = await page.evaluate(() => document.querySelector('p.split-name')?.textContent);
    expect(text).toBe('Vladimir V. Putin spoke to Xi.');
  });
});
