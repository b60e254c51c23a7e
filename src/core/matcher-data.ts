/** The compiled matcher as plain JSON: what the worker builds and every content script receives. */
import type { AutomatonData } from './automaton';
import type { Category } from './categories';
import type { CompiledLexicon } from './lexicon';

export const PHRASE_ENTITY = 0;
export const PHRASE_CONCEPT = 1;
export const PHRASE_CUE = 2;
/** A phrase that contains a name but is not a mention of it. */
export const PHRASE_NOT_MENTION = 3;
/** An entity's name that is a mention of it only on pages reporting its story ("video call"). */
export const PHRASE_ENTITY_WHERE_REPORTED = 4;

export interface FactData {
  id: string;
  category: Category;
  /** For statements: weights and rules of their concepts. */
  concepts: { weight: number; required: boolean; entities: number[] }[];
  threshold: number;
  /**
   * For entities: whether a statement's concept met by this entity is specific evidence (a person or
   * an event, or a name of low frequency in ordinary English; see specificity.ts).
   */
  specific: boolean;
}

/** One story pack: the facts it uses and its event cues. */
export interface StoryData {
  id: string;
  /** Indices into `facts` of the story's own facts and the shared entities it uses, ascending. */
  facts: number[];
  /** Its event cues are cueWeights[cueStart] .. cueWeights[cueEnd - 1]. */
  cueStart: number;
  cueEnd: number;
  /** Ids of the story's own events (those its summary dates) and of the people they relate. */
  events: string[];
  people: string[];
}

export interface MatcherData {
  version: 2;
  /** Every story pack, sorted by id; one matcher serves them all. */
  stories: StoryData[];
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
  /** Per cue: whether it is a date (a month with a day or a year), which only the story's own event has. */
  cueIsDate: boolean[];
  /** Per phrase: whether it is specific (a word of low frequency in ordinary English; specificity.ts). */
  phraseSpecific: boolean[];
}

/** Per story id, the statements (claims, quotes, limits) the matcher knows: the popup's "found N of M". */
export function statementCounts(matcher: MatcherData): Record<string, number> {
  return Object.fromEntries(
    matcher.stories.map((story) => [story.id, story.facts.filter((f) => matcher.facts[f]!.concepts.length > 0).length]),
  );
}
