/**
 * The worker's view of the dataset: validated when first needed, compiled
 * once per worker lifetime. It is a cache, not state: a restarted worker
 * rebuilds it from the bundled files.
 */
import lexiconJson from '../../data/spin-lexicon.json';
import storyJson from '../../data/story.json';
import { buildCards } from '../core/cards';
import { compileMatcher } from '../core/compile';
import { parseLexicon, parseStory } from '../core/dataset';
import type { GetMatcherResponse, GetStoryResponse } from '../messages';

let loaded: { matcher: GetMatcherResponse; story: GetStoryResponse } | undefined;

function load() {
  if (loaded) return loaded;
  const story = parseStory(storyJson);
  const lexicon = parseLexicon(lexiconJson);
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  loaded = {
    matcher: { matcher: compileMatcher(story, lexicon), cards: buildCards(story) },
    story: {
      source: story.source,
      summary: story.summary,
      limits: story.limits.map((id) => ({ id, title: byId.get(id)!.title, text: byId.get(id)!.card })),
    },
  };
  return loaded;
}

export function matcherResponse(): GetMatcherResponse {
  return load().matcher;
}

export function storyResponse(): GetStoryResponse {
  return load().story;
}
