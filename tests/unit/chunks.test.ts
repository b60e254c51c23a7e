import { describe, expect, it } from 'vitest';
import { analyseText, annotate, judge, mergeAnalyses } from '../../src/core/annotate';
import { chunkBoundaries } from '../../src/core/chunks';
import { miniMatcher } from './helpers';

describe('chunkBoundaries', () => {
  it('cuts at block boundaries near the size and covers the whole text', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} has some words in it.`).join('\u2029');
    const cuts = chunkBoundaries(text, 100);
    expect(cuts[0]).toBe(0);
    expect(cuts[cuts.length - 1]).toBe(text.length);
    for (let i = 1; i < cuts.length - 1; i++) expect(text[cuts[i]! - 1]).toBe('\u2029');
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]!).toBeGreaterThan(cuts[i - 1]!);
  });

  it('cuts one huge block at spaces, and text without spaces anyway', () => {
    const words = 'word '.repeat(1000);
    const cuts = chunkBoundaries(words, 100);
    expect(cuts.length).toBeGreaterThan(10);
    for (let i = 1; i < cuts.length - 1; i++) expect(words[cuts[i]! - 1]).toBe(' ');
    expect(chunkBoundaries('x'.repeat(1000), 100).length).toBeGreaterThan(4);
  });

  it('gives the same annotations whether the page is analysed whole or in stretches', () => {
    const matcher = miniMatcher();
    const paragraph =
      'In a video call in December 2021, Xi Jinping told Vladimir Putin it was their 37th meeting since 2013. China and the South China Sea.';
    const text = Array.from({ length: 40 }, () => paragraph).join('\u2029');
    const cuts = chunkBoundaries(text, 500);
    const parts = cuts.slice(1).map((end, i) => analyseText(matcher, text.slice(cuts[i]!, end), cuts[i]!));
    const sliced = judge(matcher, mergeAnalyses(parts));
    expect(sliced.annotations).toEqual(annotate(matcher, text).annotations);
    expect(sliced.annotations.length).toBeGreaterThan(100);
  });
});
