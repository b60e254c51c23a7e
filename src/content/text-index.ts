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
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  '[contenteditable]',
  'svg',
  'math',
  'pre',
  'code',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  '[data-annotator-ui]',
];
const PROTECTED = PROTECTED_SELECTORS.join(',');

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'LEGEND',
  'MENU',
]);

/**
 * Inline elements that can hold no block, line break or protected region, and cannot host a
 * shadow root (only custom elements and a few others, span among them, can).
 */
const PLAIN_INLINE_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
];
/** Matches, inside a block, any element that keeps the block from being read whole. */
const NOT_PLAIN = `:not(${PLAIN_INLINE_TAGS.join(',')}),[contenteditable],[data-annotator-ui]`;

// DOM constants by value: the index also runs under a DOM implementation in Node (evaluation).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

export interface TextIndex {
  /** The joined text: text node data with block separators between blocks. */
  text: string;
  nodes: Text[];
  /** Offset of each node's data in `text`. */
  starts: number[];
  /** Offset of each node's data in the concatenation of node data alone (mark.js's coordinates). */
  plainStarts: number[];
  /** Length of each node's data when indexed (marking later splits the nodes themselves). */
  lengths: number[];
}

/** A block element: text on either side of it never joins into one sentence. */
export function isBlockElement(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

export function isProtected(element: Element): boolean {
  return element.matches(PROTECTED);
}

/**
 * Builds the index in steps, so a huge page can be read across several short
 * tasks. The walker keeps its place between steps.
 *
 * Without `mapNodes`, it reads the same text without the map back to text
 * nodes, which is all a page needs until something in it is to be drawn: a
 * block of plain text (no block, line break, protected region or possible
 * shadow host inside) is read whole with one `textContent`. It gives exactly
 * the text node-by-node reading gives (all the block's text nodes have the
 * block as their block), and touches none of the block's text nodes, whose
 * one-by-one reading cost most of a page's reading.
 */
export class TextIndexBuilder {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly plainStarts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly parts: string[] = [];
  /** Text nodes read so far, the ones read as part of a whole block included. */
  private count = 0;
  private readonly blockOf = new Map<Element, Element | null>();
  private readonly walker: TreeWalker;
  private length = 0;
  private plainLength = 0;
  private previousBlock: Element | null = null;
  private pendingBreak = false;
  /** Open shadow roots met on the way: the caller indexes each on its own. */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(
    root: Element | ShadowRoot,
    private readonly mapNodes = true,
  ) {
    // No filter callback: one call from the walker into script per node cost more than the rest of the reading.
    this.walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  }

  /** The node after the current one's subtree (a protected region is skipped whole). */
  private skipSubtree(): Node | null {
    for (;;) {
      const next = this.walker.nextSibling();
      if (next) return next;
      if (!this.walker.parentNode()) return null;
    }
  }

  /** Reads up to `maxNodes` more nodes; true when the whole tree is read. */
  step(maxNodes = Infinity): boolean {
    for (let budget = maxNodes; budget > 0; budget--) {
      let node = this.walker.nextNode();
      while (node && node.nodeType === ELEMENT_NODE && this.skips(node as Element)) node = this.skipSubtree();
      if (!node) return true;
      if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        if (element.tagName === 'BR') this.pendingBreak = true;
        if (element.shadowRoot) this.shadowRoots.push(element.shadowRoot);
        continue;
      }
      const text = node as Text;
      const data = text.data;
      const plainStart = this.plainLength;
      const start = this.add(data, this.nearestBlock(text.parentElement));
      if (this.mapNodes) {
        this.nodes.push(text);
        this.starts.push(start);
        this.plainStarts.push(plainStart);
        this.lengths.push(data.length);
      }
    }
    return false;
  }

  /** Whether the walker skips this element's subtree: protected, or a plain block read here whole. */
  private skips(element: Element): boolean {
    if (isProtected(element)) return true;
    if (this.mapNodes || !BLOCK_TAGS.has(element.tagName) || element.querySelector(NOT_PLAIN)) return false;
    const data = element.textContent!;
    // Empty: no text node, or only empty ones, which count for separators: read those node by node.
    if (data.length === 0) return false;
    if (element.shadowRoot) this.shadowRoots.push(element.shadowRoot);
    this.add(data, element);
    return true;
  }

  /**
   * Adds the text of one node, or of a whole block's nodes, all of them in `block`, after a
   * separator if the text before was in another block or a line broke; returns where it starts.
   */
  private add(data: string, block: Element | null): number {
    if (this.count > 0 && (this.pendingBreak || block !== this.previousBlock)) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length++;
    }
    this.pendingBreak = false;
    this.previousBlock = block;
    this.count++;
    const start = this.length;
    this.parts.push(data);
    this.length += data.length;
    this.plainLength += data.length;
    return start;
  }

  /** The text read (the index's `text`). */
  text(): string {
    return this.parts.join('');
  }

  result(): TextIndex {
    if (!this.mapNodes) throw new Error('this reading keeps no map to text nodes');
    return {
      text: this.text(),
      nodes: this.nodes,
      starts: this.starts,
      plainStarts: this.plainStarts,
      lengths: this.lengths,
    };
  }

  private nearestBlock(element: Element | null): Element | null {
    if (!element) return null;
    const cached = this.blockOf.get(element);
    if (cached !== undefined) return cached;
    const block = BLOCK_TAGS.has(element.tagName) ? element : this.nearestBlock(element.parentElement);
    this.blockOf.set(element, block);
    return block;
  }
}

export function buildTextIndex(root: Element | ShadowRoot): TextIndex {
  const builder = new TextIndexBuilder(root);
  builder.step();
  return builder.result();
}

/** The text `buildTextIndex(root)` reads, without its map to text nodes. */
export function readText(root: Element | ShadowRoot): string {
  const builder = new TextIndexBuilder(root, false);
  builder.step();
  return builder.text();
}

/** Index of the node holding joined-text offset `offset` (the last node starting at or before it). */
function nodeAt(index: TextIndex, offset: number): number {
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
  const within = Math.min(offset - index.starts[node]!, index.lengths[node]!);
  return { node, offset: Math.max(0, within) };
}

/** A joined-text offset in mark.js's coordinates (node data only, no separators). */
export function toPlainOffset(index: TextIndex, offset: number): number {
  const { node, offset: within } = locate(index, offset);
  return index.plainStarts[node]! + within;
}
