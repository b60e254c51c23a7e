/**
 * The element renderer: real <mark> elements through mark.js `markRanges`,
 * with ranges our matcher computed (one call per category, nested where an
 * entity sits inside a highlighted sentence).
 *
 * mark.js's own `unmark` calls normalize() on the page, merging text nodes
 * the page may hold references to; `clear` instead puts back the very node
 * objects that were split, with their original text.
 */
import Mark from 'mark.js';
import type { Annotation } from '../core/annotation';
import type { Category } from '../core/categories';
import { DRAW_SLICE_BUDGET_MS } from '../core/timing';
import type { ChangedArea } from './changed-area';
import type { HighlightTarget } from './hover';
import { FACT_ID_ATTRIBUTE, labelHighlight, MARK_CLASS, type Renderer, SIMILAR_ATTRIBUTE } from './renderer';
import { locate, PROTECTED_SELECTORS, type TextIndex, toPlainOffset } from './text-index';
import { LargeBlockWrapper } from './wrap-large';

/** Pages with more highlights than this are drawn by the linear wrapper (see the constructor). */
const MARK_JS_MAX_HIGHLIGHTS = 400;
/** Blocks with more text than this are marked by the large-block wrapper instead of mark.js. */
const LARGE_BLOCK_CHARS = 50_000;
const SIMILAR_CLASS = 'nic-similar';
const EXCLUDE = PROTECTED_SELECTORS.flatMap((s) => [s, `${s} *`]);
const PROTECTED = PROTECTED_SELECTORS.join(',');

interface OriginalText {
  data: string;
  next: Node | null;
}

interface MarkRange {
  start: number;
  length: number;
  annotation: Annotation;
}

/** Draws statements first so entities nest inside them. */
const DRAW_ORDER: readonly Category[] = ['limit', 'claim', 'quote', 'event', 'organization', 'place', 'person'];

export class MarkRenderer implements Renderer {
  readonly drawBudgetMs = DRAW_SLICE_BUDGET_MS;
  private marks: HTMLElement[] = [];
  /** Text nodes split by marking, with what they held and what followed them. */
  private readonly originals = new Map<Text, OriginalText>();

  /**
   * Every mark.js call leaves a NodeIterator registered with the document
   * until garbage collection, and each one slows every later DOM write
   * (measured: 20,000 wraps take 84 ms with none live, 8 s with 20,000). On
   * pages with many highlights the linear wrapper, which makes the same
   * markup, draws them all.
   */
  private readonly linear: boolean;

  constructor(
    private readonly root: HTMLElement | ShadowRoot,
    private readonly index: TextIndex,
    expectedHighlights = 0,
  ) {
    this.linear = expectedHighlights > MARK_JS_MAX_HIGHLIGHTS;
  }

  private drawn = 0;
  /** Annotations already given their tab stop (the first piece of each). */
  private readonly firstPieces = new Set<Annotation>();
  private readonly largeWrapper = new LargeBlockWrapper((annotation) => this.makeMark(annotation, this.firstPieces));

  get count(): number {
    return this.drawn;
  }

  render(annotations: readonly Annotation[]): void {
    this.clear();
    this.add(annotations);
  }

  /**
   * Draws more annotations. mark.js runs once per block and category, on
   * that block alone: its cost is the size of the blocks that have
   * highlights, not the size of the page.
   */
  add(annotations: readonly Annotation[]): void {
    this.rememberTouchedNodes(annotations);
    const byContext = new Map<Element, Annotation[]>();
    for (const annotation of annotations) {
      const context = this.contextOf(annotation);
      if (!context) continue;
      const list = byContext.get(context) ?? [];
      list.push(annotation);
      byContext.set(context, list);
    }
    for (const [context, list] of byContext) this.markIn(context, list);
  }

  /** The smallest element holding the whole annotation. */
  private contextOf(annotation: Annotation): Element | null {
    const first = this.index.nodes[locate(this.index, annotation.start).node]!;
    const last = this.index.nodes[locate(this.index, Math.max(annotation.start, annotation.end - 1)).node]!;
    let context = first.parentElement;
    while (context && !context.contains(last)) context = context.parentElement;
    return context && this.root.contains(context) ? context : null;
  }

  private markIn(context: Element, annotations: Annotation[]): void {
    // mark.js counts offsets from the context's first text node: the first indexed node inside it.
    let first = locate(this.index, annotations[0]!.start).node;
    for (const annotation of annotations) first = Math.min(first, locate(this.index, annotation.start).node);
    while (first > 0 && context.contains(this.index.nodes[first - 1]!)) first--;
    let last = first;
    while (last + 1 < this.index.nodes.length && context.contains(this.index.nodes[last + 1]!)) last++;
    const size = this.index.plainStarts[last]! + this.index.lengths[last]! - this.index.plainStarts[first]!;
    if (this.linear || size > LARGE_BLOCK_CHARS) {
      this.markLarge(annotations);
      return;
    }
    const base = this.index.plainStarts[first]!;
    const marker = new Mark(context as HTMLElement);
    // mark.js tests every text node against every exclude selector: skip that where nothing is protected.
    const exclude = context.querySelector(PROTECTED) ? EXCLUDE : [];
    for (const category of DRAW_ORDER) {
      const ranges = mergeOverlaps(annotations.filter((a) => a.category === category)).map((annotation): MarkRange => {
        const start = toPlainOffset(this.index, annotation.start) - base;
        return { start, length: toPlainOffset(this.index, annotation.end) - base - start, annotation };
      });
      if (ranges.length === 0) continue;
      const firstPiece = this.firstPieces;
      marker.markRanges(ranges, {
        element: 'mark',
        className: `${MARK_CLASS} nic-${category}`,
        exclude,
        each: (element: HTMLElement, range: unknown) =>
          this.decorate(element, (range as MarkRange).annotation, firstPiece),
      } as Mark.MarkRangesOptions);
    }
  }

  /** Same layers as mark.js, through the large-block wrapper. */
  private markLarge(annotations: Annotation[]): void {
    for (const category of DRAW_ORDER) {
      const spans = mergeOverlaps(annotations.filter((a) => a.category === category)).flatMap((annotation) => {
        const first = locate(this.index, annotation.start);
        const last = locate(this.index, Math.max(annotation.start, annotation.end - 1));
        const parts = [];
        for (let i = first.node; i <= last.node; i++) {
          const start = i === first.node ? first.offset : 0;
          const end = i === last.node ? last.offset + 1 : this.index.lengths[i]!;
          if (end > start) parts.push({ span: { node: this.index.nodes[i]!, start, end }, annotation });
        }
        return parts;
      });
      this.largeWrapper.wrap(spans);
    }
  }

  /** A mark element as mark.js makes it, decorated for the contract. */
  private makeMark(annotation: Annotation, firstPiece: Set<Annotation>): HTMLElement {
    const element = document.createElement('mark');
    element.setAttribute('data-markjs', 'true');
    element.className = `${MARK_CLASS} nic-${annotation.category}`;
    this.decorate(element, annotation, firstPiece);
    return element;
  }

  private decorate(element: HTMLElement, annotation: Annotation, firstPiece: Set<Annotation>): void {
    labelHighlight(element, annotation);
    if (annotation.similar) element.classList.add(SIMILAR_CLASS);
    if (!firstPiece.has(annotation)) {
      // One tab stop per highlight, on its first piece.
      firstPiece.add(annotation);
      element.tabIndex = 0;
      this.drawn++;
    }
    this.marks.push(element);
  }

  /** The innermost highlight under the event, with the facts of the highlights around it. */
  targetOf(event: Event): HighlightTarget | null {
    // composedPath: inside a web component the event's target is retargeted to its host.
    const origin = event.composedPath()[0] ?? event.target;
    const start = origin instanceof Element ? origin.closest(`mark.${MARK_CLASS}`) : null;
    if (!start) return null;
    const factIds: string[] = [];
    for (let mark: Element | null = start; mark; mark = mark.parentElement?.closest(`mark.${MARK_CLASS}`) ?? null) {
      for (const id of (mark.getAttribute(FACT_ID_ATTRIBUTE) ?? '').split(' '))
        if (id && !factIds.includes(id)) factIds.push(id);
    }
    return { factIds, rect: start.getBoundingClientRect(), key: start, similar: start.hasAttribute(SIMILAR_ATTRIBUTE) };
  }

  clear(): void {
    this.unwrap(this.marks);
    this.marks = [];
    this.drawn = 0;
    this.firstPieces.clear();
    this.largeWrapper.clear();
    for (const [node, original] of this.originals) restoreSplitNode(node, original);
    this.originals.clear();
  }

  clearWithin(area: ChangedArea): void {
    const inside = this.marks.filter((mark) => area.contains(mark));
    if (inside.length === 0) return;
    this.unwrap(inside);
    const gone = new Set(inside);
    this.marks = this.marks.filter((m) => !gone.has(m));
    this.drawn = new Set(this.marks.filter((m) => m.tabIndex === 0)).size;
    for (const [node, original] of this.originals) {
      if (!area.contains(node)) continue;
      restoreSplitNode(node, original);
      this.originals.delete(node);
      this.largeWrapper.forget(node);
    }
  }

  private unwrap(marks: readonly HTMLElement[]): void {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
  }

  private rememberTouchedNodes(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) {
      const first = locate(this.index, annotation.start).node;
      const last = locate(this.index, Math.max(annotation.start, annotation.end - 1)).node;
      for (let i = first; i <= last; i++) {
        const node = this.index.nodes[i]!;
        if (!this.originals.has(node)) this.originals.set(node, { data: node.data, next: node.nextSibling });
      }
    }
  }
}

/**
 * Joins the pieces a split left behind (everything between the node and its
 * original next sibling) back into the node, if they still add up to its text.
 */
function restoreSplitNode(node: Text, original: OriginalText): void {
  const pieces: Node[] = [];
  let joined = node.data;
  for (let next = node.nextSibling; next && next !== original.next; next = next.nextSibling) {
    if (!(next instanceof Text)) return;
    pieces.push(next);
    joined += next.data;
  }
  if (joined !== original.data) return;
  for (const piece of pieces) piece.parentNode?.removeChild(piece);
  if (node.data !== original.data) node.data = original.data;
}

/** Same-category annotations that overlap become one range standing for all their facts. */
function mergeOverlaps(annotations: Annotation[]): Annotation[] {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Annotation[] = [];
  for (const annotation of sorted) {
    const last = merged[merged.length - 1];
    if (last && annotation.start < last.end) {
      last.end = Math.max(last.end, annotation.end);
      for (const id of annotation.factIds) if (!last.factIds.includes(id)) last.factIds.push(id);
    } else {
      merged.push({ ...annotation, factIds: [...annotation.factIds] });
    }
  }
  return merged;
}
