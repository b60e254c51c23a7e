/**
 * A worker that has just started runs its matcher for the first time on the
 * first page's text, as cold code: about 225 ms for 100 KB against about
 * 45 ms once the JIT has compiled it. Woken by a tab that starts loading, the
 * worker usually has the page's load time to spare, so it builds its matcher
 * and runs it over the cards' own text (names, claims and quotes in plain
 * English, which take the matcher's every path), in short slices. It gives
 * way as soon as a page's text comes: that text warms the matcher as well,
 * and waits behind one slice at most.
 */
import { chunkBoundaries } from '../core/chunks';
import { BLOCK_SEPARATOR } from '../core/normalize';
import { PageAnalysis } from '../core/page-analysis';
import type { AnalysisSource } from './analysis';

/** A slice of the warm-up: a few milliseconds of matching, even as cold code. */
const WARM_UP_STRETCH_CHARS = 1_024;

/** The cards' titles, texts and quotes, a block each. */
export function warmUpText(source: AnalysisSource): string {
  return Object.values(source.cards)
    .flatMap((card) => [card.title, card.text, card.quote])
    .filter((part): part is string => !!part)
    .join(BLOCK_SEPARATOR);
}

export interface WarmUp {
  /** Starts the warm-up, once per worker, however often it is called; resolves with the number of slices run. */
  start(): Promise<number>;
  /** A page's text has come: the warm-up stops after the slice under way. */
  giveWay(): void;
}

/** The warm-up, to be started by every tab that starts loading: slice by slice on `schedule` (a macrotask each). */
export function warmUpOnce(
  source: AnalysisSource,
  schedule: (next: () => void) => void = (next) => setTimeout(next, 0),
): WarmUp {
  let warming: Promise<number> | undefined;
  let givenWay = false;
  const start = () =>
    (warming ??= new Promise((resolve) => {
      const text = warmUpText(source);
      const cuts = chunkBoundaries(text, WARM_UP_STRETCH_CHARS);
      const analysis = new PageAnalysis(source.matcher());
      let next = 1;
      const slice = () => {
        if (givenWay || next === cuts.length) {
          if (!givenWay) analysis.finish(1);
          resolve(next - 1);
          return;
        }
        analysis.add({ region: 0, offset: cuts[next - 1]!, text: text.slice(cuts[next - 1], cuts[next]) });
        next++;
        schedule(slice);
      };
      schedule(slice);
    }));
  return {
    start,
    giveWay: () => {
      givenWay = true;
    },
  };
}
