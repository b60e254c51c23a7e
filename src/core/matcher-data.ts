/** The compiled matcher as plain JSON: what the worker builds and every content script receives. */
import type { AutomatonData } from './automaton';
import type { Category } from './categories';
import type { CompiledLexicon } from './lexicon';

export const PHRASE_ENTITY = 0;
export const PHRASE_CONCEPT = 1;
export const PHRASE_CUE = 2;
/** A phrase that contains a name but is not a mention of it. */
export const PHRASE_NOT_MENTION = 3;

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
  lexicon: CompiledLexicon;
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
