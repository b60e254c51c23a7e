/**
 * Every message between the extension's parts, typed, with the guard that
 * checks its shape on arrival. Senders other than this extension are refused
 * by `isFromThisExtension` before a message is even looked at.
 */
import type { CardModel } from './core/cards';
import type { Category } from './core/categories';
import type { Story } from './core/dataset';
import type { MatcherData } from './core/matcher-data';
import type { VerdictKind } from './core/verdict';

/** Content script → worker: the compiled matcher and the cards. */
export interface GetMatcherRequest {
  type: 'matcher/get';
}
export interface GetMatcherResponse {
  matcher: MatcherData;
  cards: Record<string, CardModel>;
}

/** Content script → worker: how many highlights this tab shows now. */
export interface SetBadgeRequest {
  type: 'badge/set';
  count: number;
}

/** Popup → worker: every story the extension knows, with its summary, limits and source. */
export interface GetStoryRequest {
  type: 'story/get';
}
export interface StoryInfo {
  id: string;
  /** Not yet reviewed by an editor. */
  draft: boolean;
  source: Story['source'];
  summary: Story['summary'];
  /** `text` is absent where a draft has not written the limit's card yet. */
  limits: { id: string; title: string; text?: string }[];
}
export interface GetStoryResponse {
  /** Sorted by id. */
  stories: StoryInfo[];
}

/** Popup → content script: what was found on this page. */
export interface GetPageStateRequest {
  type: 'page/get-state';
}
export interface PageStateResponse {
  host: string;
  /** Highlights shown now, per category. */
  counts: Record<Category, number>;
  /** Facts found on the page (whether shown or switched off), with titles. */
  found: { id: string; title: string; category: Category }[];
  /** The verdict for each story this page is more than 'nothing' to (none: the page is about no story). */
  verdicts: {
    storyId: string;
    kind: VerdictKind;
    statementsFound: number;
    statementsTotal: number;
    spinExamples: string[];
  }[];
}

/** Popup (or anyone with the tab id) → content script: the W3C Web Annotation export. */
export interface ExportRequest {
  type: 'annotations/export';
}

/** Worker → content script: the keyboard shortcut switches highlighting on this page on or off. */
export interface TogglePageRequest {
  type: 'page/toggle';
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

export type WorkerRequest = GetMatcherRequest | SetBadgeRequest | GetStoryRequest;
export type ContentRequest = GetPageStateRequest | ExportRequest | TogglePageRequest;

function hasType(message: unknown): message is { type: unknown } {
  return typeof message === 'object' && message !== null && 'type' in message;
}

export function isWorkerRequest(message: unknown): message is WorkerRequest {
  if (!hasType(message)) return false;
  switch (message.type) {
    case 'matcher/get':
    case 'story/get':
      return true;
    case 'badge/set': {
      const count = (message as { count?: unknown }).count;
      return typeof count === 'number' && Number.isInteger(count) && count >= 0;
    }
    default:
      return false;
  }
}

export function isContentRequest(message: unknown): message is ContentRequest {
  return (
    hasType(message) &&
    (message.type === 'page/get-state' || message.type === 'annotations/export' || message.type === 'page/toggle')
  );
}

/** Only this extension's own pages and content scripts may talk to its parts. */
export function isFromThisExtension(sender: { id?: string }, extensionId: string): boolean {
  return sender.id === extensionId;
}
