/// <reference types="vite/client" />
/**
 * The worker's view of the dataset: every story pack under data/stories/
 * and the shared entities, bundled by the build (a new pack folder is picked
 * up by the next build; `@data` is data/, or the folder NIC_DATA_DIR names), validated when first needed and compiled into one
 * matcher once per worker lifetime. It is a cache, not state: a restarted
 * worker rebuilds it from the bundled files.
 */
import entitiesJson from '@data/entities.json';
import lexiconJson from '@data/spin-lexicon.json';
import { buildCards } from '../core/cards';
import { compileMatcher } from '../core/compile';
import { parseDataset, parseLexicon } from '../core/dataset';
import type { GetMatcherResponse, GetStoryResponse } from '../messages';

/** Every pack's story.json, by path (ending in "stories/<id>/story.json"). */
const storyFiles = import.meta.glob<unknown>('@data/stories/*/story.json', { eager: true, import: 'default' });

let loaded: { matcher: GetMatcherResponse; story: GetStoryResponse } | undefined;

function load() {
  if (loaded) return loaded;
  const dataset = parseDataset(
    { path: 'data/entities.json', json: entitiesJson },
    Object.entries(storyFiles).map(([path, json]) => ({ path: path.replace(/^.*?stories\//, 'data/stories/'), json })),
  );
  const lexicon = parseLexicon(lexiconJson);
  loaded = {
    matcher: { matcher: compileMatcher(dataset, lexicon), cards: buildCards(dataset) },
    story: {
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
