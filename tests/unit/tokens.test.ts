import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize';
import { JOINS_PREVIOUS, STARTS_SENTENCE, stem, tokenize } from '../../src/core/tokens';

const words = (text: string) => tokenize(normalizeText(text)).map((t) => t.word);

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(words("Putin's Levada-Center, Xi.")).toEqual(['putin', 's', 'levada', 'center', 'xi']);
  });

  it('reads number words, ordinals and thousands groups as digits', () => {
    expect(words('the thirty seventh time')).toEqual(['the', '37', 'time']);
    expect(words('the thirty-seventh time')).toEqual(['the', '37', 'time']);
    expect(words('the 37th time')).toEqual(['the', '37', 'time']);
    expect(words('more than 2,600 miles')).toEqual(['more', 'than', '2600', 'miles']);
    expect(words('seventy per cent and 70%')).toEqual(['70', 'per', 'cent', 'and', '70', 'percent']);
    expect(words('the 2 men and the two men')).toEqual(['the', '2', 'men', 'and', 'the', '2', 'men']);
    expect(words('in 1969 and 2013')).toEqual(['in', '1969', 'and', '2013']);
  });

  it('reads only number words as numbers, not names JavaScript objects inherit', () => {
    expect(words('twenty constructor')).toEqual(['20', 'constructor']);
    expect(words('constructor twenty')).toEqual(['constructor', '20']);
  });

  it('ends sentences at full stops but not after titles or initials', () => {
    const tokens = tokenize(normalizeText('Mr. Xi met Vladimir V. Putin. Then they spoke.'));
    const starts = tokens.filter((t) => t.flags & STARTS_SENTENCE).map((t) => t.word);
    expect(starts).toEqual(['mr', 'then']);
    const putin = tokens.find((t) => t.word === 'putin')!;
    expect(putin.flags & JOINS_PREVIOUS).toBeTruthy();
  });

  it('ends sentences at block boundaries', () => {
    const tokens = tokenize(normalizeText('Headline without stop\u2029Next paragraph'));
    expect(tokens.filter((t) => t.flags & STARTS_SENTENCE).map((t) => t.word)).toEqual(['headline', 'next']);
  });
});

describe('stem', () => {
  it('brings inflections together', () => {
    expect(stem('attended')).toBe(stem('attend'));
    expect(stem('attending')).toBe(stem('attends'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('based')).toBe(stem('base'));
    expect(stem('countries')).toBe(stem('country'));
    expect(stem('seeing')).toBe(stem('see'));
  });

  it('leaves short words and names alone', () => {
    expect(stem('xi')).toBe('xi');
    expect(stem('us')).toBe('us');
    expect(stem('modi')).not.toBe(stem('modify'));
  });
});

describe('word edges', () => {
  it('keeps an apostrophe inside a name but splits English clitics', () => {
    expect(words("Xi'an and O'Brien met Putin's aide; they'll go")).toEqual([
      "xi'an",
      'and',
      "o'brien",
      'met',
      'putin',
      's',
      'aide',
      'they',
      'll',
      'go',
    ]);
  });

  it('keeps -ics nouns apart from their adjectives and never stems into another short word', () => {
    expect(stem('olympics')).not.toBe(stem('olympic'));
    expect(stem('noted')).not.toBe('not');
    expect(stem('note')).not.toBe('not');
    expect(stem('used')).not.toBe('us');
  });
});

describe('negations', () => {
  it('reads contracted negations as "not"', () => {
    expect(words("It doesn't mention Ukraine; they won't, can't and didn't")).toEqual([
      'it',
      'does',
      'not',
      'mention',
      'ukraine',
      'they',
      'will',
      'not',
      'can',
      'not',
      'and',
      'did',
      'not',
    ]);
  });
});
