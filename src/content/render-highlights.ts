/**
 * The element-free renderer: the CSS Custom Highlight API over StaticRanges
 * (ranges.ts says why not live ones), one Highlight per category. The page's DOM is left exactly as it is;
 * hit-testing asks the browser which ranges are under the pointer (or, where
 * it cannot say, goes from a caret position to the ranges on its text node).
 */
import type { Annotation } from '../core/annotation';
import { type Category, isStatementCategory } from '../core/categories';
import { SLICE_BUDGET_MS } from '../core/timing';
import type { ChangedArea } from './changed-area';
import type { ListGroup } from './highlight-list';
import type { HighlightTarget } from './hover';
import { PaintWindow } from './paint-window';
import { boundsOf, clientRectsOf } from './ranges';
import type { Renderer } from './renderer';
import { locate, type TextIndex } from './text-index';

interface Entry {
  range: StaticRange;
  annotation: Annotation;
  /** Its entry in the highlight list (for the keyboard, screen readers and the testability contract). */
  element: HTMLElement;
}

const HIGHLIGHT_PREFIX = 'nic-';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** One Highlight per category (and one for similar statements), shared by every region of the page. */
const highlights = new Map<string, Highlight>();

function highlightName(annotation: Annotation): string {
  return annotation.similar ? 'similar' : annotation.category;
}

function highlightFor(name: string): Highlight {
  let highlight = highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    // Entities paint over the sentence they sit in.
    highlight.priority = name === 'similar' || isStatementCategory(name as Category) ? 0 : 1;
    highlights.set(name, highlight);
    CSS.highlights.set(HIGHLIGHT_PREFIX + name, highlight);
  }
  return highlight;
}

/** Takes this script's highlights out of the page's registry (once the extension is gone). */
export function unregisterHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of highlights.keys()) CSS.highlights.delete(HIGHLIGHT_PREFIX + name);
  highlights.clear();
}

export class HighlightRenderer implements Renderer {
  readonly drawBudgetMs = SLICE_BUDGET_MS;
  private entries: Entry[] = [];
  /** Entries touching each text node, for hit-testing. */
  private readonly byNode = new Map<Text, Entry[]>();
  private readonly byElement = new Map<Element, Entry>();
  private readonly byRange = new Map<AbstractRange, Entry>();
  private readonly window: PaintWindow<Entry>;

  constructor(
    private readonly index: TextIndex,
    private readonly list: ListGroup,
    /** The web component's root when this region is one: hit-testing must be told to look inside it. */
    private readonly shadowRoot?: ShadowRoot,
    expectedHighlights = 0,
  ) {
    this.window = new PaintWindow<Entry>(
      (entry) => highlightFor(highlightName(entry.annotation)).add(entry.range),
      (entry) => highlightFor(highlightName(entry.annotation)).delete(entry.range),
      expectedHighlights,
    );
  }

  get count(): number {
    return this.entries.length;
  }

  render(annotations: readonly Annotation[]): void {
    this.clear();
    this.add(annotations);
  }

  add(annotations: readonly Annotation[]): void {
    const texts = annotations.map((a) => this.index.text.slice(a.start, a.end));
    const elements = this.list.addMany(annotations, texts);
    const added: Entry[] = [];
    for (let a = 0; a < annotations.length; a++) {
      const annotation = annotations[a]!;
      const start = locate(this.index, annotation.start);
      const last = locate(this.index, Math.max(annotation.start, annotation.end - 1));
      const endNode = this.index.nodes[last.node]!;
      const range = new StaticRange({
        startContainer: this.index.nodes[start.node]!,
        startOffset: start.offset,
        endContainer: endNode,
        endOffset: Math.min(last.offset + 1, endNode.length),
      });
      const element = elements[a]!;
      const entry = { range, annotation, element };
      this.entries.push(entry);
      added.push(entry);
      this.byElement.set(element, entry);
      this.byRange.set(range, entry);
      for (let i = start.node; i <= last.node; i++) {
        const node = this.index.nodes[i]!;
        const list = this.byNode.get(node);
        if (list) list.push(entry);
        else this.byNode.set(node, [entry]);
      }
    }
    this.window.add(added);
  }

  clear(): void {
    this.window.clear();
    this.list.clear();
    this.entries = [];
    this.byNode.clear();
    this.byElement.clear();
    this.byRange.clear();
  }

  clearWithin(area: ChangedArea): void {
    // Found from the changed text nodes, so a small change costs in proportion to itself.
    const inside = new Set<Entry>();
    for (const text of area.texts)
      for (const entry of this.byNode.get(text as Text) ?? [])
        if (area.texts.has(entry.range.startContainer)) inside.add(entry);
    // Text the page replaced is no longer in the area's nodes: a static range on it stays where it was,
    // on a detached node, unless it is dropped here.
    const detached: Text[] = [];
    for (const [node, entries] of this.byNode)
      if (!node.isConnected) {
        detached.push(node);
        for (const entry of entries) inside.add(entry);
      }
    for (const node of detached) this.byNode.delete(node);
    if (inside.size === 0) return;
    this.window.remove(inside);
    this.list.remove(new Set([...inside].map((e) => e.element)));
    const spanned = new Set<Text>();
    for (const entry of inside) {
      this.byElement.delete(entry.element);
      this.byRange.delete(entry.range);
      for (const node of this.nodesOf(entry.annotation)) spanned.add(node);
    }
    this.entries = this.entries.filter((e) => !inside.has(e));
    for (const node of spanned) {
      const kept = (this.byNode.get(node) ?? []).filter((e) => !inside.has(e));
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
  }

  /** The text nodes an annotation spans (add() walks the same span from the locations it already has). */
  private nodesOf(annotation: Annotation): Text[] {
    const first = locate(this.index, annotation.start).node;
    const last = locate(this.index, Math.max(annotation.start, annotation.end - 1)).node;
    return this.index.nodes.slice(first, last + 1);
  }

  /** The highlights in document order, as card targets: keyboard navigation walks them. */
  targets(): HighlightTarget[] {
    return this.window.inTextOrder().map(targetOfEntry);
  }

  /** The highlight under the pointer, or the one whose list entry got focus. */
  targetOf(event: Event): HighlightTarget | null {
    if (event instanceof MouseEvent) return this.targetAt(event.clientX, event.clientY);
    const entry = event.target instanceof Element ? this.byElement.get(event.target) : undefined;
    return entry ? targetOfEntry(entry) : null;
  }

  targetAt(x: number, y: number): HighlightTarget | null {
    const hits = this.entriesAt(x, y);
    if (hits.length === 0) return null;
    // Innermost (shortest) first: the entity, then the sentence around it.
    hits.sort((a, b) => a.annotation.end - a.annotation.start - (b.annotation.end - b.annotation.start));
    const factIds = [...new Set(hits.flatMap((h) => h.annotation.factIds))];
    const rect = clientRectsOf(hits[0]!.range).find((r) => contains(r, x, y)) ?? boundsOf(hits[0]!.range);
    return { factIds, rect, key: hits[0]!.range, similar: hits[0]!.annotation.similar === true };
  }

  /**
   * This renderer's entries under the point: the browser's own hit-testing of
   * painted highlights where it has it, else the caret position there and the
   * ranges on its text node.
   */
  private entriesAt(x: number, y: number): Entry[] {
    const options = this.shadowRoot ? { shadowRoots: [this.shadowRoot] } : undefined;
    const registry = CSS.highlights as HighlightRegistry & { highlightsFromPoint?: HighlightsFromPoint };
    if (registry.highlightsFromPoint) {
      const ranges = registry.highlightsFromPoint(x, y, options).flatMap((hit) => hit.ranges);
      return ranges.map((range) => this.byRange.get(range)).filter((e): e is Entry => !!e);
    }
    const caret = document.caretPositionFromPoint?.(x, y, options);
    const node = caret?.offsetNode;
    if (!caret || !(node instanceof Text)) return [];
    return (this.byNode.get(node) ?? []).filter(
      (e) => holdsPoint(e.range, node, caret.offset) && clientRectsOf(e.range).some((r) => contains(r, x, y)),
    );
  }
}

/** `CSS.highlights.highlightsFromPoint` (Chromium 132+), not yet in TypeScript's DOM types. */
type HighlightsFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { highlight: Highlight; ranges: AbstractRange[] }[];

/** A card target; its box is measured when asked for (keyboard navigation lists every highlight). */
function targetOfEntry(entry: Entry): HighlightTarget {
  const { range, annotation } = entry;
  return {
    factIds: annotation.factIds,
    get rect() {
      return boundsOf(range);
    },
    key: range,
    range,
    similar: annotation.similar === true,
  };
}

/** Whether a point of `node` (one of the text nodes the range touches) lies within the range. */
function holdsPoint(range: StaticRange, node: Text, offset: number): boolean {
  return (
    (node !== range.startContainer || offset >= range.startOffset) &&
    (node !== range.endContainer || offset <= range.endOffset)
  );
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}
