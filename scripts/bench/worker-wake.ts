/**
 * The worker's wake-up in the browser: the extension's service worker is stopped, then started with no
 * event to handle (CDP ServiceWorker.startWorker), under a trace of the whole browser. The worker's own
 * thread ("ServiceWorker thread") runs everything from the new isolate to the evaluation of its top-level
 * script; the browser dispatches it events only once the worker reports itself started
 * (`ServiceWorkerContextClient::SendWorkerStarted`), so that moment is when it is ready to answer.
 */
import type { ExtensionSide } from './extension-browsers';
import { workerStopper } from './extension-browsers';
import { parseTrace, type TraceEvent } from './trace';

/** The worker's tasks, its script loading and evaluation, and the moment it reports itself started. */
export const WAKE_TRACE = ['toplevel', 'ServiceWorker', 'devtools.timeline'];
const STARTED_EVENT = 'ServiceWorkerContextClient::SendWorkerStarted';
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export interface WorkerWake {
  /** Thread (CPU) time of the worker thread's tasks from its first to the one it reported itself started in, ms. */
  cpuMs: number;
  /** From the start of the worker thread's first task to its report that it started, ms. */
  wallMs: number;
  /** The worker's scripts it compiled (module files). */
  modules: number;
}

/** The wake-up of the one worker that reported itself started in the trace; undefined when none did. */
export function wakeFromTrace(events: readonly TraceEvent[]): WorkerWake | undefined {
  const started = events.find((e) => e.name === STARTED_EVENT);
  if (!started) return undefined;
  const own = events.filter((e) => e.pid === started.pid && e.tid === started.tid);
  const tasks = own.filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && e.ts <= started.ts);
  if (tasks.length === 0) return undefined;
  const first = Math.min(...tasks.map((e) => e.ts));
  const modules = new Set(
    own
      .filter((e) => (e.name === 'v8.compileModule' || e.name === 'v8.compile') && e.ts <= started.ts)
      .map((e) => String(e.args?.data?.url ?? '')),
  ).size;
  return {
    cpuMs: tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000,
    wallMs: (started.ts - first) / 1000,
    modules,
  };
}

/** Stops the side's worker, then starts it under a trace of the browser, and reads its wake-up from the trace. */
export async function wakeOnce(side: ExtensionSide): Promise<WorkerWake> {
  const stopper = await workerStopper(side);
  let buffer: Buffer;
  try {
    await stopper.stop();
    await side.browser.startTracing(undefined, { categories: WAKE_TRACE });
    try {
      await stopper.start();
      // The report that it started comes with the running status; a moment more for the trace to have it.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      buffer = await side.browser.stopTracing();
    }
  } finally {
    await stopper.close();
  }
  const wake = wakeFromTrace(parseTrace(buffer));
  if (!wake) throw new Error(`${side.extensionDir}: no ${STARTED_EVENT} of the worker in the trace`);
  return wake;
}
