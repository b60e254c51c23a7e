/**
 * Stories the reader follows: packs drafted in the extension from an
 * article (or imported from a file), kept in extension storage and compiled
 * with the shipped packs into one matcher, so every page is judged against
 * them with the same rules.
 *
 * Storage (`storage.local`):
 * - `followedStories`: `{ revision, stories }`, each story a parsed pack
 *   (the story schema of dataset.ts, with its `followed` block); `revision`
 *   goes up with every change.
 * - `followedCompiled`: `{ build, revision, compiled }`, the CompiledDataset
 *   of the shipped packs and the followed ones (followed-compile.ts), made by
 *   the extension's page that changed the stories, so the worker only reads it.
 * - `followedGate` and `followedGateClauses`: `{ build, revision, look }` and
 *   `{ build, revision, clauses }`, the pre-check's gate (precheck.ts) for the
 *   same stories, in the same write: its first look, which every page reads
 *   while stories are followed, and the rest, read only past the first look.
 *
 * DOM-free, without the schema and without the compiler: the worker reads
 * what the extension's own pages validated and compiled before storing.
 */
import type { CardModel } from './cards';
import type { CompiledDataset, ReaderTexts } from './compiled-dataset';
import type { Story } from './dataset';
import type { Dataset } from './packs';
import type { FirstLook, Gate } from './precheck';

export const FOLLOWED_KEY = 'followedStories';
export const FOLLOWED_COMPILED_KEY = 'followedCompiled';
export const FOLLOWED_GATE_KEY = 'followedGate';
export const FOLLOWED_GATE_CLAUSES_KEY = 'followedGateClauses';
/** Every key a change of the followed stories writes (or removes) in one go. */
export const FOLLOWED_KEYS = [FOLLOWED_KEY, FOLLOWED_COMPILED_KEY, FOLLOWED_GATE_KEY, FOLLOWED_GATE_CLAUSES_KEY];

export interface FollowedStore {
  /** Goes up with every change: the compiled copy is valid for one revision. */
  revision: number;
  stories: Story[];
}

export interface FollowedCompiled {
  /** The build whose shipped packs were compiled in. */
  build: string;
  revision: number;
  compiled: CompiledDataset;
}

/** The gate of the shipped packs and the followed ones, for a build and a revision, in two parts. */
export interface FollowedGateLook {
  build: string;
  revision: number;
  look: FirstLook;
}
export interface FollowedGateClauses {
  build: string;
  revision: number;
  clauses: Omit<Gate, 'look'>;
}

/** What one change of the followed stories stores beside them: the compiled copy and the gate, for one revision. */
export type FollowedCompiledItems = {
  [FOLLOWED_COMPILED_KEY]: FollowedCompiled;
  [FOLLOWED_GATE_KEY]: FollowedGateLook;
  [FOLLOWED_GATE_CLAUSES_KEY]: FollowedGateClauses;
};

/** What storage holds, or no story followed. */
export function readFollowed(stored: unknown): FollowedStore {
  const value = stored as Partial<FollowedStore> | undefined;
  if (!value || typeof value !== 'object' || !Array.isArray(value.stories)) return { revision: 0, stories: [] };
  return { revision: typeof value.revision === 'number' ? value.revision : 0, stories: value.stories };
}

/** The shipped packs with the followed ones: one dataset, stories sorted by id as the loader sorts them. */
export function withFollowed(shipped: Dataset, followed: readonly Story[]): Dataset {
  return {
    entities: shipped.entities,
    stories: [...shipped.stories, ...followed].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A compiled copy in storage, if it is for this build and this revision of the followed stories. */
export function usableCompiled(stored: unknown, build: string, revision: number): CompiledDataset | undefined {
  const value = stored as Partial<FollowedCompiled> | undefined;
  if (!value || value.build !== build || value.revision !== revision || !value.compiled) return undefined;
  return value.compiled;
}

/**
 * The reader's texts in a translated interface, with followed stories: `merged` is the English compile
 * of the shipped and the followed packs, `shipped` the shipped packs' texts in the interface's language.
 * The shipped stories and their parts of every card come translated; a followed story, which has no
 * translations, keeps its article's words, and so does its part of a card it shares with a shipped story
 * (a shared entity such as Moscow): the card shows both, in the order the English card has them.
 */
export function followedInLocale(merged: ReaderTexts, shipped: ReaderTexts): ReaderTexts {
  const cards: Record<string, CardModel> = {};
  for (const [id, card] of Object.entries(merged.cards)) {
    const translated = shipped.cards[id];
    if (!translated) {
      cards[id] = card;
      continue;
    }
    const translatedParts = new Map(translated.stories.map((part) => [part.storyId, part]));
    cards[id] = { ...translated, stories: card.stories.map((part) => translatedParts.get(part.storyId) ?? part) };
  }
  const translatedStories = new Map(shipped.stories.map((story) => [story.id, story]));
  return { cards, stories: merged.stories.map((story) => translatedStories.get(story.id) ?? story) };
}

/**
 * The stored gate's first look, if it is for this build (and this revision of the followed stories, where
 * given): a stale gate is never trusted.
 */
export function usableGateLook(stored: unknown, build: string, revision?: number): FollowedGateLook | undefined {
  const value = stored as Partial<FollowedGateLook> | undefined;
  if (!value?.look || value.build !== build || (revision !== undefined && value.revision !== revision))
    return undefined;
  return value as FollowedGateLook;
}

/** The whole stored gate: its first look with the clauses stored beside it, if they are for the same build and revision. */
export function usableGate(look: FollowedGateLook, stored: unknown): Gate | undefined {
  const value = stored as Partial<FollowedGateClauses> | undefined;
  if (!value?.clauses || value.build !== look.build || value.revision !== look.revision) return undefined;
  return { ...value.clauses, look: look.look };
}

/** Bytes a story takes in storage: its JSON in UTF-8, as storage.local counts it. */
export function storedBytes(story: Story): number {
  let bytes = 0;
  for (const char of JSON.stringify(story)) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
