/**
 * Names that would put the wrong card on a page: a shorter name inside a longer one that means
 * something else ("America" in "Latin America"), a shorter form of another place ("Delhi"), the
 * whole school for its European campus ("SAIS"), other Games in Beijing (2008), and the generic
 * words for this summit ("video call") on pages about another call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageText } from '../../scripts/eval';
import { annotate } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import { isStatementCategory } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import { datasetWith, ROOT, realLexicon } from './helpers';

const matcher = new Matcher(compileMatcher(datasetWith(), realLexicon()));

/** A report of the summit, so its entities are shown; the sentence under test follows it. */
const SUMMIT_REPORT =
  'MOSCOW — Xi Jinping and Vladimir Putin held a video summit on Wednesday, 15 December 2021, their 37th meeting since 2013, according to Mr. Xi. ' +
  'Mr. Putin pledged to attend the Beijing Winter Olympics, the first national leader to accept. ' +
  'The two leaders discussed forming an independent financial infrastructure, Kremlin aide Yuri Ushakov said.';

/** The labelled page about another Xi–Putin video call, of 30 December 2022, as the reader reads it. */
const OTHER_CALL = pageText(readFileSync(join(ROOT, 'tests/eval/pages/other-dec-2022-call.html'), 'utf8'));

/** The entities shown on the words `phrase` (its `nth` occurrence) of a page. */
function shownOn(text: string, phrase: string, nth = 0): string[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  expect(at, `${phrase} in the page`).toBeGreaterThanOrEqual(0);
  return annotate(matcher, text)
    .annotations.filter((a) => !isStatementCategory(a.category) && a.start < at + phrase.length && a.end > at)
    .flatMap((a) => a.factIds);
}

describe('names that would pick the wrong card', () => {
  it('America is the United States, but not in Latin, South or Central America, nor in Voice of America', () => {
    const page = `${SUMMIT_REPORT} Both men see America as their rival. Voice of America and papers in Latin America, South America and Central America covered the call.`;
    expect(annotate(matcher, page).verdict.stories[0]!.kind).toBe('this-summit');
    expect(shownOn(page, 'America as')).toEqual(['place:united-states']);
    for (const phrase of ['Voice of America', 'Latin America', 'South America', 'Central America'])
      expect(shownOn(page, phrase), phrase).toEqual([]);
  });

  it('New Delhi is the New Delhi card; Delhi alone is not', () => {
    const page = `${SUMMIT_REPORT} Mr. Putin met Narendra Modi in New Delhi the week before. Delhi's winter smog kept flights grounded.`;
    expect(shownOn(page, 'New Delhi')).toEqual(['place:new-delhi']);
    expect(shownOn(page, "Delhi's")).toEqual([]);
  });

  it('SAIS Europe is the European campus; SAIS alone, the whole school, is not', () => {
    const page = `${SUMMIT_REPORT} Sergey Radchenko teaches at SAIS Europe, in Bologna. A colleague at SAIS in Washington, at the Johns Hopkins School of Advanced International Studies, disagreed.`;
    expect(shownOn(page, 'SAIS Europe')).toEqual(['organization:johns-hopkins-sais-europe']);
    expect(shownOn(page, 'SAIS in')).toEqual([]);
    expect(shownOn(page, 'Johns Hopkins School of Advanced International Studies')).toEqual([]);
  });

  it('the Beijing Olympics of 2022 is the event; the 2008 Games are not', () => {
    const page = `${SUMMIT_REPORT} Beijing also hosted the 2008 Olympics, the Summer Games that opened the city to the world.`;
    expect(shownOn(page, 'Beijing Winter Olympics')).toEqual(['event:beijing-winter-olympics']);
    expect(shownOn(page, '2008 Olympics')).toEqual([]);
    expect(shownOn(page, 'Summer Games')).toEqual([]);
  });

  it('"video call" is this summit on its reports, not on a page about another call', () => {
    expect(shownOn(SUMMIT_REPORT, 'video summit')).toEqual(['event:video-summit-2021-12-15']);
    const report = `${SUMMIT_REPORT} The video call lasted about an hour.`;
    expect(shownOn(report, 'video call')).toEqual(['event:video-summit-2021-12-15']);

    const other = annotate(matcher, OTHER_CALL);
    expect(other.verdict.stories[0]!.kind).toBe('other-event');
    // The page is about another meeting of the same leaders: their names are shown, the dated event is not.
    expect(shownOn(OTHER_CALL, 'Vladimir Putin')).toEqual(['person:vladimir-putin']);
    expect(shownOn(OTHER_CALL, 'video call')).toEqual([]);
    expect(other.annotations.flatMap((a) => a.factIds)).not.toContain('event:video-summit-2021-12-15');
  });
});
