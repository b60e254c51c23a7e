/**
 * Undoes a synonym rewriter's wording with the spin lexicon, through the
 * same normalisation, tokens and rewriter the matcher uses, so a draft reads
 * "Levada Center" where the copy says "Levada Middle". The verbatim sentence
 * stays the evidence; the plain one is what names and signatures come from.
 */
import type { Lexicon } from '../core/dataset';
import { compileLexicon, type LexiconHit, LexiconRewriter } from '../core/lexicon';
import { normalizeText } from '../core/normalize';
import { tokenize } from '../core/tokens';

/** Words a title-cased name leaves in lower case ("School of International Studies"). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'von']);

export class Despinner {
  private readonly rewriter: LexiconRewriter;
  private readonly plain: string[];
  /** Per entry: an ordinary word (weight 0) that anyone might write ("commerce" in "Chamber of Commerce"). */
  private readonly ordinary: boolean[];

  constructor(lexicon: Lexicon) {
    this.rewriter = new LexiconRewriter(compileLexicon(lexicon));
    this.plain = lexicon.entries.map((e) => e.plain);
    this.ordinary = lexicon.entries.map((e) => e.weight === 0);
  }

  /** The text, normalised (plain quotes and dashes), with every rewriter phrase but ordinary words (weight 0) in names in plain English. */
  plainText(raw: string): string {
    const norm = normalizeText(raw);
    const hits: LexiconHit[] = [];
    this.rewriter.rewrite(tokenize(norm), hits);
    let out = '';
    let at = 0;
    for (const hit of hits) {
      // An ordinary word in a name is left as written: undoing it would rename "Valmont Chamber of Commerce".
      if (this.ordinary[hit.entry] && /^\p{Lu}/u.test(norm.text.slice(hit.start, hit.end))) continue;
      out += norm.text.slice(at, hit.start) + withCaseOf(norm.text.slice(hit.start, hit.end), this.plain[hit.entry]!);
      at = hit.end;
    }
    return out + norm.text.slice(at);
  }
}

/**
 * Gives the plain words the case of the words they replace: a name stays a
 * name ("Levada Middle" -> "Levada Center"), a sentence start stays one.
 */
export function withCaseOf(spun: string, plain: string): string {
  const spunWords = spun.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  const significant = spunWords.filter((w) => !SMALL_WORDS.has(w));
  const capital = (w: string) => /^\p{Lu}/u.test(w);
  // Mostly capitalised words stand for a name ("Chinese language Overseas Ministry" -> "Chinese Foreign Ministry").
  const capitals = significant.filter(capital).length;
  if (significant.length > 0 && capital(significant[0]!) && capitals * 2 > significant.length) {
    return plain.replace(/\p{L}[\p{L}'’]*/gu, (word, offset: number) =>
      offset > 0 && SMALL_WORDS.has(word) ? word : word[0]!.toUpperCase() + word.slice(1),
    );
  }
  if (spunWords.length > 0 && capital(spunWords[0]!)) return plain[0]!.toUpperCase() + plain.slice(1);
  return plain;
}
