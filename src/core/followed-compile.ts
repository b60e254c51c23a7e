/**
 * Compiling followed stories with the shipped packs, as the extension's pages do when the stories
 * change (src/follow/store.ts): the worker never loads this, it reads the result (followed.ts).
 */
import { compileMatcher } from './compile';
import { type CompiledDataset, compileDataset } from './compiled-dataset';
import type { Lexicon, Story } from './dataset';
import {
  FOLLOWED_COMPILED_KEY,
  FOLLOWED_GATE_CLAUSES_KEY,
  FOLLOWED_GATE_KEY,
  type FollowedCompiledItems,
  type FollowedStore,
  withFollowed,
} from './followed';
import type { MatcherData } from './matcher-data';
import type { Dataset } from './packs';
import { buildGate, type GateCharacters } from './precheck-gate';

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

/** The shipped packs and the build they were compiled in: what followed stories are compiled beside. */
export interface ShippedBuild {
  dataset: Dataset;
  lexicon: Lexicon;
  /** The shipped packs' matcher as the build compiled it. */
  matcher: MatcherData;
  build: string;
  /** The characters of the build's own pre-check gate. */
  characters: GateCharacters;
}

/**
 * What a change of the followed stories stores beside them, in the same write: the compiled copy the worker
 * serves and the pre-check's gate for the shipped and followed stories (the build's gate knows only the
 * shipped ones), both for this build and the store's revision.
 */
export function followedCompiledItems(shipped: ShippedBuild, store: FollowedStore): FollowedCompiledItems {
  const compiled = compileWithFollowed(shipped.dataset, shipped.lexicon, store.stories, shipped.matcher);
  const { look, ...clauses } = buildGate(compiled.matcher, shipped.characters);
  const { build } = shipped;
  const { revision } = store;
  return {
    [FOLLOWED_COMPILED_KEY]: { build, revision, compiled },
    [FOLLOWED_GATE_KEY]: { build, revision, look },
    [FOLLOWED_GATE_CLAUSES_KEY]: { build, revision, clauses },
  };
}
