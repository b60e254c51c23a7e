/**
 * The worker's `virtual:compiled-dataset` module, made at build time: the shared entities and every
 * story pack of a data folder, checked together and compiled into one matcher (with the packs'
 * translations, see src/core/translations.ts), so a worker waking up
 * parses the result instead of compiling the packs. A malformed dataset throws, naming the file and
 * the bad field. The build loads this through Vite's module runner (vite.config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset } from '../src/core/compiled-dataset';
import { parseDataset, parseLexicon } from '../src/core/dataset';
import { datasetFiles, loadLocalizations } from './load-dataset';

export function compiledDatasetModule(root: string, dataDir: string): { code: string; watchFiles: string[] } {
  const files = datasetFiles(root, dataDir);
  const lexiconFile = join(dataDir, 'spin-lexicon.json');
  const watchFiles = [...[files.entities, ...files.stories].map((file) => join(root, file.path)), lexiconFile];
  // Pack errors name their file and field; the lexicon's name its field.
  const dataset = parseDataset(files.entities, files.stories);
  const lexicon = parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')));
  // The translations, checked against the English they translate; each language's cards in its words.
  const compiled = compileDataset(dataset, lexicon, loadLocalizations(dataset, root, dataDir));
  // JSON.parse of a string literal is faster to load than the same data as an object literal.
  const code = `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
  return { code, watchFiles };
}
