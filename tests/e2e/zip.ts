/** Unpacks a store package the way a browser or a reviewer would see it. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

export async function unzipTo(zipFile: string, dir: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
    writeFileSync(join(dir, entry.name), await entry.async('nodebuffer'));
  }
}
