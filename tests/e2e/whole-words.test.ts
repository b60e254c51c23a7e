/** Names match whole words only: "Rasputin" is not Putin, "Xinjiang" is not Xi, "Modify" is not Modi. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served, TwoOrigins } from '../../scripts/serve';
import {
  HIGHLIGHT,
  highlightSpans,
  launch,
  maxCountDuring,
  openPage,
  type Span,
  serveDemo,
  serveFixtures,
  waitForStableHighlights,
} from './harness';

const TRAPS = ['Rasputin', 'Xinjiang', 'Xiaomi', 'Modify', 'Modifying', 'Putinesque', 'Xiamen'];
const WORD_CHAR = /[\p{L}\p{N}]/u;

let browser: Launched | undefined;
let fixtures: TwoOrigins | undefined;
let demo: Served | undefined;

beforeAll(async () => {
  fixtures = await serveFixtures();
  demo = await serveDemo();
  browser = await launch({ renderer: 'marks' });
});

afterAll(async () => {
  await browser?.context.close();
  await fixtures?.close();
  await demo?.close();
});

/** Occurrences [start, end) of the trap words in `text`. */
function trapRanges(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${TRAPS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) out.push({ word: m[1]!, start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Highlights that start or end inside a word rather than at a word boundary. */
function cutWords(text: string, spans: Span[]): string[] {
  const bad: string[] = [];
  for (const s of spans) {
    const before = text.slice(Math.max(0, s.start - 1), s.start);
    const after = text.slice(s.end, s.end + 1);
    const first = text.slice(s.start, s.start + 1);
    const last = text.slice(s.end - 1, s.end);
    if ((WORD_CHAR.test(before) && WORD_CHAR.test(first)) || (WORD_CHAR.test(after) && WORD_CHAR.test(last))) {
      bad.push(`${s.ids.join(' ')} on "${text.slice(Math.max(0, s.start - 10), s.end + 10)}"`);
    }
  }
  return bad;
}

describe('whole words', () => {
  it('on a page about the summit, no highlight falls inside a look-alike word', async () => {
    const page = await openPage(browser!.context, `${fixtures!.url}summit-traps.html`);
    await waitForStableHighlights(page);
    const { text, spans } = await highlightSpans(page);
    const ids = spans.flatMap((s) => s.ids);
    expect(ids).toContain('person:vladimir-putin');
    expect(ids).toContain('person:xi-jinping');

    const traps = trapRanges(text);
    expect(traps.length).toBeGreaterThanOrEqual(10);
    const inside = spans.filter((s) =>
      traps.some(
        (t) =>
          s.start < t.end &&
          s.end > t.start &&
          !(s.start <= t.start && s.end >= t.end && s.end - s.start > t.end - t.start),
      ),
    );
    expect(
      inside.map((s) => `${s.ids.join(' ')} on "${s.text}" in "${text.slice(Math.max(0, s.start - 10), s.end + 10)}"`),
      'highlights inside look-alike words',
    ).toEqual([]);
    expect(cutWords(text, spans), 'highlights that cut a word').toEqual([]);
    await page.close();
  });

  it('the demo page has no highlight that cuts a word', async () => {
    const page = await openPage(browser!.context, demo!.url);
    await waitForStableHighlights(page);
    const { text, spans } = await highlightSpans(page);
    expect(spans.length).toBeGreaterThan(10);
    expect(cutWords(text, spans), 'highlights that cut a word').toEqual([]);
    await page.close();
  });

  it('a page with only look-alike words and no story gets no highlights', async () => {
    // The extension is live in this context (the summit page above got highlights); this page
    // must stay quiet for a few seconds.
    const page = await openPage(browser!.context, `${fixtures!.url}unrelated.html`);
    expect(await maxCountDuring(page, HIGHLIGHT, 3_000)).toBe(0);
    await page.close();
  });
});
