import { describe, expect, it } from 'vitest';
import { buildName, compare } from '../../scripts/bench/baseline';
import { Random } from '../../scripts/bench/random';
import { ratioInterval, verdict } from '../../scripts/bench/stats';
import type { TraceEvent } from '../../scripts/bench/trace';
import { wakeFromTrace } from '../../scripts/bench/worker-wake';

/** `n` noisy timings around `ms`: a shared machine's spread, with an occasional slow outlier. */
function timings(random: Random, n: number, ms: number): number[] {
  return Array.from({ length: n }, () => ms * (0.85 + 0.3 * random.float()) * (random.chance(0.1) ? 1.6 : 1));
}

describe('ratioInterval', () => {
  it('holds 1 for two samples of the same distribution, and is the same for the same samples', () => {
    const random = new Random(7);
    const a = timings(random, 20, 100);
    const b = timings(random, 20, 100);
    const interval = ratioInterval(a, b);
    expect(interval.low).toBeLessThan(1);
    expect(interval.high).toBeGreaterThan(1);
    expect(interval.low).toBeLessThanOrEqual(interval.ratio);
    expect(interval.high).toBeGreaterThanOrEqual(interval.ratio);
    expect(ratioInterval(a, b)).toEqual(interval);
  });

  it('lies wholly above 1 when one side is 30 % slower', () => {
    const random = new Random(8);
    const interval = ratioInterval(timings(random, 20, 130), timings(random, 20, 100));
    expect(interval.ratio).toBeGreaterThan(1.15);
    expect(interval.low).toBeGreaterThan(1);
  });

  it('keeps a round paired: noise the two sides shared in a round does not widen it', () => {
    const random = new Random(9);
    const machine = timings(random, 20, 100);
    const interval = ratioInterval(
      machine.map((m) => m * 1.1),
      machine,
    );
    expect(interval.low).toBeCloseTo(1.1, 6);
    expect(interval.high).toBeCloseTo(1.1, 6);
  });

  it('refuses samples of different lengths, and gives no interval for one round', () => {
    expect(() => ratioInterval([1, 2], [1])).toThrow(/2 samples against 1/);
    expect(Number.isNaN(ratioInterval([2], [1]).low)).toBe(true);
  });
});

describe('verdict', () => {
  const interval = (low: number, high: number) => ({ ratio: (low + high) / 2, low, high, rounds: 12 });
  it('is beyond noise only when both copies of the baseline show it', () => {
    expect(verdict(interval(1.2, 1.4))).toBe('slower');
    expect(verdict(interval(1.2, 1.4), interval(1.05, 1.3))).toBe('slower');
    expect(verdict(interval(1.2, 1.4), interval(0.95, 1.3))).toBe('within noise');
    expect(verdict(interval(0.95, 1.3))).toBe('within noise');
    expect(verdict(interval(0.7, 0.9), interval(0.8, 0.98))).toBe('faster');
    expect(verdict(interval(0.7, 0.9), interval(0.8, 1.05))).toBe('within noise');
    expect(verdict(interval(1.2, 1.4), interval(0.7, 0.9))).toBe('within noise');
    expect(verdict(interval(Number.NaN, Number.NaN))).toBe('within noise');
  });

  it('calls an A/A comparison within noise and a real slowdown beyond it, from the samples', () => {
    const random = new Random(10);
    const baseline = timings(random, 16, 100);
    const control = timings(random, 16, 100);
    const slower = compare({
      key: 'k',
      label: 'k',
      samples: { current: timings(random, 16, 140), baseline, control },
    });
    expect(slower.verdict).toBe('slower');
    const same = compare({ key: 'k', label: 'k', samples: { current: timings(random, 16, 100), baseline, control } });
    expect(same.verdict).toBe('within noise');
  });
});

describe('wakeFromTrace', () => {
  const task = (tid: number, ts: number, dur: number, tdur: number): TraceEvent => ({
    name: 'ThreadControllerImpl::RunTask',
    cat: 'toplevel',
    ph: 'X',
    ts,
    dur,
    tdur,
    pid: 1,
    tid,
  });
  const compile = (ts: number, url: string): TraceEvent => ({
    name: 'v8.compileModule',
    cat: 'v8,devtools.timeline',
    ph: 'X',
    ts,
    dur: 10,
    pid: 1,
    tid: 5,
    args: { data: { url } },
  });

  it("sums the worker thread's tasks up to its report that it started", () => {
    const events: TraceEvent[] = [
      task(9, 500, 4_000, 4_000), // another thread
      task(5, 1_000, 18_000, 3_000),
      compile(19_500, 'chrome-extension://x/service-worker-loader.js'),
      task(5, 19_000, 2_000, 1_500),
      compile(21_500, 'chrome-extension://x/assets/main.js'),
      task(5, 21_000, 12_000, 9_000),
      {
        name: 'ServiceWorkerContextClient::SendWorkerStarted',
        cat: 'ServiceWorker',
        ph: 'I',
        ts: 34_000,
        pid: 1,
        tid: 5,
      },
      task(5, 40_000, 5_000, 5_000), // after it started: handling events, not waking
    ];
    expect(wakeFromTrace(events)).toEqual({ cpuMs: 13.5, wallMs: 33, modules: 2 });
  });

  it('finds nothing in a trace where no worker started', () => {
    expect(wakeFromTrace([task(5, 1_000, 18_000, 3_000)])).toBeUndefined();
  });
});

describe('buildName', () => {
  it('names a build by the folder above its browser folder', () => {
    expect(buildName('/tmp/base/ba317fe/chrome')).toBe('ba317fe');
    expect(buildName('/tmp/base/ba317fe')).toBe('ba317fe');
  });
});
