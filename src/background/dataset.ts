/**
 * The worker's view of the dataset: every story pack under data/stories/ and
 * the shared entities, validated and compiled into one matcher at build time
 * (vite.config.ts; a new pack folder is picked up by the next build), so a
 * worker waking up only deserialises it; and the stories the reader follows
 * (src/core/followed.ts), which the extension's pages compile with the
 * shipped packs and store (src/follow/store.ts): the worker only reads that
 * copy, so it carries neither the packs' source nor the compiler. Cards and
 * stories come in the interface's language where the packs are translated
 * into it; a followed story's, in its article's words. The Matcher built
 * from the data is a cache, not state: a restarted worker rebuilds it.
 */
import compiled, { buildId } from 'virtual:compiled-dataset';
import browser from 'webextension-polyfill';
import type { CompiledDataset, ReaderTexts } from '../core/compiled-dataset';
import { FOLLOWED_COMPILED_KEY, FOLLOWED_KEY, followedInLocale, readFollowed, usableCompiled } from '../core/followed';
import { Matcher } from '../core/matcher';
import { statementCounts } from '../core/matcher-data';
import type { GetStoryResponse } from '../messages';
import type { AnalysisSource } from './analysis';
import { compileInPage } from './compile-page';

/** What the worker serves: the analyses' source and the popup's stories. */
export interface Served extends AnalysisSource {
  stories: GetStoryResponse;
}

/**
 * The cards and stories in the interface's language: the browser picks the catalogue (the UI
 * language's, else English), and its `locale` message names the translations that go with it.
 * Followed stories have no translations: their stories and card parts keep their articles' words
 * (followedInLocale), beside the shipped parts translated on a card they share.
 */
function inLocale(data: CompiledDataset): ReaderTexts {
  const shippedTexts = compiled.localized[browser.i18n.getMessage('locale')];
  if (!shippedTexts) return data;
  return data === compiled ? shippedTexts : followedInLocale(data, shippedTexts);
}

function serve(data: CompiledDataset): Served {
  let matcher: Matcher | undefined;
  const texts = inLocale(data);
  return {
    matcher() {
      matcher ??= new Matcher(data.matcher);
      return matcher;
    },
    cards: texts.cards,
    statementsTotal: statementCounts(data.matcher),
    stories: { stories: texts.stories },
  };
}
const shippedOnly = serve(compiled);

async function load(): Promise<Served> {
  const stored = await browser.storage.local.get([FOLLOWED_KEY, FOLLOWED_COMPILED_KEY]);
  const followed = readFollowed(stored[FOLLOWED_KEY]);
  if (followed.stories.length === 0) return shippedOnly;
  const copy = usableCompiled(stored[FOLLOWED_COMPILED_KEY], buildId, followed.revision);
  if (copy) return serve(copy);
  // Compiled for another build (the extension was updated since): an extension page compiles the stories
  // again (compileIfStale), and the change brings them here. Until then, the shipped packs alone.
  console.warn('[news-in-context] the followed stories are not compiled for this version yet: compiling them');
  void compileInPage().catch((error: unknown) =>
    console.error('[news-in-context] could not open the page that compiles the followed stories', error),
  );
  return shippedOnly;
}

let current: Promise<Served> | undefined;

/** What to serve: the shipped packs and the followed ones, read once per wake-up. */
export function served(): Promise<Served> {
  current ??= load();
  return current;
}

/** The followed stories changed: read them again. */
export function reloadServed(): Promise<Served> {
  current = load();
  return current;
}
