import { readFileSync } from 'node:fs';
import { Matcher } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import { parseStory } from '../../src/core/dataset';
import { parseLexicon } from '../../src/core/lexicon';

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

export function miniMatcher(): Matcher {
  const story = parseStory(readJson('tests/fixtures/mini-story.json'));
  const lexicon = parseLexicon(readJson('tests/fixtures/mini-lexicon.json'));
  return new Matcher(compileMatcher(story, lexicon));
}
