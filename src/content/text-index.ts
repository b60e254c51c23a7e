/**
 * The page's visible text as one string, with a map back to text nodes.
 *
 * Blocks are separated by a paragraph separator so sentences never run from
 * one block into the next, while inline elements join ("<a>Vladimir V.</a>
 * <b>Putin</b>" reads as one name). Protected regions are skipped whole.
 */
import { BLOCK_SEPARATOR } from '../core/normalize';

/** Never read, never touched: code, form fields, editors, graphics, and our own UI. */
export const PROTECTED_SELECTORS = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  '[contenteditable]', 'svg', 'math', 'pre', 'code', 'kbd', 'samp', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'head', 'title', '[data-annotator-ui]',
];
const PROTECTED = PROTECTED_SELECTORS.join(',');

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'LEGEND', 'MENU',
]);

// DOM constants by value: the index also runs under a DOM implementation in Node (evaluation).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const ELEMENT_NODE = 1;

export interface TextIndex {
  /** The joined text: text node data with block separators between blocks. */
  text: string;
  nodes: Text[];
  /** Offset of each node's data in `text`. */
  starts: number[];
  /** Offset of each node's data in the concatenation of node data alone (mark.js's coordinates). */
  plainStarts: number[];
}

export function isProtected(element: Element): boolean {
  return element.matches(PROTECTED);
}

export function buildTextIndex(root: Element): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const plainStarts: number[] = [];
  const parts: string[] = [];
  const blockOf = new Map<Element, Element | null>();
  const nearestBlock = (element: Element | null): Element | null => {
    if (!element) return null;
    const cached = blockOf.get(element);
    if (cached !== undefined) return cached;
    const block = BLOCK_TAGS.has(element.tagName) ? element : nearestBlock(element.parentElement);
    blockOf.set(element, block);
    return block;
  };

  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) => (node.nodeType === ELEMENT_NODE && isProtected(node as Element) ? FILTER_REJECT : FILTER_ACCEPT),
  });
  let length = 0;
  let plainLength = 0;
  let previousBlock: Element | null = null;
  let pendingBreak = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      if ((node as Element).tagName === 'BR') pendingBreak = true;
      continue;
    }
    const text = node as Text;
    const block = nearestBlock(text.parentElement);
    if (nodes.length > 0 && (pendingBreak || block !== previousBlock)) {
      parts.push(BLOCK_SEPARATOR);
      length++;
    }
    pendingBreak = false;
    previousBlock = block;
    nodes.push(text);
    starts.push(length);
    plainStarts.push(plainLength);
    parts.push(text.data);
    length += text.data.length;
    plainLength += text.data.length;
  }
  return { text: parts.join(''), nodes, starts, plainStarts };
}

/** Index of the node holding joined-text offset `offset` (the last node starting at or before it). */
export function nodeAt(index: TextIndex, offset: number): number {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (index.starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A joined-text offset as (node, offset in node); offsets in a separator clamp to the node's end. */
export function locate(index: TextIndex, offset: number): { node: number; offset: number } {
  const node = nodeAt(index, offset);
  const within = Math.min(offset - index.starts[node]!, index.nodes[node]!.data.length);
  return { node, offset: Math.max(0, within) };
}

/** A joined-text offset in mark.js's coordinates (node data only, no separators). */
export function toPlainOffset(index: TextIndex, offset: number): number {
  const { node, offset: within } = locate(index, offset);
  return index.plainStarts[node]! + within;
}
