/**
 * Marks inside very large blocks (a live blog in one <p>, a 5 MB text node).
 * mark.js walks every text node of its context for each range it wraps,
 * which is quadratic there; this wrapper keeps, per original text node, the
 * list of pieces splitting has made, and walks it once per category pass.
 * It splits and wraps exactly as mark.js does (the original node stays the
 * first piece), so the renderer's restore works the same.
 */
import type { Annotation } from '../core/annotate';

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
