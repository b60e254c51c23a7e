/**
 * Compiles a story and the spin lexicon into matcher data: one automaton
 * over every alias, concept variant and event cue, plus what each phrase
 * means. The result is plain JSON, built once in the worker (or at build
 * time) and handed to content scripts.
 */
import { expandAliases } from './aliases';
import { buildAutomaton, type AutomatonData } from './automaton';
import { isStatementCategory, type Category, type Story } from './dataset';
import { LexiconRewriter, type Lexicon } from './lexicon';
import { normalizeText } from './normalize';
import { REWRITTEN, stem, tokenize } from './tokens';

export const PHRASE_ENTITY = 0;
export const PHRASE_CONCEPT = 1;
export const PHRASE_CUE = 2;

export interface FactData {
  id: string;
  category: Category;
  /** For statements: weights and rules of their concepts. */
  concepts: { weight: number; required: boolean; entities: number[] }[];
  threshold: number;
}

export interface MatcherData {
  version: 1;
  storyId: string;
  lexicon: Lexicon;
  automaton: AutomatonData;
  /** Per phrase: kind (PHRASE_*), fact or cue index, concept index. */
  phraseKind: number[];
  phraseTarget: number[];
  phraseConcept: number[];
  /** Per phrase: exact-case words, or null where any case matches. */
  phraseCase: (string | null)[][] | null[];
  facts: FactData[];
  cueWeights: number[];
}

interface PhraseKey {
  keys: string[];
  caseWords: (string | null)[] | null;
}

/** Reads a dataset phrase exactly as page text is read. */
export function phraseKey(rewriter: LexiconRewriter, text: string, caseSensitive: boolean): PhraseKey {
  const norm = normalizeText(text.replace(/\*/g, ''));
  const tokens = rewriter.rewrite(tokenize(norm));
  return {
    keys: tokens.map((t) => stem(t.word)),
    caseWords: caseSensitive ? tokens.map((t) => (t.flags & REWRITTEN ? null : norm.text.slice(t.start, t.end))) : null,
  };
}

export function compileMatcher(story: Story, lexicon: Lexicon): MatcherData {
  const rewriter = new LexiconRewriter(lexicon);
  const factIndex = new Map(story.facts.map((fact, i) => [fact.id, i]));
  const phrases: string[][] = [];
  const phraseKind: number[] = [];
  const phraseTarget: number[] = [];
  const phraseConcept: number[] = [];
  const phraseCase: ((string | null)[] | null)[] = [];
  const seen = new Set<string>();
  const add = (key: PhraseKey, kind: number, target: number, concept: number) => {
    if (key.keys.length === 0) return;
    const id = `${kind}|${target}|${concept}|${key.keys.join(' ')}|${key.caseWords?.join(' ') ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    phrases.push(key.keys);
    phraseKind.push(kind);
    phraseTarget.push(target);
    phraseConcept.push(concept);
    phraseCase.push(key.caseWords);
  };

  const facts: FactData[] = story.facts.map((fact, f) => {
    if (!isStatementCategory(fact.category)) {
      for (const form of expandAliases(fact)) add(phraseKey(rewriter, form.text, form.caseSensitive), PHRASE_ENTITY, f, 0);
      return { id: fact.id, category: fact.category, concepts: [], threshold: 1 };
    }
    const signature = fact.signature!;
    signature.concepts.forEach((concept, c) => {
      for (const variant of concept.variants) add(phraseKey(rewriter, variant, false), PHRASE_CONCEPT, f, c);
    });
    return {
      id: fact.id,
      category: fact.category,
      threshold: signature.threshold,
      concepts: signature.concepts.map((c) => ({
        weight: c.weight,
        required: c.required,
        entities: c.entities.map((id) => factIndex.get(id)!),
      })),
    };
  });

  story.eventCues.forEach((cue, i) => {
    for (const phrase of cue.phrases) add(phraseKey(rewriter, phrase, false), PHRASE_CUE, i, 0);
  });

  return {
    version: 1,
    storyId: story.id,
    lexicon,
    automaton: buildAutomaton(phrases),
    phraseKind,
    phraseTarget,
    phraseConcept,
    phraseCase: phraseCase as MatcherData['phraseCase'],
    facts,
    cueWeights: story.eventCues.map((c) => c.weight),
  };
}
