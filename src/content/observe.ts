/**
 * Follows a dynamic page: one MutationObserver on the body, bursts coalesced
 * into one pass per idle period, work in proportion to the change, one full
 * rescan instead when a burst is too large (as Dark Reader does), and a full
 * rescan on single-page navigation. The extension's own DOM writes are
 * dropped from the record queue, so it never reacts to itself.
 */
import {
  MAX_DIRTY_ROOTS,
  MAX_RECORDS_PER_PASS,
  MIN_RESCAN_INTERVAL_MS,
  OBSERVER_IDLE_TIMEOUT_MS,
} from '../core/timing';
import { isBlockElement, isProtected } from './text-index';

const BLOCK_PARENTS =
  'p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption, section, article, div, body';

export interface ObservedPage {
  rescan(): Promise<void>;
  /** Whether these subtrees name any fact of the story. */
  mentionsStory(roots: readonly HTMLElement[]): Promise<boolean>;
  refresh(roots: readonly HTMLElement[]): Promise<void>;
  /** Drops the highlights of whole blocks the page removed from under these elements. */
  prune(parents: readonly Node[]): void;
  readonly hasVerdict: boolean;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private scheduled = false;
  private lastRescan = 0;
  private rescanQueued = false;
  private url = location.href;
  private changeCount = 0;

  constructor(private readonly page: ObservedPage) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
  }

  start(): void {
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer.disconnect();
    this.pending = [];
  }

  /** How many changes (mutation records) the page has had while observed, its own writes excepted. */
  get changes(): number {
    this.enqueue(this.observer.takeRecords());
    return this.changeCount;
  }

  /** Runs a write of the extension's own and forgets the records it caused. */
  ownWrite(write: () => void): void {
    this.enqueue(this.observer.takeRecords());
    write();
    this.observer.takeRecords();
  }

  private enqueue(records: MutationRecord[]): void {
    if (records.length === 0) return;
    this.changeCount += records.length;
    // Keep only what a pass needs to decide; a storm needs nothing more than "too many".
    if (this.pending.length <= MAX_RECORDS_PER_PASS) this.pending.push(...records.slice(0, MAX_RECORDS_PER_PASS + 1));
    else this.pending.length = MAX_RECORDS_PER_PASS + 1;
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.pass();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: OBSERVER_IDLE_TIMEOUT_MS });
    else setTimeout(run, 50);
  }

  private pass(): void {
    const records = this.pending;
    this.pending = [];
    if (this.rescanQueued) return; // the rescan will read these changes too
    const navigated = location.href !== this.url;
    this.url = location.href;
    const pruned: Node[] = [];
    const roots = navigated || records.length > MAX_RECORDS_PER_PASS ? null : dirtyRoots(records, pruned);
    if (roots !== null && pruned.length > 0) this.page.prune(pruned);
    if (roots === null || roots.length > MAX_DIRTY_ROOTS) {
      this.rescanThrottled();
      return;
    }
    if (roots.length === 0) return;
    if (this.page.hasVerdict) void this.page.refresh(roots).catch(report);
    // A page not (yet) about the story is read again only when the new text names something of it:
    // a ticker or a clock on an unrelated page costs a look at the changed text, never a rescan.
    else
      void this.page
        .mentionsStory(roots)
        .then((mentions) => mentions && this.rescanThrottled())
        .catch(report);
  }

  private rescanThrottled(): void {
    if (this.rescanQueued) return;
    this.rescanQueued = true;
    setTimeout(
      () => {
        this.rescanQueued = false;
        this.lastRescan = Date.now();
        this.pending = [];
        void this.page.rescan().catch(report);
      },
      Math.max(0, this.lastRescan + MIN_RESCAN_INTERVAL_MS - Date.now()),
    );
  }
}

/**
 * The smallest set of block elements covering every change, none inside another. Removing
 * whole blocks changes no other block's text: their parents go to `pruned` instead, so a live
 * blog dropping old entries from the end of its list is not read again whole.
 */
function dirtyRoots(records: MutationRecord[], pruned: Node[]): HTMLElement[] {
  const roots = new Set<HTMLElement>();
  const consider = (node: Node | null) => {
    const element = node instanceof HTMLElement ? node : node?.parentElement;
    if (!element?.isConnected) return;
    if (element.closest('[data-annotator-ui]') || protectedAncestor(element)) return;
    const block = element.matches(BLOCK_PARENTS) ? element : element.closest<HTMLElement>(BLOCK_PARENTS);
    if (block) roots.add(block);
  };
  for (const record of records) {
    if (record.type === 'characterData') consider(record.target);
    else {
      for (const node of record.addedNodes) consider(node.nodeType === 3 ? node.parentNode : node);
      if (record.removedNodes.length === 0) continue;
      if ([...record.removedNodes].every(isBlockElement)) pruned.push(record.target);
      else consider(record.target);
    }
  }
  const list = [...roots];
  return list.filter((root) => !list.some((other) => other !== root && other.contains(root)));
}

function report(error: unknown): void {
  console.warn('[news-in-context]', error);
}

function protectedAncestor(element: Element): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) if (isProtected(e)) return true;
  return false;
}
