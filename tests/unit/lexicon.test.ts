import { describe, expect, it } from 'vitest';
import { LexiconRewriter } from '../../src/core/lexicon';
import { normalizeText } from '../../src/core/normalize';
import { JOINS_PREVIOUS, REWRITTEN, STARTS_SENTENCE, tokenize } from '../../src/core/tokens';

const rewriter = new LexiconRewriter({
  entries: [
    { spun: [['safety', 'pursuits']], plain: ['security', 'interests'], weight: 1 },
    { spun: [['each', 'events']], plain: ['parties'], weight: 1 },
    { spun: [['commandant']], plain: ['head', 'of', 'state'], weight: 1 },
  ],
});

describe('LexiconRewriter', () => {
  it('replaces phrases that shrink, keep or grow the word count, each spanning the words it replaced', () => {
    const text = 'each events met; the commandant spoke of safety pursuits, each events agreed';
    const hits: { entry: number; start: number; end: number }[] = [];
    const tokens = rewriter.rewrite(tokenize(normalizeText(text)), hits);
    expect(tokens.map((t) => t.word)).toEqual([
      'parties',
      'met',
      'the',
      'head',
      'of',
      'state',
      'spoke',
      'of',
      'security',
      'interests',
      'parties',
      'agreed',
    ]);
    const span = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
    expect(span(0)).toBe('each events');
    expect([span(3), span(4), span(5)]).toEqual(['commandant', 'commandant', 'commandant']);
    expect(span(9)).toBe('safety pursuits');
    expect(tokens[0]!.flags).toBe(STARTS_SENTENCE | REWRITTEN);
    expect(tokens[4]!.flags).toBe(JOINS_PREVIOUS | REWRITTEN);
    expect(tokens[1]!.flags & REWRITTEN).toBe(0);
    expect(hits.map((h) => [h.entry, text.slice(h.start, h.end)])).toEqual([
      [1, 'each events'],
      [2, 'commandant'],
      [0, 'safety pursuits'],
      [1, 'each events'],
    ]);
  });
});
