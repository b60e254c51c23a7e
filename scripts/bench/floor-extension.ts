/**
 * The built extension with its reader replaced by another content script, bundled as the build
 * bundles the reader, so that the quiet pages measure it exactly as the extension: the floor reader
 * (floor-reader.ts), a content script that does nothing (empty-reader.ts) and one that only reads the
 * page's text (text-reader.ts).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../chrome';
import { polyfillAsModule } from '../polyfill-as-module';

export type ReaderVariant = 'floor' | 'empty' | 'text';

const ENTRIES: Record<ReaderVariant, string> = {
  floor: 'scripts/bench/floor-reader.ts',
  empty: 'scripts/bench/empty-reader.ts',
  text: 'scripts/bench/text-reader.ts',
};

/**
 * A copy of `extensionDir` whose content script (the one its manifest runs on every page: the pre-check)
 * is `variant`; returns its folder.
 */
export async function buildReaderVariant(extensionDir: string, variant: ReaderVariant): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), `nic-${variant}-`)), 'extension');
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const script = manifest.content_scripts[0]!.js[0]!;
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [polyfillAsModule()],
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'chrome111',
      lib: {
        entry: join(ROOT, ENTRIES[variant]),
        formats: ['iife'],
        name: `${variant}Reader`,
        fileName: () => script,
      },
    },
  });
  return dir;
}
