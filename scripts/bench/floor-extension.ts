/**
 * The built extension with its reader replaced by another content script, bundled as the build
 * bundles the reader, so that the quiet pages measure it exactly as the extension: the floor reader
 * (floor-reader.ts), a content script that does nothing (empty-reader.ts), the pre-check alone
 * (precheck-reader.ts, with the patterns compiled from the dataset at hand).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { ROOT } from '../chrome';
import { polyfillAsModule } from '../polyfill-as-module';

export type ReaderVariant = 'floor' | 'empty' | 'precheck';

const ENTRIES: Record<ReaderVariant, string> = {
  floor: 'scripts/bench/floor-reader.ts',
  empty: 'scripts/bench/empty-reader.ts',
  precheck: 'scripts/bench/precheck-reader.ts',
};

/** `virtual:precheck-patterns`: the pre-check's patterns, as JSON. */
function precheckPatterns(json: string): Plugin {
  const id = 'virtual:precheck-patterns';
  return {
    name: 'precheck-patterns',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (loaded) => (loaded === `\0${id}` ? `export default JSON.parse(${JSON.stringify(json)});` : undefined),
  };
}

/** A copy of `extensionDir` whose content.js is `variant`; returns its folder. */
export async function buildReaderVariant(
  extensionDir: string,
  variant: ReaderVariant,
  patternsJson = '{}',
): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), `nic-${variant}-`)), 'extension');
  cpSync(extensionDir, dir, { recursive: true });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [polyfillAsModule(), precheckPatterns(patternsJson)],
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'chrome111',
      lib: {
        entry: join(ROOT, ENTRIES[variant]),
        formats: ['iife'],
        name: `${variant}Reader`,
        fileName: () => 'content.js',
      },
    },
  });
  return dir;
}
