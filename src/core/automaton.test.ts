import { describe, expect, it } from 'vitest';
import { type AutomatonData, buildAutomaton, WordAutomaton } from './automaton';

interface Found {
  phrase: number;
  first: number;
  last: number;
}

/** Every phrase the automaton reports over `words`, in its order; a break before word i where `breakBefore` has i. */
function scan(data: AutomatonData, words: readonly string[], breakBefore: readonly number[] = []): Found[] {
  const automaton = new WordAutomaton(data);
  const symbols = Int32Array.from(words, (word) => automaton.symbolOf(word));
  const breaks = Uint8Array.from(words, (_, i) => (breakBefore.includes(i) ? 1 : 0));
  const found: Found[] = [];
  automaton.scan(symbols, breaks, (node, last) => {
    for (let k = data.outputStart[node]!; k < data.outputStart[node + 1]!; k++) {
      const phrase = data.outputs[k]!;
      found.push({ phrase, first: last - data.phraseLength[phrase]! + 1, last });
    }
  });
  return found;
}

const words = (text: string) => (text === '' ? [] : text.split(' '));
const phrasesOf = (...texts: string[]) => texts.map(words);

/** What a scan must report, found the slow way: every occurrence, by end word, longest first, then by phrase id. */
function bruteForce(phrases: readonly string[][], text: readonly string[], breakBefore: readonly number[]): Found[] {
  const found: Found[] = [];
  phrases.forEach((phrase, id) => {
    if (phrase.length === 0) return;
    for (let first = 0; first + phrase.length <= text.length; first++) {
      const last = first + phrase.length - 1;
      const crossesBreak = breakBefore.some((b) => b > first && b <= last);
      if (!crossesBreak && phrase.every((word, k) => text[first + k] === word)) found.push({ phrase: id, first, last });
    }
  });
  return found.sort((a, b) => a.last - b.last || a.first - b.first || a.phrase - b.phrase);
}

/** Small deterministic generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('word automaton', () => {
  it('finds overlapping phrases, each where it ends', () => {
    const data = buildAutomaton(phrasesOf('video call', 'call in december', 'december'));
    expect(scan(data, words('a video call in december'))).toEqual([
      { phrase: 0, first: 1, last: 2 },
      { phrase: 1, first: 2, last: 4 },
      { phrase: 2, first: 4, last: 4 },
    ]);
  });

  it('follows the failure link into a phrase that starts inside a longer partial match', () => {
    // "xi jinping" is read as the start of "xi jinping said"; at "met" that fails,
    // and the match must go on from "jinping", the start of "jinping met".
    const data = buildAutomaton(phrasesOf('xi jinping said', 'jinping met'));
    expect(scan(data, words('xi jinping met putin'))).toEqual([{ phrase: 1, first: 1, last: 2 }]);
  });

  it('finds a phrase overlapping itself', () => {
    const data = buildAutomaton(phrasesOf('very very good'));
    expect(scan(data, words('very very very good'))).toEqual([{ phrase: 0, first: 1, last: 3 }]);
  });

  it('reports every phrase ending at a word, longest first, along the output links', () => {
    const data = buildAutomaton(phrasesOf('c', 'b c', 'a b c'));
    expect(scan(data, words('a b c')).map((f) => f.phrase)).toEqual([2, 1, 0]);
  });

  it('skips nodes that end no phrase on the way along the output links', () => {
    // "b c" is only a prefix of "b c x": the node for "a b c" links straight to "c".
    const data = buildAutomaton(phrasesOf('a b c', 'b c x', 'c'));
    const nodeOf = (path: string) =>
      words(path).reduce((node, word) => {
        const symbol = data.symbols.indexOf(word);
        for (let i = 0; i < data.edges.length; i += 3)
          if (data.edges[i] === node && data.edges[i + 1] === symbol) return data.edges[i + 2]!;
        throw new Error(`no edge for ${word}`);
      }, 0);
    expect(data.fail[nodeOf('a b c')]).toBe(nodeOf('b c'));
    expect(data.outputLink[nodeOf('a b c')]).toBe(nodeOf('c'));
    expect(data.outputLink[nodeOf('c')]).toBe(-1);
    expect(scan(data, words('a b c')).map((f) => f.phrase)).toEqual([0, 2]);
    expect(scan(data, words('b c'))).toEqual([{ phrase: 2, first: 1, last: 1 }]);
  });

  it('reports each of several phrases with the same words, in phrase order', () => {
    const data = buildAutomaton(phrasesOf('putin', 'vladimir putin', 'putin'));
    expect(scan(data, words('vladimir putin')).map((f) => f.phrase)).toEqual([1, 0, 2]);
  });

  it('gives unknown words no symbol, and no phrase runs through one', () => {
    const data = buildAutomaton(phrasesOf('video call'));
    const automaton = new WordAutomaton(data);
    expect(automaton.symbolOf('video')).toBe(0);
    expect(automaton.symbolOf('summit')).toBe(-1);
    expect(scan(data, words('video summit call'))).toEqual([]);
    expect(scan(data, words('summit video call'))).toEqual([{ phrase: 0, first: 1, last: 2 }]);
  });

  it('never lets a phrase cross a break, but starts one right after it', () => {
    const data = buildAutomaton(phrasesOf('video call', 'call', 'call today'));
    const text = words('video call today');
    expect(scan(data, text).map((f) => f.phrase)).toEqual([0, 1, 2]);
    expect(scan(data, text, [1])).toEqual([
      { phrase: 1, first: 1, last: 1 },
      { phrase: 2, first: 1, last: 2 },
    ]);
    expect(scan(data, text, [2])).toEqual([
      { phrase: 0, first: 0, last: 1 },
      { phrase: 1, first: 1, last: 1 },
    ]);
  });

  it('ignores empty phrases but keeps their ids', () => {
    const data = buildAutomaton([[], ['xi']]);
    expect(data.phraseLength).toEqual([0, 1]);
    expect(scan(data, ['xi'])).toEqual([{ phrase: 1, first: 0, last: 0 }]);
  });

  it('survives a JSON round trip unchanged, and matches the same after it', () => {
    const phrases = phrasesOf('xi jinping', 'jinping', 'vladimir putin', 'putin', 'video call', 'call');
    const data = buildAutomaton(phrases);
    const copy = JSON.parse(JSON.stringify(data)) as AutomatonData;
    expect(copy).toEqual(data);
    const text = words('xi jinping and vladimir putin held a video call');
    expect(scan(copy, text)).toEqual(scan(data, text));
    expect(scan(copy, text).length).toBe(6);
  });

  it('finds exactly what a brute-force search finds, on random phrases and texts', () => {
    const next = random(12);
    for (let round = 0; round < 200; round++) {
      // A small vocabulary makes phrases share prefixes and suffixes, which is what failure links are for.
      const vocabulary = Array.from({ length: 2 + Math.floor(next() * 5) }, (_, i) => `w${i}`);
      const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
      const phrases = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, pick),
      );
      const text = Array.from({ length: Math.floor(next() * 30) }, () => (next() < 0.05 ? 'unknown' : pick()));
      const breakBefore = text.flatMap((_, i) => (next() < 0.1 ? [i] : []));
      expect(scan(buildAutomaton(phrases), text, breakBefore), `round ${round}`).toEqual(
        bruteForce(phrases, text, breakBefore),
      );
    }
  });

  it('keeps every transition apart in its table with thousands of phrases', () => {
    // Many (node, word) pairs collide in the open-addressing table; every phrase must still be found.
    const phrases = Array.from({ length: 3000 }, (_, i) => [`a${i % 97}`, `b${i % 89}`, `c${i}`]);
    const data = buildAutomaton(phrases);
    const text = phrases.flat();
    const found = scan(data, text);
    expect(found.map((f) => f.phrase)).toEqual(phrases.map((_, i) => i));
    expect(found.every((f, i) => f.first === 3 * i)).toBe(true);
    // The same words in pairs no phrase has: a transition taken for another word's would find something.
    const mismatched = phrases.flatMap((phrase, i) => [phrase[0]!, `b${(i + 1) % 89}`, phrase[2]!]);
    expect(scan(data, mismatched)).toEqual([]);
  });
});
