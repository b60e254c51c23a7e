/**
 * Functions that run inside a page (passed to `page.evaluate` by the Chromium and the Firefox
 * harnesses alike). Each is self-contained: it is sent to the browser as source text.
 */

/** Text of everything visible inside the open shadow roots of `[data-annotator-ui]` hosts. */
export function visibleCardTextInPage(): string {
  const texts: string[] = [];
  for (const host of document.querySelectorAll<HTMLElement>('[data-annotator-ui]')) {
    if (!host.isConnected || host.hidden || !host.checkVisibility()) continue;
    const root = host.shadowRoot;
    if (!root) continue;
    for (const child of root.children) {
      if (child instanceof HTMLStyleElement || child instanceof HTMLLinkElement) continue;
      if (child instanceof HTMLElement && child.checkVisibility() && child.getClientRects().length > 0) {
        texts.push(child.innerText || child.textContent || '');
      }
    }
  }
  return texts.join('\n').trim();
}

/**
 * `category|text` of every range of the `nic-*` CSS highlights and of every element carrying a
 * fact id inside the extension's host (both sorted), and how many such elements are outside it.
 */
export function rangesAndEntriesInPage(): { ranges: string[]; entries: string[]; outsideHost: number } {
  const ranges: string[] = [];
  for (const [name, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    if (!name.startsWith('nic-')) continue;
    for (const r of h) {
      // Highlights are StaticRanges: their text is read through a live Range over the same bounds.
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      ranges.push(`${name.slice(4)}|${live.toString()}`);
    }
  }
  const all = [...document.querySelectorAll('[data-fact-id]')];
  const host = document.querySelector('[data-annotator-ui]');
  const inHost = all.filter((e) => host?.contains(e));
  return {
    ranges: ranges.sort(),
    entries: inHost.map((e) => `${e.getAttribute('data-category')}|${e.textContent}`).sort(),
    outsideHost: all.length - inHost.length,
  };
}

/** Tag names of <html>'s children, `[ui]` marking the extension's host. */
export function rootChildrenInPage(): string[] {
  return [...document.documentElement.children].map(
    (e) => e.tagName.toLowerCase() + (e.hasAttribute('data-annotator-ui') ? '[ui]' : ''),
  );
}

/** `id|text` of every element carrying a fact id (marks in the page, or entries in the extension's host), sorted. */
export function factHighlightsInPage(): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll('[data-fact-id]'))
    for (const id of (el.getAttribute('data-fact-id') ?? '').split(/\s+/)) if (id) out.push(`${id}|${el.textContent}`);
  return out.sort();
}

/**
 * The middle of a person highlight (the first whose text contains `text`, or lies inside `within`, else the
 * first), with its block scrolled into view; null if there is none. Highlights are StaticRanges: their text
 * and boxes are read through a live Range over the same bounds.
 */
export function pointOnPersonRangeInPage(find: { text?: string; within?: string }): { x: number; y: number } | null {
  const ranges = [...(CSS.highlights.get('nic-person') as unknown as Set<AbstractRange> | undefined)!].map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live;
  });
  const range = find.text
    ? ranges.find((r) => r.toString().includes(find.text!))
    : find.within
      ? (ranges.find((r) => r.startContainer.parentElement?.closest(find.within!)) ?? ranges[0])
      : ranges[0];
  if (!range) return null;
  range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0]!;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
