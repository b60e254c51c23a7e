/**
 * The followed stories' gate reader (followed-gate.js): registered by the worker on every page, at
 * document_start, while stories are followed and their gate is stored (src/background/reader-everywhere.ts).
 * It only starts reading the stored gate's first look, and leaves that, with a way to read the clauses,
 * in the frame's isolated world, where the pre-check (precheck.ts) finds it at document_idle and judges
 * the page with it instead of the build's gate, which knows only the shipped stories. The read runs
 * while the page loads, so the pre-check does not wait for it.
 *
 * It is the one script that calls the browser without webextension-polyfill. It runs on every page while
 * stories are followed, and evaluating the polyfill there cost each page 1.0–1.5 ms of main-thread time,
 * a third of what following 50 stories may add to a quiet page (docs/architecture.md, "Followed stories").
 * Its one call needs nothing the polyfill adds: under Manifest V3, `storage.local.get` returns a promise
 * in both browsers, as `browser` in Firefox and as `chrome` in Chrome (the namespace the polyfill picks).
 */
import { FOLLOWED_GATE_CLAUSES_KEY, FOLLOWED_GATE_KEY } from '../core/followed';
import { FOLLOWED_GATE_GLOBAL, type FollowedGateReader } from '../messages';

/** The part of the browser's own extension API this script calls. */
interface ExtensionStorage {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const extension = (Reflect.get(globalThis, 'browser') ?? Reflect.get(globalThis, 'chrome')) as ExtensionStorage;

/** One key of storage, or undefined where it cannot be read (the extension is gone). */
function read(key: string): Promise<unknown> {
  try {
    return extension.storage.local.get(key).then(
      (stored) => stored[key],
      () => undefined,
    );
  } catch {
    return Promise.resolve(undefined);
  }
}

const reader: FollowedGateReader = {
  look: read(FOLLOWED_GATE_KEY),
  clauses: () => read(FOLLOWED_GATE_CLAUSES_KEY),
};
Reflect.set(globalThis, FOLLOWED_GATE_GLOBAL, reader);
