/**
 * The shipped packs and compiling the followed stories beside them: pure, with no browser API, so it
 * runs in the extension's pages and in the compiler page's Web Worker (src/compiler/compile-worker.ts)
 * alike. Storing the result is store.ts's.
 */
import shippedMatcher from 'virtual:compiled-dataset/matcher';
import { characters } from 'virtual:precheck-gate';
import { buildId, shippedSource } from 'virtual:shipped-packs';
import type { Dataset, Lexicon } from '../core/dataset';
import type { FollowedCompiledItems, FollowedStore } from '../core/followed';
import { followedCompiledItems } from '../core/followed-compile';

let shipped: { dataset: Dataset; lexicon: Lexicon } | undefined;

/** The packs that come with the extension, and the lexicon. */
export function shippedPacks(): { dataset: Dataset; lexicon: Lexicon } {
  shipped ??= JSON.parse(shippedSource) as { dataset: Dataset; lexicon: Lexicon };
  return shipped;
}

/**
 * The followed stories (checked) compiled with the shipped packs (only their facts are compiled), and the
 * pre-check's gate for them, for this build and the store's revision: stored together, so any compile
 * refreshes both.
 */
export function compileFollowed(store: FollowedStore): FollowedCompiledItems {
  const { dataset, lexicon } = shippedPacks();
  return followedCompiledItems({ dataset, lexicon, matcher: shippedMatcher, build: buildId, characters }, store);
}
