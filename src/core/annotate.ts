/**
 * From a page's text to annotations: one pass of the automaton (over every
 * story pack) finds entity mentions, concept hits and event cues; statements
 * are scored per sentence; the verdict, per story, decides what is shown.
 */
import type { Annotation } from './annotation';
import type { Category } from './categories';
import type { LexiconHit } from './lexicon';
import type { Matcher } from './matcher';
import {
  type MatcherData,
  PHRASE_CONCEPT,
  PHRASE_CUE,
  PHRASE_ENTITY,
  PHRASE_ENTITY_WHERE_REPORTED,
  PHRASE_NOT_MENTION,
} from './matcher-data';
import type { NormalizedText } from './normalize';
import type { ConceptHits } from './statements';
import { JOINS_PREVIOUS, REWRITTEN, STARTS_SENTENCE, type Token } from './tokens';
import { decideVerdict, isQuiet, type PageVerdict, SHOW_DEFAULTS, type ShowOptions, storyShown } from './verdict';

export interface AnnotateResult {
  /** What to highlight, given the verdict: entities of the stories the page is about, statements of those it reports. */
  annotations: Annotation[];
  /** Statements of stories the page mentions but does not report: similar wording, not those stories' facts. */
  similar: Annotation[];
  verdict: PageVerdict;
}

interface EntityHit {
  fact: number;
  first: number;
  last: number;
  whereReported?: true;
}

const COPYRIGHT_BEFORE = /(©|\(c\)|copyright)[\s\d,-]*$/;
const QUOTE_OR_STOP = new Set(['"', "'", '.', '!', '?', ')']);

/** What one stretch of text holds, before the page verdict decides what to show. */
export interface TextAnalysis {
  entities: Annotation[];
  statements: Annotation[];
  /** Statements found at least once on specific evidence (statements.ts): only they tell that a page reports a story. */
  specificStatements: Set<string>;
  /** Ids of the stories whose people (StoryData.people) are all named in one sentence. */
  peopleTogether: Set<string>;
  cuesSeen: Set<number>;
  /** First hit of each rewriter phrase seen, with the page's own words for it. */
  spin: Map<number, { start: number; example: string }>;
  wordCount: number;
}

/**
 * Annotates a page's text. With `verdict`, a page-wide verdict decided
 * earlier is applied instead of judging this text alone (for text a dynamic
 * page adds after the first pass).
 */
export function annotate(
  matcher: Matcher,
  raw: string,
  verdict?: PageVerdict,
  options: ShowOptions = SHOW_DEFAULTS,
): AnnotateResult {
  return judge(matcher, analyseText(matcher, raw), verdict, options);
}

/**
 * Finds entities, statements, cues and rewriter phrases in one stretch of
 * text. Offsets are shifted by `offset`, so stretches of one page (cut at
 * block boundaries, which sentences never cross) can be analysed apart and
 * merged.
 */
export function analyseText(matcher: Matcher, raw: string, offset = 0): TextAnalysis {
  const data = matcher.data;
  const spinHits: LexiconHit[] = [];
  const { norm, tokens } = matcher.read(raw, spinHits);
  const count = tokens.length;

  const symbols = new Int32Array(count);
  const breaks = new Uint8Array(count);
  const sentenceOf = new Int32Array(count);
  const sentenceStarts: number[] = [];
  for (let i = 0; i < count; i++) {
    const token = tokens[i]!;
    symbols[i] = matcher.symbolOf(token.word);
    breaks[i] = token.flags & JOINS_PREVIOUS ? 0 : 1;
    if (i === 0 || token.flags & STARTS_SENTENCE) sentenceStarts.push(i);
    sentenceOf[i] = sentenceStarts.length - 1;
  }

  const entityHits: EntityHit[] = [];
  const conceptHits: ConceptHits = { node: [], sentence: [] };
  const cuesSeen = new Set<number>();
  const { conceptDepth } = matcher.statements;
  const { endsOther } = matcher;
  const { outputStart, outputs, phraseLength } = data.automaton;

  matcher.automaton.scan(symbols, breaks, (node, last) => {
    const depth = conceptDepth[node]!;
    if (depth > 0) {
      // Compiled concept phrases match in any case, so a hit of the node is a hit of all of them.
      conceptHits.node.push(node);
      conceptHits.sentence.push(sentenceOf[last - depth + 1]!);
    }
    if (!endsOther[node]) return;
    for (let k = outputStart[node]!; k < outputStart[node + 1]!; k++) {
      const phrase = outputs[k]!;
      const kind = data.phraseKind[phrase];
      if (kind === PHRASE_CONCEPT) continue;
      const first = last - phraseLength[phrase]! + 1;
      const caseWords = data.phraseCase[phrase];
      if (caseWords && !caseMatches(caseWords, tokens, first, norm)) continue;
      const target = data.phraseTarget[phrase]!;
      if (kind === PHRASE_NOT_MENTION) {
        entityHits.push({ fact: -1, first, last });
      } else if (kind === PHRASE_ENTITY) {
        entityHits.push({ fact: target, first, last });
      } else if (kind === PHRASE_ENTITY_WHERE_REPORTED) {
        entityHits.push({ fact: target, first, last, whereReported: true });
      } else if (kind === PHRASE_CUE) {
        // "© 2025" in a footer dates the website, not the story.
        if (!COPYRIGHT_BEFORE.test(norm.lower.slice(Math.max(0, tokens[first]!.start - 16), tokens[first]!.start)))
          cuesSeen.add(target);
      }
    }
  });

  // A concept met by an entity is met by the mentions shown, not by a name inside a longer one or a not-a-mention phrase.
  const entitiesBySentence = new Map<number, Set<number>>();
  const entities = resolveEntities(entityHits, tokens, norm, data, ({ fact, first, last }) => {
    for (let t = first; t <= last; t++) addTo(entitiesBySentence, sentenceOf[t]!, fact);
  });
  const statements: Annotation[] = [];
  const specificStatements = new Set<string>();
  for (const { sentence, byCategory, specific } of matcher.statements.score(conceptHits, entitiesBySentence)) {
    const [start, end] = sentenceSpan(sentence, sentenceStarts, tokens, norm);
    for (const [category, factIds] of byCategory) statements.push({ factIds, category, start, end });
    for (const id of specific) specificStatements.add(id);
  }
  statements.sort((a, b) => a.start - b.start);

  const spin = new Map<number, { start: number; example: string }>();
  for (const hit of spinHits) {
    if (spin.has(hit.entry)) continue;
    const start = norm.rawStart[hit.start]!;
    spin.set(hit.entry, { start: start + offset, example: raw.slice(start, norm.rawEnd[hit.end - 1]!) });
  }
  if (offset !== 0) {
    for (const a of [...entities, ...statements]) {
      a.start += offset;
      a.end += offset;
    }
  }
  return {
    entities,
    statements,
    specificStatements,
    peopleTogether: storiesWithPeopleTogether(data, entitiesBySentence),
    cuesSeen,
    spin,
    wordCount: count,
  };
}

/** Joins the analyses of consecutive stretches of one page. */
export function mergeAnalyses(parts: readonly TextAnalysis[]): TextAnalysis {
  const merged: TextAnalysis = {
    entities: [],
    statements: [],
    specificStatements: new Set(),
    peopleTogether: new Set(),
    cuesSeen: new Set(),
    spin: new Map(),
    wordCount: 0,
  };
  for (const part of parts) {
    merged.entities.push(...part.entities);
    merged.statements.push(...part.statements);
    for (const id of part.specificStatements) merged.specificStatements.add(id);
    for (const id of part.peopleTogether) merged.peopleTogether.add(id);
    for (const cue of part.cuesSeen) merged.cuesSeen.add(cue);
    for (const [entry, hit] of part.spin) if (!merged.spin.has(entry)) merged.spin.set(entry, hit);
    merged.wordCount += part.wordCount;
  }
  return merged;
}

/**
 * Applies the page verdict (decided here, or given) to an analysis: an
 * entity is shown if a story using it is shown on the page (`storyShown`); a
 * statement, if the page reports its story, and as similar wording if the
 * story is shown but not reported.
 */
export function judge(
  matcher: Matcher,
  analysis: TextAnalysis,
  verdict?: PageVerdict,
  options: ShowOptions = SHOW_DEFAULTS,
): AnnotateResult {
  verdict ??= decideVerdict({
    data: matcher.data,
    storiesOf: matcher.storiesOf,
    entities: analysis.entities,
    statements: analysis.statements,
    specificStatements: analysis.specificStatements,
    peopleTogether: analysis.peopleTogether,
    cuesSeen: analysis.cuesSeen,
    spin: analysis.spin,
  });
  if (isQuiet(verdict, options)) return { annotations: [], similar: [], verdict };
  const mentioned = verdict.stories.map((v) => storyShown(v, options));
  const reported = verdict.stories.map((v) => v.statementsShown);
  const entities = keepFacts(analysis.entities, (id, a) =>
    matcher.storiesOf(id).some((s) => (a.whereReported ? reported[s] : mentioned[s])),
  ).map(shownAnnotation);
  const statements = keepFacts(analysis.statements, (id) => matcher.storiesOf(id).some((s) => reported[s]));
  const similar = keepFacts(analysis.statements, (id) =>
    matcher.storiesOf(id).some((s) => mentioned[s] && !reported[s]),
  ).map((a) => ({ ...a, similar: true as const }));
  const annotations = statements.length > 0 ? [...statements, ...entities].sort((a, b) => a.start - b.start) : entities;
  return { annotations, similar, verdict };
}

/** An annotation as the page gets it: whether a phrase names its entity only where reported is the worker's business. */
function shownAnnotation(annotation: Annotation): Annotation {
  if (!annotation.whereReported) return annotation;
  const { whereReported: _, ...shown } = annotation;
  return shown;
}

/** The annotations with only the fact ids that pass; an annotation left with none is dropped. */
function keepFacts(annotations: readonly Annotation[], keep: (id: string, a: Annotation) => boolean): Annotation[] {
  const out: Annotation[] = [];
  for (const a of annotations) {
    if (a.factIds.every((id) => keep(id, a))) out.push(a);
    else {
      const factIds = a.factIds.filter((id) => keep(id, a));
      if (factIds.length > 0) out.push({ ...a, factIds });
    }
  }
  return out;
}

/** The stories all of whose people one sentence names (a sentence about them, not a rail naming each apart). */
function storiesWithPeopleTogether(data: MatcherData, entitiesBySentence: Map<number, Set<number>>): Set<string> {
  const together = new Set<string>();
  const ids = new Map<number, string>();
  for (const entities of entitiesBySentence.values()) {
    if (entities.size < 2) continue;
    ids.clear();
    for (const fact of entities) ids.set(fact, data.facts[fact]!.id);
    const named = new Set(ids.values());
    for (const story of data.stories)
      if (story.people.length > 1 && story.people.every((id) => named.has(id))) together.add(story.id);
  }
  return together;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

/** Whether the page has the phrase's exact-case words (null: any case), none of them rewritten. */
function caseMatches(
  caseWords: readonly (string | null)[],
  tokens: Token[],
  first: number,
  norm: NormalizedText,
): boolean {
  for (let k = 0; k < caseWords.length; k++) {
    const expected = caseWords[k];
    if (typeof expected !== 'string') continue;
    const token = tokens[first + k]!;
    if (
      token.flags & REWRITTEN ||
      token.end - token.start !== expected.length ||
      !norm.text.startsWith(expected, token.start)
    )
      return false;
  }
  return true;
}

/**
 * Leftmost-longest: "South China Sea" wins over "China", "Beijing Winter Olympics" over "Beijing".
 * `onMention` hears every hit that stands as a mention.
 */
function resolveEntities(
  hits: EntityHit[],
  tokens: Token[],
  norm: NormalizedText,
  data: MatcherData,
  onMention: (hit: EntityHit) => void,
): Annotation[] {
  hits.sort((a, b) => a.first - b.first || b.last - a.last);
  const out: Annotation[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < hits.length; ) {
    const hit = hits[i]!;
    let j = i;
    const byCategory = new Map<Category, Set<string>>();
    const whereReported = new Map<Category, Set<string>>();
    while (j < hits.length && hits[j]!.first === hit.first && hits[j]!.last === hit.last) {
      // A not-a-mention phrase (fact -1) still covers its words, so shorter names inside it lose.
      const fact = data.facts[hits[j]!.fact];
      if (fact) addTo(hits[j]!.whereReported ? whereReported : byCategory, fact.category, fact.id);
      j++;
    }
    if (hit.first > coveredUntil) {
      coveredUntil = hit.last;
      for (let k = i; k < j; k++) if (hits[k]!.fact >= 0) onMention(hits[k]!);
      const start = norm.rawStart[tokens[hit.first]!.start]!;
      const end = norm.rawEnd[tokens[hit.last]!.end - 1]!;
      for (const [category, ids] of byCategory) out.push({ factIds: [...ids], category, start, end });
      for (const [category, ids] of whereReported) {
        const named = byCategory.get(category);
        const factIds = [...ids].filter((id) => !named?.has(id));
        if (factIds.length > 0) out.push({ factIds, category, start, end, whereReported: true });
      }
    }
    i = j;
  }
  return out;
}

/** The sentence's raw span, with its opening quote and closing punctuation. */
function sentenceSpan(sentence: number, starts: number[], tokens: Token[], norm: NormalizedText): [number, number] {
  const firstToken = tokens[starts[sentence]!]!;
  const lastToken = tokens[(starts[sentence + 1] ?? tokens.length) - 1]!;
  let start = firstToken.start;
  let end = lastToken.end;
  if (start > 0 && (norm.text[start - 1] === '"' || norm.text[start - 1] === "'")) start--;
  while (end < norm.text.length && QUOTE_OR_STOP.has(norm.text[end]!)) end++;
  return [norm.rawStart[start]!, norm.rawEnd[end - 1]!];
}
