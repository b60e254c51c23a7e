/**
 * When the card opens and closes: after a short dwell on a highlight, or at
 * once on a click (a tap) or keyboard focus; closed by Escape, by scrolling, and when the
 * pointer leaves both highlight and card (after a grace period).
 * Which highlight is under the pointer is the renderer's business.
 */
import { CARD_CLOSE_GRACE_MS, CARD_OPEN_DELAY_MS, OWN_SCROLL_GRACE_MS } from '../core/timing';
import type { HoverCard } from './card';
import { boundsOf } from './ranges';

export interface HighlightTarget {
  factIds: string[];
  rect: DOMRect;
  /** Identity, to tell "still on the same highlight" from "moved to another". */
  key: unknown;
  /** A statement from another meeting, shown because the reader asked for similar statements. */
  similar?: boolean;
  /** An element-free highlight: reaching it by keyboard scrolls it into view. */
  range?: AbstractRange;
}

export class HoverController {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private current: unknown;

  /** Position in the element-free highlights reached with the keyboard. */
  private keyboardIndex = -1;
  /** Scrolling to a highlight reached by keyboard must not close the card it opens. */
  private ownScrollUntil = 0;

  constructor(
    private readonly card: HoverCard,
    private readonly targetOf: (event: Event) => HighlightTarget | null,
    private readonly keyboardTargets: () => HighlightTarget[] = () => [],
    /** Aborted when the extension goes away: every listener is removed and no timer opens a card. */
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.close());
    this.listen(document, 'pointerover', (e) => this.onPointerOver(e));
    this.listen(document, 'click', (e) => this.onClick(e as MouseEvent));
    this.listen(document, 'pointerout', (e) => this.onPointerOut(e as PointerEvent));
    this.listen(document, 'focusin', (e) => this.onFocus(e));
    this.listen(document, 'focusout', () => this.scheduleClose());
    this.listen(document, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    this.listen(window, 'scroll', () => performance.now() > this.ownScrollUntil && this.close(), {
      passive: true,
      capture: true,
    });
  }

  private listen(
    target: EventTarget,
    type: string,
    listener: EventListener,
    options: AddEventListenerOptions = { capture: true },
  ) {
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /**
   * Escape closes the card. Element-free highlights are not focusable, so
   * Alt+Shift+N / Alt+Shift+P move to the next / previous one and open its card.
   */
  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.card.open) {
      this.close();
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
    const targets = this.keyboardTargets();
    if (targets.length === 0) return;
    event.preventDefault();
    const step = event.code === 'KeyN' ? 1 : -1;
    this.keyboardIndex = (this.keyboardIndex + step + targets.length) % targets.length;
    this.reveal(targets[this.keyboardIndex]!);
  }

  /** Scrolls an element-free highlight reached by keyboard into view and opens its card there. */
  private reveal(target: HighlightTarget): void {
    if (!target.range) {
      this.openAt(target);
      return;
    }
    this.ownScrollUntil = performance.now() + OWN_SCROLL_GRACE_MS;
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.openAt({ ...target, rect: boundsOf(target.range) });
  }

  private onPointerOver(event: Event): void {
    if (this.card.contains(event.target as Node)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const target = this.targetOf(event);
    if (!target) return;
    clearTimeout(this.closeTimer);
    if (target.key === this.current && this.card.open) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => this.openAt(target), CARD_OPEN_DELAY_MS);
  }

  /** A click or tap opens the card at once: touch screens have no hover. The page's own click goes on as usual. */
  private onClick(event: MouseEvent): void {
    if (event.button !== 0 || this.card.contains(event.target as Node)) return;
    const target = this.targetOf(event);
    if (!target) return;
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openAt(target);
  }

  private onPointerOut(event: PointerEvent): void {
    clearTimeout(this.openTimer);
    const into = event.relatedTarget as Node | null;
    if (this.card.contains(into)) return;
    this.scheduleClose();
  }

  private onFocus(event: Event): void {
    const target = this.targetOf(event);
    if (target) {
      clearTimeout(this.closeTimer);
      this.reveal(target);
    }
  }

  private openAt(target: HighlightTarget): void {
    this.current = target.key;
    this.card.show(target.factIds, target.rect, target.similar ?? false);
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), CARD_CLOSE_GRACE_MS);
  }

  private close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.current = undefined;
    this.card.hide();
  }
}
