/**
 * Marks inside very large blocks (a live blog in one <p>, a 5 MB text node).
 * mark.js walks every text node of its context for each range it wraps,
 * which is quadratic there; this wrapper keeps, per original text node, the
 * list of pieces splitting has made, and walks it once per category pass.
 * It splits and wraps exactly as mark.js does (the original node stays the
 * first piece), so the renderer's restore works the same.
 */
import type { Annotation } from '../core/annotation';

interface Piece {
  node: Text;
  /** Offset of this piece in the original node's text. */
  start: number;
  next: Piece | null;
}

export interface NodeSpan {
  /** The original text node (as indexed). */
  node: Text;
  /** Offsets in its original text. */
  start: number;
  end: number;
}

export class LargeBlockWrapper {
  private readonly pieces = new Map<Text, Piece>();

  constructor(private readonly makeMark: (annotation: Annotation) => HTMLElement) {}

  /** Wraps each span (ascending, non-overlapping, per node) in a mark for its annotation. */
  wrap(spans: readonly { span: NodeSpan; annotation: Annotation }[]): void {
    this.splitUntouchedNodes(spans);
    const cursors = new Map<Text, Piece>();
    for (const { span, annotation } of spans) {
      let piece = cursors.get(span.node) ?? this.head(span.node);
      let from = span.start;
      while (from < span.end) {
        while (piece.next && piece.next.start <= from) piece = piece.next;
        const pieceEnd = piece.start + piece.node.length;
        const to = Math.min(span.end, pieceEnd);
        if (to <= from) break;
        piece = this.wrapPart(piece, from, to, annotation);
        from = to;
      }
      cursors.set(span.node, piece);
    }
  }

  clear(): void {
    this.pieces.clear();
  }

  /** Forgets the pieces of a node whose text was put back together. */
  forget(node: Text): void {
    this.pieces.delete(node);
  }

  /**
   * A node not yet split is cut at every span edge in one go: repeated
   * splitText copies the rest of the text each time, which is quadratic in
   * a multi-megabyte node. The original node keeps the first piece.
   */
  private splitUntouchedNodes(spans: readonly { span: NodeSpan }[]): void {
    const edges = new Map<Text, Set<number>>();
    for (const { span } of spans) {
      if (this.pieces.has(span.node)) continue;
      const set = edges.get(span.node) ?? new Set<number>();
      set.add(span.start).add(span.end);
      edges.set(span.node, set);
    }
    for (const [node, set] of edges) {
      const data = node.data;
      const cuts = [...set].filter((c) => c > 0 && c < data.length).sort((a, b) => a - b);
      if (cuts.length < 2) continue;
      const fragment = node.ownerDocument.createDocumentFragment();
      const head: Piece = { node, start: 0, next: null };
      let tail = head;
      cuts.forEach((cut, i) => {
        const piece = node.ownerDocument.createTextNode(data.slice(cut, cuts[i + 1] ?? data.length));
        fragment.append(piece);
        tail = tail.next = { node: piece, start: cut, next: null };
      });
      node.data = data.slice(0, cuts[0]);
      node.parentNode!.insertBefore(fragment, node.nextSibling);
      this.pieces.set(node, head);
    }
  }

  private head(node: Text): Piece {
    let head = this.pieces.get(node);
    if (!head) {
      head = { node, start: 0, next: null };
      this.pieces.set(node, head);
    }
    return head;
  }

  /** Wraps [from, to) of the piece; returns the piece holding the wrapped text. */
  private wrapPart(piece: Piece, from: number, to: number, annotation: Annotation): Piece {
    let target = piece;
    if (from > piece.start) {
      const tail = piece.node.splitText(from - piece.start);
      target = { node: tail, start: from, next: piece.next };
      piece.next = target;
    }
    if (to < target.start + target.node.length) {
      const rest = target.node.splitText(to - target.start);
      target.next = { node: rest, start: to, next: target.next };
    }
    const mark = this.makeMark(annotation);
    target.node.parentNode!.insertBefore(mark, target.node);
    mark.appendChild(target.node);
    return target;
  }
}
