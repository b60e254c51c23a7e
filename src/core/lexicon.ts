/**
 * The spin lexicon: the word swaps a synonym rewriter makes, mapped back to
 * plain English. Page words and dataset phrases both pass through it, so
 * "safety pursuits of each events" and "security interests of both parties"
 * become the same words before anything is matched.
 */
import { z } from 'zod';
import { DatasetError } from './dataset';
import { normalizeText } from './normalize';
import { JOINS_PREVIOUS, REWRITTEN, tokenize, type Token } from './tokens';

const nonEmpty = z.string().trim().min(1);

export const lexiconSchema = z
  .object({
    schemaVersion: z.literal(1),
    entries: z
      .array(
        z
          .object({
            plain: nonEmpty,
            spun: z.array(nonEmpty).min(1),
            /** 0: an ordinary word; 3: only a rewriter would write it. */
            weight: z.number().min(0).max(3).default(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((lexicon, ctx) => {
    const seen = new Map<string, number>();
    lexicon.entries.forEach((entry, i) =>
      entry.spun.forEach((form, j) => {
        const key = form.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'spun', j], message: `"${form}" is already in entry ${seen.get(key)}` });
        }
        seen.set(key, i);
      }),
    );
  });

export type Lexicon = z.infer<typeof lexiconSchema>;

export function parseLexicon(input: unknown): Lexicon {
  const result = lexiconSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(`lexicon.${issue.path.join('.')}`, issue.message);
}

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

export class LexiconRewriter {
  private readonly root: TrieNode = { next: new Map(), entry: -1 };
  private readonly plainWords: string[][];
  readonly weights: number[];
  readonly labels: { spun: string; plain: string }[][];

  constructor(readonly lexicon: Lexicon) {
    this.plainWords = lexicon.entries.map((e) => phraseWords(e.plain));
    this.weights = lexicon.entries.map((e) => e.weight);
    this.labels = lexicon.entries.map((e) => e.spun.map((spun) => ({ spun, plain: e.plain })));
    lexicon.entries.forEach((entry, index) => {
      for (const form of entry.spun) {
        let node = this.root;
        for (const word of phraseWords(form)) {
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
   */
  rewrite(tokens: Token[], hits?: LexiconHit[]): Token[] {
    const out: Token[] = [];
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
        out.push(token);
        continue;
      }
      const end = tokens[last]!.end;
      hits?.push({ entry, start: token.start, end });
      this.plainWords[entry]!.forEach((word, k) => {
        out.push({ word, start: token.start, end, flags: (k === 0 ? token.flags : JOINS_PREVIOUS) | REWRITTEN });
      });
      i = last;
    }
    return out;
  }
}
