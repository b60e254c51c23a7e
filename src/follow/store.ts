/**
 * The followed stories as the extension's pages (the popup, the story
 * manager) read and change them: every story written is checked first with
 * the shared schema together with the shipped packs, and a change is one
 * write of the whole store with its revision raised, so a story that fails
 * the check leaves storage as it was. The worker sees the change, compiles
 * the stories again and has every open page judged again.
 */
import { shippedSource } from 'virtual:shipped-packs';
import browser from 'webextension-polyfill';
import { type Dataset, type Lexicon, parseDataset, type Story } from '../core/dataset';
import { FOLLOWED_KEY, type FollowedStore, readFollowed, withFollowed } from '../core/followed';

let shipped: { dataset: Dataset; lexicon: Lexicon } | undefined;

/** The packs that come with the extension, and the lexicon. */
export function shippedPacks(): { dataset: Dataset; lexicon: Lexicon } {
  shipped ??= JSON.parse(shippedSource) as { dataset: Dataset; lexicon: Lexicon };
  return shipped;
}

export async function readStore(): Promise<FollowedStore> {
  return readFollowed((await browser.storage.local.get(FOLLOWED_KEY))[FOLLOWED_KEY]);
}

/**
 * Checks the followed stories with the shipped packs, as the build checks packs; throws a DatasetError
 * naming the story and the bad field. Returns them parsed (defaults filled in).
 */
export function checkFollowed(stories: readonly unknown[]): Story[] {
  const { dataset } = shippedPacks();
  const entities = { path: 'entities', json: { schemaVersion: 1, entities: dataset.entities } };
  const files = [
    ...dataset.stories.map((s) => ({ path: `shipped/${s.id}/story.json`, json: s })),
    ...stories.map((json, i) => ({ path: `followed story ${i + 1}`, json })),
  ];
  const shippedIds = new Set(dataset.stories.map((s) => s.id));
  return parseDataset(entities, files).stories.filter((s) => !shippedIds.has(s.id));
}

/** Writes the followed stories, checked; nothing is written if the check fails. */
export async function writeStories(stories: readonly unknown[]): Promise<Story[]> {
  const checked = checkFollowed(stories);
  const store = await readStore();
  const order = new Map(stories.map((s, i) => [(s as Story).id, i]));
  const next: FollowedStore = {
    revision: store.revision + 1,
    stories: checked.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
  };
  await browser.storage.local.set({ [FOLLOWED_KEY]: next });
  return next.stories;
}

/** The dataset a new story is drafted beside: the shipped packs and those followed. */
export function datasetWithFollowed(followed: readonly Story[]): Dataset {
  return withFollowed(shippedPacks().dataset, followed);
}
