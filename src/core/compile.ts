/**
 * Compiles the story packs and the spin lexicon into matcher data: one
 * automaton over every alias, concept variant and event cue of every story,
 * plus what each phrase means and which story each fact and cue belongs to.
 * A shared entity is compiled once, whatever the number of stories using it.
 * The result is plain JSON, built once in the worker (or at build time) and
 * handed to content scripts.
 */
import { expandAliases } from './aliases';
import { type AutomatonData, buildAutomaton } from './automaton';
import { isStatementCategory } from './categories';
import type { Fact, Lexicon, Story } from './dataset';
import { compileLexicon, LexiconRewriter } from './lexicon';
import {
  type FactData,
  type MatcherData,
  PHRASE_CONCEPT,
  PHRASE_CUE,
  PHRASE_ENTITY,
  PHRASE_ENTITY_WHERE_REPORTED,
  PHRASE_NOT_MENTION,
  type StoryData,
} from './matcher-data';

export type { MatcherData } from './matcher-data';

import { MONTH_NAMES } from './dates';
import { normalizeText } from './normalize';
import { type Dataset, storyFacts, toDataset } from './packs';
import { hasRussianOrChinese, isSpecificPhrase } from './specificity';
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

/** A fact as another compile made it: its index there, and its phrases' indexes, in the order they were added. */
interface KnownFact {
  index: number;
  phrases: number[];
}

/** Each phrase's words, read back from the automaton: the path from the root to the node where it ends. */
function phraseWords(automaton: AutomatonData): string[][] {
  const { edges, outputStart, outputs, symbols } = automaton;
  const parent = new Int32Array(outputStart.length - 1).fill(-1);
  const symbol = new Int32Array(outputStart.length - 1);
  for (let i = 0; i < edges.length; i += 3) {
    parent[edges[i + 2]!] = edges[i]!;
    symbol[edges[i + 2]!] = edges[i + 1]!;
  }
  const words: string[][] = [];
  for (let node = 1; node < outputStart.length - 1; node++) {
    if (outputStart[node] === outputStart[node + 1]) continue;
    const path: string[] = [];
    for (let n = node; n > 0; n = parent[n]!) path.push(symbols[symbol[n]!]!);
    path.reverse();
    for (let o = outputStart[node]!; o < outputStart[node + 1]!; o++) words[outputs[o]!] = path;
  }
  return words;
}

/** The facts of a compile, by id, with their own phrases (an entity's names, a statement's concept variants). */
function knownFacts(known: MatcherData): Map<string, KnownFact> {
  const byIndex = known.facts.map((fact, index) => ({ id: fact.id, fact: { index, phrases: [] as number[] } }));
  known.phraseKind.forEach((kind, p) => {
    if (kind === PHRASE_ENTITY || kind === PHRASE_ENTITY_WHERE_REPORTED || kind === PHRASE_CONCEPT)
      byIndex[known.phraseTarget[p]!]!.fact.phrases.push(p);
  });
  return new Map(byIndex.map(({ id, fact }) => [id, fact]));
}

/**
 * A one-story dataset may be given as the story alone. `known` is an earlier compile, with the same
 * lexicon, of packs whose facts this dataset holds too (the shipped packs, compiled at build time,
 * when followed stories are added): a fact it holds is copied from it rather than compiled again. A
 * fact compiles from itself and the lexicon alone, and a fact id names one fact in a dataset, so the
 * result is the same as compiling everything; the unit tests compare the two.
 */
export function compileMatcher(input: Dataset | Story, lexicon: Lexicon, known?: MatcherData): MatcherData {
  const dataset = toDataset(input);
  const compiledLexicon = known?.lexicon ?? compileLexicon(lexicon);
  const reusable = known ? knownFacts(known) : new Map<string, KnownFact>();
  const knownWords = known ? phraseWords(known.automaton) : [];
  const rewriter = new LexiconRewriter(compiledLexicon);
  // Every fact once (a shared entity is used by many stories); shared entities no story uses are left out.
  const allFacts: Fact[] = [];
  const factIndex = new Map<string, number>();
  const storyFactLists = dataset.stories.map((story) =>
    storyFacts(dataset, story).map((fact) => {
      let index = factIndex.get(fact.id);
      if (index === undefined) {
        index = allFacts.push(fact) - 1;
        factIndex.set(fact.id, index);
      }
      return index;
    }),
  );
  const phrases: string[][] = [];
  const phraseKind: number[] = [];
  const phraseTarget: number[] = [];
  const phraseConcept: number[] = [];
  const phraseCase: ((string | null)[] | null)[] = [];
  const phraseSpecific: boolean[] = [];
  const seen = new Set<string>();
  const add = (key: PhraseKey, kind: number, target: number, concept: number, specific = false) => {
    if (key.keys.length === 0) return;
    const id = `${kind}|${target}|${concept}|${key.keys.join(' ')}|${key.caseWords?.join(' ') ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    phrases.push(key.keys);
    phraseKind.push(kind);
    phraseTarget.push(target);
    phraseConcept.push(concept);
    phraseCase.push(key.caseWords);
    phraseSpecific.push(specific);
  };

  const facts: FactData[] = allFacts.map((fact, f) => {
    const prior = reusable.get(fact.id);
    if (known && prior) {
      for (const p of prior.phrases)
        add(
          { keys: knownWords[p]!, caseWords: known.phraseCase[p] ?? null },
          known.phraseKind[p]!,
          f,
          known.phraseConcept[p]!,
          known.phraseSpecific[p],
        );
      const data = known.facts[prior.index]!;
      return {
        ...data,
        concepts: data.concepts.map((c) => ({
          ...c,
          entities: c.entities.map((e) => factIndex.get(known.facts[e]!.id)!),
        })),
      };
    }
    if (!isStatementCategory(fact.category)) {
      for (const form of expandAliases(fact))
        add(
          phraseKey(rewriter, form.text, form.caseSensitive),
          form.whereReported ? PHRASE_ENTITY_WHERE_REPORTED : PHRASE_ENTITY,
          f,
          0,
        );
      return { id: fact.id, category: fact.category, concepts: [], threshold: 1, specific: isSpecificEntity(fact) };
    }
    const signature = fact.signature!;
    signature.concepts.forEach((concept, c) => {
      for (const variant of concept.variants)
        add(phraseKey(rewriter, variant, false), PHRASE_CONCEPT, f, c, isSpecificPhrase(variant.replace(/\*/g, '')));
    });
    return {
      id: fact.id,
      category: fact.category,
      threshold: signature.threshold,
      specific: false,
      concepts: signature.concepts.map((c) => ({
        weight: c.weight,
        required: c.required,
        entities: c.entities.map((id) => factIndex.get(id)!),
      })),
    };
  });

  // A not-a-mention phrase says something about words, not about one story: every story's apply to all.
  for (const story of dataset.stories)
    for (const phrase of story.notMentions) add(phraseKey(rewriter, phrase, false), PHRASE_NOT_MENTION, -1, 0);

  const cueWeights: number[] = [];
  const cueIsDate: boolean[] = [];
  const stories: StoryData[] = dataset.stories.map((story, s) => {
    const cueStart = cueWeights.length;
    for (const cue of story.eventCues) {
      for (const phrase of cue.phrases) add(phraseKey(rewriter, phrase, false), PHRASE_CUE, cueWeights.length, 0);
      cueWeights.push(cue.weight);
      cueIsDate.push(cue.weight > 0 && cue.phrases.some(isDate));
    }
    return {
      id: story.id,
      facts: [...storyFactLists[s]!].sort((a, b) => a - b),
      cueStart,
      cueEnd: cueWeights.length,
      ...subjectOf(story, storyFacts(dataset, story)),
    };
  });

  return {
    version: 2,
    stories,
    lexicon: compiledLexicon,
    automaton: buildAutomaton(phrases),
    phraseKind,
    phraseTarget,
    phraseConcept,
    phraseCase: phraseCase as MatcherData['phraseCase'],
    facts,
    cueWeights,
    cueIsDate,
    phraseSpecific,
  };
}

/**
 * The story's own event and people: the facts its summary's `when` line
 * rests on (the event it dates), and the persons among them or related to
 * them. A draft whose summary names none has all its persons as its people.
 */
function subjectOf(story: Story, facts: readonly Fact[]): Pick<StoryData, 'events' | 'people'> {
  const when = facts.filter((fact) => story.summary.when.basis.includes(fact.id));
  const ids = [...when.map((fact) => fact.id), ...when.flatMap((fact) => fact.related)];
  const people = [...new Set(ids.filter((id) => id.startsWith('person:')))];
  return {
    events: when.filter((fact) => fact.category === 'event').map((fact) => fact.id),
    people: people.length > 0 ? people : facts.filter((fact) => fact.category === 'person').map((fact) => fact.id),
  };
}

/**
 * A person or an event of a story is its own; a place or organisation only when its English names are
 * rare (its Russian and Chinese names translate them: Beijing is specific, and so is 北京).
 */
function isSpecificEntity(fact: Fact): boolean {
  if (fact.category === 'person' || fact.category === 'event') return true;
  const names = [fact.title, ...fact.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
  return names.filter((name) => !hasRussianOrChinese(name)).every(isSpecificPhrase);
}

const MONTH_WORDS = new Set(MONTH_NAMES.flatMap((name) => [name.toLowerCase(), name.slice(0, 3).toLowerCase()]));

/** "December 15", "15 Dec", "December 2021": a month with a number. */
function isDate(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => MONTH_WORDS.has(w)) && words.some((w) => /^\d+(st|nd|rd|th)?$/.test(w));
}
