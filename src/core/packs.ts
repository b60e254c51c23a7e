/**
 * Story packs: the stories (data/stories/<id>/story.json) and the entities
 * they share (data/entities.json). A fact id names one fact in the whole
 * dataset, wherever it is defined; a story reaches a shared entity through
 * its entityRefs (and its concepts, attributions, related). Parsing is in
 * dataset.ts (parseDataset); this module has no validator, so content
 * scripts and the popup can use it without bundling one.
 */
import { isStatementCategory } from './categories';
import type { Dataset, Fact, SharedEntity, Story } from './dataset';

export type { Dataset } from './dataset';

/** One self-contained story (its facts all its own) as a dataset: for tests and tools. */
export function toDataset(input: Dataset | Story): Dataset {
  return 'stories' in input ? input : { entities: [], stories: [input] };
}

type Referable = Pick<SharedEntity, 'id' | 'category' | 'title' | 'aliases' | 'related'> & { card?: string };

const referableCache = new WeakMap<Dataset, Map<string, Referable>>();

/**
 * The entities any story may refer to: the shared ones, and the people,
 * organisations, places and events each pack defines (a followed story
 * names the shipped story's Yuri Ushakov without defining him again).
 */
function referableEntities(dataset: Dataset): Map<string, Referable> {
  let found = referableCache.get(dataset);
  if (!found) {
    found = new Map<string, Referable>(dataset.entities.map((e) => [e.id, e]));
    for (const story of dataset.stories)
      for (const fact of story.facts) {
        if (isStatementCategory(fact.category) || found.has(fact.id)) continue;
        const { id, category, title, aliases, related, card } = fact;
        found.set(id, { id, category: category as Referable['category'], title, aliases, related, card });
      }
    referableCache.set(dataset, found);
  }
  return found;
}

/**
 * Every fact a story uses, as facts: its own, then the entities it refers
 * to (shared, or defined by another pack), each with this story's role and
 * evidence (from its entityRef) or none where the story names it only in a
 * concept or an attribution.
 */
export function storyFacts(dataset: Dataset, story: Story): Fact[] {
  const shared = referableEntities(dataset);
  const facts: Fact[] = [...story.facts];
  const ids = new Set(facts.map((f) => f.id));
  const add = (id: string, ref?: Story['entityRefs'][number]) => {
    const entity = shared.get(id);
    if (!entity || ids.has(id)) return;
    ids.add(id);
    const { card, ...rest } = entity;
    facts.push({
      ...rest,
      ...(card ? { card } : {}),
      ...(ref?.role ? { role: ref.role } : {}),
      evidence: ref?.evidence ?? '',
      basis: ref?.basis ?? [],
    });
  };
  for (const ref of story.entityRefs) add(ref.id, ref);
  for (const fact of story.facts) {
    for (const concept of fact.signature?.concepts ?? []) for (const id of concept.entities) add(id);
    if (fact.attribution?.speakerId) add(fact.attribution.speakerId);
    if (fact.attribution?.accordingToId) add(fact.attribution.accordingToId);
  }
  return facts;
}

/** A story with its shared entities copied in: self-contained, as one-story tools (the bench) expect. */
export function flattenStory(dataset: Dataset, storyId: string): Story {
  const story = dataset.stories.find((s) => s.id === storyId);
  if (!story) throw new Error(`no story ${storyId}`);
  return { ...story, entityRefs: [], facts: storyFacts(dataset, story) };
}
