/**
 * Which element-free highlights are registered with `CSS.highlights`.
 * Chromium re-validates every registered range in each frame after any
 * highlight changes, so on a page with thousands of highlights every drawing
 * slice would pay for all of them again (measured on the 5 MB bench page:
 * rescan 550 ms without registering, 1.1 s with, in frames of 130-180 ms).
 * Small regions are painted whole; large ones only near the viewport,
 * brought up to date once per frame after scrolling, resizing or drawing.
 * Hit-testing, the keyboard and the highlight list cover every highlight
 * either way.
 */
import { partitionPoint } from '../core/partition';
import { PAINT_ALL_MAX_RANGES, PAINT_MARGIN_VIEWPORTS } from '../core/timing';
import { boundsOf } from './ranges';

export interface Paintable {
  range: AbstractRange | { getBoundingClientRect(): DOMRect };
  annotation: { start: number };
}

export class PaintWindow<T extends Paintable> {
  /** By start offset: document order, which is (nearly always) top-to-bottom order. */
  private sorted: T[] = [];
  private readonly painted = new Set<T>();

  constructor(
    private readonly paint: (entry: T) => void,
    private readonly unpaint: (entry: T) => void,
    /** How many highlights the region is about to get: a large one is windowed from its first batch. */
    private readonly expected = 0,
  ) {}

  /** Every entry, painted or not, in text order (which is document order within a region). */
  inTextOrder(): readonly T[] {
    return this.sorted;
  }

  private get paintsAll(): boolean {
    return this.sorted.length <= PAINT_ALL_MAX_RANGES && this.expected <= PAINT_ALL_MAX_RANGES;
  }

  add(entries: readonly T[]): void {
    mergeByStart(this.sorted, entries);
    if (this.paintsAll) for (const entry of entries) this.show(entry);
    else scheduleUpdate(this);
  }

  remove(entries: ReadonlySet<T>): void {
    for (const entry of entries) this.hide(entry);
    this.sorted = this.sorted.filter((e) => !entries.has(e));
    if (!this.paintsAll) scheduleUpdate(this);
  }

  clear(): void {
    for (const entry of this.painted) this.unpaint(entry);
    this.painted.clear();
    this.sorted = [];
    windows.delete(this);
  }

  /** Paints the entries within the margin of the viewport, and only those. */
  update(): void {
    if (this.paintsAll) {
      for (const entry of this.sorted) this.show(entry);
      return;
    }
    const margin = innerHeight * PAINT_MARGIN_VIEWPORTS;
    const first = partitionPoint(this.sorted, (e) => boundsOf(e.range).bottom < -margin);
    const end = Math.min(
      partitionPoint(this.sorted, (e) => boundsOf(e.range).top <= innerHeight + margin, first),
      first + PAINT_ALL_MAX_RANGES,
    );
    const wanted = new Set(this.sorted.slice(first, end));
    for (const entry of this.painted) if (!wanted.has(entry)) this.hide(entry);
    for (const entry of wanted) this.show(entry);
  }

  private show(entry: T): void {
    if (this.painted.has(entry)) return;
    this.painted.add(entry);
    this.paint(entry);
  }

  private hide(entry: T): void {
    if (!this.painted.delete(entry)) return;
    this.unpaint(entry);
  }
}

/**
 * Merges `added` into `sorted` (in place), by start offset, `added` after equal starts: what
 * comes after the first added entry is merged in one pass, rather than a search and a splice
 * per entry (batches drawn in text order only append). `added` comes in text order but for
 * the visible-first order's wrap-around, so it is sorted first (a stable sort).
 */
export function mergeByStart<T extends Paintable>(sorted: T[], added: readonly T[]): void {
  if (added.length === 0) return;
  const extra = [...added].sort((a, b) => a.annotation.start - b.annotation.start);
  const at = partitionPoint(sorted, (e) => e.annotation.start <= extra[0]!.annotation.start);
  const tail = sorted.splice(at);
  let i = 0;
  for (const entry of extra) {
    while (i < tail.length && tail[i]!.annotation.start <= entry.annotation.start) sorted.push(tail[i++]!);
    sorted.push(entry);
  }
  while (i < tail.length) sorted.push(tail[i++]!);
}

/** Every window of the page that paints only near the viewport, brought up to date in one frame. */
const windows = new Set<{ update(): void }>();
let frame = 0;
let listening = false;

function scheduleUpdate(window: { update(): void }): void {
  windows.add(window);
  if (!listening) {
    listening = true;
    addEventListener('scroll', requestFrame, { capture: true, passive: true });
    addEventListener('resize', requestFrame, { passive: true });
  }
  requestFrame();
}

function requestFrame(): void {
  if (frame === 0 && windows.size > 0) frame = requestAnimationFrame(updateAll);
}

function updateAll(): void {
  frame = 0;
  for (const window of windows) window.update();
}
