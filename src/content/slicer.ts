/**
 * Keeps the extension's work in short tasks: callers check in between small
 * units of work, and the slicer yields to the page once the slice's budget
 * is spent, so input and rendering are never held up for long.
 */
import { SLICE_BUDGET_MS } from '../core/timing';

/**
 * A macrotask, behind the page's own due timers and input. (scheduler.yield()
 * would resume ahead of them: the page's timers starved while we worked.) A
 * message, not setTimeout(0), which browsers clamp to 4 ms once nested.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

export class Slicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  get expired(): boolean {
    return performance.now() - this.sliceStart > this.budgetMs;
  }

  /** Yields to the page if this slice has run long enough. */
  async pause(): Promise<void> {
    if (!this.expired) return;
    await yieldToPage();
    this.sliceStart = performance.now();
  }
}
