import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { Annotation } from '../../src/core/annotation';
import {
  FindingsCollector,
  findingsBatches,
  PageAnalysis,
  type RegionFindings,
  textPieces,
} from '../../src/core/page-analysis';
import { isQuiet } from '../../src/core/verdict';
import { miniMatcher } from './helpers';

const PARAGRAPH =
  'In a video call in December 2021, Xi Jinping told Vladimir Putin it was their 37th meeting since 2013. China and the South China Sea.';
const FILLER = 'The council met on Tuesday to discuss the bus timetable and the library roof.';

function page(paragraphs: number, every = 1): string {
  return Array.from({ length: paragraphs }, (_, i) => (i % every === 0 ? PARAGRAPH : FILLER)).join('\u2029');
}

describe('textPieces', () => {
  it('covers each region exactly, in order, in pieces no larger than asked unless one stretch is', () => {
    const texts = [page(3000, 3), '', page(40)];
    const pieces = [...textPieces(texts, 20_000)];
    expect(pieces.length).toBeGreaterThan(10);
    const rebuilt = texts.map(() => '');
    for (const piece of pieces) {
      expect(piece.reduce((n, s) => n + s.text.length, 0) <= 20_000 || piece.length === 1).toBe(true);
      for (const stretch of piece) {
        expect(stretch.offset).toBe(rebuilt[stretch.region]!.length);
        rebuilt[stretch.region] += stretch.text;
      }
    }
    expect(rebuilt).toEqual(texts);
  });

  it('sends nothing for no text', () => {
    expect([...textPieces([])]).toEqual([]);
    expect([...textPieces([''])]).toEqual([]);
  });
});

describe('PageAnalysis', () => {
  const matcher = miniMatcher();

  function analysed(texts: string[], maxChars?: number): PageAnalysis {
    const analysis = new PageAnalysis(matcher);
    for (const piece of textPieces(texts, maxChars)) for (const stretch of piece) analysis.add(stretch);
    return analysis;
  }

  it('finds in pieces what one pass over the text finds', () => {
    const text = page(2000, 4);
    const whole = annotate(matcher, text);
    const { verdict, regions } = analysed([text], 30_000).finish(1);
    expect(verdict).toEqual(whole.verdict);
    expect(regions[0]!.annotations).toEqual(whole.annotations);
    expect(regions[0]!.similar).toEqual(whole.similar);
    expect(whole.annotations.length).toBeGreaterThan(1000);
  });

  it('decides one verdict for all regions together and judges each under it', () => {
    // Neither region alone would be about the story; together they are.
    const texts = [PARAGRAPH, `${FILLER}\u2029${PARAGRAPH}`];
    const joint = annotate(matcher, texts.join('\u2029')).verdict;
    const { verdict, regions } = analysed(texts).finish(2);
    expect(verdict).toEqual(joint);
    for (let r = 0; r < texts.length; r++) expect(regions[r]).toEqual(findings(annotate(matcher, texts[r]!, joint)));
  });

  it('applies a verdict it is given instead of deciding one', () => {
    const known = annotate(matcher, page(10)).verdict;
    expect(isQuiet(known)).toBe(false);
    const added = 'Mr. Putin spoke to Xi Jinping.';
    const { verdict, regions } = analysed([added]).finish(1, known);
    expect(verdict).toEqual(known);
    expect(regions[0]).toEqual(findings(annotate(matcher, added, known)));
  });

  it('finds nothing, and says so, on a page without the story', () => {
    const quiet = analysed([page(50, 1000).replaceAll(PARAGRAPH, FILLER)]);
    expect(quiet.mentionsStory()).toBe(false);
    const { verdict, regions } = quiet.finish(1);
    expect(isQuiet(verdict)).toBe(true);
    expect(regions).toEqual([{ annotations: [], similar: [] }]);
    expect(analysed([FILLER, 'Vladimir Putin']).mentionsStory()).toBe(true);
  });

  it('tells from a first stretch whether the page shows something, as the whole page then does', () => {
    const text = page(600, 50);
    const cut = text.indexOf('\u2029', 4_000) + 1;
    const story = new PageAnalysis(matcher);
    story.add({ region: 0, offset: 0, text: text.slice(0, cut) });
    expect(story.showsSoFar()).toBe(true);
    story.add({ region: 0, offset: cut, text: text.slice(cut) });
    expect(isQuiet(story.finish(1).verdict)).toBe(false);

    const unrelated = new PageAnalysis(matcher);
    unrelated.add({ region: 0, offset: 0, text: Array.from({ length: 50 }, () => FILLER).join('\u2029') });
    expect(unrelated.showsSoFar()).toBe(false);
    expect(new PageAnalysis(matcher).showsSoFar()).toBe(false);
  });

  it('judges regions that sent no text as empty', () => {
    expect(analysed([]).finish(2).regions).toEqual([
      { annotations: [], similar: [] },
      { annotations: [], similar: [] },
    ]);
  });
});

function findings(result: { annotations: Annotation[]; similar: Annotation[] }): RegionFindings {
  return { annotations: result.annotations, similar: result.similar };
}

describe('findings in batches', () => {
  const annotation = (start: number, similar = false): Annotation => ({
    factIds: [`person:${start}`],
    category: 'person',
    start,
    end: start + 1,
    ...(similar ? { similar: true as const } : {}),
  });

  it('come back together whole, each batch within its size', () => {
    const regions: RegionFindings[] = [
      { annotations: Array.from({ length: 25 }, (_, i) => annotation(i)), similar: [annotation(99, true)] },
      { annotations: [], similar: [] },
      { annotations: [], similar: Array.from({ length: 12 }, (_, i) => annotation(i, true)) },
    ];
    const batches = [...findingsBatches(regions, 10)];
    for (const batch of batches) expect((batch.annotations.length + batch.similar.length) / 3).toBeLessThanOrEqual(10);
    expect(batches.filter((b) => b.last).map((b) => b.region)).toEqual([0, 1, 2]);
    const collector = new FindingsCollector(3);
    const done = batches.map((batch) => collector.add(JSON.parse(JSON.stringify(batch))));
    expect(done.indexOf(true)).toBe(batches.length - 1);
    expect(collector.regions).toEqual(regions);
  });

  it('refuse a batch for a region that was not asked about', () => {
    const collector = new FindingsCollector(1);
    expect(() => collector.add({ region: 3, kinds: [], annotations: [], similar: [], last: true })).toThrow(
      /region 3 of 1/,
    );
    // A finding naming a kind the batch does not have, or numbers that are not whole findings.
    expect(() => collector.add({ region: 0, kinds: [], annotations: [0, 2, 0], similar: [], last: true })).toThrow(
      /malformed/,
    );
    expect(() => collector.add({ region: 0, kinds: [], annotations: [0, 2], similar: [], last: true })).toThrow(
      /2 numbers/,
    );
  });

  it('send what a highlight stands for once per batch, and each highlight as three numbers', () => {
    const same = (start: number): Annotation => ({
      factIds: ['person:xi', 'person:xi-jinping'],
      category: 'person',
      start,
      end: start + 2,
    });
    const regions: RegionFindings[] = [
      {
        annotations: [same(0), same(10), annotation(20)],
        similar: [{ ...annotation(30, true), factIds: ['person:20'] }],
      },
    ];
    const [batch, ...rest] = [...findingsBatches(regions)];
    expect(rest).toEqual([]);
    expect(batch!.kinds).toEqual([
      { factIds: ['person:xi', 'person:xi-jinping'], category: 'person' },
      { factIds: ['person:20'], category: 'person' },
      { factIds: ['person:20'], category: 'person', similar: true },
    ]);
    expect(batch!.annotations).toEqual([0, 2, 0, 10, 2, 0, 20, 1, 1]);
    expect(batch!.similar).toEqual([30, 1, 2]);
    const collector = new FindingsCollector(1);
    collector.add(JSON.parse(JSON.stringify(batch)));
    expect(collector.regions).toEqual(regions);
    // Highlights of one kind share its fact ids.
    expect(collector.regions[0]!.annotations[0]!.factIds).toBe(collector.regions[0]!.annotations[1]!.factIds);
  });

  it('are done at once when there is no region', () => {
    expect([...findingsBatches([])]).toEqual([]);
    expect(new FindingsCollector(0).done).toBe(true);
  });
});
