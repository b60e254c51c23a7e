/**
 * The followed stories' gate reader (followed-gate.js): registered by the worker on every page, at
 * document_start, while stories are followed and their gate is stored (src/background/reader-everywhere.ts).
 * It only starts reading the stored gate's first look, and leaves that, with a way to read the clauses,
 * in the frame's isolated world, where the pre-check (precheck.ts) finds it at document_idle and judges
 * the page with it instead of the build's gate, which knows only the shipped stories. The read runs
 * while the page loads, so the pre-check does not wait for it.
 */
import browser from 'webextension-polyfill';
import { FOLLOWED_GATE_CLAUSES_KEY, FOLLOWED_GATE_KEY } from '../core/followed';
import { FOLLOWED_GATE_GLOBAL, type FollowedGateReader } from '../messages';

/** One key of storage, or undefined where it cannot be read (the extension is gone). */
function read(key: string): Promise<unknown> {
  return browser.storage.local.get(key).then(
    (stored) => stored[key],
    () => undefined,
  );
}

const reader: FollowedGateReader = {
  look: read(FOLLOWED_GATE_KEY),
  clauses: () => read(FOLLOWED_GATE_CLAUSES_KEY),
};
Reflect.set(globalThis, FOLLOWED_GATE_GLOBAL, reader);
