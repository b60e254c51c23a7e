/**
 * The page the worker opens, unseen, when it finds the followed stories' compiled copy stale (the
 * extension was updated since it was written): it compiles them again as the popup and the story
 * manager do (`compileIfStale`), since the worker must not load the compiler, and says when it is
 * done so the worker closes it. The compile itself runs in a Web Worker the page starts
 * (compile-worker.ts): that is what Chrome's offscreen document is opened for (reason `WORKERS`).
 * In Chrome it is an offscreen document, which has no storage API: the worker reads and writes for
 * it. In Firefox it is a frame of the event page, with storage of its own.
 */
import browser from 'webextension-polyfill';
import type { FollowedCompiledItems, FollowedStore } from '../core/followed';
import { type CompileFollowed, compileIfStale, type StoreArea } from '../follow/store';
import { askWorker, type CompileReply, type CompileRequest } from '../messages';

const workerStorage: StoreArea = {
  get: (keys) => askWorker(browser.runtime, { type: 'compiler/storage-get', keys: [keys ?? []].flat() as string[] }),
  set: (items) => askWorker(browser.runtime, { type: 'compiler/storage-set', items }),
};

/** Compiles in a Web Worker of this page, started for the one compile and ended with it. */
const compileInWorker: CompileFollowed = (store: FollowedStore) =>
  new Promise<FollowedCompiledItems>((resolve, reject) => {
    const worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<CompileReply>) => {
      worker.terminate();
      if ('items' in event.data) resolve(event.data.items);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(`the compile worker failed: ${event.message}`));
    });
    worker.postMessage({ store } satisfies CompileRequest);
  });

const local = (browser as { storage?: Partial<typeof browser.storage> }).storage?.local;
compileIfStale(local ?? workerStorage, compileInWorker).then(
  () => askWorker(browser.runtime, { type: 'compiler/done' }),
  (error: unknown) => {
    console.error('[news-in-context] compiling the followed stories failed', error);
    return askWorker(browser.runtime, { type: 'compiler/done', error: String(error) });
  },
);
