/**
 * Main-thread tasks from Chromium traces, and V8's sampling profiler.
 *
 * A trace window is bounded by two `performance.mark`s of the page: the
 * thread that set them is the page's main thread, and every top-level task of
 * that thread between them counts.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fmtMs } from './format';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
}

export interface TraceTasks {
  longestTaskMs: number;
  tasksOver50: number;
  /** Tasks of 1 ms or more. */
  tasks: number;
  /** Sum of the tasks' lengths, and the length of the window they fall in: the rest is the main thread idle. */
  busyMs: number;
  windowMs: number;
  /**
   * The same tasks' thread time (CPU time the thread ran): unlike busyMs, it leaves out the time other
   * processes held the cores. NaN when the trace has no thread times.
   */
  cpuMs: number;
}

/** RunTask events and the harness's performance.mark()s: little else, to disturb the run little. */
export const LIGHT_TRACE = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** The scheduler's own task events and the page's marks: the lightest trace that still sees every task. */
export const TASK_TRACE = ['toplevel', 'blink.user_timing'];
/** What DevTools records, with JS samples: a flame chart, at the price of a much slower run. */
export const DEVTOOLS_TRACE = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
  'blink',
  'loading',
  'latencyInfo',
];

/** The top-level task event of each category set: `RunTask` (DevTools categories), or the scheduler's own. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The tasks of the thread that set the `start` mark, between it and the `end` mark (the first of each).
 * The two task events of a trace with both kinds of categories cover each other and count once.
 */
export function tasksFromTrace(buffer: Buffer, startStamp: string, endStamp: string): TraceTasks | undefined {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const stamp = (name: string) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = stamp(startStamp);
  const end = stamp(endStamp);
  if (!start || !end) return undefined;
  let longest = 0;
  let over50 = 0;
  let tasks = 0;
  let busy = 0;
  let cpu = 0;
  let coveredUntil = -Infinity;
  const runTasks = events
    .filter(
      (e) =>
        TASK_EVENTS.has(e.name) && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const e of runTasks) {
    const dur = e.dur!;
    if (e.ts + dur < start.ts || e.ts > end.ts) continue;
    // Nested tasks (a nested run loop, or the same task seen by both kinds of event) count once.
    if (e.ts < coveredUntil) continue;
    longest = Math.max(longest, dur / 1000);
    if (dur >= 50_000) over50++;
    if (dur >= 1000) tasks++;
    busy += Math.min(e.ts + dur, end.ts) - Math.max(e.ts, start.ts);
    // A task cut by the window counts its thread time in proportion.
    cpu +=
      e.tdur === undefined
        ? Number.NaN
        : (e.tdur * (Math.min(e.ts + dur, end.ts) - Math.max(e.ts, start.ts))) / (dur || 1);
    coveredUntil = e.ts + dur;
  }
  return {
    longestTaskMs: longest,
    tasksOver50: over50,
    tasks,
    busyMs: busy / 1000,
    windowMs: (end.ts - start.ts) / 1000,
    cpuMs: cpu / 1000,
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Runs `body` under V8's sampling profiler (CDP), saves the profile to `file`, returns the top functions by self time. */
export async function profiled(page: Page, file: string, body: () => Promise<unknown>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await body();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach().catch(() => undefined);
  writeFileSync(file, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') continue;
    const key = url ? `${name} (${url.split('/').pop() || 'page'}:${lineNumber + 1})` : name;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([key, ms]) => `${fmtMs(ms).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}
