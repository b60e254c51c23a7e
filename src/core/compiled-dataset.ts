/**
 * Everything the worker serves, compiled from the dataset in one step. The
 * build runs it (so a worker waking up only deserialises the result) and the
 * tests run it on their own datasets.
 */
import { buildCards, type CardModel, sourceLine } from './cards';
import { compileMatcher } from './compile';
import type { Lexicon, Story } from './dataset';
import type { MatcherData } from './matcher-data';

/** The story as the popup shows it: source, summary and limits. */
export interface StoryOverview {
  source: Story['source'];
  sourceLine: string;
  summary: Story['summary'];
  limits: { id: string; title: string; text: string }[];
}

export interface CompiledDataset {
  matcher: MatcherData;
  cards: Record<string, CardModel>;
  story: StoryOverview;
}

/** Compiles a validated story and lexicon (see `parseStory`, `parseLexicon`). */
export function compileDataset(story: Story, lexicon: Lexicon): CompiledDataset {
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  return {
    matcher: compileMatcher(story, lexicon),
    cards: buildCards(story),
    story: {
      source: story.source,
      sourceLine: sourceLine(story),
      summary: story.summary,
      limits: story.limits.map((id) => ({ id, title: byId.get(id)!.title, text: byId.get(id)!.card })),
    },
  };
}

/** Statements (claims, quotes, limits) the matcher knows: the popup's "found N of M". */
export function statementCount(matcher: MatcherData): number {
  return matcher.facts.filter((f) => f.concepts.length > 0).length;
}
