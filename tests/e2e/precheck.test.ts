/**
 * The pre-check in a page: a page no story can show on runs it alone (no reader, no polyfill, no port),
 * even while it keeps changing; a live page that starts quiet and later reports a story gets the reader,
 * and its highlights, once the new text arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { TwoOrigins } from '../../scripts/serve';
import {
  collectPageErrors,
  countOf,
  extensionScriptsOf,
  factIdsOn,
  HIGHLIGHT,
  launch,
  serveFixtures,
  waitForHighlights,
} from './harness';

let site: TwoOrigins | undefined;
let browser: Launched | undefined;

beforeAll(async () => {
  site = await serveFixtures();
  browser = await launch();
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('the pre-check', () => {
  it('keeps a changing page about nothing to itself, and brings the reader when the page reports a story', async () => {
    const { page, scripts } = await extensionScriptsOf(browser!.context, `${site!.url}quiet-live.html`);
    const errors = collectPageErrors(page);
    // Ten seconds of churn, an entry every half second: each change is checked again, none brings the reader.
    await page.evaluate(() =>
      (window as unknown as { churn: (t: number, ms: number) => Promise<number> }).churn(10, 500),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...scripts].sort()).toEqual(['precheck.js']);
    expect(await countOf(page, HIGHLIGHT)).toBe(0);
    await page.evaluate(
      (text) => (window as unknown as { add: (text: string) => void }).add(text),
      'In a video summit on Wednesday, December 15, 2021, Xi Jinping told Vladimir Putin that relations between ' +
        'China and Russia exceed an alliance, according to Kremlin aide Yuri Ushakov. Mr. Putin said he would ' +
        'attend the Beijing Winter Olympics.',
    );
    await waitForHighlights(page);
    expect([...scripts].sort()).toEqual(['annotator.js', 'content.js', 'precheck.js']);
    const ids = await factIdsOn(page);
    expect(ids).toContain('person:vladimir-putin');
    expect(ids.some((id) => id.startsWith('claim:') || id.startsWith('quote:'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
