/** How the builder compares names and sentences: the matcher's normalisation, case and spacing ignored. */
import type { Fact } from '../core/dataset';
import { normalizeText } from '../core/normalize';
import { stem } from '../core/tokens';

export function aliasKey(text: string): string {
  return normalizeText(text)
    .lower.replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An entity's title and every alias, as text. */
export function entityNames(fact: Pick<Fact, 'title' | 'aliases'>): string[] {
  return [fact.title, ...fact.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
}

/** Letters that spell one sound in different transliterations: "Yury"/"Yuri", "Sergey"/"Sergei", "Zelenskyy". */
const SPELLINGS: [RegExp, string][] = [
  [/[ey]i\b|ey\b|y/g, 'i'],
  [/ph/g, 'f'],
  [/kh/g, 'h'],
  [/ck/g, 'k'],
  [/(\p{L})\1+/gu, '$1'],
];

/**
 * A name's key with spelling variants and inflections evened out: "Yury
 * Ushakov" and "Yuri Ushakov", "Dmitry Rogozin" and "Dmitri Rogozin",
 * "Olympics" and "Olympic" stay apart only where the stemmer keeps them apart.
 */
export function variantKey(text: string): string {
  return aliasKey(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(' ')
    .map((word) => SPELLINGS.reduce((w, [pattern, to]) => w.replace(pattern, to), stem(word)))
    .join(' ');
}
