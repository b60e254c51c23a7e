/**
 * Page rules aimed at the extension's host: whatever part of the host's light DOM a page's
 * stylesheet aims at (the box, the first entry, entries after it, entries of one category,
 * everything under the host), the highlight list stays rendered, in place and focusable.
 * Each rule is planted alone, before the extension draws, in a page that has no other hostile CSS.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { TwoOrigins } from '../../scripts/serve';
import { launch, serveFixtures } from './harness';

let site: TwoOrigins | undefined;
let browser: Launched | undefined;

const AIMED_RULES = [
  '[data-annotator-ui] > div > mark { display: none !important; }',
  '[data-annotator-ui] mark + mark { display: none !important; }',
  '[data-annotator-ui] mark:not(:first-child) { visibility: hidden !important; }',
  '[data-annotator-ui] mark[data-category="place"] { position: absolute !important; left: -9999px; }',
  '[data-annotator-ui] mark:last-child { position: fixed !important; top: 0; }',
  '[data-annotator-ui] > div { display: none !important; visibility: hidden !important; }',
  '[data-annotator-ui] * { display: none !important; }',
];

/** Each entry of the highlight list that the page's CSS keeps out of the rendering, focus or place. */
function hiddenEntriesInPage(): { entries: number; hidden: string[] } {
  const host = document.querySelector('[data-annotator-ui]');
  const entries = [...(host?.querySelectorAll<HTMLElement>('[data-fact-id]') ?? [])];
  const hidden: string[] = [];
  for (const entry of entries) {
    const style = getComputedStyle(entry);
    const box = getComputedStyle(entry.parentElement!);
    const shown =
      style.display !== 'none' &&
      style.visibility === 'visible' &&
      style.position === 'static' &&
      box.display !== 'none' &&
      box.visibility === 'visible';
    if (!shown) hidden.push(`${entry.dataset.category}|${entry.textContent}`);
  }
  return { entries: entries.length, hidden };
}

async function openWith(rule: string): Promise<Page> {
  const page = await browser!.context.newPage();
  // Planted at DOMContentLoaded, before the content script runs (document_idle).
  await page.addInitScript((css: string) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  }, rule);
  await page.goto(`${site!.url}host-css.html`, { waitUntil: 'load' });
  return page;
}

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launch();
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe("page rules aimed at the host's light DOM", () => {
  it.each(AIMED_RULES)('%s: every entry of the highlight list stays shown', async (rule) => {
    const page = await openWith(rule);
    await expect
      .poll(async () => (await page.evaluate(hiddenEntriesInPage)).entries, { timeout: 20_000 })
      .toBeGreaterThan(3);
    expect(
      await page.evaluate((css) => [...document.styleSheets].some((s) => s.ownerNode?.textContent === css), rule),
    ).toBe(true);
    expect((await page.evaluate(hiddenEntriesInPage)).hidden).toEqual([]);
    await page.close();
  });
});
