/**
 * Keeps the extension's work in short tasks: callers check in between small
 * units of work, and the slicer yields to the page once the slice's budget
 * is spent, so input and rendering are never held up for long.
 */
import { SLICE_BUDGET_MS } from '../core/timing';

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
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
