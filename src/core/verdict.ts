/**
 * The page verdict, per story: is this page about the story, a reworded copy
 * of its source, about another meeting of the same people, or something
 * else? It decides what is shown: a highlight on the wrong page is worse than
 * none. Each story is judged on its own facts and cues only, so adding a
 * story pack changes nothing for pages about the others.
 */
import type { MatcherData } from './matcher-data';

/** 'this-summit': the page reports the story (the name is the first story's, kept for the labelled pages). */
export type VerdictKind = 'this-summit' | 'spun-copy' | 'other-event' | 'other-topic' | 'nothing';

export interface StoryVerdict {
  storyId: string;
  kind: VerdictKind;
  /** Whether claim, quote and limit highlights are shown as this story's facts. */
  statementsShown: boolean;
  /** Distinct statements (claims, quotes, limits) of this story found. */
  statementIds: string[];
  /** Distinct entities of this story mentioned. */
  entityIds: string[];
  /** Sum of the story's event cues seen: above zero points at this event, below at another. */
  eventScore: number;
  /** Sum of the weights of the distinct rewriter phrases seen (the same for every story). */
  spinScore: number;
  /** A few of the rewriter's phrases as the page has them. */
  spinExamples: string[];
}

export interface PageVerdict {
  /** One verdict per story, in the matcher's story order. */
  stories: StoryVerdict[];
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
  /** The stories (indices into data.stories) a fact belongs to. */
  storiesOf: (factId: string) => readonly number[];
  /** Entity and statement annotations found (only their fact ids matter here). */
  entities: readonly { factIds: readonly string[] }[];
  statements: readonly { factIds: readonly string[] }[];
  cuesSeen: Set<number>;
  /** First hit of each rewriter phrase seen (by lexicon entry). */
  spin: Map<number, { start: number; example: string }>;
}

export function decideVerdict(input: VerdictInput): PageVerdict {
  const { data, storiesOf } = input;
  const found = data.stories.map(() => ({ entities: new Set<string>(), statements: new Set<string>() }));
  for (const a of input.entities) for (const id of a.factIds) for (const s of storiesOf(id)) found[s]!.entities.add(id);
  for (const a of input.statements)
    for (const id of a.factIds) for (const s of storiesOf(id)) found[s]!.statements.add(id);
  const spin = spinOf(data, input.spin);
  return {
    stories: data.stories.map((story, s) => {
      let eventScore = 0;
      for (let cue = story.cueStart; cue < story.cueEnd; cue++)
        if (input.cuesSeen.has(cue)) eventScore += data.cueWeights[cue]!;
      return judgeStory(story.id, [...found[s]!.entities], [...found[s]!.statements], eventScore, spin);
    }),
  };
}

function spinOf(data: MatcherData, seen: VerdictInput['spin']): { spinScore: number; spinExamples: string[] } {
  let spinScore = 0;
  const spinExamples: string[] = [];
  const weight = (entry: number) => data.lexicon.entries[entry]!.weight;
  const ranked = [...seen].sort(([a, hitA], [b, hitB]) => weight(b) - weight(a) || hitA.start - hitB.start);
  for (const [entry, hit] of ranked) {
    spinScore += weight(entry);
    if (spinExamples.length < SPIN_EXAMPLES && weight(entry) >= 2 && !spinExamples.includes(hit.example))
      spinExamples.push(hit.example);
  }
  return { spinScore, spinExamples };
}

function judgeStory(
  storyId: string,
  entityIds: string[],
  statementIds: string[],
  eventScore: number,
  spin: { spinScore: number; spinExamples: string[] },
): StoryVerdict {
  const persons = entityIds.filter((id) => id.startsWith('person:')).length;
  const relevance = persons * RELEVANCE_PERSON_WEIGHT + (entityIds.length - persons);
  const base = { storyId, statementIds, entityIds, eventScore, ...spin };
  if (statementIds.length === 0 && relevance < RELEVANCE_MIN) {
    return { kind: 'nothing', statementsShown: false, ...base };
  }
  if (eventScore <= OTHER_EVENT_SCORE) return { kind: 'other-event', statementsShown: false, ...base };
  const aboutStory = statementIds.length > 0 && (eventScore > 0 || statementIds.length >= STATEMENTS_WITHOUT_CUES);
  if (!aboutStory) {
    return { kind: relevance >= RELEVANCE_MIN ? 'other-topic' : 'nothing', statementsShown: false, ...base };
  }
  if (spin.spinScore >= SPIN_MIN_SCORE) return { kind: 'spun-copy', statementsShown: true, ...base };
  return { kind: 'this-summit', statementsShown: true, ...base };
}

/** The stories the page reports (their statements are shown). */
export function reportedStories(verdict: PageVerdict): StoryVerdict[] {
  return verdict.stories.filter((v) => v.statementsShown);
}

/**
 * The stories whose cards the page's highlights carry: those it reports, or
 * where it reports none, those it mentions enough to show entities for.
 */
export function storiesInView(verdict: PageVerdict): string[] {
  const reported = reportedStories(verdict);
  const stories = reported.length > 0 ? reported : verdict.stories.filter((v) => v.kind !== 'nothing');
  return stories.map((v) => v.storyId);
}

/** Whether anything at all is shown: some story is more than 'nothing' to this page. */
export function isQuiet(verdict: PageVerdict): boolean {
  return verdict.stories.every((v) => v.kind === 'nothing');
}
