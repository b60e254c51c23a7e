import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import { parseLexicon, parseStory } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import { miniMatcher, readJson } from './helpers';

const matcher = miniMatcher();
/** Enough context for the page verdict to let highlights through. */
const CONTEXT =
  'In a video call in December 2021, Xi Jinping told Vladimir Putin of China and Russia it was their 37th meeting since 2013.\u2029';

function found(text: string) {
  const page = CONTEXT + text;
  return annotate(matcher, page)
    .annotations.filter((a) => a.start >= CONTEXT.length)
    .map((a) => ({ ids: a.factIds.join(' '), text: page.slice(a.start, a.end) }));
}

describe('entity matching', () => {
  it('matches whole words only', () => {
    expect(found('Rasputin ate in Xinjiang with a Xiaomi phone. Modify it.')).toEqual([]);
  });

  it('keeps short names case-sensitive', () => {
    expect(found('XI and xi and us are not names, but US and Xi are.').map((f) => f.text)).toEqual(['US', 'Xi']);
  });

  it('matches titles, initials, possessives and transliterations', () => {
    expect(found("President Xi met Vladimir V. Putin; Mr. Putin's aide and Dmitry Rogozin.")).toEqual([
      { ids: 'person:xi-jinping', text: 'President Xi' },
      { ids: 'person:vladimir-putin', text: 'Vladimir V. Putin' },
      { ids: 'person:vladimir-putin', text: 'Mr. Putin' },
      { ids: 'person:dmitri-rogozin', text: 'Dmitry Rogozin' },
    ]);
  });

  it('covers a title with the full name', () => {
    expect(found('President Xi Jinping of China spoke.')[0]).toEqual({
      ids: 'person:xi-jinping',
      text: 'President Xi Jinping',
    });
  });

  it('prefers the longest name', () => {
    expect(found('claims in the South China Sea')).toEqual([{ ids: 'place:south-china-sea', text: 'South China Sea' }]);
  });

  it('does not take a name inside a not-a-mention phrase', () => {
    expect(found('Ships in the East China Sea; China said so.')).toEqual([{ ids: 'place:china', text: 'China' }]);
  });

  it('ignores no-break spaces, soft hyphens and curly quotes', () => {
    expect(found('Vladimir\u00a0Pu\u00adtin’s plan').map((f) => f.text)).toEqual(['Vladimir\u00a0Pu\u00adtin']);
  });

  it('reads through the spin lexicon', () => {
    expect(found('The Levada Middle polled america.')).toEqual([
      { ids: 'organization:levada-center', text: 'Levada Middle' },
      { ids: 'place:united-states', text: 'america' },
    ]);
  });
});

describe('statement matching', () => {
  it('highlights the sentence that states a claim, in other words and numbers', () => {
    const hits = found(
      'It was the thirty-seventh meeting of the two men since 2013, officials said. Unrelated sentence.',
    );
    expect(hits[0]).toEqual({
      ids: 'claim:37th-meeting',
      text: 'It was the thirty-seventh meeting of the two men since 2013, officials said.',
    });
  });

  it('matches a paraphrased quote', () => {
    const hits = found('“This relationship goes beyond even an alliance,” the aide quoted Xi as saying.');
    expect(hits.map((h) => h.ids)).toContain('quote:exceeds-alliance');
  });

  it('needs the required concepts: a sentence merely about an alliance does not match', () => {
    expect(found('NATO is an alliance of many countries.')).toEqual([]);
  });

  it('finds a claim whose required concept is a mention, and lists claims in the order their words appear', () => {
    const claim = (id: string, concepts: unknown[]) => ({
      id,
      category: 'claim',
      title: id,
      card: id,
      attribution: { speaker: 'Xi Jinping', speakerId: 'person:xi-jinping', accordingTo: 'Xi Jinping' },
      signature: { concepts },
      evidence: id,
    });
    const mini = readJson('tests/fixtures/mini-story.json') as { facts: unknown[] };
    const story = parseStory({
      ...mini,
      facts: [
        ...mini.facts,
        claim('claim:putin-pipeline', [
          { name: 'who', entities: ['person:vladimir-putin'], required: true },
          { name: 'what', variants: ['pipeline'] },
        ]),
        claim('claim:gas-pipeline', [
          { name: 'gas', variants: ['gas'], required: true },
          { name: 'what', variants: ['pipeline'] },
        ]),
      ],
    });
    const custom = new Matcher(compileMatcher(story, parseLexicon(readJson('tests/fixtures/mini-lexicon.json'))));
    const page = `${CONTEXT}Vladimir Putin praised the gas pipeline. A pipeline without gas.`;
    const claims = annotate(custom, page).annotations.filter(
      (a) => a.start >= CONTEXT.length && a.category === 'claim',
    );
    expect(claims.map((a) => ({ ids: a.factIds, text: page.slice(a.start, a.end) }))).toEqual([
      { ids: ['claim:gas-pipeline', 'claim:putin-pipeline'], text: 'Vladimir Putin praised the gas pipeline.' },
      { ids: ['claim:gas-pipeline'], text: 'A pipeline without gas.' },
    ]);
  });
});

describe('page verdict', () => {
  it('stays quiet on pages that merely mention a place', () => {
    const result = annotate(matcher, 'Cricket fans in China cheered the match.');
    expect(result.verdict.stories[0]!.kind).toBe('nothing');
    expect(result.annotations).toEqual([]);
  });

  it('keeps statements off pages about another meeting, but keeps entities', () => {
    const page =
      'In January 2025, a day after Trump took office, Xi Jinping and Vladimir Putin held a video call. China and Russia have no formal alliance. It was their 37th meeting since 2013.';
    const result = annotate(matcher, page);
    expect(result.verdict.stories[0]!.kind).toBe('other-event');
    expect(result.annotations.every((a) => ['person', 'place', 'organization', 'event'].includes(a.category))).toBe(
      true,
    );
    expect(result.annotations.length).toBeGreaterThan(0);
    expect(result.similar.map((a) => a.factIds[0])).toContain('limit:no-formal-alliance');
  });

  it('does not date a page by its copyright line', () => {
    const page =
      'In a video call, Xi Jinping and Vladimir Putin spoke about China. It was their 37th meeting since 2013. They have no formal alliance.\u2029© 2025 Example News. Copyright 2019-2025.';
    expect(annotate(matcher, page).verdict.stories[0]!.kind).toBe('this-summit');
  });

  it('recognises a machine-reworded copy by its vocabulary', () => {
    const page =
      'In a video call in December 2021, Mr. Xi instructed Mr. Putin that it was the 37th time the 2 males had met since 2013. The Levada Middle said so. They do not have a proper alliance; they protect the safety pursuits of each events.';
    const result = annotate(matcher, page);
    expect(result.verdict.stories[0]!.kind).toBe('spun-copy');
    expect(result.verdict.stories[0]!.spinExamples).toContain('Levada Middle');
  });
});
