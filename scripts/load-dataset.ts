/**
 * Reads the dataset from disk, as the build bundles it: data/entities.json
 * and every data/stories/<id>/story.json. For Node tools and tests; the
 * extension gets the same files through the bundler (src/background/dataset.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localization } from '../src/core/compiled-dataset';
import { type DatasetFile, parseDataset, parseLexicon } from '../src/core/dataset';
import type { Dataset } from '../src/core/packs';
import type { LocaleTranslations } from '../src/core/translate';
import { parseTranslation, type TranslationFile } from '../src/core/translations';
import { type Catalogue, catalogueLookup } from '../src/core/ui-text';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The summit, the story the labelled pages in tests/eval/ are about. */
export const SUMMIT_ID = 'xi-putin-video-summit-2021';

const readFile = (root: string, path: string): DatasetFile => ({
  path,
  json: JSON.parse(readFileSync(join(root, path), 'utf8')),
});

/**
 * The dataset files of the data folder `data` (relative to `root`, or
 * absolute): entities.json, then every pack folder that holds a story.json.
 * Paths are named relative to `root`.
 */
export function datasetFiles(root = ROOT, data = 'data'): { entities: DatasetFile; stories: DatasetFile[] } {
  const dir = relative(root, resolve(root, data)) || '.';
  const packs = join(root, dir, 'stories');
  const stories = (existsSync(packs) ? readdirSync(packs, { withFileTypes: true }) : [])
    .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, 'stories', entry.name, 'story.json')))
    .map((entry) => readFile(root, `${dir}/stories/${entry.name}/story.json`));
  return { entities: readFile(root, `${dir}/entities.json`), stories };
}

/** Parses and checks every pack; throws a DatasetError naming the file and field. */
export function loadDataset(root = ROOT): Dataset {
  const files = datasetFiles(root);
  return parseDataset(files.entities, files.stories);
}

export function loadLexicon(root = ROOT) {
  return parseLexicon(readFile(root, 'data/spin-lexicon.json').json);
}

/** The message catalogues' folder: _locales/<locale>/messages.json, English the default. */
export const LOCALES_DIR = '_locales';
export const DEFAULT_LOCALE = 'en';

/** The catalogue locales other than English, sorted. */
export function translatedLocales(root = ROOT): string[] {
  return readdirSync(join(root, LOCALES_DIR), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== DEFAULT_LOCALE)
    .map((entry) => entry.name)
    .sort();
}

export function readCatalogue(locale: string, root = ROOT): Catalogue {
  return JSON.parse(readFileSync(join(root, LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/**
 * Every translation file of the data folder, by locale: data/translations/<locale>.json (shared
 * entities) and data/stories/<id>/translations/<locale>.json. A translation into a language with
 * no catalogue under _locales/ could never be shown: it is refused, with its file named.
 */
export function translationFiles(
  root = ROOT,
  data = 'data',
): { locale: string; entities?: DatasetFile; stories: Record<string, DatasetFile> }[] {
  const dir = relative(root, resolve(root, data)) || '.';
  const locales = translatedLocales(root);
  const inFolder = (folder: string) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder))
          .filter((name) => name.endsWith('.json'))
          .map((name) => ({ locale: name.slice(0, -'.json'.length), path: `${folder}/${name}` }))
      : [];
  const packs = join(root, dir, 'stories');
  const storyIds = existsSync(packs)
    ? readdirSync(packs, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
  const found = [
    ...inFolder(`${dir}/translations`).map((f) => ({ ...f, story: undefined })),
    ...storyIds.flatMap((id) => inFolder(`${dir}/stories/${id}/translations`).map((f) => ({ ...f, story: id }))),
  ];
  for (const file of found)
    if (!locales.includes(file.locale))
      throw new Error(`${file.path}: no catalogue ${LOCALES_DIR}/${file.locale}/messages.json for this language`);
  return locales.map((locale) => {
    const mine = found.filter((f) => f.locale === locale);
    const entities = mine.find((f) => f.story === undefined);
    return {
      locale,
      ...(entities ? { entities: readFile(root, entities.path) } : {}),
      stories: Object.fromEntries(mine.filter((f) => f.story).map((f) => [f.story!, readFile(root, f.path)])),
    };
  });
}

/** Parses one locale's translation files (a story's must be a story of the dataset). */
export function parseLocaleTranslations(
  dataset: Dataset,
  files: ReturnType<typeof translationFiles>[number],
): LocaleTranslations {
  const stories: Record<string, TranslationFile> = {};
  for (const [id, file] of Object.entries(files.stories)) {
    const story = dataset.stories.find((s) => s.id === id);
    if (!story) throw new Error(`${file.path}: no story ${id}`);
    stories[id] = parseTranslation(file.json, file.path, files.locale);
  }
  return {
    locale: files.locale,
    ...(files.entities
      ? {
          entities: parseTranslation(files.entities.json, files.entities.path, files.locale),
        }
      : {}),
    stories,
  };
}

/** Every translated locale: its translations, parsed, and its catalogue (the cards' own words). */
export function loadLocalizations(dataset: Dataset, root = ROOT, data = 'data'): Localization[] {
  return translationFiles(root, data).map((files) => ({
    translations: parseLocaleTranslations(dataset, files),
    text: catalogueLookup(readCatalogue(files.locale, root)),
  }));
}
