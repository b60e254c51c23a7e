/** Medians, the per-operation result of the in-page rows, and number formatting. */
import type { Measured } from './harness-page';
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
