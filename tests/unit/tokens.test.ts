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

describe('Russian and Chinese text', () => {
  it('reads each Han character as a word, and Latin letters and digits beside them as words of their own', () => {
    expect(words('习近平同普京举行G20峰会')).toEqual([
      '习',
      '近',
      '平',
      '同',
      '普',
      '京',
      '举',
      '行',
      'g20',
      '峰',
      '会',
    ]);
    expect(words('2013年以来')).toEqual(['2013', '年', '以', '来']);
  });

  it('joins the parts of a transliterated name across its middle dot, and not across a comma', () => {
    const tokens = tokenize(normalizeText('弗拉基米尔·普京，习近平'));
    expect(tokens.find((t) => t.word === '普')!.flags & JOINS_PREVIOUS).toBeTruthy();
    expect(tokens.find((t) => t.word === '习')!.flags & JOINS_PREVIOUS).toBeFalsy();
  });

  it('ends sentences at the Chinese full stop', () => {
    const tokens = tokenize(normalizeText('两国元首举行会晤。习近平指出'));
    expect(tokens.filter((t) => t.flags & STARTS_SENTENCE).map((t) => t.word)).toEqual(['2', '习']);
  });

  it('reads Chinese numerals as digits, positional and with multipliers', () => {
    expect(words('第三十七次')).toEqual(['第', '37', '次']);
    expect(words('二○一三年和二〇二一年')).toEqual(['2013', '年', '和', '2021', '年']);
    expect(words('十二月十五日')).toEqual(['12', '月', '15', '日']);
    expect(words('一百零五')).toEqual(['105']);
    expect(words('千万')).toEqual(['千', '万']);
  });

  it('reads Russian ordinals written with digits and with words as the number', () => {
    expect(words('37-я встреча')).toEqual(['37', 'встреча']);
    expect(words('в 37-й раз с 2013-го')).toEqual(['в', '37', 'раз', 'с', '2013']);
    expect(words('тридцать седьмая встреча')).toEqual(['37', 'встреча']);
    expect(words('тридцать седьмой')).toEqual(words('37-й'));
    expect(words('вторник и пятница')).toEqual(['вторник', 'и', 'пятница']);
  });

  it('reads ё as е', () => {
    expect(words('Ещё «Всё»')).toEqual(words('Еще "Все"'));
  });

  it('stems Russian words so that their cases meet', () => {
    expect(stem('путина')).toBe(stem('путин'));
    expect(stem('олимпийских')).toBe(stem('олимпийские'));
    expect(stem('встречи')).toBe(stem('встреча'));
  });
});
