/**
 * The extension in the browser's language: the popup under Chromium's `--lang=ru`, `--lang=zh-CN`
 * and `--lang=zh-TW` (catalogue labels, its "Follow this story", the summit's translated summary,
 * the note that it is a translation), the story manager, and a card in each language on the
 * English demo page. `--lang` sets the interface
 * language that `i18n.getMessage` follows, also headless.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import { readCatalogue, SUMMIT_ID } from '../../scripts/load-dataset';
import type { Served } from '../../scripts/serve';
import type { TranslationFile } from '../../src/core/translations';
import { formatMessage } from '../../src/core/ui-text';
import { launch, openPage, openPopup, ROOT, serveDemo, visibleCardText, waitForStableHighlights } from './harness';

const SWITCHES = ['switchPerson', 'switchOrganization', 'switchPlace', 'switchEvent', 'switchClaim', 'switchQuote'];

function translation(locale: string): TranslationFile {
  const file = join(ROOT, 'data', 'stories', SUMMIT_ID, 'translations', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as TranslationFile;
}

let site: Served | undefined;
beforeAll(async () => {
  site = await serveDemo();
});
afterAll(async () => {
  await site?.close();
});

describe.each([
  ['ru', 'ru', 'ru'],
  ['zh-CN', 'zh_CN', 'zh-CN'],
  ['zh-TW', 'zh_TW', 'zh-TW'],
])('Chromium with --lang=%s', (flag, locale, tag) => {
  const catalogue = readCatalogue(locale);
  const text = (key: string, ...substitutions: string[]) => formatMessage(catalogue, key, substitutions);
  const lines = translation(locale).lines;
  let browser: Launched | undefined;
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    browser = await launch({ renderer: 'marks', args: [`--lang=${flag}`] });
    page = await openPage(browser.context, site!.url);
    await waitForStableHighlights(page);
    popup = await openPopup(browser.context, browser.extensionId, page);
  });
  afterAll(async () => {
    await browser?.context.close();
  });

  it('shows the popup in the interface language: labels, switches and verdict', async () => {
    await expect.poll(() => popup.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe(tag);
    expect(await popup.locator('h1').textContent()).toBe(text('extensionName'));
    for (const key of [...SWITCHES, 'switchLimit', 'popupSiteSwitch', 'popupAccessibleMarks']) {
      await expect.poll(() => popup.getByRole('checkbox', { name: text(key), exact: true }).count()).toBe(1);
    }
    // The demo page is the machine-reworded copy the summit was built from.
    const verdict = text('verdictSpunCopy', '\u0000', '\u0000', '\u0000', '\u0000').split('\u0000')[0]!;
    await expect.poll(() => popup.locator('#verdict').textContent(), { timeout: 10_000 }).toContain(verdict);
    expect(await popup.locator('#summary-heading').textContent()).toBe(text('popupTheStory'));
  });

  it('offers to follow the article in the interface language', async () => {
    await expect
      .poll(() => popup.locator('#follow-button').textContent(), { timeout: 10_000 })
      .toBe(text('followButton'));
  });

  it('shows the story manager in the interface language', async () => {
    const manager = await browser!.context.newPage();
    await manager.goto(`chrome-extension://${browser!.extensionId}/src/manager/index.html`);
    await expect.poll(() => manager.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe(tag);
    expect(await manager.title()).toBe(text('managerTitle'));
    expect(await manager.locator('h1').textContent()).toBe(text('managerHeading'));
    expect(await manager.locator('#followed-heading').textContent()).toBe(text('managerFollowedHeading'));
    expect(await manager.locator('#shipped-heading').textContent()).toBe(text('managerShippedHeading'));
    expect(await manager.getByLabel(text('managerImportLabel'), { exact: true }).count()).toBe(1);
    await expect.poll(() => manager.locator('#followed').textContent()).toBe(text('managerNoneFollowed'));
    // The shipped story's storage line: the figure in the language's words around it.
    const [before, after] = text('managerStorage', '\u0000').split('\u0000');
    const storage = await manager.locator('#shipped li p.meta').last().textContent();
    expect(storage?.startsWith(before!) && storage.endsWith(after!), storage ?? '').toBe(true);
    await manager.close();
  });

  it("shows the summit's summary and limits in translation, and says they are translated", async () => {
    const summary = popup.locator('#summary');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(lines['summary.what']!.text);
    expect(await summary.locator('.translated').textContent()).toBe(text('popupTranslated'));
    const limits = await popup.locator('#limits').textContent();
    expect(limits).toContain(lines['facts.limit:friction.title']!.text);
    expect(limits).toContain(lines['facts.limit:friction.card']!.text);
    // No English left where a translation is current.
    expect(await summary.textContent()).not.toContain('Outcomes');
  });

  it('opens a card in the interface language on the English page', async () => {
    // Focused rather than hovered: the quote's sentence holds names with cards of their own.
    await page.locator('body mark[data-fact-id~="quote:exceeds-alliance"][tabindex]').first().focus();
    await expect
      .poll(() => visibleCardText(page), { timeout: 10_000 })
      .toContain(lines['facts.quote:exceeds-alliance.title']!.text);
    const card = await visibleCardText(page);
    // The category label is set in capitals by the card's style.
    expect(card.toLowerCase()).toContain(text('categoryQuote').toLowerCase());
    expect(card).toContain(lines['facts.quote:exceeds-alliance.card']!.text);
    // A translated quotation says it is one.
    expect(card).toContain(text('cardQuoteTranslated'));
    expect(card).toContain(text('cardSource', 'The New York Times').replace(/The New York Times.*$/, ''));
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
  });
});
