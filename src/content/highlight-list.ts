/**
 * The element-free highlights as elements, kept inside the extension's host
 * rather than in the page's text: CSS Custom Highlights are paint only, so
 * neither Tab nor a screen reader can reach them. The list is one tab stop
 * (a roving tabindex, arrows and Home/End move within it); focusing an entry
 * scrolls to its highlight and opens its card. Each entry holds the
 * highlighted text and carries the same `data-fact-id` / `data-category` as a
 * mark would, so tools that read highlights as elements see them in this
 * mode too.
 *
 * The entries sit in one box, the host's only light-DOM child (slotted into
 * its visually hidden group): with thousands of entries as the host's own
 * children, the browser assigned every one of them to the slot again each
 * time the list grew and it styled or laid out the page (drawing a 1 MB
 * page forces that between batches: measured 30-80 ms for 4,554 entries
 * against 7-9 ms in one box). No page rule can hide them, whatever part of
 * the host's light DOM it aims at (`mark { display: none !important }`,
 * `[data-annotator-ui] mark + mark`, one category's entries): the box and
 * every entry carry important inline styles, which win over any rule of the
 * page. Checking one entry against the page's rules missed rules aimed at the
 * others, and the styles cost nothing measurable: entries are clones of
 * prototypes that carry them (22,785 entries made and laid out in Chromium
 * 156, 20-37 ms and 119-128 ms with the styles, 25-35 ms and 117-144 ms
 * without).
 */
import { type Annotation, kindKey } from '../core/annotation';
import { partitionPoint } from '../core/partition';
import { labelHighlight } from './renderer';
import type { UiHost } from './ui-host';

/** Keeps the list in the accessibility tree and focusable whatever the page's CSS says. */
const SHOWN = 'display: inline !important; visibility: visible !important; position: static !important';

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
  private readonly prototypes = new Map<string, HTMLElement>();
  /** The box holding the entries (in the host while the list has any). */
  private box: HTMLElement;
  /**
   * Where entries are made: a document of their own, so that making them changes nothing in the
   * page's document until they go into it (see `hold`).
   */
  private readonly maker = document.implementation.createHTMLDocument('');
  /** Drawings under way that keep a detached box out of the page until they end (hold / release). */
  private holds = 0;

  constructor(private readonly host: UiHost) {
    this.box = this.newBox();
    host.element.addEventListener('keydown', (event) => this.onKey(event));
    host.element.addEventListener('focusin', (event) => this.makeCurrent(event.target as HTMLElement));
  }

  /** A part of the list for one renderer (one region of the page). */
  group(): ListGroup {
    return new ListGroup(this, this.groups++);
  }

  /**
   * Adds entries for a batch of a group's annotations (`texts[i]` is the text of `annotations[i]`),
   * returned in the same order. Each entry is a clone of a labelled entry kept per fact ids and
   * category (cloning copies the attributes at once), and each run of the batch in text order goes
   * into the host as one fragment: one insertion, so the host's slots are assigned again once per
   * run, not once per entry.
   */
  addMany(group: number, annotations: readonly Annotation[], texts: readonly string[]): HTMLElement[] {
    const made: HTMLElement[] = [];
    let run = 0;
    for (let i = 0; i < annotations.length; i++) {
      const element = this.prototypeOf(annotations[i]!).cloneNode(false) as HTMLElement;
      element.textContent = texts[i]!;
      made.push(element);
      if (i + 1 === annotations.length || annotations[i + 1]!.start < annotations[i]!.start) {
        this.insertRun(group, annotations, made, run, i + 1);
        run = i + 1;
      }
    }
    return made;
  }

  /** Inserts entries `from` to `to` of a batch (in text order) where they belong, as one fragment. */
  private insertRun(
    group: number,
    annotations: readonly Annotation[],
    made: readonly HTMLElement[],
    from: number,
    to: number,
  ): void {
    const first = annotations[from]!.start;
    const last = annotations[to - 1]!.start;
    const at = partitionPoint(this.items, (i) => i.group < group || (i.group === group && i.start <= first));
    // The run goes in one piece unless it straddles entries already in the list (rare: a refresh).
    const next = this.items[at];
    if (to - from > 1 && next && next.group === group && next.start <= last) {
      for (let i = from; i < to; i++) this.insertRun(group, annotations, made, i, i + 1);
      return;
    }
    const fragment = this.maker.createDocumentFragment();
    const items: Item[] = [];
    for (let i = from; i < to; i++) {
      fragment.append(made[i]!);
      items.push({ group, start: annotations[i]!.start, element: made[i]! });
    }
    this.box.insertBefore(fragment, next?.element ?? null);
    this.items.splice(at, 0, ...items);
    if (this.holds > 0 && !this.box.isConnected) return;
    this.show();
    if (!this.current || (at === 0 && this.current !== document.activeElement)) this.makeCurrent(made[from]!);
  }

  /**
   * Keeps the entries made from now on out of the page until `release`, when the list was not in
   * the page: a drawing adds them in one insertion at its end. With CSS highlights registered,
   * Chromium validates them again and walks the whole page before painting (pre-paint) in every
   * frame after any change to the document's node tree, even to nodes not in the page, so entries
   * made in the page's document slice by slice cost one such walk per frame of drawing (measured
   * on the 5 MB bench page, 22,785 highlights: about 30 ms a frame, 945 ms of pre-paint in 22
   * frames; 31 ms without the entries). Made in a document of their own and put in the page
   * at the end, they cost one.
   */
  hold(): void {
    this.holds++;
  }

  /** Ends a `hold`: the entries made meanwhile go into the page. */
  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds > 0 || this.items.length === 0 || this.box.isConnected) return;
    this.show();
    if (this.current !== document.activeElement) this.makeCurrent(this.items[0]!.element);
  }

  /** Puts the box (and the host) in the page. */
  private show(): void {
    this.host.attach();
    if (this.box.parentNode !== this.host.element) this.host.element.append(this.box);
  }

  /** An empty box, in the maker's document. */
  private newBox(): HTMLElement {
    const box = this.maker.createElement('div');
    box.style.cssText = SHOWN.replace('inline', 'block');
    return box;
  }

  /** A labelled entry without text, to clone: highlights of one fact share their labels. */
  private prototypeOf(annotation: Annotation): HTMLElement {
    const key = kindKey(annotation);
    let prototype = this.prototypes.get(key);
    if (!prototype) {
      prototype = this.maker.createElement('mark');
      labelHighlight(prototype, annotation);
      prototype.tabIndex = -1;
      prototype.style.cssText = SHOWN;
      this.prototypes.set(key, prototype);
    }
    return prototype;
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
    if (this.items.length === 0) {
      this.box.remove();
      this.box = this.newBox();
    }
    if (this.current && !this.current.isConnected) {
      this.current = undefined;
      if (this.items[0]) this.makeCurrent(this.items[0].element);
    }
  }

  private makeCurrent(element: HTMLElement): void {
    if (element.parentElement !== this.box) return;
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

  /** Entries for a batch of annotations, in the same order (`texts[i]` is the text of `annotations[i]`). */
  addMany(annotations: readonly Annotation[], texts: readonly string[]): HTMLElement[] {
    return this.list.addMany(this.serial, annotations, texts);
  }

  remove(elements: ReadonlySet<HTMLElement>): void {
    this.list.remove(this.serial, (element) => elements.has(element));
  }

  clear(): void {
    this.list.remove(this.serial, () => true);
  }
}
