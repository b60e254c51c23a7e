/**
 * A full reading of the page: its text (the body and the open shadow roots
 * in it), read in slices, then handed to the analyst. Shared by the reader,
 * which every page runs, and the annotator, which re-reads pages it draws.
 */
import { INDEX_NODES_PER_STEP } from '../core/timing';
import type { PageVerdict } from '../core/verdict';
import type { Analyst, Pace, PageReading } from './analyst';
import { type ReadRoot, readRoots } from './regions';

/** What a full reading found: the roots read and what the worker made of their text. */
export interface PageRead {
  read: ReadRoot[];
  reading: PageReading;
}

/**
 * The page's reading; `'too little text'` when the page has less than `minTextChars` of it
 * (nothing is sent then); undefined when `pace` gave up, or `mayShare` said no once the text was read.
 * `onVerdict` hears the verdict before the findings.
 */
export async function readPage(
  analyst: Analyst,
  minTextChars: number,
  pace: Pace,
  onVerdict?: (verdict: PageVerdict) => void,
  mayShare?: () => Promise<boolean>,
): Promise<PageRead | 'too little text' | undefined> {
  const read = await readRoots([document.body], INDEX_NODES_PER_STEP, pace);
  if (!read || (mayShare && !(await mayShare()))) return undefined;
  if (read.reduce((sum, r) => sum + r.index.text.length, 0) < minTextChars) return 'too little text';
  const reading = await analyst.annotate(
    read.map((r) => r.index.text),
    undefined,
    pace,
    onVerdict,
  );
  return reading && { read, reading };
}
