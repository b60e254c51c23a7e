/**
 * The element-free highlights as elements, kept inside the extension's host
 * rather than in the page's text: CSS Custom Highlights are paint only, so
 * neither Tab nor a screen reader can reach them. The list is one tab stop
 * (a roving tabindex, arrows and Home/End move within it); focusing an entry
 * scrolls to its highlight and opens its card. Each entry holds the
 * highlighted text and carries the same `data-fact-id` / `data-category` as a
 * mark would, so tools that read highlights as elements see them in this
 * mode too.
 */
import type { Annotation } from '../core/annotate';
import { partitionPoint } from '../core/partition';
import { labelHighlight } from './renderer';
import type { UiHost } from './ui-host';

export const LIST_LABEL = 'News in context: highlights on this page';

export class HighlightList {
  private readonly element: HTMLElement;
  /** The entry in the tab order; the others are reached with the arrow keys. */
  private current: HTMLElement | undefined;

  constructor(private readonly host: UiHost) {
    this.element = document.createElement('div');
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', LIST_LABEL);
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.element.addEventListener('focusin', (event) => this.makeCurrent(event.target as HTMLElement));
  }

  /** A part of the list for one renderer (one region of the page), kept in text order. */
  group(): ListGroup {
    return new ListGroup(this, document.createElement('div'));
  }

  /** Groups are in the list only while they hold entries, so regions the page replaced leave nothing behind. */
  attachGroup(group: HTMLElement): void {
    if (group.parentElement === this.element) return;
    this.element.append(group);
    if (this.element.parentElement !== this.host.element) this.host.element.append(this.element);
    this.host.attach();
  }

  /** Called with every new entry: the first entry of the list holds the tab stop until one is focused. */
  entryAdded(entry: HTMLElement): void {
    const precedes = this.current && this.current !== document.activeElement && entry.compareDocumentPosition(this.current) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!this.current || precedes) this.makeCurrent(entry);
  }

  entryRemoved(entry: HTMLElement): void {
    if (entry !== this.current) return;
    this.current = undefined;
    const first = this.entries()[0];
    if (first) this.makeCurrent(first);
  }

  private entries(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>('mark')];
  }

  private makeCurrent(entry: HTMLElement): void {
    if (entry.parentElement?.parentElement !== this.element) return;
    if (this.current) this.current.tabIndex = -1;
    entry.tabIndex = 0;
    this.current = entry;
  }

  private onKey(event: KeyboardEvent): void {
    const entries = this.entries();
    const at = entries.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    entries[Math.max(0, Math.min(entries.length - 1, next))]!.focus();
  }
}

export class ListGroup {
  /** Entries in text order, with their start offsets (annotations arrive visible part first). */
  private starts: number[] = [];
  private entries: HTMLElement[] = [];

  constructor(
    private readonly list: HighlightList,
    private readonly element: HTMLElement,
  ) {}

  add(annotation: Annotation, text: string): HTMLElement {
    const entry = document.createElement('mark');
    labelHighlight(entry, annotation);
    entry.tabIndex = -1;
    entry.textContent = text;
    const at = partitionPoint(this.starts, (s) => s <= annotation.start);
    this.list.attachGroup(this.element);
    this.element.insertBefore(entry, this.entries[at] ?? null);
    this.starts.splice(at, 0, annotation.start);
    this.entries.splice(at, 0, entry);
    this.list.entryAdded(entry);
    return entry;
  }

  remove(entries: ReadonlySet<HTMLElement>): void {
    const starts: number[] = [];
    const kept: HTMLElement[] = [];
    this.entries.forEach((entry, i) => {
      if (!entries.has(entry)) {
        starts.push(this.starts[i]!);
        kept.push(entry);
        return;
      }
      entry.remove();
      this.list.entryRemoved(entry);
    });
    this.starts = starts;
    this.entries = kept;
    if (kept.length === 0) this.element.remove();
  }

  clear(): void {
    const removed = this.entries;
    this.entries = [];
    this.starts = [];
    this.element.replaceChildren();
    this.element.remove();
    for (const entry of removed) this.list.entryRemoved(entry);
  }
}
