/**
 * Element-free highlights are kept as StaticRanges. A live Range is updated by
 * the browser on every change to the document's nodes, anywhere in the page:
 * with 5,000 of them, a live page that inserts and removes 50 entries costs
 * about 9 ms per change instead of 0.1 ms (Chromium 156), and the live page's
 * own timer falls behind. Static ranges cost nothing until asked for their
 * geometry, which only a live Range gives: one is made for the question and let go.
 */

/** A live Range over a static range's bounds (clamped to its nodes' current length), or null if they are gone. */
export function liveRange(range: AbstractRange): Range | null {
  if (range instanceof Range) return range;
  const live = document.createRange();
  try {
    live.setStart(range.startContainer, Math.min(range.startOffset, nodeLength(range.startContainer)));
    live.setEnd(range.endContainer, Math.min(range.endOffset, nodeLength(range.endContainer)));
  } catch {
    return null;
  }
  return live;
}

/** The box around a range, as a live Range would give it (an empty box for one whose nodes are gone). */
export function boundsOf(range: AbstractRange | { getBoundingClientRect(): DOMRect }): DOMRect {
  if ('getBoundingClientRect' in range) return range.getBoundingClientRect();
  return liveRange(range)?.getBoundingClientRect() ?? new DOMRect();
}

/** The line boxes of a range. */
export function clientRectsOf(range: AbstractRange): DOMRect[] {
  const live = liveRange(range);
  return live ? [...live.getClientRects()] : [];
}

function nodeLength(node: Node): number {
  return node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE
    ? (node as CharacterData).length
    : node.childNodes.length;
}
