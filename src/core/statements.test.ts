import { describe, expect, it } from 'vitest';
import miniLexicon from '../../tests/fixtures/mini-lexicon.json';
import miniStory from '../../tests/fixtures/mini-story.json';
import { analyseText } from './annotate';
import { compileMatcher } from './compile';
import { parseLexicon, parseStory } from './dataset';
import { Matcher } from './matcher';

const attribution = { speaker: 'Vladimir Putin', speakerId: 'person:vladimir-putin', accordingTo: 'Vladimir Putin' };

/**
 * Statements written for these tests, beside the fixture's people and places. Weights of the
 * first are chosen so that sentences fall just below (5.9 of 10), on (6) and just above (6.1) its threshold.
 */
const statements = [
  {
    id: 'claim:pipeline-deal',
    category: 'claim',
    title: 'Pipeline deal',
    card: 'A pipeline deal.',
    attribution,
    signature: {
      concepts: [
        { name: 'pipeline', variants: ['pipeline'], required: true, weight: 4 },
        { name: 'gas', variants: ['gas'], weight: 2 },
        { name: 'price', variants: ['price'], weight: 1.9 },
        { name: 'route', variants: ['route'], weight: 2.1 },
      ],
      threshold: 0.6,
    },
    evidence: 'pipeline deal',
  },
  {
    id: 'claim:pipeline-built',
    category: 'claim',
    title: 'Pipeline built',
    card: 'The pipeline was built.',
    attribution,
    signature: {
      concepts: [
        { name: 'pipeline', variants: ['pipeline'], required: true },
        { name: 'built', variants: ['built'], required: true },
      ],
    },
    evidence: 'pipeline built',
  },
  {
    id: 'claim:putin-sells',
    category: 'claim',
    title: 'Putin sells',
    card: 'Putin sells.',
    attribution,
    signature: {
      concepts: [
        // Met by a mention of Putin, or by these words.
        { name: 'who', entities: ['person:vladimir-putin'], variants: ['Russian leader'], required: true },
        { name: 'sells', variants: ['sell*'], required: true },
      ],
    },
    evidence: 'Putin sells',
  },
  {
    id: 'claim:china-buys',
    category: 'claim',
    title: 'China buys',
    card: 'China buys.',
    attribution,
    signature: {
      concepts: [
        { name: 'who', entities: ['place:china'], required: true },
        { name: 'buys', variants: ['buy*'], required: true },
      ],
    },
    evidence: 'China buys',
  },
  {
    id: 'limit:no-deal',
    category: 'limit',
    title: 'No deal',
    card: 'There is no deal.',
    signature: {
      concepts: [
        { name: 'no', variants: ['no', 'not'], required: true },
        { name: 'deal', variants: ['deal'], required: true },
        { name: 'gas', variants: ['gas'] },
      ],
      // Low, so that only the required concepts decide.
      threshold: 0.2,
    },
    evidence: 'no deal',
  },
];

const matcher = new Matcher(
  compileMatcher(parseStory({ ...miniStory, facts: [...miniStory.facts, ...statements] }), parseLexicon(miniLexicon)),
);

/** The statements found in `text`: the sentence, its category and its facts. */
function found(text: string) {
  return analyseText(matcher, text).statements.map((a) => ({
    text: text.slice(a.start, a.end),
    category: a.category,
    ids: a.factIds,
  }));
}

const ids = (text: string) => found(text).flatMap((s) => s.ids);

describe('statement scoring', () => {
  it('needs the threshold: just below it no, on it and just above it yes', () => {
    expect(ids('The pipeline has a price.')).toEqual([]); // 4 + 1.9 of 10
    expect(ids('The pipeline carries gas.')).toEqual(['claim:pipeline-deal']); // 4 + 2
    expect(ids('The pipeline has a route.')).toEqual(['claim:pipeline-deal']); // 4 + 2.1
  });

  it('counts the weight of each concept, not the number of concepts, and each concept once', () => {
    // Two concepts each, on either side of the threshold.
    expect(ids('The pipeline has a price.')).toEqual([]);
    expect(ids('The pipeline has a route.')).toEqual(['claim:pipeline-deal']);
    // A repeated word is one concept hit: 4 + 1.9 however often "pipeline" comes.
    expect(ids('A pipeline, a pipeline, a pipeline and a price.')).toEqual([]);
    expect(ids('Gas runs through the pipeline, at a price, on a route.')).toEqual(['claim:pipeline-deal']);
  });

  it('needs every required concept, whatever the weight present', () => {
    // 6 of 10 without the required "pipeline".
    expect(ids('Gas, price and route were agreed.')).toEqual([]);
    // 2 of 3 concepts, over a 0.2 threshold, but without "no".
    expect(ids('There is a deal on gas.')).toEqual([]);
    expect(ids('There is no deal.')).toEqual(['limit:no-deal']);
    // The first required concept present, the second missing: 2 of 3 again.
    expect(ids('There is no gas.')).toEqual([]);
  });

  it('finds a fact whose required concept comes last in the sentence', () => {
    expect(ids('Gas will flow through the pipeline.')).toEqual(['claim:pipeline-deal']);
    expect(ids('Gas was not part of the deal.')).toEqual(['limit:no-deal']);
  });

  it('lets a mention of an entity meet a concept, in the same sentence only', () => {
    expect(ids('Putin sells.')).toEqual(['claim:putin-sells']);
    expect(ids('Vladimir Putin is selling.')).toEqual(['claim:putin-sells']);
    // The concept's own words do as well as the mention.
    expect(ids('The Russian leader sells.')).toEqual(['claim:putin-sells']);
    expect(ids('He sells.')).toEqual([]);
    expect(ids('Putin spoke. He sells.')).toEqual([]);
    // Another person is not a mention of this one.
    expect(ids('Modi sells.')).toEqual([]);
  });

  it('lets only the mentions shown meet a concept, not a name inside a longer one', () => {
    expect(ids('China buys.')).toEqual(['claim:china-buys']);
    // The fixture says "China Sea" is not a mention of China; "South China Sea" is a place of its own.
    expect(ids('Ships in the East China Sea buy fuel.')).toEqual([]);
    expect(ids('Ships in the South China Sea buy fuel.')).toEqual([]);
  });

  it('never adds up concepts across sentences', () => {
    expect(ids('The pipeline is long. It carries gas.')).toEqual([]);
    expect(ids('There is no gas. A deal was signed.')).toEqual([]);
  });

  it('highlights the whole sentence that states the fact, and no other', () => {
    expect(found('Talks went on. The pipeline carries gas. Talks ended.')).toEqual([
      { text: 'The pipeline carries gas.', category: 'claim', ids: ['claim:pipeline-deal'] },
    ]);
  });

  it('gives claims sharing a sentence one highlight, in the order of their first concept hit', () => {
    expect(found('The pipeline route opens, and Putin sells.')).toEqual([
      {
        text: 'The pipeline route opens, and Putin sells.',
        category: 'claim',
        ids: ['claim:pipeline-deal', 'claim:putin-sells'],
      },
    ]);
    // The same facts, with the words of the later one first.
    expect(found('Putin sells, and the pipeline route opens.')[0]?.ids).toEqual([
      'claim:putin-sells',
      'claim:pipeline-deal',
    ]);
    // A fact's first hit may be a concept other than the required one that made it worth scoring.
    expect(ids('On this route, Putin sells through the pipeline.')).toEqual([
      'claim:pipeline-deal',
      'claim:putin-sells',
    ]);
  });

  it('orders facts first hit by the same words in dataset order', () => {
    expect(ids('The pipeline was built along the route.')).toEqual(['claim:pipeline-deal', 'claim:pipeline-built']);
  });

  it('gives statements of different categories in one sentence a highlight each, over the same words', () => {
    const text = 'Putin sells gas, but there is no deal.';
    expect(found(text)).toEqual([
      { text, category: 'claim', ids: ['claim:putin-sells'] },
      { text, category: 'limit', ids: ['limit:no-deal'] },
    ]);
  });

  it('finds each sentence of a page on its own', () => {
    expect(found('There is no deal. The pipeline was built. Nothing else.')).toEqual([
      { text: 'There is no deal.', category: 'limit', ids: ['limit:no-deal'] },
      { text: 'The pipeline was built.', category: 'claim', ids: ['claim:pipeline-built'] },
    ]);
  });
});
