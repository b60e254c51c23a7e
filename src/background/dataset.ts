/**
 * The worker's view of the dataset: every story pack under data/stories/ and
 * the shared entities, validated and compiled into one matcher at build time
 * (vite.config.ts; a new pack folder is picked up by the next build), so a
 * worker waking up only deserialises it. The Matcher built from it is a
 * cache, not state: a restarted worker rebuilds it.
 */
import compiled from 'virtual:compiled-dataset';
import { statementCounts } from '../core/compiled-dataset';
import { Matcher } from '../core/matcher';
import type { GetStoryResponse } from '../messages';
import type { AnalysisSource } from './analysis';

let matcher: Matcher | undefined;

export const dataset: AnalysisSource = {
  matcher() {
    matcher ??= new Matcher(compiled.matcher);
    return matcher;
  },
  cards: compiled.cards,
  statementsTotal: statementCounts(compiled.matcher),
};

export const stories: GetStoryResponse = { stories: compiled.stories };
