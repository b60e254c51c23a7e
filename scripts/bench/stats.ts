/** Medians, the per-operation result of the in-page rows, and ratios with their noise band. */
import type { Measured } from './harness-page';
import { Random } from './random';
import type { TraceTasks } from './trace';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A measurement with its longest task: from a trace of the renderer's main thread, or from the Long Tasks API. */
export type Outcome<T> = Measured<T> & { longestTaskMs: number; tasksOver50: number; traced?: TraceTasks };

/** Per-run measurements of one operation at one size, reduced to medians. */
export interface OpResult {
  runs: number;
  ms: number;
  longestTaskMs: number;
  tasksOver50: number;
  heapMB: number;
  heapDeltaMB: number;
  /** From one extra run under a trace (rescan only): every task, however short. */
  traced?: TraceTasks;
  tracedMs?: number;
  /** From one extra run under the sampling profiler (with --cpu-profile): the functions with the most self time. */
  profileTop?: string[];
  /** Set when a run hit the cap: the operation is then slower than the cap. */
  timedOut?: boolean;
  skipped?: string;
  extra: Record<string, number | string>;
}

export function reduce<T>(runs: Outcome<T>[], extra: (details: T[]) => Record<string, number | string>): OpResult {
  return {
    runs: runs.length,
    ms: median(runs.map((r) => r.ms)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    tasksOver50: median(runs.map((r) => r.tasksOver50)),
    heapMB: median(runs.map((r) => r.heapMB)),
    heapDeltaMB: median(runs.map((r) => r.heapMB - r.heapBeforeMB)),
    extra: extra(runs.map((r) => r.detail)),
  };
}

export const skippedResult = (why: string): OpResult => ({
  runs: 0,
  ms: NaN,
  longestTaskMs: NaN,
  tasksOver50: NaN,
  heapMB: NaN,
  heapDeltaMB: NaN,
  skipped: why,
  extra: {},
});

/** A ratio of medians, with a bootstrap interval. */
export interface RatioInterval {
  ratio: number;
  low: number;
  high: number;
  /** The paired samples it rests on. */
  rounds: number;
}

/**
 * median(a) / median(b) over paired samples (a[i] and b[i] measured in the same round), with a percentile
 * bootstrap interval: the rounds are drawn with replacement, a round's two values together, so the noise
 * both sides shared in a round stays paired. Seeded: the same samples give the same interval.
 */
export function ratioInterval(
  a: readonly number[],
  b: readonly number[],
  { resamples = 4000, level = 0.95, seed = 1 } = {},
): RatioInterval {
  if (a.length !== b.length) throw new Error(`ratioInterval: ${a.length} samples against ${b.length}`);
  const n = a.length;
  const ratio = median(a) / median(b);
  if (n < 2) return { ratio, low: Number.NaN, high: Number.NaN, rounds: n };
  const random = new Random(seed);
  const ratios: number[] = [];
  const drawnA = new Array<number>(n);
  const drawnB = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = random.int(0, n - 1);
      drawnA[i] = a[k]!;
      drawnB[i] = b[k]!;
    }
    ratios.push(median(drawnA) / median(drawnB));
  }
  ratios.sort((x, y) => x - y);
  const at = (q: number) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { ratio, low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), rounds: n };
}

/** Whether a time moved: higher is slower. */
export type Verdict = 'slower' | 'faster' | 'within noise';

/**
 * A change is beyond noise when it shows against both copies of the baseline: the interval of this build /
 * the baseline and that of this build / the control (the baseline again, measured the same way in the same
 * rounds) both lie wholly above 1, or both wholly below. Two builds that are the same pass this only as often
 * as two independent 95 % intervals both miss, and a difference between two browser instances of one build
 * (which the control's own interval against the baseline shows) has to be outgrown twice.
 */
export function verdict(change: RatioInterval, againstControl?: RatioInterval): Verdict {
  const intervals = againstControl ? [change, againstControl] : [change];
  if (intervals.some((r) => !Number.isFinite(r.low) || !Number.isFinite(r.high))) return 'within noise';
  if (intervals.every((r) => r.low > 1)) return 'slower';
  if (intervals.every((r) => r.high < 1)) return 'faster';
  return 'within noise';
}
