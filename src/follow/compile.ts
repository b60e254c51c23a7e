/**
 * The shipped packs and compiling the followed stories beside them: pure, with no browser API, so it
 * runs in the extension's pages and in the compiler page's Web Worker (src/compiler/compile-worker.ts)
 * alike. Storing the result is store.ts's.
 */
import shippedMatcher from 'virtual:compiled-dataset/matcher';
import { shippedSource } from 'virtual:shipped-packs';
import type { CompiledDataset } from '../core/compiled-dataset';
import type { Dataset, Lexicon, Story } from '../core/dataset';
import { compileWithFollowed } from '../core/followed-compile';

let shipped: { dataset: Dataset; lexicon: Lexicon } | undefined;

/** The packs that come with the extension, and the lexicon. */
export function shippedPacks(): { dataset: Dataset; lexicon: Lexicon } {
  shipped ??= JSON.parse(shippedSource) as { dataset: Dataset; lexicon: Lexicon };
  return shipped;
}

/** The followed stories (checked) compiled with the shipped packs: only their facts are compiled. */
export function compileFollowed(stories: readonly Story[]): CompiledDataset {
  const { dataset, lexicon } = shippedPacks();
  return compileWithFollowed(dataset, lexicon, stories, shippedMatcher);
}
