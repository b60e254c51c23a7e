/**
 * The built extension with its reader replaced by the floor reader
 * (floor-reader.ts), bundled as the build bundles the reader: the quiet
 * pages' floor is measured on it exactly as the extension is.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../chrome';
import { polyfillAsModule } from '../polyfill-as-module';

/** A copy of `extensionDir` whose content.js is the floor reader; returns its folder. */
export async function buildFloorExtension(extensionDir: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'nic-floor-')), 'extension');
  cpSync(extensionDir, dir, { recursive: true });
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
        entry: join(ROOT, 'scripts/bench/floor-reader.ts'),
        formats: ['iife'],
        name: 'floorReader',
        fileName: () => 'content.js',
      },
    },
  });
  return dir;
}
