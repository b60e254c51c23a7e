/**
 * The part of the page a change covers: the subtrees the page observer
 * found changed, their text nodes read once, so every region and renderer
 * finds what it drew there in proportion to the change, not to the page.
 */
export interface ChangedArea {
  /** Their text nodes. */
  texts: ReadonlySet<Node>;
  /** Whether a node is one of the subtrees or inside one. */
  contains(node: Node): boolean;
}

/** Up to this many subtrees, `contains` asks each; above, a node's ancestors are looked up once. */
const CONTAINS_EACH_MAX = 4;

export function changedArea(roots: readonly Element[]): ChangedArea {
  const texts = new Set<Node>();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.add(node);
  }
  if (roots.length <= CONTAINS_EACH_MAX)
    return { texts, contains: (node) => roots.some((root) => root.contains(node)) };
  const set = new Set<Node>(roots);
  return {
    texts,
    contains(node) {
      for (let n: Node | null = node; n; n = n.parentNode) if (set.has(n)) return true;
      return false;
    },
  };
}
