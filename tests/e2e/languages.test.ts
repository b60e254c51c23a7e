/** Chromium: Russian and Chinese reports of the summit are highlighted; a page about another meeting shows no statement. */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import { type Served, serve } from '../../scripts/serve';
import { launch, openPage, waitForStableHighlights } from './harness';
import { EVAL_PAGES_DIR, LANGUAGE_REPORTS, type LanguageReport, missingOn, TRADITIONAL_REPORT } from './language-pages';
import { factHighlightsInPage } from './page-reads';

let browser: Launched | undefined;
let site: Served | undefined;

beforeAll(async () => {
  site = await serve(EVAL_PAGES_DIR);
  browser = await launch({ renderer: 'marks' });
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

async function highlightsOf(path: string): Promise<{ page: Page; highlights: string[] }> {
  const page = await openPage(browser!.context, `${site!.url}${path}`);
  await waitForStableHighlights(page);
  return { page, highlights: await page.evaluate(factHighlightsInPage) };
}

describe('Chromium: reports in Russian and Chinese', () => {
  it.each([...LANGUAGE_REPORTS, TRADITIONAL_REPORT].map((r) => [r.page, r] as const))(
    '%s: names in the forms the page uses, and statements in its language',
    async (_name, report: LanguageReport) => {
      const { page, highlights } = await highlightsOf(report.page);
      expect(missingOn(report, highlights)).toEqual([]);
      await page.close();
    },
  );

  it('a Russian page about another meeting shows its names but no statement of the summit', async () => {
    const { page, highlights } = await highlightsOf('ru-other-feb-2022.html');
    expect(highlights.some((h) => h.startsWith('person:vladimir-putin|'))).toBe(true);
    expect(highlights.filter((h) => /^(claim|quote|limit):/.test(h))).toEqual([]);
    await page.close();
  });
});
