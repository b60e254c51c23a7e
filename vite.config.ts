import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { compileDataset } from './src/core/compiled-dataset';
import { parseLexicon, parseStory } from './src/core/dataset';

const CONTENT_SCRIPT = 'content.js';
const CONTENT_CSS = 'content.css';

const COMPILED_DATASET = 'virtual:compiled-dataset';

/**
 * The dataset, validated and compiled once at build time for the worker
 * (`import compiled from 'virtual:compiled-dataset'`): a worker waking up
 * parses the result instead of compiling the story (about 10 ms instead of
 * about 200). A malformed dataset stops the build, naming the bad field.
 */
function compiledDataset(): Plugin {
  const resolvedId = `\0${COMPILED_DATASET}`;
  const files = { story: 'data/story.json', lexicon: 'data/spin-lexicon.json' };
  return {
    name: 'compiled-dataset',
    buildStart() {
      for (const file of Object.values(files)) this.addWatchFile(file);
    },
    resolveId(id) {
      return id === COMPILED_DATASET ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const read = <T>(file: string, parse: (json: unknown) => T): T => {
        try {
          return parse(JSON.parse(readFileSync(file, 'utf8')));
        } catch (error) {
          return this.error(`${file}: ${(error as Error).message}`);
        }
      };
      const compiled = compileDataset(read(files.story, parseStory), read(files.lexicon, parseLexicon));
      // JSON.parse of a string literal is faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}

/**
 * The content script is bundled as one classic script of its own. Through
 * crxjs it would be an ES module loaded by a loader from web-accessible
 * chunks that any site could probe for; as one file nothing needs to be
 * web-accessible, and it starts without extra requests.
 */
function contentScript(): Plugin {
  return {
    name: 'content-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'chrome111',
          lib: {
            entry: 'src/content/main.ts',
            formats: ['iife'],
            name: 'newsInContext',
            fileName: () => CONTENT_SCRIPT,
          },
        },
      });
      copyFileSync('src/content/highlights.css', `dist/${CONTENT_CSS}`);
      const built = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
      built.content_scripts = manifest.content_scripts.map((entry) => ({
        ...entry,
        js: [CONTENT_SCRIPT],
        css: [CONTENT_CSS],
      }));
      delete built.web_accessible_resources;
      writeFileSync('dist/manifest.json', `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/** crxjs bundles the worker and the popup; the content script is built by `contentScript`. */
const { content_scripts: _contentScripts, ...crxManifest } = manifest;

export default defineConfig({
  plugins: [compiledDataset(), crx({ manifest: crxManifest as ManifestV3Export }), contentScript()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome111', sourcemap: false },
});
