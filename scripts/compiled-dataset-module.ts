/**
 * The worker's `virtual:compiled-dataset` modules, made at build time: the shared entities and every
 * story pack of a data folder, checked together and compiled into one matcher (with the packs'
 * translations, see src/core/translations.ts), so a worker waking up
 * parses the result instead of compiling the packs. A malformed dataset throws, naming the file and
 * the bad field. The build loads this through Vite's module runner (vite.config.ts).
 *
 * The data is cut into modules the build puts in chunks of their own (`DATASET_PARTS`), each under
 * the bundler's chunk-size limit: the matcher, the reader texts in every language, and the shipped
 * packs as JSON (`virtual:shipped-packs`, which the extension's pages read to check followed
 * stories and compile them beside the matcher; the worker never imports it). All are static
 * imports: an MV3 service worker cannot `import()`. The pre-check's gate (`virtual:precheck-gate`) is
 * derived from the same matcher.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset } from '../src/core/compiled-dataset';
import { parseDataset, parseLexicon } from '../src/core/dataset';
import type { Gate } from '../src/core/precheck';
import { buildGate, gateCharacters } from '../src/core/precheck-gate';
import { datasetFiles, loadLocalizations } from './load-dataset';

export const COMPILED_DATASET = 'virtual:compiled-dataset';
export const SHIPPED_PACKS = 'virtual:shipped-packs';
/** The pre-check's gate (src/core/precheck-gate.ts), for the content script every page runs. */
export const PRECHECK_GATE = 'virtual:precheck-gate';
/** The data modules behind `virtual:compiled-dataset`, each a chunk of its own. */
export const DATASET_PARTS = ['matcher', 'texts'] as const;

/**
 * JSON.parse of a string literal is faster to load than the same data as an object literal. A script with
 * one character beyond Latin-1 is held and scanned as two-byte text: where such characters are few (the
 * matcher: Russian and Chinese names among English words), `oneByte` writes them as JSON escapes, which the
 * bundler keeps as they are, so the worker's largest module compiles and parses as one-byte text.
 */
function parsed(value: unknown, oneByte = false): string {
  let json = JSON.stringify(value);
  if (oneByte) json = json.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `export default JSON.parse(${JSON.stringify(json)});`;
}

/**
 * The pre-check's gate as its content script takes it: the first look parsed with the script, the
 * clauses a string parsed only where a page gets past the first look; its characters, with which the
 * extension's pages build the gate of followed stories; and the build id, which such a gate carries.
 * Each export is pure, so a bundle keeps only those it uses.
 */
function precheckGateModule(gate: Gate, buildId: string): string {
  const { look, ...rest } = gate;
  const json = (value: unknown) => `/* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  return [
    `export const look = ${json(look)};`,
    `export const gateSource = ${JSON.stringify(JSON.stringify({ look: {}, ...rest }))};`,
    `export const characters = ${json(gateCharacters(gate))};`,
    `export const buildId = ${JSON.stringify(buildId)};`,
  ].join('\n');
}

/**
 * The code that compiles followed stories and builds their pre-check gate in the extension's pages
 * (src/core): a copy they stored is trusted only by a build of the same data and the same code, so a
 * change of either (an update) has them compiled again, even where the shipped data did not change.
 */
function compilerSources(root: string): string[] {
  const dir = join(root, 'src', 'core');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') || file.endsWith('.json'))
    .sort()
    .map((file) => `${file}\n${readFileSync(join(dir, file), 'utf8')}`);
}

/** Each virtual module's code, by id. */
export function compiledDatasetModules(
  root: string,
  dataDir: string,
): { modules: Record<string, string>; watchFiles: string[]; buildId: string } {
  const files = datasetFiles(root, dataDir);
  const lexiconFile = join(dataDir, 'spin-lexicon.json');
  const watchFiles = [...[files.entities, ...files.stories].map((file) => join(root, file.path)), lexiconFile];
  // Pack errors name their file and field; the lexicon's name its field.
  const dataset = parseDataset(files.entities, files.stories);
  const lexicon = parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')));
  // The translations, checked against the English they translate; each language's cards in its words.
  const { matcher, ...texts } = compileDataset(dataset, lexicon, loadLocalizations(dataset, root, dataDir));
  const matcherCode = parsed(matcher, true);
  const textsCode = parsed(texts);
  const hash = createHash('sha256').update(matcherCode).update(textsCode);
  for (const source of compilerSources(root)) hash.update(source);
  const buildId = hash.digest('hex').slice(0, 16);
  const modules: Record<string, string> = {
    [COMPILED_DATASET]: [
      `import matcher from '${COMPILED_DATASET}/matcher';`,
      `import texts from '${COMPILED_DATASET}/texts';`,
      'export default { matcher, ...texts };',
      `export const buildId = ${JSON.stringify(buildId)};`,
    ].join('\n'),
    [`${COMPILED_DATASET}/matcher`]: matcherCode,
    [`${COMPILED_DATASET}/texts`]: textsCode,
    [PRECHECK_GATE]: precheckGateModule(buildGate(matcher), buildId),
    // Parsed only where stories are followed: a string until then.
    [SHIPPED_PACKS]: [
      `export const shippedSource = ${JSON.stringify(JSON.stringify({ dataset, lexicon }))};`,
      `export const buildId = ${JSON.stringify(buildId)};`,
    ].join('\n'),
  };
  return { modules, watchFiles, buildId };
}
