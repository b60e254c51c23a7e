/**
 * Compiling followed stories with the shipped packs, as the extension's pages do when the stories
 * change (src/follow/store.ts): the worker never loads this, it reads the result (followed.ts).
 */
import { compileMatcher } from './compile';
import { type CompiledDataset, compileDataset } from './compiled-dataset';
import type { Lexicon, Story } from './dataset';
import { withFollowed } from './followed';
import type { MatcherData } from './matcher-data';
import type { Dataset } from './packs';

/**
 * Everything the worker serves, for the shipped packs and the followed ones. `shippedMatcher` is the
 * shipped packs' matcher as the build compiled it: their facts are taken from it, not compiled again.
 */
export function compileWithFollowed(
  shipped: Dataset,
  lexicon: Lexicon,
  followed: readonly Story[],
  shippedMatcher?: MatcherData,
): CompiledDataset {
  return compileDataset(withFollowed(shipped, followed), lexicon, [], shippedMatcher);
}

/** The matcher data of the shipped and followed packs: what a page's words are looked up in. */
export function followedMatcherData(
  shipped: Dataset,
  lexicon: Lexicon,
  followed: readonly Story[],
  shippedMatcher?: MatcherData,
): MatcherData {
  return compileMatcher(withFollowed(shipped, followed), lexicon, shippedMatcher);
}
