/**
 * The page verdict: is this page about the story, a reworded copy of its
 * source, about another meeting of the same people, or something else? It
 * decides what is shown: a highlight on the wrong page is worse than none.
 */
import type { Annotation } from './annotation';
import type { MatcherData } from './matcher-data';

export type VerdictKind = 'this-summit' | 'spun-copy' | 'other-event' | 'other-topic' | 'nothing';

export interface PageVerdict {
  kind: VerdictKind;
  /** Whether claim, quote and limit highlights are shown as this story's facts. */
  statementsShown: boolean;
  /** Distinct statements (claims, quotes, limits) found. */
  statementIds: string[];
  /** Distinct entities mentioned. */
  entityIds: string[];
  /** Sum of the event cues seen: above zero points at this event, below at another. */
  eventScore: number;
  /** Sum of the weights of the distinct rewriter phrases seen. */
  spinScore: number;
  /** A few of the rewriter's phrases as the page has them. */
  spinExamples: string[];
}

/** A person counts double: the story is about people meeting. */
export const RELEVANCE_PERSON_WEIGHT = 2;
/** Entity relevance a page needs before any highlight is shown without a statement. */
export const RELEVANCE_MIN = 5;
/** Statements that mark a page as about the story even without dated cues. */
export const STATEMENTS_WITHOUT_CUES = 2;
/** Event score at or below which the page is about another meeting. */
export const OTHER_EVENT_SCORE = -1;
/** Spin weight, per distinct phrase, from which a page reads as a machine-reworded copy. */
export const SPIN_MIN_SCORE = 8;
export const SPIN_EXAMPLES = 6;

export interface VerdictInput {
  data: MatcherData;
  entities: Annotation[];
  statements: Annotation[];
  cuesSeen: Set<number>;
  /** First hit of each rewriter phrase seen (by lexicon entry). */
  spin: Map<number, { start: number; example: string }>;
}

export function decideVerdict(input: VerdictInput): PageVerdict {
  const { data } = input;
  const entityIds = [...new Set(input.entities.flatMap((a) => a.factIds))];
  const statementIds = [...new Set(input.statements.flatMap((a) => a.factIds))];
  const persons = entityIds.filter((id) => id.startsWith('person:')).length;
  const relevance = persons * RELEVANCE_PERSON_WEIGHT + (entityIds.length - persons);
  let eventScore = 0;
  for (const cue of input.cuesSeen) eventScore += data.cueWeights[cue]!;

  let spinScore = 0;
  const examples: string[] = [];
  const weight = (entry: number) => data.lexicon.entries[entry]!.weight;
  const ranked = [...input.spin].sort(([a, hitA], [b, hitB]) => weight(b) - weight(a) || hitA.start - hitB.start);
  for (const [entry, hit] of ranked) {
    spinScore += weight(entry);
    if (examples.length < SPIN_EXAMPLES && weight(entry) >= 2 && !examples.includes(hit.example))
      examples.push(hit.example);
  }

  const base = { statementIds, entityIds, eventScore, spinScore, spinExamples: examples };
  if (statementIds.length === 0 && relevance < RELEVANCE_MIN) {
    return { kind: 'nothing', statementsShown: false, ...base };
  }
  if (eventScore <= OTHER_EVENT_SCORE) return { kind: 'other-event', statementsShown: false, ...base };
  const aboutStory = statementIds.length > 0 && (eventScore > 0 || statementIds.length >= STATEMENTS_WITHOUT_CUES);
  if (!aboutStory) {
    return { kind: relevance >= RELEVANCE_MIN ? 'other-topic' : 'nothing', statementsShown: false, ...base };
  }
  if (spinScore >= SPIN_MIN_SCORE) return { kind: 'spun-copy', statementsShown: true, ...base };
  return { kind: 'this-summit', statementsShown: true, ...base };
}
