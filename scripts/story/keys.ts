/** How the builder compares names and sentences: the matcher's normalisation, case and spacing ignored. */
import type { Fact } from '../../src/core/dataset';
import { normalizeText } from '../../src/core/normalize';

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
