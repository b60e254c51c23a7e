/**
 * The in-page harness (harness-page.ts) bundled into one classic script with
 * Vite, the project's own bundler: it resolves `?inline` CSS imports and the
 * CommonJS mark.js as the extension's build does.
 */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { ROOT } from '../chrome';

export async function bundleHarness(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(ROOT, 'scripts/bench/harness-page.ts'), formats: ['iife'], name: 'nicBenchHarness' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('Vite produced no script for scripts/bench/harness-page.ts');
  return chunk.code;
}
