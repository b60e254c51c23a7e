import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { datasetFiles } from './scripts/load-dataset';
import { parseDataset, parseLexicon } from './src/core/dataset';

const CONTENT_SCRIPT = 'content.js';
const CONTENT_CSS = 'content.css';

/**
 * Refuses to build with a malformed dataset, naming the file and the bad
 * field: the shared entities and every story pack under data/stories/ (the
 * worker bundles each folder's story.json), checked together.
 */
function checkDataset(): Plugin {
  return {
    name: 'check-dataset',
    buildStart() {
      try {
        const files = datasetFiles();
        for (const file of [files.entities, ...files.stories]) this.addWatchFile(file.path);
        parseDataset(files.entities, files.stories);
        this.addWatchFile('data/spin-lexicon.json');
        parseLexicon(JSON.parse(readFileSync('data/spin-lexicon.json', 'utf8')));
      } catch (error) {
        this.error((error as Error).message);
      }
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
  plugins: [checkDataset(), crx({ manifest: crxManifest as ManifestV3Export }), contentScript()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome111', sourcemap: false },
});
