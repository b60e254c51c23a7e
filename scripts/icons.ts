/** The toolbar and store icons: one SVG source (assets/icon.svg) rendered to PNG at every size the manifest names. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, iconFile } from './manifest.ts';

export const ICON_SOURCE = 'assets/icon.svg';

/** Writes every icon PNG under `outDir` (the same bytes for the same SVG). */
export function renderIcons(outDir: string, source = ICON_SOURCE): void {
  const svg = readFileSync(source);
  for (const size of ICON_SIZES) {
    const file = join(outDir, iconFile(size));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  }
}
