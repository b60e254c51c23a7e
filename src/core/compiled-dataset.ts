/**
 * Everything the worker serves, compiled from every story pack in one step.
 * The build runs it (so a worker waking up only deserialises the result) and
 * the tests run it on their own datasets.
 */
import { buildCards, type CardModel } from './cards';
import { compileMatcher } from './compile';
import type { Lexicon, Story } from './dataset';
import type { MatcherData } from './matcher-data';
import type { Dataset } from './packs';

/** A story as the popup shows it: source, summary and limits. */
export interface StoryInfo {
  id: string;
  /** Not yet reviewed by an editor. */
  draft: boolean;
  source: Story['source'];
  summary: Story['summary'];
  /** `text` is absent where a draft has not written the limit's card yet. */
  limits: { id: string; title: string; text?: string }[];
}

export interface CompiledDataset {
  matcher: MatcherData;
  cards: Record<string, CardModel>;
  /** In the dataset's order. */
  stories: StoryInfo[];
}

/** Compiles a validated dataset and lexicon (see `parseDataset`, `parseLexicon`). */
export function compileDataset(dataset: Dataset, lexicon: Lexicon): CompiledDataset {
  return {
    matcher: compileMatcher(dataset, lexicon),
    cards: buildCards(dataset),
    stories: dataset.stories.map((story) => {
      const byId = new Map(story.facts.map((f) => [f.id, f]));
      return {
        id: story.id,
        draft: story.draft,
        source: story.source,
        summary: story.summary,
        limits: story.limits.map((id) => {
          const card = byId.get(id)!.card;
          return { id, title: byId.get(id)!.title, ...(card ? { text: card } : {}) };
        }),
      };
    }),
  };
}

/** Per story id, the statements (claims, quotes, limits) the matcher knows: the popup's "found N of M". */
export function statementCounts(matcher: MatcherData): Record<string, number> {
  return Object.fromEntries(
    matcher.stories.map((story) => [story.id, story.facts.filter((f) => matcher.facts[f]!.concepts.length > 0).length]),
  );
}
