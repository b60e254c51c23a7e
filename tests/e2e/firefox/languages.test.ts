/** Firefox: Russian and Chinese reports of the summit are highlighted (element-free renderer: the host's list). */

import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, serve } from '../../../scripts/serve';
import { EVAL_PAGES_DIR, LANGUAGE_REPORTS, type LanguageReport, missingOn } from '../language-pages';
import { factHighlightsInPage } from '../page-reads';
import { installAddon, launchFirefox, openPage, waitForStableRanges } from './harness';

let site: Served | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  site = await serve(EVAL_PAGES_DIR);
  browser = await launchFirefox();
  await installAddon(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Firefox: reports in Russian and Chinese', () => {
  it.each(LANGUAGE_REPORTS.map((r) => [r.page, r] as const))(
    '%s: names in the forms the page uses, and statements in its language',
    async (_name, report: LanguageReport) => {
      const page = await openPage(browser!, `${site!.url}${report.page}`);
      await waitForStableRanges(page);
      expect(missingOn(report, await page.evaluate(factHighlightsInPage))).toEqual([]);
      await page.close();
    },
  );
});
