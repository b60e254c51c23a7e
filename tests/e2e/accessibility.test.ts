/**
 * axe-core on the extension's own UI, in light and dark colour schemes: the popup (the whole
 * document), and on the demo page the `[data-annotator-ui]` host with an open hover card (its
 * shadow root) and the highlight list (its slotted light-DOM entries). Every rule of axe's
 * default set runs; none is excluded. Page content outside the host is not the extension's and
 * is not checked.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { AXE_SOURCE, type AxeOutcome, type AxeRequest, describeViolations, runAxeInPage, UI_HOST } from './axe';
import { launch, openPage, openPopup, serveDemo, visibleCardText, waitForStableHighlights } from './harness';
import { pointOnPersonRangeInPage } from './page-reads';

const SCHEMES = ['light', 'dark'] as const;

let browser: Launched | undefined;
let site: Served | undefined;
let page: Page;

async function axeOn(p: Page, include: string | null): Promise<AxeOutcome> {
  await p.evaluate(AXE_SOURCE);
  const request: AxeRequest = { include, disabledRules: [] };
  return p.evaluate(runAxeInPage, request);
}

beforeAll(async () => {
  site = await serveDemo();
  browser = await launch();
  page = await openPage(browser.context, site.url);
  await waitForStableHighlights(page);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('accessibility (axe-core)', () => {
  for (const scheme of SCHEMES) {
    it(`the hover card and the highlight list, ${scheme}: no violation; contrast measured`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const point = (await page.evaluate(pointOnPersonRangeInPage, { text: 'Putin' }))!;
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('Vladimir Putin');
      const outcome = await axeOn(page, UI_HOST);
      expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);
      // The card's text and the list's entries were checked, contrast included.
      expect(outcome.checkedElements).toBeGreaterThan(20);
      expect(outcome.passedRules).toEqual(expect.arrayContaining(['color-contrast', 'aria-tooltip-name', 'tabindex']));
      expect(outcome.incompleteRules).toEqual([]);
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
      await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toBe('');
    });
  }

  for (const scheme of SCHEMES) {
    it(`the popup, ${scheme}: no violation; contrast measured`, async () => {
      const popup = await openPopup(browser!.context, browser!.extensionId, page);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => popup.locator('#count-person').textContent(), { timeout: 10_000 }).toMatch(/^[1-9]/);
      await expect.poll(() => popup.locator('#limits li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const outcome = await axeOn(popup, null);
      expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);
      expect(outcome.checkedElements).toBeGreaterThan(20);
      expect(outcome.passedRules).toEqual(expect.arrayContaining(['color-contrast', 'label', 'landmark-one-main']));
      expect(outcome.incompleteRules).toEqual([]);
      await popup.close();
    });
  }
});
