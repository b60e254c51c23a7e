/**
 * Has the followed stories compiled again by an extension page, unseen, when the worker finds their
 * compiled copy stale (after an update, before the reader opens the popup or the story manager): the
 * worker itself must not load the compiler, or every wake-up would pay for it. Chrome: an offscreen
 * document (the worker has no DOM, and cannot start a Web Worker of its own), in which the compile runs
 * in a Web Worker the page starts. Firefox, which has no offscreen documents: a frame of the event
 * page, which is a document. The page writes the copy; the worker sees the change and reloads.
 */
import browser from 'webextension-polyfill';
import { COMPILER_PAGE } from '../messages';

/** chrome.offscreen (Chrome 109+), which the polyfill passes through as it is; Firefox has none. */
interface Offscreen {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
const offscreen = (browser as unknown as { offscreen?: Offscreen }).offscreen;

const JUSTIFICATION = 'Compiles the stories the reader follows for this version of the extension.';

let started = false;

/**
 * Opens the compiler page, once per wake-up: a copy it could not make (a stored story this version
 * refuses) is not tried again on every reload of the served data.
 */
export async function compileInPage(): Promise<void> {
  if (started) return;
  started = true;
  if (!offscreen) {
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL(COMPILER_PAGE);
    frame.dataset.compiler = '';
    document.body.append(frame);
    return;
  }
  // WORKERS: the page spawns a Web Worker and compiles in it (src/compiler/compile-worker.ts).
  const parameters = { url: COMPILER_PAGE, reasons: ['WORKERS'], justification: JUSTIFICATION };
  try {
    await offscreen.createDocument(parameters);
  } catch {
    // Only one offscreen document may be open: one an earlier wake-up left open is replaced.
    await offscreen.closeDocument().catch(() => undefined);
    await offscreen.createDocument(parameters);
  }
}

/** The compiler page is done: close it. */
export async function closeCompilerPage(): Promise<void> {
  if (offscreen) await offscreen.closeDocument().catch(() => undefined);
  else for (const frame of document.querySelectorAll('iframe[data-compiler]')) frame.remove();
}
