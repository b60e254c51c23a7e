/**
 * wink-eng-lite-web-model requires its model, 3.6 MB of JSON, from its own modules, so bundled it is
 * data in a script: one 4 MB chunk of the popup's story builder, over the bundler's chunk-size limit.
 * In the extension each JSON file of the model is a file of the package instead
 * (`assets/wink-model/<name>.json`), read by `loadWinkModel` (src/follow/wink-model.ts) before wink-nlp
 * is made. Each of the model's requires of a JSON file gets an empty object or array, and
 * `virtual:wink-model-files` lists them with their files, for the read to fill. wink copies or reads
 * the data only when a wink-nlp is made, so filled by then it is the model the package would have
 * required. In Node (`npm run story`, the tests) the package requires its JSON as it always does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const FILES_MODULE = 'virtual:wink-model-files';
const PLACEHOLDER = '\0wink-model:';
/** Where the model's JSON is, and the same as a module path. */
const MODEL_PATH = 'wink-eng-lite-web-model/dist/languages/cur/models';
const MODEL_DIR = join(
  dirname(createRequire(import.meta.url).resolve('wink-eng-lite-web-model/package.json')),
  'dist/languages/cur/models',
);
const MODEL_FILE = /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]languages[\\/]cur[\\/]models[\\/]([\w-]+)\.json$/;
/** Where the build puts a JSON file of the model. */
const winkModelAsset = (name: string) => `assets/wink-model/${name}.json`;

/** `virtual:wink-model-files`: every JSON file of the model, and the value its modules require in its place. */
function filesModule(): string {
  const names = readdirSync(MODEL_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => file.slice(0, -'.json'.length));
  return [
    ...names.map((name, i) => `import model${i} from '${MODEL_PATH}/${name}.json';`),
    'export const winkModelFiles = [',
    ...names.map((name, i) => `  { file: ${JSON.stringify(winkModelAsset(name))}, into: model${i} },`),
    '];',
  ].join('\n');
}

export function winkModelFiles(): Plugin {
  // Filters keep the bundler from calling into this plugin for every other module.
  return {
    name: 'wink-model-files',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^virtual:wink-model-files$|[\\/][\w-]+-model\.json$/ },
      async handler(source, importer, options) {
        if (source === FILES_MODULE) return `\0${FILES_MODULE}`;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        const name = resolved && MODEL_FILE.exec(resolved.id)?.[1];
        return name ? `${PLACEHOLDER}${name}` : null;
      },
    },
    load: {
      filter: { id: /^\0(?:virtual:wink-model-files$|wink-model:)/ },
      handler(id) {
        if (id === `\0${FILES_MODULE}`) return filesModule();
        const name = id.slice(PLACEHOLDER.length);
        const source = readFileSync(join(MODEL_DIR, `${name}.json`), 'utf8');
        this.emitFile({ type: 'asset', fileName: winkModelAsset(name), source });
        // CommonJS, as the model's own modules are: their require and the list's import get this one value.
        return `module.exports = ${source.trimStart().startsWith('[') ? '[]' : '{}'};`;
      },
    },
  };
}
