/**
 * The followed stories as the extension's pages (the popup, the story manager) read and change them:
 * every story written is checked first with the shared schema together with the shipped packs, then
 * compiled beside the shipped packs' matcher as the build compiled it (only the followed stories'
 * facts are compiled), and a change is one write of the stories with their revision raised, of
 * the compiled copy and of the pre-check's gate, so a story that fails the check or the compile leaves storage as it was. The
 * worker only reads the compiled copy: it carries neither the packs nor the compiler, and wakes as
 * fast as with no story followed. It sees the change and has every open page judged again.
 */
import { buildId } from 'virtual:shipped-packs';
import browser, { type Storage } from 'webextension-polyfill';
import { type Dataset, parseDataset, type Story } from '../core/dataset';
import {
  FOLLOWED_COMPILED_KEY,
  FOLLOWED_GATE_KEY,
  FOLLOWED_KEY,
  FOLLOWED_KEYS,
  type FollowedCompiledItems,
  type FollowedStore,
  readFollowed,
  usableCompiled,
  usableGateLook,
  withFollowed,
} from '../core/followed';
import { compileFollowed, shippedPacks } from './compile';

export { shippedPacks };

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

/** The followed stories compiled with the shipped packs, with their gate (compile.ts): here, or in a Web Worker. */
export type CompileFollowed = (store: FollowedStore) => FollowedCompiledItems | Promise<FollowedCompiledItems>;

/** Writes the followed stories, checked and compiled; nothing is written if the check or the compile fails. */
export async function writeStories(stories: readonly unknown[]): Promise<Story[]> {
  const checked = checkFollowed(stories);
  const store = await readStore();
  const order = new Map(stories.map((s, i) => [(s as Story).id, i]));
  const next: FollowedStore = {
    revision: store.revision + 1,
    stories: checked.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
  };
  if (next.stories.length === 0) {
    await browser.storage.local.set({ [FOLLOWED_KEY]: next });
    await browser.storage.local.remove(FOLLOWED_KEYS.filter((key) => key !== FOLLOWED_KEY));
  } else await browser.storage.local.set({ [FOLLOWED_KEY]: next, ...compileFollowed(next) });
  return next.stories;
}

/** Where the stories are read and written: `storage.local`, or the worker's for a page that has no storage API. */
export type StoreArea = Pick<Storage.StorageArea, 'get' | 'set'>;

/**
/**
 * Compiles the stored stories again if the compiled copy or the gate is not for this build (the extension
 * was updated since) or this revision: until then the worker serves the shipped packs alone. The popup
 * and the story manager call it when opened; the worker has the compiler page (src/compiler) call it
 * when it finds the copy stale, with the worker's storage where the page has none (Chrome's offscreen
 * document) and the compile run in a Web Worker of its own.
 */
export async function compileIfStale(
  storage: StoreArea = browser.storage.local,
  compile: CompileFollowed = compileFollowed,
): Promise<void> {
  const stored = await storage.get([FOLLOWED_KEY, FOLLOWED_COMPILED_KEY, FOLLOWED_GATE_KEY]);
  const store = readFollowed(stored[FOLLOWED_KEY]);
  const fresh =
    usableCompiled(stored[FOLLOWED_COMPILED_KEY], buildId, store.revision) &&
    usableGateLook(stored[FOLLOWED_GATE_KEY], buildId, store.revision);
  if (store.stories.length === 0 || fresh) return;
  const compiled = await compile(store);
  // The stories changed while they compiled (one followed or unfollowed): their writer stored its own
  // compile, and this older one must not take its place.
  const now = readFollowed((await storage.get(FOLLOWED_KEY))[FOLLOWED_KEY]);
  if (now.revision !== store.revision) return;
  await storage.set(compiled);
}

/** The dataset a new story is drafted beside: the shipped packs and those followed. */
export function datasetWithFollowed(followed: readonly Story[]): Dataset {
  return withFollowed(shippedPacks().dataset, followed);
}
