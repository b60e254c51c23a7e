import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { datasetFiles } from '../../scripts/load-dataset';
import { compileMatcher } from '../../src/core/compile';
import { parseDataset, parseLexicon, parseStory } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import type { Dataset } from '../../src/core/packs';

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

/** A paragraph the mini story's matcher finds the story in, and one it finds nothing in. */
export const MINI_STORY_PARAGRAPH =
  'In a video call in December 2021, Xi Jinping told Vladimir Putin it was their 37th meeting since 2013. China and the South China Sea.';
export const UNRELATED_PARAGRAPH = 'The council met on Tuesday to discuss the bus timetable and the library roof.';

/** Raw pack JSON, edited by tests into the malformed shapes the schema must refuse. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary fields of raw JSON.
export type RawJson = Record<string, any>;

/** The real packs plus test packs from tests/fixtures/packs/<id>/story.json (each may be changed first). */
export function datasetWith(extra: { id: string; edit?: (story: RawJson) => void }[] = []): Dataset {
  const files = datasetFiles(ROOT);
  const stories = extra.map(({ id, edit }) => {
    const path = `tests/fixtures/packs/${id}/story.json`;
    const json = readJson(path) as RawJson;
    edit?.(json);
    return { path, json };
  });
  return parseDataset(files.entities, [...files.stories, ...stories]);
}

export function realLexicon() {
  return parseLexicon(readJson('data/spin-lexicon.json'));
}

const SEED_NAME = '000_9a3ddd14051b618d.txt';

/** The seed article: from shared/ beside the checkout, else the same paragraphs from the demo page. */
export function seedArticle(): string {
  const candidates = [process.env.SEED_ARTICLE, `../shared/seed/${SEED_NAME}`, `../../shared/seed/${SEED_NAME}`];
  for (const candidate of candidates) {
    if (candidate && existsSync(resolve(ROOT, candidate))) return readFileSync(resolve(ROOT, candidate), 'utf8');
  }
  const window = new Window();
  window.document.body.innerHTML = readFileSync(resolve(ROOT, 'demo/index.html'), 'utf8');
  const paragraphs = [...window.document.querySelectorAll('article .story-body > p')].map((p) => p.textContent.trim());
  return paragraphs.join('\n');
}
