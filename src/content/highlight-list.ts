/**
 * The element-free highlights as elements, kept inside the extension's host
 * rather than in the page's text: CSS Custom Highlights are paint only, so
 * neither Tab nor a screen reader can reach them. The list is one tab stop
 * (a roving tabindex, arrows and Home/End move within it); focusing an entry
 * scrolls to its highlight and opens its card. Each entry holds the
 * highlighted text and carries the same `data-fact-id` / `data-category` as a
 * mark would, so tools that read highlights as elements see them in this
 * mode too. Entries are the host's direct children, so the host's shadow
 * styles (`::slotted`) win over page rules such as `mark { display: none }`.
 */
import type { Annotation } from '../core/annotation';
import { partitionPoint } from '../core/partition';
import { labelHighlight } from './renderer';
import type { UiHost } from './ui-host';

interface Item {
  /** The renderer (page region) it belongs to, in creation order. */
  group: number;
  start: number;
  element: HTMLElement;
}

export class HighlightList {
  /** In the host's order: by group, then by start offset (text order within a region). */
  private items: Item[] = [];
  private groups = 0;
  /** The entry in the tab order; the others are reached with the arrow keys. */
  private current: HTMLElement | undefined;

  constructor(private readonly host: UiHost) {
    host.element.addEventListener('keydown', (event) => this.onKey(event));
    host.element.addEventListener('focusin', (event) => this.makeCurrent(event.target as HTMLElement));
  }

  /** A part of the list for one renderer (one region of the page). */
  group(): ListGroup {
    return new ListGroup(this, this.groups++);
  }

  add(group: number, annotation: Annotation, text: string): HTMLElement {
    const element = document.createElement('mark');
    labelHighlight(element, annotation);
    element.tabIndex = -1;
    element.textContent = text;
    const start = annotation.start;
    const at = partitionPoint(this.items, (i) => i.group < group || (i.group === group && i.start <= start));
    this.host.element.insertBefore(element, this.items[at]?.element ?? null);
    this.items.splice(at, 0, { group, start, element });
    this.host.attach();
    // The first entry holds the tab stop until one is focused.
    if (!this.current || (at === 0 && this.current !== document.activeElement)) this.makeCurrent(element);
    return element;
  }

  /** Removes a group's entries (those `which` picks): a group's entries are found by binary search, not by a scan. */
  remove(group: number, which: (element: HTMLElement) => boolean): void {
    const from = partitionPoint(this.items, (i) => i.group < group);
    const to = partitionPoint(this.items, (i) => i.group <= group, from);
    const kept = this.items.slice(from, to).filter((item) => {
      if (!which(item.element)) return true;
      item.element.remove();
      return false;
    });
    if (kept.length === to - from) return;
    this.items = [...this.items.slice(0, from), ...kept, ...this.items.slice(to)];
    if (this.current && !this.current.isConnected) {
      this.current = undefined;
      if (this.items[0]) this.makeCurrent(this.items[0].element);
    }
  }

  private makeCurrent(element: HTMLElement): void {
    if (element.parentElement !== this.host.element) return;
    if (this.current) this.current.tabIndex = -1;
    element.tabIndex = 0;
    this.current = element;
  }

  private onKey(event: KeyboardEvent): void {
    const at = this.items.findIndex((i) => i.element === event.target);
    if (at < 0) return;
    const last = this.items.length - 1;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: last }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    this.items[Math.max(0, Math.min(last, next))]!.element.focus();
  }
}

/** One renderer's entries. */
export class ListGroup {
  constructor(
    private readonly list: HighlightList,
    private readonly serial: number,
  ) {}

  add(annotation: Annotation, text: string): HTMLElement {
    return this.list.add(this.serial, annotation, text);
  }

  remove(elements: ReadonlySet<HTMLElement>): void {
    this.list.remove(this.serial, (element) => elements.has(element));
  }

  clear(): void {
    this.list.remove(this.serial, () => true);
  }
}
