/**
 * When the card opens and closes: after a short dwell on a highlight or at
 * once on keyboard focus; closed by Escape, by scrolling, and when the
 * pointer leaves both highlight and card (after a grace period).
 * Which highlight is under the pointer is the renderer's business.
 */
import { CARD_CLOSE_GRACE_MS, CARD_OPEN_DELAY_MS } from '../core/timing';
import type { HoverCard } from './card';

export interface HighlightTarget {
  factIds: string[];
  rect: DOMRect;
  /** Identity, to tell "still on the same highlight" from "moved to another". */
  key: unknown;
  /** A statement from another meeting, shown because the reader asked for similar statements. */
  similar?: boolean;
}

export class HoverController {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private current: unknown;

  constructor(
    private readonly card: HoverCard,
    private readonly targetOf: (event: Event) => HighlightTarget | null,
  ) {
    this.listen(document, 'pointerover', (e) => this.onPointerOver(e));
    this.listen(document, 'pointerout', (e) => this.onPointerOut(e as PointerEvent));
    this.listen(document, 'focusin', (e) => this.onFocus(e));
    this.listen(document, 'focusout', () => this.scheduleClose());
    this.listen(document, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.card.open) this.close();
    });
    this.listen(window, 'scroll', () => this.close(), { passive: true, capture: true });
  }

  private listen(target: EventTarget, type: string, listener: EventListener, options: AddEventListenerOptions = { capture: true }) {
    target.addEventListener(type, listener, options);
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
      this.openAt(target);
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
