/**
 * The page verdict, per story: is this page about the story, a reworded copy
 * of its source, about another meeting of the same people, or something
 * else? It decides what is shown: a highlight on the wrong page is worse than
 * none. Each story is judged on its own facts and cues only, so adding a
 * story pack changes nothing for pages about the others.
 *
 * Almost every page on the web names some country, so names alone never make
 * a page show anything: only a page that reports the story, copies its
 * source or is about another meeting of its people does (`storyShown`), and
 * only specific evidence says so: statements found on specific evidence
 * (statements.ts), and something of the story's own agreeing with them (its
 * people, its event, its date).
 */
import type { MatcherData, StoryData } from './matcher-data';

/** 'this-summit': the page reports the story (the name is the first story's, kept for the labelled pages). */
export type VerdictKind = 'this-summit' | 'spun-copy' | 'other-event' | 'other-topic' | 'nothing';

export interface StoryVerdict {
  storyId: string;
  kind: VerdictKind;
  /** Whether claim, quote and limit highlights are shown as this story's facts. */
  statementsShown: boolean;
  /** Distinct statements (claims, quotes, limits) of this story found. */
  statementIds: string[];
  /** Those of them found at least once on specific evidence: only they tell what the page is about. */
  specificStatementIds: string[];
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
/** Entity relevance from which a page that reports nothing still names the story a fair amount ('other-topic'). */
export const RELEVANCE_MIN = 5;
/** Specific statements that mark a page as about the story without a positive event cue. */
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
  /** Statement ids found at least once on specific evidence. */
  specificStatements: ReadonlySet<string>;
  /** Ids of the stories whose people are all named in one sentence. */
  peopleTogether: ReadonlySet<string>;
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
      let dateSeen = false;
      for (let cue = story.cueStart; cue < story.cueEnd; cue++) {
        if (!input.cuesSeen.has(cue)) continue;
        eventScore += data.cueWeights[cue]!;
        if (data.cueIsDate[cue]) dateSeen = true;
      }
      const statementIds = [...found[s]!.statements];
      const evidence = {
        entityIds: [...found[s]!.entities],
        statementIds,
        specificStatementIds: statementIds.filter((id) => input.specificStatements.has(id)),
        eventScore,
        dateSeen,
        peopleTogether: input.peopleTogether.has(story.id),
      };
      return judgeStory(story, evidence, spin);
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

interface StoryEvidence {
  entityIds: string[];
  statementIds: string[];
  specificStatementIds: string[];
  eventScore: number;
  /** A date cue of the story (its own event's date) was seen. */
  dateSeen: boolean;
  /** One sentence names all the story's people. */
  peopleTogether: boolean;
}

function judgeStory(
  story: StoryData,
  { dateSeen, peopleTogether, ...evidence }: StoryEvidence,
  spin: { spinScore: number; spinExamples: string[] },
): StoryVerdict {
  const { entityIds, statementIds, specificStatementIds: specific, eventScore } = evidence;
  const persons = entityIds.filter((id) => id.startsWith('person:')).length;
  const relevance = persons * RELEVANCE_PERSON_WEIGHT + (entityIds.length - persons);
  const base = { storyId: story.id, ...evidence, ...spin };
  const named = (id: string) => entityIds.includes(id);
  const mentionKind = relevance >= RELEVANCE_MIN ? 'other-topic' : 'nothing';
  if (statementIds.length === 0 && relevance < RELEVANCE_MIN) {
    return { kind: 'nothing', statementsShown: false, ...base };
  }
  if (eventScore <= OTHER_EVENT_SCORE) {
    // Another meeting of the same people: all of them named, and either named together in one
    // sentence or something they said there found (a rail naming each apart is neither).
    const samePeople = story.people.length > 0 && story.people.every(named);
    const meeting = samePeople && (peopleTogether || specific.length > 0);
    return { kind: meeting ? 'other-event' : mentionKind, statementsShown: false, ...base };
  }
  // Something of the story's own agrees with the statements: one of its people, its event or its date.
  const agrees = story.people.some(named) || story.events.some(named) || dateSeen;
  const aboutStory = specific.length > 0 && agrees && (eventScore > 0 || specific.length >= STATEMENTS_WITHOUT_CUES);
  if (!aboutStory) return { kind: mentionKind, statementsShown: false, ...base };
  if (spin.spinScore >= SPIN_MIN_SCORE) return { kind: 'spun-copy', statementsShown: true, ...base };
  return { kind: 'this-summit', statementsShown: true, ...base };
}

/** The stories the page reports (their statements are shown). */
export function reportedStories(verdict: PageVerdict): StoryVerdict[] {
  return verdict.stories.filter((v) => v.statementsShown);
}

/** What the reader chose to see beyond the stories' own pages. */
export interface ShowOptions {
  /** Highlight the stories' names on any page that names them (the `namesEverywhere` setting). */
  namesEverywhere: boolean;
}

export const SHOW_DEFAULTS: ShowOptions = { namesEverywhere: false };

/** The verdicts that say the page is about a story: its highlights are shown whatever the settings. */
export const ABOUT_KINDS: readonly VerdictKind[] = ['this-summit', 'spun-copy', 'other-event'];

/**
 * Whether a story's highlights are shown on the page: exactly when the page
 * reports it ('this-summit'), is a reworded copy of its source ('spun-copy')
 * or is about another meeting of its people ('other-event'). A page that only
 * names its people, places or organisations ('other-topic', 'nothing') shows
 * none of it, unless the reader asked for names everywhere: then any page
 * that names one of its entities shows those names.
 */
export function storyShown(verdict: StoryVerdict, options: ShowOptions = SHOW_DEFAULTS): boolean {
  if (ABOUT_KINDS.includes(verdict.kind)) return true;
  return options.namesEverywhere && verdict.entityIds.length > 0;
}

/** The stories whose names the page mentions without showing them (what the popup lists on a quiet page). */
export function storiesNamedOnly(verdict: PageVerdict, options: ShowOptions = SHOW_DEFAULTS): StoryVerdict[] {
  return verdict.stories.filter((v) => v.entityIds.length > 0 && !storyShown(v, options));
}

/**
 * The stories whose cards the page's highlights carry: those it reports, or
 * where it reports none, those shown on it.
 */
export function storiesInView(verdict: PageVerdict, options: ShowOptions = SHOW_DEFAULTS): string[] {
  const reported = reportedStories(verdict);
  const stories = reported.length > 0 ? reported : verdict.stories.filter((v) => storyShown(v, options));
  return stories.map((v) => v.storyId);
}

/** Whether nothing at all is shown: no story is shown on this page (`storyShown`). */
export function isQuiet(verdict: PageVerdict, options: ShowOptions = SHOW_DEFAULTS): boolean {
  return !verdict.stories.some((v) => storyShown(v, options));
}
