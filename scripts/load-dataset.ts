/**
 * Reads the dataset from disk, as the build bundles it: data/entities.json
 * and every data/stories/<id>/story.json. For Node tools and tests; the
 * extension gets the same files through the bundler (src/background/dataset.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatasetFile, parseDataset, parseLexicon } from '../src/core/dataset';
import type { Dataset } from '../src/core/packs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The summit, the story the labelled pages in tests/eval/ are about. */
export const SUMMIT_ID = 'xi-putin-video-summit-2021';

const readFile = (root: string, path: string): DatasetFile => ({
  path,
  json: JSON.parse(readFileSync(join(root, path), 'utf8')),
});

/** The dataset files under `root`: entities.json, then every pack folder that holds a story.json. */
export function datasetFiles(root = ROOT): { entities: DatasetFile; stories: DatasetFile[] } {
  const stories = readdirSync(join(root, 'data/stories'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'data/stories', entry.name, 'story.json')))
    .map((entry) => readFile(root, `data/stories/${entry.name}/story.json`));
  return { entities: readFile(root, 'data/entities.json'), stories };
}

/** Parses and checks every pack; throws a DatasetError naming the file and field. */
export function loadDataset(root = ROOT): Dataset {
  const files = datasetFiles(root);
  return parseDataset(files.entities, files.stories);
}

export function loadLexicon(root = ROOT) {
  return parseLexicon(readFile(root, 'data/spin-lexicon.json').json);
}
