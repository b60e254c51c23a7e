/**
 * Word tokens over normalised text, with numbers unified and words stemmed.
 *
 * Matching works on words, not characters: "whole words only" then holds by
 * construction (Rasputin is one word, not "Ras" + "putin"), names split
 * across elements or hyphens still line up, and rewording by a spinner is a
 * word-level substitution the lexicon can undo.
 */
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { englishStem } from './english-stem';
import type { NormalizedText } from './normalize';

/** Flags per token. */
export const JOINS_PREVIOUS = 1; // may continue a phrase started by the previous token
export const REWRITTEN = 2; // produced by the lexicon or the number reader, not the page's own word
export const STARTS_SENTENCE = 4;

export interface Token {
  /** Lower-case surface word (after number unification). */
  word: string;
  /** Normalised-text span. */
  start: number;
  end: number;
  flags: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'jr',
  'sr',
  'vs',
  'no',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'pres',
  'rev',
  'hon',
  'messrs',
  'inc',
  'co',
  'corp',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'fig',
  'approx',
  'etc',
  'e',
  'i',
  'u',
  'n',
]);

const wordCharCache = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not word
const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let known = wordCharCache[code]!;
  if (known === 0) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2;
    wordCharCache[code] = known;
  }
  return known === 1;
}

/**
 * A Han character (CJK ideographs and their extension A, compatibility
 * ideographs, and the numeral 〇). Chinese has no spaces, so each one is a
 * word of its own: names are phrases of characters, and a longer name or a
 * not-a-mention phrase around a short one wins as it does for words.
 */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007
  );
}

/** "○" (a white circle) stands for zero between Chinese numerals: 二○一三年. */
const WHITE_CIRCLE = 0x25cb;

/** A character a sentence may start with: a capital, a digit, or a letter of a script without case. */
function startsLikeSentence(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    isHan(code) ||
    (code >= 0xc0 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code))
  );
}

/** Dots between the parts of a transliterated name: 弗拉基米尔·普京. */
const NAME_DOTS = new Set([0x00b7, 0x30fb, 0x2027, 0x2022]);

/**
 * Reads the gap between two words: may a phrase run across it, and does a
 * sentence end in it? A dot after a short word ("Mr.", "V.") joins; a
 * newline (block boundary) always ends the sentence.
 */
function classifyGap(lower: string, text: string, from: number, to: number, previous: string, next: number): number {
  let joins = to - from <= 3;
  let stop = false;
  let dot = false;
  for (let i = from; i < to; i++) {
    const code = lower.charCodeAt(i);
    if (code === 0x20 || code === 0x2d || code === 0x27 || NAME_DOTS.has(code)) continue; // space, hyphen, apostrophe
    if (code === 0x3002) {
      // The Chinese full stop ends a sentence whatever follows.
      joins = false;
      stop = true;
      continue;
    }
    if (code === 0x2e) {
      dot = true;
      continue;
    }
    joins = false;
    if (code === 0x0a) return STARTS_SENTENCE;
    if (code === 0x21 || code === 0x3f || code === 0x3b) stop = true; // ! ? ;
  }
  if (dot && previous.length !== 1 && !ABBREVIATIONS.has(previous)) {
    joins = false;
    stop = true;
  }
  if (stop && !startsLikeSentence(text.charCodeAt(next)) && text.charCodeAt(next) !== 0x22) {
    // "said. and" is not a sentence start; quotes may open one.
    stop = lower.charCodeAt(to - 1) === 0x22 || lower.charCodeAt(to - 1) === 0x27 ? stop : false;
  }
  return (joins ? JOINS_PREVIOUS : 0) | (stop ? STARTS_SENTENCE : 0);
}

/** Negated forms whose verb is not the word minus its "n": won't, can't, shan't. */
export const IRREGULAR_NEGATIONS: Record<string, string> = { won: 'will', can: 'can', shan: 'shall', ain: 'is' };

/** English endings after an apostrophe: "Putin's", "don't", "they'll" split there. */
const CLITICS = new Set(['s', 't', 'd', 'll', 're', 've', 'm']);

/**
 * End of the word that starts at `from`, and the hash of its letters (what
 * `wordAt` interns it by), read in one pass. An apostrophe between letters
 * stays inside the word unless a clitic follows, so "Xi'an" is one word
 * (not the name "Xi") while "Putin's" is "Putin" + "s".
 */
function scanWord(lower: string, from: number): number {
  const n = lower.length;
  let end = from;
  let h = 0;
  for (;;) {
    for (; end < n; end++) {
      const code = lower.charCodeAt(end);
      if (!isWordCode(code) || (code >= 0x3007 && isHan(code))) break;
      h = (Math.imul(h, 31) + code) | 0;
    }
    if (lower.charCodeAt(end) !== 0x27 || !isWordCode(lower.charCodeAt(end + 1))) break;
    let next = end + 1;
    let after = (Math.imul(h, 31) + 0x27) | 0;
    for (; next < n; next++) {
      const code = lower.charCodeAt(next);
      if (!isWordCode(code) || (code >= 0x3007 && isHan(code))) break;
      after = (Math.imul(after, 31) + code) | 0;
    }
    if (CLITICS.has(lower.slice(end + 1, next))) break;
    end = next;
    h = after;
  }
  scannedHash = h;
  return end;
}

/** Hash of the word `scanWord` last read (a second return value, without an allocation). */
let scannedHash = 0;

/**
 * Recent words, by a hash of their letters: a page repeats its words, and
 * handing out one string per distinct word (not one per occurrence) spares
 * the garbage collector most of a page's strings. Direct-mapped and bounded.
 */
const INTERNED_SLOTS = 1 << 14;
const INTERNED_MAX_LENGTH = 32;
const interned: string[] = Array.from({ length: INTERNED_SLOTS }, () => '');

function wordAt(lower: string, start: number, end: number, h: number): string {
  if (end - start > INTERNED_MAX_LENGTH) return lower.slice(start, end);
  const slot = (h ^ (h >>> 14)) & (INTERNED_SLOTS - 1);
  const known = interned[slot]!;
  if (known.length === end - start && lower.startsWith(known, start)) return known;
  const word = lower.slice(start, end);
  interned[slot] = word;
  return word;
}

/** Splits normalised text into word tokens; "%" is a word of its own ("percent"). */
export function tokenize(norm: NormalizedText): Token[] {
  const { lower, text } = norm;
  const tokens: Token[] = [];
  const n = lower.length;
  let i = 0;
  let previousEnd = 0;
  let previousWord = '';
  while (i < n) {
    const code = lower.charCodeAt(i);
    const percent = code === 0x25;
    // A Han character is a word of its own, and so is "○" between Chinese numerals.
    const single =
      percent ||
      (code === WHITE_CIRCLE
        ? CHINESE_DIGITS.has(lower[i - 1] ?? '') || CHINESE_DIGITS.has(lower[i + 1] ?? '')
        : code >= 0x3007 && isHan(code));
    if (!single && !isWordCode(code)) {
      i++;
      continue;
    }
    const end = single ? i + 1 : scanWord(lower, i);
    const flags = tokens.length === 0 ? STARTS_SENTENCE : classifyGap(lower, text, previousEnd, i, previousWord, i);
    const word = percent ? 'percent' : single ? lower[i]! : wordAt(lower, i, end, scannedHash);
    if (word === 't' && previousWord.endsWith('n') && lower.charCodeAt(i - 1) === 0x27 && tokens.length > 0) {
      // "doesn't" reads as "does not", so negations match however they are written.
      const verb = tokens[tokens.length - 1]!;
      verb.word = IRREGULAR_NEGATIONS[previousWord] ?? previousWord.slice(0, -1);
      verb.end -= 1;
      tokens.push({ word: 'not', start: verb.end, end, flags: JOINS_PREVIOUS | REWRITTEN });
    } else tokens.push({ word, start: i, end, flags });
    previousEnd = end;
    previousWord = word;
    i = end;
  }
  return unifyNumbers(tokens, lower);
}

// Maps, not object literals: `word in {...}` is slow on page words and also sees inherited keys ("constructor").
const UNITS = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    sixth: 6,
    seventh: 7,
    eighth: 8,
    ninth: 9,
    tenth: 10,
    eleventh: 11,
    twelfth: 12,
    thirteenth: 13,
    fourteenth: 14,
    fifteenth: 15,
    sixteenth: 16,
    seventeenth: 17,
    eighteenth: 18,
    nineteenth: 19,
  }),
);
const TENS = new Map(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    twentieth: 20,
    thirtieth: 30,
    fortieth: 40,
    fiftieth: 50,
    sixtieth: 60,
    seventieth: 70,
    eightieth: 80,
    ninetieth: 90,
  }),
);
const SCALES = new Map(Object.entries({ hundred: 100, thousand: 1000, million: 1_000_000 }));

/** Adds every form of a Russian numeral: each stem with each of its endings. */
function addRussian(map: Map<string, number>, value: number, stems: readonly string[], endings: readonly string[]) {
  for (const s of stems) for (const e of endings) map.set(s + e, value);
}
/** Endings of Russian ordinals (седьмой, седьмая, седьмого...) and of cardinals in -ь (пять, пяти, пятью). */
const RU_ORDINAL = ['ой', 'ый', 'ая', 'ое', 'ого', 'ому', 'ом', 'ую', 'ые', 'ых', 'ым', 'ыми'];
const RU_SOFT = ['ь', 'и', 'ью'];
const RU_UNIT_ORDINALS = ['перв', 'втор', '', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят'];
const RU_TEENS = ['один', 'две', 'три', 'четыр', 'пят', 'шест', 'сем', 'восем', 'девят'];
const RU_TENS: Record<number, [cardinals: string[], ordinal: string]> = {
  20: [['двадцать', 'двадцати'], 'двадцат'],
  30: [['тридцать', 'тридцати'], 'тридцат'],
  40: [['сорок', 'сорока'], 'сороков'],
  50: [['пятьдесят', 'пятидесяти'], 'пятидесят'],
  60: [['шестьдесят', 'шестидесяти'], 'шестидесят'],
  70: [['семьдесят', 'семидесяти'], 'семидесят'],
  80: [['восемьдесят', 'восьмидесяти'], 'восьмидесят'],
  90: [['девяносто', 'девяноста'], 'девяност'],
};
RU_UNIT_ORDINALS.forEach((stem, k) => {
  if (stem) addRussian(UNITS, k + 1, [stem], RU_ORDINAL);
});
addRussian(UNITS, 3, ['трет'], ['ий', 'ья', 'ье', 'ьего', 'ьему', 'ьим', 'ьем', 'ью', 'ьи', 'ьих', 'ьими']);
for (const [value, forms] of [
  [2, ['два', 'две', 'двух', 'двум', 'двумя']],
  [3, ['три', 'трех', 'трем', 'тремя']],
  [4, ['четыре', 'четырех', 'четырем', 'четырьмя']],
] as const)
  for (const form of forms) UNITS.set(form, value);
['пят', 'шест', 'сем', 'восем', 'девят', 'десят'].forEach((stem, k) => {
  addRussian(UNITS, k + 5, [stem], RU_SOFT);
});
UNITS.set('восьми', 8);
RU_TEENS.forEach((stem, k) => {
  addRussian(UNITS, k + 11, [`${stem}надцат`], [...RU_SOFT, ...RU_ORDINAL]);
});
for (const [value, [cardinals, ordinal]] of Object.entries(RU_TENS)) {
  for (const form of cardinals) TENS.set(form, Number(value));
  addRussian(TENS, Number(value), [ordinal], RU_ORDINAL);
}

/** Chinese numerals: digits, and the multipliers that make 三十七 = 37 and 二○一三 = 2013. */
const CHINESE_DIGITS = new Map(
  Object.entries({ 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }),
);
const CHINESE_MULTIPLIERS = new Map(Object.entries({ 十: 10, 百: 100, 千: 1000, 万: 10_000, 萬: 10_000 }));

/** The value of a run of Chinese numerals, or -1 if it is not a number (a multiplier alone: 千万 "by all means"). */
function chineseNumber(chars: readonly string[]): number {
  const multiplied = chars.some((c) => CHINESE_MULTIPLIERS.has(c));
  if (!multiplied) return Number(chars.map((c) => CHINESE_DIGITS.get(c)).join(''));
  if (!chars.some((c) => CHINESE_DIGITS.has(c) || c === '十')) return -1;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of chars) {
    const d = CHINESE_DIGITS.get(c);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const m = CHINESE_MULTIPLIERS.get(c)!;
    // 十七 is 17: a multiplier with no digit before it counts once.
    const times = digit < 0 ? 1 : digit;
    if (m === 10_000) {
      total += (section + Math.max(digit, 0)) * m;
      section = 0;
    } else section += times * m;
    digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

/** Endings written after a digit in Russian ordinals: «37-я», «37-й», «2013-го». */
const RU_DIGIT_ENDINGS = new Set(['я', 'й', 'е', 'го', 'му', 'м', 'ю', 'х', 'ми', 'ая', 'ое', 'ой', 'ый', 'ий']);
/** Words that can start a number (scales only continue one). */
const NUMBER_STARTS = new Set([...UNITS.keys(), ...TENS.keys()]);

/** Every word the number reader reads as (part of) a number, and the Chinese numeral characters. */
export const NUMBER_WORDS: readonly string[] = [...UNITS.keys(), ...TENS.keys(), ...SCALES.keys()];

/** What each number word is worth, and whether it is a unit (0 to 19), a ten or a scale. */
export function numberWordValue(word: string): { value: number; kind: 'unit' | 'ten' | 'scale' } | undefined {
  const unit = UNITS.get(word);
  if (unit !== undefined) return { value: unit, kind: 'unit' };
  const ten = TENS.get(word);
  if (ten !== undefined) return { value: ten, kind: 'ten' };
  const scale = SCALES.get(word);
  return scale === undefined ? undefined : { value: scale, kind: 'scale' };
}
export const CHINESE_NUMERALS = [...CHINESE_DIGITS.keys(), ...CHINESE_MULTIPLIERS.keys()].join('');
const ORDINAL_DIGITS = /^(\d+)(st|nd|rd|th)$/;

/**
 * "thirty-seventh", "37th" and "37" become "37"; "2,600" becomes "2600";
 * "seventy" becomes "70". Spans cover every word read.
 */
function unifyNumbers(tokens: Token[], lower: string): Token[] {
  // In place: a number is never more tokens than it was read from, so writes stay behind reads.
  let written = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const first = token.word.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      const ordinal = ORDINAL_DIGITS.exec(token.word);
      let digits = ordinal ? ordinal[1]! : token.word;
      let end = token.end;
      let flags = ordinal ? token.flags | REWRITTEN : token.flags;
      // Thousands groups: "2,600" and "4,200" read as one number.
      while (!ordinal && token.word.length <= 3 && i + 1 < tokens.length) {
        const next = tokens[i + 1]!;
        if (lower.slice(end, next.start) !== ',' || !/^\d{3}$/.test(next.word)) break;
        digits += next.word;
        end = next.end;
        flags |= REWRITTEN;
        i++;
      }
      const next = tokens[i + 1];
      if (
        !ordinal &&
        next &&
        RU_DIGIT_ENDINGS.has(next.word) &&
        next.start === end + 1 &&
        lower.charCodeAt(end) === 0x2d
      ) {
        // «37-я встреча» is the 37th meeting: the ending goes with the number.
        end = next.end;
        flags |= REWRITTEN;
        i++;
      }
      tokens[written++] = { word: digits, start: token.start, end, flags };
      continue;
    }
    if (CHINESE_DIGITS.has(token.word) || CHINESE_MULTIPLIERS.has(token.word)) {
      // A run of numeral characters with nothing between them: 第三十七次, 二○一三年.
      let last = i;
      while (
        last + 1 < tokens.length &&
        tokens[last + 1]!.start === tokens[last]!.end &&
        (CHINESE_DIGITS.has(tokens[last + 1]!.word) || CHINESE_MULTIPLIERS.has(tokens[last + 1]!.word))
      )
        last++;
      const value = chineseNumber(tokens.slice(i, last + 1).map((t) => t.word));
      if (value < 0) {
        for (let k = i; k <= last; k++) tokens[written++] = tokens[k]!;
      } else {
        tokens[written++] = {
          word: String(value),
          start: token.start,
          end: tokens[last]!.end,
          flags: token.flags | REWRITTEN,
        };
      }
      i = last;
      continue;
    }
    if (!NUMBER_STARTS.has(token.word) || token.word === 'second') {
      // "second" is too often not a number ("a second attempt" is fine, "a second" is time).
      tokens[written++] = token;
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    let last = i;
    while (j < tokens.length) {
      const word = tokens[j]!.word;
      if (j > i && !(tokens[j]!.flags & JOINS_PREVIOUS)) break;
      const unit = UNITS.get(word);
      const ten = TENS.get(word);
      const scale = SCALES.get(word);
      if (unit !== undefined) {
        if (j > i && current % 10 !== 0) break; // "one two" is two numbers
        current += unit;
      } else if (ten !== undefined) {
        if (j > i && current !== 0 && current % 100 !== 0) break;
        current += ten;
      } else if (scale !== undefined && j > i) {
        if (scale === 100) current *= 100;
        else {
          total += current * scale;
          current = 0;
        }
      } else break;
      last = j;
      j++;
      if (unit !== undefined && (ORDINAL_WORD.test(word) || word.charCodeAt(0) >= 0x400)) break;
    }
    tokens[written++] = {
      word: String(total + current),
      start: token.start,
      end: tokens[last]!.end,
      flags: token.flags | REWRITTEN,
    };
    i = last;
  }
  tokens.length = written;
  return tokens;
}

const ORDINAL_WORD = /(st|nd|rd|th)$/;

/**
 * A light suffix stripper, applied to page words and dataset phrases alike,
 * so that inflections meet ("attended", "attends", "attending" → "attend").
 * It needs no linguistic accuracy, only consistency on both sides. Russian
 * words go to the Snowball Russian stemmer ("Путина", "Путину" → "путин");
 * the names it stems unevenly ("Ушаков" → "ушак", "Ушакова" → "ушаков") also
 * get their case forms as aliases (`russianCaseForms`).
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return code >= 0x430 && code <= 0x44f ? russianStem(word) : word;
  }
  return englishStem(word);
}
