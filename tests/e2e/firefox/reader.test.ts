/**
 * Firefox: what a reader sees on the demo page with the default, element-free renderer. Every
 * category highlighted, the page's DOM untouched, the card on hover, the popup's category switch,
 * the export message, and no accessibility violation in the popup or in the card and list.
 */

import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';
import { type Served, serve } from '../../../scripts/serve';
import { AXE_SOURCE, type AxeRequest, describeViolations, runAxeInPage, UI_HOST } from '../axe';
import { checkExportSelectors, type ExportedCollection, exportedFactIds } from '../checks';
import { rangesAndEntriesInPage, rootChildrenInPage, visibleCardTextInPage } from '../page-reads';
import {
  type ExtensionApi,
  highlightSizes,
  hoverPersonRange,
  installAddon,
  launchFirefox,
  openExtensionPage,
  openPage,
  popupPathOf,
  waitForStableRanges,
} from './harness';

const CATEGORIES = ['person', 'organization', 'place', 'event', 'claim', 'quote', 'limit'];

let site: Served | undefined;
let browser: Browser | undefined;
let api: ExtensionApi;
let page: Page;
let tabId: number;
let baselineHtml: string;
const pageErrors: string[] = [];

const bodyHtml = (p: Page) => p.evaluate(() => document.body.innerHTML);
const cardText = (p: Page) => p.evaluate(visibleCardTextInPage);

async function axeOn(p: Page, include: string | null) {
  await p.evaluate(AXE_SOURCE);
  const request: AxeRequest = { include, disabledRules: [] };
  return p.evaluate(runAxeInPage, request);
}

beforeAll(async () => {
  site = await serve(join(ROOT, 'demo'));
  browser = await launchFirefox();
  // The baseline: the same page in the same browser before the add-on is installed.
  const plain = await openPage(browser, `${site.url}?baseline`);
  baselineHtml = await bodyHtml(plain);
  await plain.close();
  api = await installAddon(browser);
  page = await openPage(browser, `${site.url}?reader`);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await waitForStableRanges(page);
  tabId = await api.tabIdOf(page.url());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Firefox: the demo page', () => {
  it('highlights every category, and the host lists one entry per range with its category and text', async () => {
    const sizes = await highlightSizes(page);
    for (const category of CATEGORIES) expect(sizes[category], category).toBeGreaterThan(0);
    const { ranges, entries, outsideHost } = await page.evaluate(rangesAndEntriesInPage);
    expect(outsideHost).toBe(0);
    expect(ranges.length).toBeGreaterThan(20);
    expect(entries).toEqual(ranges);
  });

  it("leaves the page's DOM as it was: body.innerHTML as without the add-on, one host after <body>", async () => {
    expect(await page.evaluate(() => document.querySelectorAll('body mark').length)).toBe(0);
    expect(await bodyHtml(page)).toBe(baselineHtml);
    expect(await page.evaluate(rootChildrenInPage)).toEqual(['head', 'body', 'div[ui]']);
  });

  it('hovering "Putin" opens his card with the source line; Escape closes it; the body is untouched', async () => {
    await hoverPersonRange(page, 'Putin');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Vladimir Putin');
    expect(await cardText(page)).toContain('15 Dec 2021');
    expect(await bodyHtml(page)).toBe(baselineHtml);
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toBe('');
  });

  it('answers the export message with annotations that point into body.textContent, one fact set with the list', async () => {
    const collection = await api.sendToTab<ExportedCollection>(tabId, { type: 'annotations/export' });
    checkExportSelectors(collection, await page.evaluate(() => document.body.textContent ?? ''));
    const listed = await page.evaluate(() =>
      [
        ...new Set(
          [...document.querySelectorAll('[data-annotator-ui] [data-fact-id]')].flatMap((e) =>
            e.getAttribute('data-fact-id')!.split(' '),
          ),
        ),
      ].sort(),
    );
    expect(listed).toEqual(exportedFactIds(collection));
  });

  it('has no axe-core violation in the open card and the highlight list', async () => {
    await hoverPersonRange(page, 'Putin');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Vladimir Putin');
    const outcome = await axeOn(page, UI_HOST);
    expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);
    expect(outcome.checkedElements, 'elements axe checked in the host').toBeGreaterThan(20);
    expect(outcome.passedRules).toEqual(expect.arrayContaining(['color-contrast', 'aria-tooltip-name', 'tabindex']));
    expect(outcome.incompleteRules).toEqual([]);
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
  });
});

describe('Firefox: the popup', () => {
  let popup: Page;

  /** The checkbox of the label whose text is `name`. */
  async function clickSwitch(name: string): Promise<boolean> {
    const box = await popup.evaluateHandle((n) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === n);
      return label?.querySelector<HTMLInputElement>('input[type=checkbox]') ?? null;
    }, name);
    const element = box.asElement() as ElementHandle<HTMLInputElement> | null;
    expect(element, `a checkbox named ${name}`).not.toBeNull();
    await element!.click();
    const checked = await element!.evaluate((e) => e.checked);
    await box.dispose();
    return checked;
  }

  beforeAll(async () => {
    popup = await openExtensionPage(browser!, `${popupPathOf()}?tabId=${tabId}`);
  });

  it("shows the tab's counts per category", async () => {
    const sizes = await highlightSizes(page);
    for (const category of CATEGORIES) {
      await expect
        .poll(() => popup.evaluate((c) => document.getElementById(`count-${c}`)?.textContent ?? '', category), {
          timeout: 10_000,
        })
        .toBe(String(sizes[category]));
    }
  });

  it('unchecking People removes the person highlights and entries in the tab without a reload; checking brings them back', async () => {
    const before = await highlightSizes(page);
    // A reload would drop this marker.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await clickSwitch('People')).toBe(false);
    await expect.poll(async () => (await highlightSizes(page)).person ?? 0, { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[data-category=person]').length)).toBe(0);
    const during = await highlightSizes(page);
    for (const category of CATEGORIES.filter((c) => c !== 'person')) expect(during[category]).toBe(before[category]);
    expect(await clickSwitch('People')).toBe(true);
    await expect.poll(async () => (await highlightSizes(page)).person, { timeout: 5_000 }).toBe(before.person);
    await waitForStableRanges(page);
    const { ranges, entries } = await page.evaluate(rangesAndEntriesInPage);
    expect(entries).toEqual(ranges);
    expect(await bodyHtml(page)).toBe(baselineHtml);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('has no axe-core violation', async () => {
    const outcome = await axeOn(popup, null);
    expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);
    expect(outcome.checkedElements).toBeGreaterThan(20);
    expect(outcome.passedRules).toEqual(expect.arrayContaining(['color-contrast', 'label', 'landmark-one-main']));
    expect(outcome.incompleteRules).toEqual([]);
  });

  it('left no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
