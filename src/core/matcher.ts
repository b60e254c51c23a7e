/**
 * The compiled matcher, ready to run: the word automaton, the lexicon
 * rewriter and the statement index built from the plain-JSON matcher data.
 */
import { WordAutomaton } from './automaton';
import { type LexiconHit, LexiconRewriter } from './lexicon';
import { type MatcherData, PHRASE_CONCEPT } from './matcher-data';
import { type NormalizedText, normalizeText } from './normalize';
import { StatementIndex } from './statements';
import { stem, type Token, tokenize } from './tokens';

/** Distinct page words whose symbols are remembered (bounds memory on huge pages). */
const SYMBOL_CACHE_LIMIT = 200_000;

export class Matcher {
  readonly automaton: WordAutomaton;
  readonly rewriter: LexiconRewriter;
  readonly statements: StatementIndex;
  /** Per automaton node: 1 if phrases other than concepts (names, cues) end there. */
  readonly endsOther: Uint8Array;
  /** Per fact id: the stories (indices into data.stories) that use it. */
  private readonly factStories = new Map<string, number[]>();

  constructor(readonly data: MatcherData) {
    data.stories.forEach((story, s) => {
      for (const f of story.facts) {
        const id = data.facts[f]!.id;
        const list = this.factStories.get(id);
        if (list) list.push(s);
        else this.factStories.set(id, [s]);
      }
    });
    this.automaton = new WordAutomaton(data.automaton);
    this.rewriter = new LexiconRewriter(data.lexicon);
    this.statements = new StatementIndex(data);
    const { outputStart, outputs } = data.automaton;
    this.endsOther = new Uint8Array(outputStart.length - 1);
    for (let node = 0; node < this.endsOther.length; node++) {
      for (let k = outputStart[node]!; k < outputStart[node + 1]!; k++) {
        if (data.phraseKind[outputs[k]!] !== PHRASE_CONCEPT) this.endsOther[node] = 1;
      }
    }
  }

  private readonly symbols = new Map<string, number>();

  storiesOf = (factId: string): readonly number[] => this.factStories.get(factId) ?? [];

  /** The automaton symbol of a page word (stemmed), cached: most words of a page repeat. */
  symbolOf(word: string): number {
    let symbol = this.symbols.get(word);
    if (symbol === undefined) {
      symbol = this.automaton.symbolOf(stem(word));
      if (this.symbols.size < SYMBOL_CACHE_LIMIT) this.symbols.set(word, symbol);
    }
    return symbol;
  }

  /** Reads text the way dataset phrases were read: normalised, tokenized, de-spun. */
  read(raw: string, spinHits?: LexiconHit[]): { norm: NormalizedText; tokens: Token[] } {
    const norm = normalizeText(raw);
    return { norm, tokens: this.rewriter.rewrite(tokenize(norm), spinHits) };
  }
}
