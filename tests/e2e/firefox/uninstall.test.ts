/**
 * Firefox: uninstalling the add-on while a page shows its highlights. Firefox runs no more of the
 * content scripts' code in open pages then (neither the lifeline's checks nor any listener), but it
 * takes the manifest's content-script stylesheet out of them: the host, hidden by its own inline
 * style unless that sheet shows it, leaves the page with its card and highlight list at once.
 */

import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';
import { type Served, serve } from '../../../scripts/serve';
import { visibleCardTextInPage } from '../page-reads';
import { addonIdOf, hoverPersonRange, installAddon, launchFirefox, openPage, waitForStableRanges } from './harness';

let site: Served | undefined;
let browser: Browser | undefined;
let page: Page;

/** What a reader can reach of the host: whether it is rendered, and whether its first list entry takes focus. */
function hostReach(p: Page): Promise<{ hosts: number; rendered: boolean; entryFocusable: boolean }> {
  return p.evaluate(() => {
    const hosts = document.querySelectorAll<HTMLElement>('[data-annotator-ui]');
    const entry = hosts[0]?.querySelector<HTMLElement>('[data-fact-id]');
    entry?.focus();
    const entryFocusable = !!entry && document.activeElement === entry;
    entry?.blur();
    return { hosts: hosts.length, rendered: !!hosts[0]?.checkVisibility(), entryFocusable };
  });
}

beforeAll(async () => {
  site = await serve(join(ROOT, 'demo'));
  browser = await launchFirefox();
  await installAddon(browser);
  page = await openPage(browser, `${site.url}?uninstall`);
  await waitForStableRanges(page);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Firefox: uninstalling the add-on', () => {
  it('takes the host, its open card and its highlight list out of the open page at once', async () => {
    await hoverPersonRange(page, 'Putin');
    await page.waitForFunction(visibleCardTextInPage, { timeout: 10_000 });
    expect(await hostReach(page)).toEqual({ hosts: 1, rendered: true, entryFocusable: true });

    await browser!.uninstallExtension(addonIdOf());
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-annotator-ui]')?.checkVisibility(), {
      timeout: 10_000,
    });
    // The element stays in the DOM (no script of the add-on runs to remove it), out of reach.
    expect(await hostReach(page)).toEqual({ hosts: 1, rendered: false, entryFocusable: false });
    expect(await page.evaluate(visibleCardTextInPage)).toBe('');
  });

  it('stays out of reach when the page changes and the reader moves, keys and tabs', async () => {
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'More' })),
    );
    await page.mouse.move(200, 200);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await hostReach(page)).toEqual({ hosts: 1, rendered: false, entryFocusable: false });
    const focusedInHost = await page.evaluate(() => !!document.activeElement?.closest('[data-annotator-ui]'));
    expect(focusedInHost).toBe(false);
  });
});
