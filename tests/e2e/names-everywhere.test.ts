/**
 * A page about something else that names the story's places in passing: it shows nothing and gets
 * no element of ours; the popup says which story's names it has, and its switch "Highlight my
 * stories' names on every page" (off by default) shows those names, and takes them away again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { serve } from '../../scripts/serve';
import {
  categoryCounts,
  countOf,
  FIXTURES_DIR,
  factIdsOn,
  HIGHLIGHT,
  launch,
  maxCountDuring,
  openPage,
  openPopup,
  roundTripMs,
} from './harness';

const SWITCH = "Highlight my stories' names on every page";

/** The bit of the extension API the popup page is asked for (no @types/chrome). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<{ settings?: { namesEverywhere?: boolean } }> } };
};

let browser: Launched | undefined;
let fixtures: Served | undefined;
let page: Page;
/** A second tab on the same page that no popup asks about: its reader alone hears the setting. */
let untouched: Page;

function storedNamesEverywhere(popup: Page): Promise<unknown> {
  return popup.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.namesEverywhere);
}

beforeAll(async () => {
  fixtures = await serve(FIXTURES_DIR);
  browser = await launch();
  page = await openPage(browser.context, `${fixtures.url}names-in-passing.html`);
  untouched = await openPage(browser.context, `${fixtures.url}names-in-passing.html?tab=2`);
});

afterAll(async () => {
  await browser?.context.close();
  await fixtures?.close();
});

describe("the stories' names on pages about something else", () => {
  it('off (the default): the page shows nothing and gets no element', async () => {
    await roundTripMs(page);
    expect(await maxCountDuring(page, `${HIGHLIGHT}, [data-annotator-ui]`, 2_000)).toBe(0);
    expect(await countOf(untouched, `${HIGHLIGHT}, [data-annotator-ui]`)).toBe(0);
  });

  it('the popup names the story, and its switch shows the names, then takes them away', async () => {
    const popup = await openPopup(browser!.context, browser!.extensionId, page);
    const names = popup.getByRole('checkbox', { name: SWITCH, exact: true });
    await expect
      .poll(() => popup.locator('#verdict').innerText(), { timeout: 10_000 })
      .toMatch(
        /^This page names people, places or organisations from the story \(Xi and Putin hold a video summit.*nothing is highlighted/,
      );
    expect(await names.isChecked()).toBe(false);
    expect(await countOf(page, HIGHLIGHT)).toBe(0);

    await names.check();
    await expect.poll(() => storedNamesEverywhere(popup), { timeout: 5_000 }).toBe(true);
    await expect
      .poll(() => factIdsOn(page), { timeout: 20_000 })
      .toEqual(['organization:european-union', 'place:china', 'place:russia', 'place:taiwan', 'place:united-states']);
    expect(Object.keys(await categoryCounts(page)).sort()).toEqual(['organization', 'place']);
    await expect.poll(() => factIdsOn(untouched), { timeout: 20_000 }).toEqual(await factIdsOn(page));
    await expect
      .poll(() => popup.locator('#verdict').innerText(), { timeout: 10_000 })
      .toMatch(/their names are highlighted/);

    await names.uncheck();
    await expect.poll(() => storedNamesEverywhere(popup), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => countOf(page, HIGHLIGHT), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => countOf(untouched, HIGHLIGHT), { timeout: 20_000 }).toBe(0);
    await popup.close();
  });
});
