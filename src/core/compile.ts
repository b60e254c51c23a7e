/**
 * Compiles a story and the spin lexicon into matcher data: one automaton
 * over every alias, concept variant and event cue, plus what each phrase
 * means. The result is plain JSON, built once in the worker (or at build
 * time) and handed to content scripts.
 */
import { expandAliases } from './aliases';
import { buildAutomaton } from './automaton';
import { isStatementCategory } from './categories';
import type { Lexicon, Story } from './dataset';
import { compileLexicon, LexiconRewriter } from './lexicon';
import {
  type FactData,
  type MatcherData,
  PHRASE_CONCEPT,
  PHRASE_CUE,
  PHRASE_ENTITY,
  PHRASE_NOT_MENTION,
} from './matcher-data';

export type { MatcherData } from './matcher-data';

import { normalizeText } from './normalize';
import { REWRITTEN, stem, tokenize } from './tokens';

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
  const compiledLexicon = compileLexicon(lexicon);
  const rewriter = new LexiconRewriter(compiledLexicon);
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
      for (const form of expandAliases(fact))
        add(phraseKey(rewriter, form.text, form.caseSensitive), PHRASE_ENTITY, f, 0);
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

  for (const phrase of story.notMentions) add(phraseKey(rewriter, phrase, false), PHRASE_NOT_MENTION, -1, 0);

  story.eventCues.forEach((cue, i) => {
    for (const phrase of cue.phrases) add(phraseKey(rewriter, phrase, false), PHRASE_CUE, i, 0);
  });

  return {
    version: 1,
    storyId: story.id,
    lexicon: compiledLexicon,
    automaton: buildAutomaton(phrases),
    phraseKind,
    phraseTarget,
    phraseConcept,
    phraseCase: phraseCase as MatcherData['phraseCase'],
    facts,
    cueWeights: story.eventCues.map((c) => c.weight),
  };
}
