import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { parseStory } from './src/core/dataset';
import { parseLexicon } from './src/core/lexicon';

/** Refuses to build with a malformed dataset, naming the bad field. */
function checkDataset(): Plugin {
  return {
    name: 'check-dataset',
    buildStart() {
      for (const [file, parse] of [
        ['data/story.json', parseStory],
        ['data/spin-lexicon.json', parseLexicon],
      ] as const) {
        this.addWatchFile(file);
        try {
          parse(JSON.parse(readFileSync(file, 'utf8')));
        } catch (error) {
          this.error(`${file}: ${(error as Error).message}`);
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [checkDataset(), crx({ manifest })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome111', sourcemap: false },
});
