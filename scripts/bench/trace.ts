/**
 * Main-thread tasks from Chromium traces, and V8's sampling profiler.
 *
 * A trace window is bounded by two `performance.mark`s of the page: the
 * thread that set them is the page's main thread, and every top-level task of
 * that thread between them counts. With `devtools.timeline` in the trace, the
 * tasks that are the extension's are told apart (see extensionShare).
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { fmtMs } from './format';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    /** The script of EvaluateScript, FunctionCall, v8.compile… (devtools.timeline): "" for callbacks V8 runs. */
    data?: { url?: unknown };
    /** The mojo interface of a message (toplevel's `Receive mojo message`, `Receive mojo reply`…). */
    chrome_mojo_event_info?: { mojo_interface_tag?: unknown };
  };
}

/** The extension's share of the tasks in the window (see extensionShare). */
export interface ExtensionTasks {
  /** Tasks that are the extension's, whole or in part. */
  tasks: number;
  /** Of those, tasks that also ran the page's own script: only the extension's events in them count. */
  sharedTasks: number;
  /** Thread (CPU) time and wall time of the extension's tasks, clipped to the window like the page's. */
  cpuMs: number;
  wallMs: number;
  longestTaskMs: number;
  /** The most thread time any one of them took: unlike longestTaskMs, without the time other processes held the cores. */
  longestTaskCpuMs: number;
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
  /** The extension's part of the same tasks, when asked for (a trace with `devtools.timeline`). */
  extension?: ExtensionTasks;
}

/** RunTask events and the harness's performance.mark()s: little else, to disturb the run little. */
export const LIGHT_TRACE = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** The scheduler's own task events and the page's marks: the lightest trace that still sees every task. */
export const TASK_TRACE = ['toplevel', 'blink.user_timing'];
/**
 * TASK_TRACE plus `devtools.timeline`, whose script events (EvaluateScript, FunctionCall, v8.compile) name
 * their script's URL: enough to tell the extension's tasks from the page's (extensionShare).
 */
export const SCRIPT_TRACE = [...TASK_TRACE, 'devtools.timeline'];
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

/** The events of a trace as Chromium's tracing writes it (an object with traceEvents, or a bare array). */
export function parseTrace(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The first `performance.mark(name)` of the trace. */
export const markEvent = (events: readonly TraceEvent[], name: string): TraceEvent | undefined =>
  events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));

/** URLs of an extension's own files. */
const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;
/** The events that run or compile a script, with its URL in args.data.url. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
]);

const scriptUrl = (e: TraceEvent): string | undefined =>
  SCRIPT_EVENTS.has(e.name) && typeof e.args?.data?.url === 'string' ? e.args.data.url : undefined;

/**
 * Work the extension does: its scripts run or compiled (a URL of the extension), or a mojo message of the
 * renderer's extension system (`extensions.mojom.*`): the extension API's replies and the messages of its
 * ports, whose callbacks V8 reports with an empty URL, and whose microtasks (the rest of an `await`ing content
 * script) run in the same task. A page without extensions gets no such message.
 */
const isExtensionEvent = (e: TraceEvent): boolean => {
  const tag = e.args?.chrome_mojo_event_info?.mojo_interface_tag;
  return (typeof tag === 'string' && tag.startsWith('extensions.mojom.')) || EXTENSION_URL.test(scriptUrl(e) ?? '');
};

/**
 * The page's own work: its scripts (a script event with a URL that is neither empty nor the extension's),
 * and its parsing, in whose task a content script at `document_start` runs.
 */
const isPageWork = (e: TraceEvent): boolean => {
  if (e.name === 'ParseHTML') return true;
  const url = scriptUrl(e);
  return !!url && !EXTENSION_URL.test(url);
};

/**
 * The extension's part of one top-level task, given the complete events nested in it (same thread, within
 * [ts, ts + dur]), in time order: the whole task when it has an extension event and no work of the page's
 * (its style and layout then count too: the extension caused them); in a task that also ran the page's
 * script (a MutationObserver callback in the microtask checkpoint after the page's own timer) or parsed
 * the page (a content script at `document_start` runs inside the parser), only the outermost extension events;
 * nothing otherwise. Frames drawn after the extension changed the page are
 * tasks of their own, without an extension event, and do not count: the with − without figures see them.
 * Checked against V8's sampling profiler (`disabled-by-default-v8.cpu_profiler`, a sample every ~200 µs) on
 * the bench's pages: every task holding a sample of the reader's and the annotator's code was one of these,
 * and their CPU times agreed within about 2 ms (mojo tasks too short to hold a sample). One blind spot: some
 * replies of the extension API (`storage.local.get`'s among them) arrive in a task with none of these events,
 * and script resumed there (an `await` on the reply) goes unseen. Both readers measured here do their work in
 * tasks of their own (a MessageChannel message to a handler of their script) for that reason. The profiler
 * itself is not used: it interrupts the page's work too, for the whole trace.
 */
export function extensionShare(
  task: TraceEvent,
  nested: readonly TraceEvent[],
): { wall: number; cpu: number; shared: boolean } | undefined {
  const own = nested.filter(isExtensionEvent);
  if (own.length === 0) return undefined;
  const dur = task.dur ?? 0;
  if (!nested.some(isPageWork)) return { wall: dur, cpu: task.tdur ?? Number.NaN, shared: false };
  let wall = 0;
  let cpu = 0;
  let coveredUntil = -Infinity;
  for (const e of own) {
    if (e.ts < coveredUntil || e.dur === undefined) continue;
    wall += e.dur;
    cpu += e.tdur ?? Number.NaN;
    coveredUntil = e.ts + e.dur;
  }
  return { wall, cpu, shared: true };
}

/**
 * The tasks of the thread that set the `start` mark, between it and the `end` mark (the first of each).
 * The two task events of a trace with both kinds of categories cover each other and count once.
 * With `extension`, also the extension's part of them (extensionShare).
 */
export function tasksFromTrace(
  trace: Buffer | readonly TraceEvent[],
  startStamp: string,
  endStamp: string,
  options: { extension?: boolean } = {},
): TraceTasks | undefined {
  const events = Buffer.isBuffer(trace) ? parseTrace(trace) : trace;
  const start = markEvent(events, startStamp);
  const end = markEvent(events, endStamp);
  if (!start || !end) return undefined;
  let longest = 0;
  let over50 = 0;
  let tasks = 0;
  let busy = 0;
  let cpu = 0;
  let coveredUntil = -Infinity;
  const ext: ExtensionTasks = { tasks: 0, sharedTasks: 0, cpuMs: 0, wallMs: 0, longestTaskMs: 0, longestTaskCpuMs: 0 };
  const thread = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Events that may mark a task as the extension's, in time order: few, so each task looks only at its own.
  const marked = options.extension ? thread.filter((e) => isExtensionEvent(e) || isPageWork(e)) : [];
  let next = 0;
  for (const e of thread) {
    if (!TASK_EVENTS.has(e.name)) continue;
    const dur = e.dur!;
    // The extension's tasks count from the start of the trace (a content script at document_start runs
    // before the page's mark); the page's from the mark on.
    const beforeWindow = e.ts + dur < start.ts;
    if (e.ts > end.ts || (beforeWindow && !options.extension)) continue;
    // Nested tasks (a nested run loop, or the same task seen by both kinds of event) count once.
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + dur;
    // A task cut by the window counts in proportion.
    const share = beforeWindow ? 1 : (Math.min(e.ts + dur, end.ts) - Math.max(e.ts, start.ts)) / (dur || 1);
    if (!beforeWindow) {
      longest = Math.max(longest, dur / 1000);
      if (dur >= 50_000) over50++;
      if (dur >= 1000) tasks++;
      busy += share * dur;
      cpu += e.tdur === undefined ? Number.NaN : e.tdur * share;
    }
    if (options.extension) {
      while (next < marked.length && marked[next]!.ts < e.ts) next++;
      const nested: TraceEvent[] = [];
      for (let i = next; i < marked.length && marked[i]!.ts <= e.ts + dur; i++)
        if (marked[i] !== e && marked[i]!.ts + marked[i]!.dur! <= e.ts + dur) nested.push(marked[i]!);
      const part = extensionShare(e, nested);
      if (part) {
        ext.tasks++;
        if (part.shared) ext.sharedTasks++;
        ext.wallMs += (share * part.wall) / 1000;
        ext.cpuMs += (share * part.cpu) / 1000;
        ext.longestTaskMs = Math.max(ext.longestTaskMs, part.wall / 1000);
        ext.longestTaskCpuMs = Math.max(ext.longestTaskCpuMs, part.cpu / 1000);
      }
    }
  }
  return {
    longestTaskMs: longest,
    tasksOver50: over50,
    tasks,
    busyMs: busy / 1000,
    windowMs: (end.ts - start.ts) / 1000,
    cpuMs: cpu / 1000,
    ...(options.extension ? { extension: ext } : {}),
  };
}

/**
 * Milliseconds from the start of the extension's content script `script` (its first EvaluateScript on the
 * thread that set the mark: the page's main frame; the pre-check, precheck.js, runs at `document_idle`) to the
 * first `performance.mark(name)`. Undefined when either is missing. The generated pages have no frames.
 */
export function msFromContentScript(
  trace: Buffer | readonly TraceEvent[],
  name: string,
  script = 'precheck.js',
): number | undefined {
  const events = Buffer.isBuffer(trace) ? parseTrace(trace) : trace;
  const mark = markEvent(events, name);
  if (!mark) return undefined;
  let first: TraceEvent | undefined;
  for (const e of events)
    if (
      e.name === 'EvaluateScript' &&
      e.pid === mark.pid &&
      e.tid === mark.tid &&
      EXTENSION_URL.test(scriptUrl(e) ?? '') &&
      scriptUrl(e)!.endsWith(`/${script}`) &&
      (!first || e.ts < first.ts)
    )
      first = e;
  return first ? (mark.ts - first.ts) / 1000 : undefined;
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
