import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMatcher } from '../../src/core/compile';
import { parseLexicon, parseStory } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';

/** The project root, whatever the test environment does to import.meta.url. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));
}

export function miniMatcher(): Matcher {
  const story = parseStory(readJson('tests/fixtures/mini-story.json'));
  const lexicon = parseLexicon(readJson('tests/fixtures/mini-lexicon.json'));
  return new Matcher(compileMatcher(story, lexicon));
}
