/**
 * Every message between the extension's parts: one map per receiver, from a
 * message type to its request and its response, one guard per message that
 * checks its shape on arrival, and one typed `ask` per receiver, so no call
 * site casts a response. Senders other than this extension are refused by
 * `isFromThisExtension` before a message is even looked at.
 *
 * Page analysis goes over a runtime Port instead (`ANALYSIS_PORT`): the page
 * sends its text in pieces and the findings come back in batches.
 */
import type { PageArticle } from './builder/follow';
import type { CardModel } from './core/cards';
import type { Category } from './core/categories';
import type { StoryInfo } from './core/compiled-dataset';
import type { AnnotationCollection } from './core/export';
import type { FollowedCompiledItems, FollowedStore } from './core/followed';
import type { FindingsBatch, Stretch } from './core/page-analysis';
import type { PageVerdict, ShowOptions, StoryVerdict, VerdictKind } from './core/verdict';

export type { StoryInfo } from './core/compiled-dataset';

/** Popup → worker: every story the extension knows, with its summary, limits and source. */
export interface GetStoryResponse {
  /** In the dataset's order. */
  stories: StoryInfo[];
}

/** What the popup shows about a page: what was found there and a verdict per story. */
export interface PageStateResponse {
  host: string;
  /** Highlights shown now, per category. */
  counts: Record<Category, number>;
  /** Facts found on the page (whether shown or switched off), with titles. */
  found: { id: string; title: string; category: Category }[];
  /** Stories whose people, places or organisations the page names although it is not about them. */
  named: string[];
  /** The verdict for each story this page is more than 'nothing' to (none: the page is about no story). */
  verdicts: {
    storyId: string;
    kind: VerdictKind;
    statementsFound: number;
    statementsTotal: number;
    spinExamples: string[];
  }[];
}

export interface TogglePageResponse {
  /** Whether the page is highlighted now. */
  enabled: boolean;
}

/** The manifest command (keyboard shortcut) that sends `page/toggle` to the active tab. */
export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/**
 * Content script → worker: a port held open only to be told, by its disconnection, that the
 * extension was reloaded or removed (see src/content/lifecycle.ts). No message goes over it.
 */
export const LIFELINE_PORT = 'lifeline';

/** Messages the background worker answers. */
export interface WorkerMessages {
  /** Popup → worker: every story the extension knows, with its summary, limits and source. */
  'story/get': { request: { type: 'story/get' }; response: GetStoryResponse };
  /** Content script → worker: how many highlights this tab shows now. */
  'badge/set': { request: { type: 'badge/set'; count: number }; response: undefined };
  /** Content script → worker: inject the annotator into the asking frame (its reading showed something). */
  'annotator/inject': { request: { type: 'annotator/inject' }; response: undefined };
  /** Pre-check → worker: inject the reader into the asking frame (a story may show there). */
  'reader/inject': { request: { type: 'reader/inject' }; response: undefined };
  /**
   * The compiler page (COMPILER_PAGE) → worker: storage values. Chrome gives an offscreen document no
   * storage API, so the worker reads and writes for it.
   */
  'compiler/storage-get': {
    request: { type: 'compiler/storage-get'; keys: string[] };
    response: Record<string, unknown>;
  };
  'compiler/storage-set': {
    request: { type: 'compiler/storage-set'; items: Record<string, unknown> };
    response: undefined;
  };
  /** The compiler page → worker: the followed stories are compiled for this build (or `error` says why not). */
  'compiler/done': { request: { type: 'compiler/done'; error?: string }; response: undefined };
}

/**
 * The extension page that compiles the followed stories again when the worker finds their compiled
 * copy stale (after an update): Chrome's offscreen document, or a frame of Firefox's event page.
 */
export const COMPILER_PAGE = 'src/compiler/index.html';

/** The compiler page → its Web Worker (src/compiler/compile-worker.ts): the followed stories to compile. */
export interface CompileRequest {
  store: FollowedStore;
}
/** The compiler page's Web Worker → the page: the stories compiled with the shipped packs, or why not. */
export type CompileReply = { items: FollowedCompiledItems } | { error: string };

/**
 * The pre-check (src/content/precheck.ts), the one content script every page runs: it tells from the
 * page's text whether any story could show there, and only then has the worker inject the reader.
 */
export const PRECHECK_SCRIPT = 'precheck.js';
/**
 * The followed stories' gate reader (src/content/followed-gate.ts): while stories are followed and their
 * gate is stored, the worker registers it on every page at document_start, in place of the reader. It
 * leaves a FollowedGateReader under FOLLOWED_GATE_GLOBAL in the frame's isolated world, which the
 * pre-check, at document_idle, judges the page with instead of the build's gate.
 */
export const FOLLOWED_GATE_SCRIPT = 'followed-gate.js';
export const FOLLOWED_GATE_GLOBAL = '__newsInContextFollowedGate';

/** The stored gate's two parts as read from storage (checked by the pre-check, which knows the build). */
export interface FollowedGateReader {
  /** The first look, read as soon as the page starts. */
  look: Promise<unknown>;
  /** The clauses, read only where a page gets past the first look. */
  clauses(): Promise<unknown>;
}

/** The reader (src/content/main.ts), injected by `reader/inject`, or on every page while names everywhere (or a followed story whose gate is not stored) asks for it. */
export const READER_SCRIPT = 'content.js';
/** Set in a frame's isolated world by the reader once it runs there: injected again, it does nothing. */
export const READER_GLOBAL = '__newsInContextReader';

/** The annotator's script in the build, injected into a frame by `annotator/inject`. */
export const ANNOTATOR_SCRIPT = 'annotator.js';

/**
 * The article reader (src/content/article.ts), injected by the popup on demand: it leaves a function
 * under ARTICLE_GLOBAL in the frame's isolated world, which the popup calls with `scripting.executeScript`.
 */
export const ARTICLE_SCRIPT = 'article.js';
export const ARTICLE_GLOBAL = '__newsInContextArticle';

/** What the article reader answers: whether the page holds an article and, when asked, the article. */
export interface ArticleReading {
  readerable: boolean;
  /** The page's address. */
  address: string;
  article?: PageArticle;
}

/** Messages a tab's content script answers. */
export interface ContentMessages {
  /** Popup → content script: what was found on this page. */
  'page/get-state': { request: { type: 'page/get-state' }; response: PageStateResponse };
  /** Popup (or anyone with the tab id) → content script: the W3C Web Annotation export. */
  'annotations/export': { request: { type: 'annotations/export' }; response: AnnotationCollection };
  /** Worker → content script (every frame): the keyboard shortcut switches highlighting on this page. */
  'page/toggle': { request: { type: 'page/toggle' }; response: TogglePageResponse };
  /** Worker → content scripts: a story was followed, unfollowed or edited; the page is judged again. */
  'page/stories-changed': { request: { type: 'page/stories-changed' }; response: undefined };
}

type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type WorkerRequest = RequestOf<WorkerMessages, keyof WorkerMessages>;
export type ContentRequest = RequestOf<ContentMessages, keyof ContentMessages>;

/** How a receiver answers each of its messages (the compiler checks every response). */
export type Handlers<M, Context> = {
  [K in keyof M]: (request: RequestOf<M, K>, context: Context) => ResponseOf<M, K> | Promise<ResponseOf<M, K>>;
};

/** Answers a request that passed its guard with its handler: the one place the two types meet. */
export function dispatch<M, Context>(
  handlers: Handlers<M, Context>,
  request: RequestOf<M, keyof M> & { type: keyof M },
  context: Context,
): Promise<unknown> {
  const handler = handlers[request.type] as (request: unknown, context: Context) => unknown;
  return Promise.resolve(handler(request, context));
}

/** The bits of `browser.runtime` and `browser.tabs` that asking needs. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}
export interface TabsLike {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/** Asks the background worker. The one place a worker response gets its type. */
export function askWorker<K extends keyof WorkerMessages>(
  runtime: RuntimeLike,
  request: RequestOf<WorkerMessages, K> & { type: K },
): Promise<ResponseOf<WorkerMessages, K>> {
  return runtime.sendMessage(request) as Promise<ResponseOf<WorkerMessages, K>>;
}

/**
 * Asks the content script of a tab's top frame, or of every frame (the first answer comes back).
 * The one place a content response gets its type.
 */
export function askTab<K extends keyof ContentMessages>(
  tabs: TabsLike,
  tabId: number,
  request: RequestOf<ContentMessages, K> & { type: K },
  frames: 'top' | 'all' = 'top',
): Promise<ResponseOf<ContentMessages, K>> {
  const sent = frames === 'top' ? tabs.sendMessage(tabId, request, { frameId: 0 }) : tabs.sendMessage(tabId, request);
  return sent as Promise<ResponseOf<ContentMessages, K>>;
}

/** How long a reader just injected may take to answer: READER_START_ATTEMPTS × READER_START_RETRY_MS. */
const READER_START_ATTEMPTS = 20;
const READER_START_RETRY_MS = 100;

/** `askTab` for a reader just injected, which answers once it has read its settings: asks again until it does. */
export async function askNewReader<K extends keyof ContentMessages>(
  tabs: TabsLike,
  tabId: number,
  request: RequestOf<ContentMessages, K> & { type: K },
  frames: 'top' | 'all' = 'top',
): Promise<ResponseOf<ContentMessages, K>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await askTab(tabs, tabId, request, frames);
    } catch (error) {
      if (attempt >= READER_START_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, READER_START_RETRY_MS));
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** One guard per message: its shape, given its type. */
const WORKER_GUARDS: { [K in keyof WorkerMessages]: (message: Record<string, unknown>) => boolean } = {
  'story/get': () => true,
  'badge/set': (message) => isCount(message.count),
  'annotator/inject': () => true,
  'reader/inject': () => true,
  'compiler/storage-get': (message) =>
    Array.isArray(message.keys) && message.keys.every((key) => typeof key === 'string'),
  'compiler/storage-set': (message) => isRecord(message.items) && !Array.isArray(message.items),
  'compiler/done': (message) => message.error === undefined || typeof message.error === 'string',
};
const CONTENT_GUARDS: { [K in keyof ContentMessages]: (message: Record<string, unknown>) => boolean } = {
  'page/get-state': () => true,
  'annotations/export': () => true,
  'page/toggle': () => true,
  'page/stories-changed': () => true,
};

/** A message's check: its type is one of `guards`' keys, and that type's guard accepts its shape. */
function guarded<T extends { type: string }>(guards: Record<T['type'], (message: Record<string, unknown>) => boolean>) {
  return (message: unknown): message is T =>
    isRecord(message) &&
    typeof message.type === 'string' &&
    Object.hasOwn(guards, message.type) &&
    guards[message.type as T['type']](message);
}

export const isWorkerRequest = guarded<WorkerRequest>(WORKER_GUARDS);
export const isContentRequest = guarded<ContentRequest>(CONTENT_GUARDS);

/** Only this extension's own pages and content scripts may talk to its parts. */
export function isFromThisExtension(sender: { id?: string }, extensionId: string): boolean {
  return sender.id === extensionId;
}

// ---------------------------------------------------------------------------------------------
// Page analysis, over a Port named ANALYSIS_PORT: one port per job, opened by the content script.
// ---------------------------------------------------------------------------------------------

export const ANALYSIS_PORT = 'page-analysis';

/**
 * Content script → worker, in this order: `start`, any number of `text`, `end`.
 * `annotate` answers with a verdict and the findings of every region, shown as `show` asks (the
 * reader's settings; by default names only on pages about a story); `mentions` only says whether the
 * text names anything of the story.
 */
export type AnalysisRequest =
  | {
      type: 'analysis/start';
      mode: 'annotate' | 'mentions';
      regions: number;
      verdict?: PageVerdict;
      show?: ShowOptions;
    }
  | { type: 'analysis/text'; stretches: Stretch[] }
  | { type: 'analysis/end' };

/**
 * Worker → content script. `statementsTotal`: per story id, the statements it has. Cards come with
 * a verdict that shows something, once per page reading. `shows` comes ahead of the verdict, at most
 * once, when the first piece of a longer text already shows something: the page can get ready to draw.
 */
export type AnalysisReply =
  | {
      type: 'analysis/verdict';
      verdict: PageVerdict;
      statementsTotal: Record<string, number>;
      cards?: Record<string, CardModel>;
    }
  | { type: 'analysis/shows' }
  | { type: 'analysis/findings'; batch: FindingsBatch }
  | { type: 'analysis/mentions'; mentions: boolean }
  | { type: 'analysis/error'; message: string };

const VERDICT_KINDS: readonly string[] = ['this-summit', 'spun-copy', 'other-event', 'other-topic', 'nothing'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isStoryVerdict(value: unknown): value is StoryVerdict {
  return (
    isRecord(value) &&
    typeof value.storyId === 'string' &&
    typeof value.kind === 'string' &&
    VERDICT_KINDS.includes(value.kind) &&
    typeof value.statementsShown === 'boolean' &&
    isStringArray(value.statementIds) &&
    isStringArray(value.specificStatementIds) &&
    isStringArray(value.entityIds) &&
    typeof value.eventScore === 'number' &&
    typeof value.spinScore === 'number' &&
    isStringArray(value.spinExamples)
  );
}

export function isPageVerdict(value: unknown): value is PageVerdict {
  return isRecord(value) && Array.isArray(value.stories) && value.stories.every(isStoryVerdict);
}

/** Per story id, a count. */
function isCounts(value: unknown): value is Record<string, number> {
  return isRecord(value) && Object.values(value).every(isCount);
}

function isStretch(value: unknown): value is Stretch {
  return isRecord(value) && isCount(value.region) && isCount(value.offset) && typeof value.text === 'string';
}

const ANALYSIS_REQUEST_GUARDS: Record<AnalysisRequest['type'], (message: Record<string, unknown>) => boolean> = {
  'analysis/start': (m) =>
    (m.mode === 'annotate' || m.mode === 'mentions') &&
    isCount(m.regions) &&
    (m.verdict === undefined || isPageVerdict(m.verdict)) &&
    (m.show === undefined || (isRecord(m.show) && typeof m.show.namesEverywhere === 'boolean')),
  'analysis/text': (m) => Array.isArray(m.stretches) && m.stretches.every(isStretch),
  'analysis/end': () => true,
};

/**
 * Replies are checked by type and by the kind of each field; the annotations
 * themselves are the worker's own output and are not re-checked one by one
 * (thousands of them, on the page's main thread).
 */
const ANALYSIS_REPLY_GUARDS: Record<AnalysisReply['type'], (message: Record<string, unknown>) => boolean> = {
  'analysis/verdict': (m) =>
    isPageVerdict(m.verdict) && isCounts(m.statementsTotal) && (m.cards === undefined || isRecord(m.cards)),
  'analysis/shows': () => true,
  'analysis/findings': (m) =>
    isRecord(m.batch) &&
    isCount(m.batch.region) &&
    Array.isArray(m.batch.kinds) &&
    Array.isArray(m.batch.annotations) &&
    Array.isArray(m.batch.similar) &&
    typeof m.batch.last === 'boolean',
  'analysis/mentions': (m) => typeof m.mentions === 'boolean',
  'analysis/error': (m) => typeof m.message === 'string',
};

export const isAnalysisRequest = guarded<AnalysisRequest>(ANALYSIS_REQUEST_GUARDS);
export const isAnalysisReply = guarded<AnalysisReply>(ANALYSIS_REPLY_GUARDS);
