/** The toolbar popup: story summary, limits, counts, and the category and site switches. */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { serve } from '../../scripts/serve';
import {
  CATEGORY_LABELS,
  categoryCounts,
  countOf,
  FIXTURES_DIR,
  HIGHLIGHT,
  launch,
  openPage,
  openPopup,
  serveDemo,
  visibleCardText,
  waitForStableHighlights,
} from './harness';

/** The headline an earlier dataset made up: no copy of the report carries it. */
const INVENTED_HEADLINE = 'Putin and Xi Close Ranks in Video Summit as the West Turns Up the Pressure';

let browser: Launched | undefined;
let site: Served | undefined;
let tabA: Page;
let tabB: Page;
let popup: Page;

/** Marks the page so a reload would be noticed (the marker would be gone). */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __e2eNoReload: boolean }).__e2eNoReload = true));
}
function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __e2eNoReload?: boolean }).__e2eNoReload === true);
}

/** "person=0 others>0" style summary, for polling. */
async function personState(page: Page): Promise<string> {
  const c = await categoryCounts(page);
  const others = Object.entries(c)
    .filter(([k]) => k !== 'person')
    .reduce((n, [, v]) => n + v, 0);
  return `person=${c.person ?? 0} place=${(c.place ?? 0) > 0 ? '>0' : '0'} others=${others > 0 ? '>0' : '0'}`;
}

beforeAll(async () => {
  site = await serveDemo();
  browser = await launch();
  tabA = await openPage(browser.context, `${site.url}?tab=a`);
  tabB = await openPage(browser.context, `${site.url}?tab=b`);
  await waitForStableHighlights(tabA);
  await waitForStableHighlights(tabB);
  await markNoReload(tabA);
  await markNoReload(tabB);
  popup = await openPopup(browser.context, browser.extensionId, tabA);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('popup', () => {
  it('shows the story summary, the limits and the counts per category', async () => {
    await expect
      .poll(() => popup.locator('#summary').textContent(), { timeout: 10_000 })
      .toMatch(/Xi[\s\S]*Putin|Putin[\s\S]*Xi/);
    await expect.poll(() => popup.locator('#limits li').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    await expect.poll(() => popup.locator('#counts').textContent(), { timeout: 10_000 }).toMatch(/[1-9]/);
    const counts = await popup.locator('#counts').textContent();
    for (const label of Object.values(CATEGORY_LABELS)) expect(counts).toContain(label);
  });

  it('shows the source as it is known: outlet, reporters, date and the reworded copy it was built from', async () => {
    const source = popup.locator('#source');
    await expect
      .poll(() => source.locator('[data-source=outlet]').textContent(), { timeout: 10_000 })
      .toBe('The New York Times');
    expect(await source.locator('[data-source=reporters]').textContent()).toBe(
      'Anton Troianovski and Steven Lee Myers',
    );
    expect(await source.locator('[data-source=date]').textContent()).toBe('15 Dec 2021');
    expect(await source.locator('[data-source=built-from]').textContent()).toMatch(
      /machine-reworded copy of the report/,
    );
    const note = await source.locator('[data-source=built-from]').boundingBox();
    const lineHeight = await source
      .locator('[data-source=built-from]')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(note!.height, 'the note about the copy is one line').toBeLessThan(lineHeight * 1.5);
    expect(await popup.locator('body').textContent()).not.toContain(INVENTED_HEADLINE);
  });

  it("reads the audited texts: Radchenko's hedged limit, and state media credited with one remark only", async () => {
    const limit = popup.locator('#limits li[data-fact-id="limit:ukraine-taiwan"]');
    await expect
      .poll(() => limit.locator('.limit-title').textContent(), { timeout: 10_000 })
      .toBe('Radchenko: no backing yet for adventures over Ukraine or Taiwan');
    expect(await popup.locator('#limits').textContent()).not.toContain('No backing for adventures');
    // Remarks are listed as remarks, apart from what came of the meeting.
    const rows = await popup.locator('#summary dt').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['Outcomes', 'Remarks']));
    const outcomes = popup.locator('#summary dt:text-is("Outcomes") + dd');
    expect(await outcomes.textContent()).not.toContain('even exceeds an alliance');

    await tabA.bringToFront();
    const focusCard = async (id: string) => {
      await tabA
        .locator(`[data-fact-id~="${id}"][tabindex]`)
        .first()
        .evaluate((el: HTMLElement) => el.focus());
      await expect.poll(() => visibleCardText(tabA), { timeout: 5_000 }).toContain('15 Dec 2021');
      const text = await visibleCardText(tabA);
      await tabA.keyboard.press('Escape');
      await expect.poll(() => visibleCardText(tabA), { timeout: 5_000 }).toBe('');
      return text;
    };
    const stateMedia = await focusCard('organization:chinese-state-media');
    expect(stateMedia).toContain('according to reports in Chinese state news media, Xi told Putin');
    expect(stateMedia).not.toContain('other remarks');
    const ukraineTaiwan = await focusCard('limit:ukraine-taiwan');
    expect(ukraineTaiwan).toContain('Radchenko: no backing yet for adventures over Ukraine or Taiwan');
    expect(ukraineTaiwan).toContain('Said by Sergey Radchenko');
  });

  it('puts no made-up headline on a card: the source line names outlet, reporters and date', async () => {
    await tabA.bringToFront();
    await tabA.keyboard.press('Alt+Shift+KeyN');
    await expect
      .poll(() => visibleCardText(tabA), { timeout: 5_000 })
      .toContain('Source: The New York Times (Anton Troianovski and Steven Lee Myers), 15 Dec 2021');
    expect(await visibleCardText(tabA)).not.toContain(INVENTED_HEADLINE);
    await tabA.keyboard.press('Escape');
    await popup.bringToFront();
  });

  it('has a checked switch for each category and for the site', async () => {
    for (const name of [...Object.values(CATEGORY_LABELS), 'Highlight on this site']) {
      const box = popup.getByRole('checkbox', { name, exact: true });
      await expect.poll(() => box.count(), { timeout: 10_000 }).toBe(1);
      expect(await box.isChecked(), name).toBe(true);
    }
  });

  it('unchecking People removes person highlights from every open tab, without reload; checking brings them back', async () => {
    const people = popup.getByRole('checkbox', { name: 'People', exact: true });
    await people.uncheck();
    for (const tab of [tabA, tabB]) {
      await expect.poll(() => personState(tab), { timeout: 5_000 }).toBe('person=0 place=>0 others=>0');
    }
    await people.check();
    for (const tab of [tabA, tabB]) {
      await expect.poll(() => countOf(tab, '[data-category=person]'), { timeout: 5_000 }).toBeGreaterThan(0);
      expect(await notReloaded(tab), 'the tab was not reloaded').toBe(true);
    }
  });

  it('unchecking "Highlight on this site" removes every highlight; checking brings them back', async () => {
    const siteSwitch = popup.getByRole('checkbox', { name: 'Highlight on this site', exact: true });
    await siteSwitch.uncheck();
    await expect.poll(() => countOf(tabA, HIGHLIGHT), { timeout: 5_000 }).toBe(0);
    await siteSwitch.check();
    await expect.poll(() => countOf(tabA, HIGHLIGHT), { timeout: 5_000 }).toBeGreaterThan(10);
    await expect.poll(() => personState(tabA), { timeout: 5_000 }).not.toMatch(/^person=0 /);
    expect(await notReloaded(tabA)).toBe(true);
  });

  it('reports the story the page is about, with no list; on a page about no story, lists the stories it knows', async () => {
    await expect
      .poll(() => popup.locator('#verdict').innerText(), { timeout: 10_000 })
      .toMatch(/the story \(Xi and Putin/);
    expect(await popup.locator('#story-picker').isHidden()).toBe(true);

    const fixtures = await serve(FIXTURES_DIR);
    try {
      const unrelated = await openPage(browser!.context, `${fixtures.url}unrelated.html`);
      const other = await openPopup(browser!.context, browser!.extensionId, unrelated);
      await expect.poll(() => other.locator('#verdict').innerText(), { timeout: 10_000 }).toMatch(/^Nothing from/);
      const picker = other.locator('#story-picker');
      await expect.poll(() => picker.isVisible(), { timeout: 5_000 }).toBe(true);
      expect(await picker.textContent()).toMatch(/stories this extension knows/);
      const choices = other.getByRole('button', { name: /Xi and Putin hold a video summit/ });
      expect(await choices.count()).toBe(1);
      expect(await other.locator('#summary').innerText()).toMatch(/Xi and Putin hold a video summit/);
      await other.close();
      await unrelated.close();
    } finally {
      await fixtures.close();
    }
  });
});
