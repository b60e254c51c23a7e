/**
 * The waker (waker.js): runs at document_start in the top frame and only
 * tells the extension's worker that a page is loading. A worker that was
 * asleep starts (and compiles its code) while the page loads, instead of
 * after the reader has sent the page's text at document_idle.
 */
import browser from 'webextension-polyfill';
import { askWorker } from '../messages';

// Nothing to do if the worker cannot be reached: the reader's own port wakes it later.
askWorker(browser.runtime, { type: 'worker/wake' }).catch(() => undefined);
