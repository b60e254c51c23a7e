/**
 * Cuts a page's text into stretches of about `size` characters at block
 * boundaries (which sentences never cross), so a long page is analysed in
 * slices short enough to keep every task brief. A block longer than twice
 * the size is cut at a space; a stretch without spaces is cut where it must.
 */
import { BLOCK_SEPARATOR } from './normalize';

/** About 8 KB: the first stretch of a page runs before the JIT has warmed up (16 KB took ~47 ms there). */
export const CHUNK_SIZE = 8_192;

export function chunkBoundaries(text: string, size = CHUNK_SIZE): number[] {
  const cuts = [0];
  let start = 0;
  while (text.length - start > size) {
    let cut = text.indexOf(BLOCK_SEPARATOR, start + size);
    if (cut < 0 || cut > start + 2 * size) {
      const before = text.lastIndexOf(BLOCK_SEPARATOR, start + size);
      if (before > start) cut = before;
      else if (text.length - start <= 2 * size) break;
      else {
        cut = text.lastIndexOf(' ', start + 2 * size);
        if (cut <= start + size / 2) cut = start + 2 * size - 1;
      }
    }
    cut = Math.min(cut + 1, text.length);
    cuts.push(cut);
    start = cut;
  }
  if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
  return cuts;
}
