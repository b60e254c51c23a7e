/**
 * `npm run check:facts`: the provenance check (see src/core/provenance.ts)
 * over every story pack under data/stories/ and the shared entities of
 * data/entities.json. The summit's evidence is looked up in the article body
 * of the demo page, which reproduces the machine-reworded copy it was built
 * from. Prints each failure with its file and JSON path; exits 1 if there is any.
 * A draft pack's gaps (what its article could not supply) are listed as gaps,
 * not failures; once the draft mark is gone, a gap is a failure.
 * Every translation (data/stories/<id>/translations/<locale>.json,
 * data/translations/<locale>.json) is checked against the English it
 * translates: current, the same numbers, the same people named
 * (src/core/translation-check.ts).
 *
 *   tsx scripts/check-facts.ts [story.json]   (one pack, against data/entities.json)
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { GAP, gapMarkers, packGaps } from '../src/builder/gaps';
import { buildTextIndex } from '../src/content/text-index';
import { type Dataset, DatasetError, parseDataset, parseLexicon } from '../src/core/dataset';
import { checkProvenance, checkSharedEntities, type ProvenanceFailure } from '../src/core/provenance';
import { entityLines, storyLines } from '../src/core/translate';
import { checkTranslation, personNames } from '../src/core/translation-check';
import { parseTranslation, type TranslationFile } from '../src/core/translations';
import { datasetFiles, ROOT, SUMMIT_ID, translationFiles } from './load-dataset';

/** The article body of the demo page: the reworded copy, paragraph by paragraph. */
export function copyText(): string {
  const window = new Window();
  const html = readFileSync(join(ROOT, 'demo/index.html'), 'utf8');
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const body = document.querySelector('.story-body');
  if (!body) throw new Error('demo/index.html has no .story-body');
  return buildTextIndex(body as unknown as Element).text;
}

/** The copies of the sources this repository holds, by story id: evidence is checked verbatim against them. */
const SOURCE_COPIES: Record<string, () => string> = { [SUMMIT_ID]: copyText };

/** The text of the copy of a story's source this repository holds, if it holds one. */
export function sourceCopy(storyId: string): string | undefined {
  return SOURCE_COPIES[storyId]?.();
}

/** Story ids of the raw pack, for its copy and the entities it uses (the schema check reports a bad one). */
function refIds(json: unknown): { id?: string; used: string[] } {
  const pack = json as { id?: unknown; entityRefs?: { id?: unknown }[] };
  const used = Array.isArray(pack.entityRefs) ? pack.entityRefs.map((r) => String(r?.id)) : [];
  return { ...(typeof pack.id === 'string' ? { id: pack.id } : {}), used };
}

type FileFailure = ProvenanceFailure & { file: string };

/**
 * Every translation of the data folder `data` against the dataset's English lines now: a
 * malformed file fails with its bad field, a line with its path. Prints how much of each
 * language is translated.
 */
export function checkTranslations(dataset: Dataset, root = ROOT, data = 'data'): FileFailure[] {
  const failures: FileFailure[] = [];
  let locales: ReturnType<typeof translationFiles>;
  try {
    locales = translationFiles(root, data);
  } catch (error) {
    return [{ file: data, path: '', message: (error as Error).message }];
  }
  for (const { locale, entities, stories } of locales) {
    const sharedLines = entityLines(dataset.entities);
    const parse = (file: { path: string; json: unknown }) => {
      try {
        return parseTranslation(file.json, file.path, locale);
      } catch (error) {
        if (!(error instanceof DatasetError)) throw error;
        failures.push({ file: file.path, path: error.path, message: error.detail });
        return undefined;
      }
    };
    const entityTranslation = entities ? parse(entities) : undefined;
    const checked: [string, TranslationFile, Map<string, string>, Parameters<typeof personNames>[0]][] = [];
    if (entities && entityTranslation) checked.push([entities.path, entityTranslation, sharedLines, dataset.entities]);
    for (const [id, file] of Object.entries(stories)) {
      const story = dataset.stories.find((s) => s.id === id);
      if (!story) {
        failures.push({ file: file.path, path: '', message: `no story ${id} to translate` });
        continue;
      }
      const lines = storyLines(story);
      const translation = parse(file);
      if (translation) checked.push([file.path, translation, lines, [...story.facts, ...dataset.entities]]);
    }
    for (const [path, translation, lines, people] of checked) {
      const title = (id: string) =>
        translation.lines[`facts.${id}.title`]?.text ??
        translation.lines[`entities.${id}.title`]?.text ??
        entityTranslation?.lines[`entities.${id}.title`]?.text;
      const found = checkTranslation(translation, lines, personNames(people, translation, title));
      failures.push(...found.map((f) => ({ ...f, file: path })));
      console.log(`${path}: ${Object.keys(translation.lines).length} of ${lines.size} lines translated (${locale})`);
    }
  }
  return failures;
}

/**
 * Checks one pack (given) or every pack and the shared entities, prints each
 * failure with its file and path, and returns the exit code: 1 on any failure.
 */
export function main(storyPath = process.argv[2] ? resolve(process.argv[2]) : undefined): number {
  const lexicon = parseLexicon(JSON.parse(readFileSync(join(ROOT, 'data/spin-lexicon.json'), 'utf8')));
  const files = datasetFiles();
  const packs = storyPath
    ? [{ path: relative(ROOT, storyPath) || storyPath, json: JSON.parse(readFileSync(storyPath, 'utf8')) }]
    : files.stories;
  const failures: FileFailure[] = [];
  const used = new Set<string>();
  for (const pack of packs) {
    const { id, used: refs } = refIds(pack.json);
    for (const ref of refs) used.add(ref);
    const copy = id ? SOURCE_COPIES[id] : undefined;
    if (!copy) console.log(`${pack.path}: no copy of its source here, so its evidence is not looked up verbatim`);
    const found = checkProvenance(pack.json, lexicon, {
      entities: files.entities.json,
      entitiesFile: files.entities.path,
      ...(copy ? { sourceText: copy() } : {}),
    });
    failures.push(...found.map((f) => ({ ...f, file: f.file ?? pack.path })));
    if ((pack.json as { draft?: unknown }).draft === true) {
      const gaps = packGaps(pack.json);
      console.log(`${pack.path}: draft, ${gaps.length} gap(s) for an editor (not failures): ${gaps.join(', ')}`);
    } else {
      for (const path of gapMarkers(pack.json))
        failures.push({ file: pack.path, path, message: `still "${GAP}" in a pack without the draft mark` });
    }
  }
  if (!storyPath)
    failures.push(
      ...checkSharedEntities(files.entities.json, used, files.entities.path).map((f) => ({
        ...f,
        file: f.file ?? files.entities.path,
      })),
    );
  if (!storyPath) {
    try {
      failures.push(...checkTranslations(parseDataset(files.entities, files.stories)));
    } catch (error) {
      // A pack the schema refuses is reported above with its field; its translations wait for it.
      if (!(error instanceof DatasetError)) throw error;
    }
  }
  for (const failure of failures) console.log(`${failure.file}: ${failure.path || '(root)'}: ${failure.message}`);
  const checked = `${packs.map((p) => p.path).join(', ')}${storyPath ? '' : ` and ${files.entities.path}`}`;
  if (failures.length === 0) {
    console.log(`${checked}: every reader-facing text rests on its evidence`);
    return 0;
  }
  console.log(`\n${failures.length} provenance failure(s) in ${checked}`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
