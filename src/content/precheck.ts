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
 *
 * While stories are followed, the build's gate does not know them: the page is
 * then judged with the gate stored with the followed stories, which the gate
 * reader (followed-gate.ts) started reading at document_start. The page's text
 * is still read once and looked at once.
 */
import { buildId, gateSource, look } from 'virtual:precheck-gate';
import { usableGate, usableGateLook } from '../core/followed';
import { type FirstLook, firstLook, type Gate, Precheck } from '../core/precheck';
import { PRECHECK_RECHECK_MS } from '../core/timing';
import { askWorker, FOLLOWED_GATE_GLOBAL, type FollowedGateReader } from '../messages';
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

/** A gate to judge the page with: its first look at once, its clauses only for a page that gets past it. */
interface PageGate {
  look: FirstLook;
  /** The whole gate, or undefined where its clauses cannot be trusted. */
  precheck(): Precheck | Promise<Precheck | undefined>;
}

/** The gate built with the extension, of the shipped stories. */
function shippedGate(): PageGate {
  let precheck: Precheck | undefined;
  return { look, precheck: () => (precheck ??= new Precheck({ ...(JSON.parse(gateSource) as Gate), look })) };
}

/**
 * The gate of the shipped and the followed stories, as the gate reader found it in storage; undefined
 * if it is missing or for another build (the extension was updated since).
 */
async function followedGate(reader: FollowedGateReader): Promise<PageGate | undefined> {
  const stored = usableGateLook(await reader.look, buildId);
  if (!stored) return undefined;
  let precheck: Promise<Precheck | undefined> | undefined;
  const withClauses = async () => {
    const gate = usableGate(stored, await reader.clauses());
    return gate && new Precheck(gate);
  };
  return { look: stored.look, precheck: () => (precheck ??= withClauses()) };
}

async function mayShow(gate: PageGate): Promise<boolean> {
  if (!document.body) return false;
  // Most pages end at the first look; the clauses are parsed (or read) only for the others.
  const seen = firstLook(gate.look, pageText(document.body));
  if (!seen) return false;
  const precheck = await gate.precheck();
  // Clauses that cannot be trusted cannot say the page is quiet: the reader judges it.
  return precheck === undefined || precheck.holdsIn(seen);
}

async function main(): Promise<void> {
  if (!document.body || !sameOriginAsTop()) return;
  // While stories are followed, the worker has the gate reader run before this, in this isolated world.
  const reader = Reflect.get(globalThis, FOLLOWED_GATE_GLOBAL) as FollowedGateReader | undefined;
  const gate = reader ? await followedGate(reader) : shippedGate();
  // Stories are followed but their gate cannot be used: no page may miss them, so the reader judges this one.
  if (!gate || (await mayShow(gate))) {
    void startReader();
    return;
  }
  let scheduled = false;
  let started = false;
  const observer = new MutationObserver(() => {
    if (scheduled || started) return;
    scheduled = true;
    setTimeout(async () => {
      const shows = await mayShow(gate);
      scheduled = false;
      if (!shows || started) return;
      started = true;
      observer.disconnect();
      void startReader();
    }, PRECHECK_RECHECK_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

void main();
