/**
 * The content script's tie to its extension. When the extension is reloaded,
 * updated or removed, the scripts left in open tabs lose their context:
 * `runtime.id` becomes undefined and every extension call throws "Extension
 * context invalidated". The browser runs no code of ours to say so, so this
 * module notices, then takes everything the script put in the page away
 * quietly (highlights, marks, card, host, listeners): no dead cards and no
 * errors in the page's console. Pages opened afterwards get the new script.
 *
 * How it notices: every extension call the scripts make checks first, and
 * once something is drawn (`watch`), a port to the worker, which the browser
 * disconnects when the extension goes away (it also disconnects when an idle
 * worker is stopped, which the checks that follow tell apart), and a look at
 * `runtime.id` on the reader's next move (pointer, focus, key, tab shown
 * again) in case the port was already gone. A page that shows nothing has
 * nothing to take away: its reader stops at its next check, and does not pay
 * for the port and the listeners on every page.
 */
import browser from 'webextension-polyfill';
import { LIFELINE_PORT } from '../messages';
import type { Lifeline } from './handoff';
import { removeLeftovers } from './leftovers';

const INTERACTIONS = ['pointerover', 'pointerdown', 'focusin', 'keydown'] as const;
/**
 * The port closes a moment before `runtime.id` goes (Chromium 156: the first check, at once,
 * still sees it), so a disconnect is checked again after these delays. When it was only an idle
 * worker being stopped, that is all it costs.
 */
const RECHECK_AFTER_DISCONNECT_MS = [0, 50, 250, 1000, 4000];

/** Whether this script can still talk to its extension. */
export function contextAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

export class ExtensionLifecycle implements Lifeline {
  private readonly controller = new AbortController();
  private readonly teardowns: (() => void)[] = [];
  private watching = false;

  constructor() {
    removeLeftovers();
  }

  /** Notices the extension's going as soon as it happens: for pages with something drawn. */
  watch(): void {
    if (this.watching || this.ended) return;
    this.watching = true;
    const check = () => this.check();
    for (const type of INTERACTIONS) document.addEventListener(type, check, { capture: true, signal: this.signal });
    document.addEventListener('visibilitychange', check, { signal: this.signal });
    try {
      const port = browser.runtime.connect({ name: LIFELINE_PORT });
      port.onDisconnect.addListener(() => {
        // Read so that Chromium does not report the disconnect as an unchecked error.
        void browser.runtime.lastError;
        for (const delay of RECHECK_AFTER_DISCONNECT_MS) setTimeout(check, delay);
      });
    } catch {
      // Already gone: the first check ends it.
    }
  }

  /** Aborted when the extension is gone: pass it to every page listener the script adds. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get ended(): boolean {
    return this.signal.aborted;
  }

  /** Runs `teardown` when the extension goes away (at once if it already has). */
  onEnd(teardown: () => void): void {
    if (this.ended) runQuietly(teardown);
    else this.teardowns.push(teardown);
  }

  /** True while the extension is there; otherwise tears the script down (once). */
  check(): boolean {
    if (this.ended) return false;
    if (contextAlive()) return true;
    this.controller.abort();
    for (const teardown of this.teardowns.splice(0)) runQuietly(teardown);
    return false;
  }
}

/** A teardown step that fails must not stop the others, nor reach the page's console. */
function runQuietly(step: () => void): void {
  try {
    step();
  } catch {
    // Nothing to report to: the extension is gone.
  }
}
