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
  for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
    if (name.startsWith('nic-')) for (const r of h) ranges.push(`${name.slice(4)}|${r.toString()}`);
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
