/**
 * The worker's view of the dataset: every story pack under data/stories/ and
 * the shared entities, validated and compiled into one matcher at build time
 * (vite.config.ts; a new pack folder is picked up by the next build), so a
 * worker waking up only deserialises it. Cards and stories come in the
 * interface's language where the packs are translated into it. The Matcher built from it is a
 * cache, not state: a restarted worker rebuilds it.
 */
import compiled from 'virtual:compiled-dataset';
import browser from 'webextension-polyfill';
import { statementCounts } from '../core/compiled-dataset';
import { Matcher } from '../core/matcher';
import type { GetStoryResponse } from '../messages';
import type { AnalysisSource } from './analysis';

let matcher: Matcher | undefined;

/**
 * The cards and stories in the interface's language: the browser picks the catalogue (the UI
 * language's, else English), and its `locale` message names the translations that go with it.
 */
const texts = compiled.localized[browser.i18n.getMessage('locale')] ?? compiled;

export const dataset: AnalysisSource = {
  matcher() {
    matcher ??= new Matcher(compiled.matcher);
    return matcher;
  },
  cards: texts.cards,
  statementsTotal: statementCounts(compiled.matcher),
};

export const stories: GetStoryResponse = { stories: texts.stories };
