/**
 * Between the two content scripts. The reader (content.js) runs on every page:
 * it reads the text, has the worker analyse it and watches the page for
 * changes. Only when a reading shows something of a story, or the popup or
 * the shortcut asks, does the worker inject the annotator (annotator.js) into
 * that frame; the annotator then registers its start function here and the
 * reader hands over what it has. Both scripts run in the extension's isolated
 * world of the frame, so the page sees neither the global nor the handoff.
 */
import type { Settings } from '../core/settings';
import type { Lookup } from '../core/ui-text';
import type { ContentMessages, Handlers } from '../messages';
import type { Analyst } from './analyst';
import type { PageText } from './read-page';

/** Where annotator.js leaves its start function, on the isolated world's global object. */
const ANNOTATOR_GLOBAL = '__newsInContextAnnotator';
/** Where the reader, while it waits for annotator.js, leaves the function the annotator calls once it has run. */
const ARRIVAL_GLOBAL = '__newsInContextAnnotatorArrival';

/** The annotator's start function, if annotator.js has run in this frame. */
export function registeredAnnotator(): StartAnnotator | undefined {
  const start: unknown = Reflect.get(globalThis, ANNOTATOR_GLOBAL);
  return typeof start === 'function' ? (start as StartAnnotator) : undefined;
}

/** Run by annotator.js: leaves its start function, and tells a reader waiting for it. */
export function registerAnnotator(start: StartAnnotator): void {
  Reflect.set(globalThis, ANNOTATOR_GLOBAL, start);
  const arrival: unknown = Reflect.get(globalThis, ARRIVAL_GLOBAL);
  Reflect.deleteProperty(globalThis, ARRIVAL_GLOBAL);
  if (typeof arrival === 'function') arrival(start);
}

/**
 * Resolves as soon as annotator.js has run in this frame (at once if it has). The worker's answer to the
 * injection comes much later when it is busy with analyses: the annotator says so itself first.
 */
export function annotatorArrival(): Promise<StartAnnotator> {
  const start = registeredAnnotator();
  if (start) return Promise.resolve(start);
  return new Promise((resolve) => Reflect.set(globalThis, ARRIVAL_GLOBAL, resolve));
}

/** The reader's tie to its extension (see lifecycle.ts), as the annotator uses it. */
export interface Lifeline {
  readonly signal: AbortSignal;
  readonly ended: boolean;
  onEnd(teardown: () => void): void;
  check(): boolean;
  /** From now on, notice the extension's going at once (the reader only checks on its next move). */
  watch(): void;
}

/** What the reader hands over. */
export interface ReaderHandoff {
  analyst: Analyst;
  lifeline: Lifeline;
  /** The settings this page runs under now (the reader keeps following storage and the shortcut). */
  settings(): Settings;
  /** The top frame always reads; frames with less text than this are left alone. */
  minTextChars: number;
  /** Tells the worker how many highlights this tab shows (only the top frame does). */
  setBadge(count: number): void;
  /** The extension's own words in the interface language (`browser.i18n.getMessage`): the card's and the list's. */
  text: Lookup;
  /**
   * The reader's latest full reading, if it has one: its text alone. The annotator reads the page with
   * its map to text nodes and, if the text is the same, draws these findings without asking again.
   */
  reading?: PageText;
}

export type AnnotatorMessages = Pick<ContentMessages, 'page/get-state' | 'annotations/export'>;

/** The annotator once started: the reader passes it setting changes and the popup's requests. */
export interface RunningAnnotator {
  /** The settings changed (storage, or the shortcut's page switch). */
  settingsChanged(): void;
  /** The stories followed changed: the page is read and judged again (the old highlights stay until then). */
  storiesChanged(): void;
  /** The popup's requests (the reader answers `page/toggle` itself: it owns the page switch). */
  handlers: Handlers<AnnotatorMessages, undefined>;
}

export type StartAnnotator = (handoff: ReaderHandoff) => RunningAnnotator;
