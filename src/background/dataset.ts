/**
 * The worker's view of the dataset: validated and compiled at build time
 * (vite.config.ts), so a worker waking up only deserialises it. The Matcher
 * built from it is a cache, not state: a restarted worker rebuilds it.
 */
import compiled from 'virtual:compiled-dataset';
import { statementCount } from '../core/compiled-dataset';
import { Matcher } from '../core/matcher';
import type { AnalysisSource } from './analysis';

let matcher: Matcher | undefined;

export const dataset: AnalysisSource = {
  matcher() {
    matcher ??= new Matcher(compiled.matcher);
    return matcher;
  },
  cards: compiled.cards,
  statementsTotal: statementCount(compiled.matcher),
};

export const story = compiled.story;
