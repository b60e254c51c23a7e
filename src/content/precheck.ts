/**
 * The pre-check (precheck.js): the one content script every http(s) page and
 * same-origin frame runs. It reads the page's text once, natively
 * (`textContent` of the body and of its open shadow roots), and asks the gate
 * compiled from the packs at build time (src/core/precheck.ts) whether any
 * story could show there. Almost always none can: then the page pays for this
 * read alone (no polyfill, no port, no text sent), and the pre-check only
 * watches for text that arrives later, checking the page again at most once
 * every PRECHECK_RECHECK_MS. Where a story may show, it has the worker inject
 * the reader (content.js), which takes over.
 */
import { gateSource, look } from 'virtual:precheck-gate';
import { firstLook, type Gate, Precheck } from '../core/precheck';
import { PRECHECK_RECHECK_MS } from '../core/timing';
import { askWorker } from '../messages';
import { sameOriginAsTop } from './frames';

/** The text the reader would read: the body's, and that of every open shadow root in it. */
function pageText(body: HTMLElement): string {
  let text = body.textContent ?? '';
  // The body's elements as a live collection walked by index: a quarter of what querySelectorAll('*')
  // costs on a large page (shadow roots, which are rare, have only the latter).
  const roots: (Element | ShadowRoot)[] = [body];
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    const elements = root instanceof Element ? root.getElementsByTagName('*') : root.querySelectorAll('*');
    for (let e = 0; e < elements.length; e++) {
      const shadow = elements[e]!.shadowRoot;
      if (!shadow) continue;
      text += `\n${shadow.textContent ?? ''}`;
      roots.push(shadow);
    }
  }
  return text;
}

async function startReader(): Promise<void> {
  try {
    // The polyfill is loaded only here: a page no story can show on never evaluates it.
    const { default: browser } = await import('webextension-polyfill');
    await askWorker(browser.runtime, { type: 'reader/inject' });
  } catch {
    // The extension is gone (updated or removed since the page loaded): there is no reader to start.
  }
}

function main(): void {
  if (!document.body || !sameOriginAsTop()) return;
  let precheck: Precheck | undefined;
  const mayShow = () => {
    if (!document.body) return false;
    const text = pageText(document.body);
    // Most pages end at the first look; the clauses are parsed only for the others.
    const seen = firstLook(look, text);
    if (!seen) return false;
    precheck ??= new Precheck({ ...(JSON.parse(gateSource) as Gate), look });
    return precheck.holdsIn(seen);
  };
  if (mayShow()) {
    void startReader();
    return;
  }
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!mayShow()) return;
      observer.disconnect();
      void startReader();
    }, PRECHECK_RECHECK_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

main();
