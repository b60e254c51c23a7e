/**
 * The spin lexicon: the word swaps a synonym rewriter makes, mapped back to
 * plain English. Page words and dataset phrases both pass through it, so
 * "safety pursuits of each events" and "security interests of both parties"
 * become the same words before anything is matched.
 */
import type { Lexicon } from './dataset';
import { normalizeText } from './normalize';
import { JOINS_PREVIOUS, REWRITTEN, type Token, tokenize } from './tokens';

interface TrieNode {
  next: Map<string, TrieNode>;
  entry: number;
}

export interface LexiconHit {
  entry: number;
  /** Normalised-text span of the rewriter's words. */
  start: number;
  end: number;
}

/** Words of a phrase as the tokenizer reads them. */
export function phraseWords(phrase: string): string[] {
  return tokenize(normalizeText(phrase)).map((t) => t.word);
}

/**
 * The lexicon with every phrase already read into words: built once in the
 * worker and shipped in the matcher data, so a page never re-reads it.
 */
export interface CompiledLexicon {
  entries: { spun: string[][]; plain: string[]; weight: number }[];
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  return {
    entries: lexicon.entries.map((e) => ({
      spun: e.spun.map(phraseWords),
      plain: phraseWords(e.plain),
      weight: e.weight,
    })),
  };
}

export class LexiconRewriter {
  private readonly root: TrieNode = { next: new Map(), entry: -1 };

  constructor(private readonly lexicon: CompiledLexicon) {
    lexicon.entries.forEach((entry, index) => {
      for (const words of entry.spun) {
        let node = this.root;
        for (const word of words) {
          let child = node.next.get(word);
          if (!child) {
            child = { next: new Map(), entry: -1 };
            node.next.set(word, child);
          }
          node = child;
        }
        if (node !== this.root) node.entry = index;
      }
    });
  }

  /**
   * Replaces the longest rewriter phrase at each position by its plain words.
   * Replacement words cover the whole replaced span and carry REWRITTEN.
   * Works in the given array (no copy of a page's tokens) while writes stay
   * behind reads; a replacement longer than its phrase moves the rest to a copy.
   */
  rewrite(tokens: Token[], hits?: LexiconHit[]): Token[] {
    let out = tokens;
    let written = 0;
    for (let i = 0; i < tokens.length; i++) {
      let node: TrieNode | undefined = this.root;
      let entry = -1;
      let last = i;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && !(tokens[j]!.flags & JOINS_PREVIOUS)) break;
        node = node.next.get(tokens[j]!.word);
        if (!node) break;
        if (node.entry >= 0) {
          entry = node.entry;
          last = j;
        }
      }
      const token = tokens[i]!;
      if (entry < 0) {
        out[written++] = token;
        continue;
      }
      const end = tokens[last]!.end;
      hits?.push({ entry, start: token.start, end });
      const plain = this.lexicon.entries[entry]!.plain;
      if (out === tokens && written + plain.length > last + 1) out = tokens.slice(0, written);
      for (let k = 0; k < plain.length; k++) {
        out[written++] = {
          word: plain[k]!,
          start: token.start,
          end,
          flags: (k === 0 ? token.flags : JOINS_PREVIOUS) | REWRITTEN,
        };
      }
      i = last;
    }
    out.length = written;
    return out;
  }
}
