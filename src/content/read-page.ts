/**
 * A full reading of the page: its text (the body and the open shadow roots
 * in it), read in slices, then handed to the analyst. The reader, which
 * every page runs, reads the text alone; the annotator reads it with its map
 * to text nodes, to draw on, and has it analysed the same way (analysePage).
 */
import { INDEX_NODES_PER_STEP } from '../core/timing';
import type { Analyst, Pace, PageReading } from './analyst';
import { type ReadRoot, type RootText, readRootTexts } from './regions';

/** What a full reading found: the roots read and what the worker made of their text. */
export interface PageRead<R extends RootText = ReadRoot> {
  read: R[];
  reading: PageReading;
}

/** A reading of the text alone (the reader's). */
export type PageText = PageRead<RootText>;

type Reading<R extends RootText> = PageRead<R> | 'too little text' | undefined;

/**
 * The page's text alone (the reader's reading); `'too little text'` when the page has less than
 * `minTextChars` of it (nothing is sent then); undefined when `pace` gave up, or `mayShare` said no once
 * the text was read. `onShows` hears that the page shows something as soon as the worker can tell.
 */
export async function readPage(
  analyst: Analyst,
  minTextChars: number,
  pace: Pace,
  onShows?: () => void,
  mayShare?: () => Promise<boolean>,
): Promise<Reading<RootText>> {
  const roots = await readRootTexts([document.body], INDEX_NODES_PER_STEP, pace);
  if (!roots || (mayShare && !(await mayShare()))) return undefined;
  return analysePage(analyst, roots, minTextChars, pace, onShows);
}

/** Has the analyst read roots already read (see readPage). */
export async function analysePage<R extends RootText>(
  analyst: Analyst,
  read: R[],
  minTextChars: number,
  pace: Pace,
  onShows?: () => void,
): Promise<Reading<R>> {
  if (read.reduce((sum, r) => sum + r.text.length, 0) < minTextChars) return 'too little text';
  const reading = await analyst.annotate(
    read.map((r) => r.text),
    undefined,
    pace,
    onShows,
  );
  return reading && { read, reading };
}
