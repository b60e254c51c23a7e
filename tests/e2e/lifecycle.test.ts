/**
 * Updates and reloads: the content scripts left in open tabs lose their extension context. They
 * must then take their highlights, marks, card, host and listeners away without a word in the
 * page's console, and pages opened afterwards must be highlighted as usual.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { launch, openPage, personHighlightPoint, serveDemo, visibleCardText, waitForStableHighlights } from './harness';

declare const chrome: { runtime: { reload(): void } };

/** Longer than the card's open delay: long enough for a card that should not come to have come. */
const QUIET_MS = 800;

let browser: Launched | undefined;
let site: Served | undefined;

afterEach(async () => {
  await browser?.context.close();
  await site?.close();
  browser = undefined;
  site = undefined;
});

/**
 * Everything the page's console says at warning level or above, and uncaught errors, in any world
 * (content scripts' included). The demo server has no favicon: the browser's 404 for it is not ours.
 */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.location().url.endsWith('/favicon.ico')) return;
    problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${String(error)}`));
  return problems;
}

/** What the extension has put in the page: hosts, highlight elements, registered highlights. */
function leftovers(page: Page): Promise<{ hosts: number; highlightElements: number; registered: number }> {
  return page.evaluate(() => ({
    hosts: document.querySelectorAll('[data-annotator-ui]').length,
    highlightElements: document.querySelectorAll('[data-fact-id], mark.nic-mark').length,
    registered: [...CSS.highlights.keys()].filter((name) => name.startsWith('nic-')).length,
  }));
}

describe.each(['highlights', 'marks'] as const)('after the extension is reloaded (%s renderer)', (renderer) => {
  it('the old tab drops everything quietly and a new tab is highlighted', async () => {
    site = await serveDemo();
    browser = await launch({ renderer, developerMode: true });
    const old = await openPage(browser.context, site.url);
    const problems = consoleProblems(old);
    const bodyText = await old.evaluate(() => document.body.textContent);
    await waitForStableHighlights(old);

    const point = await personHighlightPoint(old);
    await old.mouse.move(point.x, point.y);
    await expect.poll(() => visibleCardText(old), { timeout: 5_000 }).toMatch(/source/i);
    const before = await leftovers(old);
    expect(before.hosts).toBe(1);
    expect(before.highlightElements).toBeGreaterThan(0);
    if (renderer === 'highlights') expect(before.registered).toBeGreaterThan(0);
    expect(problems).toEqual([]);

    const nextWorker = browser.context.waitForEvent('serviceworker', { timeout: 15_000 });
    // The worker goes away with the extension, so this call never gets its answer.
    await browser.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await nextWorker;

    await expect
      .poll(() => leftovers(old), { timeout: 10_000 })
      .toEqual({ hosts: 0, highlightElements: 0, registered: 0 });
    expect(await old.evaluate(() => document.body.textContent)).toBe(bodyText);

    // No dead card: hovering the former highlight again, or walking the highlights by keyboard, opens nothing.
    await old.mouse.move(1, 1);
    await old.mouse.move(point.x, point.y);
    await old.keyboard.press('Alt+Shift+N');
    await old.waitForTimeout(QUIET_MS);
    expect(await visibleCardText(old)).toBe('');
    expect(await leftovers(old)).toEqual({ hosts: 0, highlightElements: 0, registered: 0 });
    expect(problems).toEqual([]);

    const fresh = await openPage(browser.context, site.url);
    expect(await waitForStableHighlights(fresh)).toBeGreaterThan(0);
  });
});
