/**
 * The page the worker opens, unseen, when it finds the followed stories' compiled copy stale (the
 * extension was updated since it was written): it compiles them again as the popup and the story
 * manager do (`compileIfStale`), since the worker must not load the compiler, and says when it is
 * done so the worker closes it. In Chrome it is an offscreen document, which has no storage API: the
 * worker reads and writes for it. In Firefox it is a frame of the event page, with storage of its own.
 */
import browser from 'webextension-polyfill';
import { compileIfStale, type StoreArea } from '../follow/store';
import { askWorker } from '../messages';

const workerStorage: StoreArea = {
  get: (keys) => askWorker(browser.runtime, { type: 'compiler/storage-get', keys: [keys ?? []].flat() as string[] }),
  set: (items) => askWorker(browser.runtime, { type: 'compiler/storage-set', items }),
};

const local = (browser as { storage?: Partial<typeof browser.storage> }).storage?.local;
compileIfStale(local ?? workerStorage).then(
  () => askWorker(browser.runtime, { type: 'compiler/done' }),
  (error: unknown) => {
    console.error('[news-in-context] compiling the followed stories failed', error);
    return askWorker(browser.runtime, { type: 'compiler/done', error: String(error) });
  },
);
