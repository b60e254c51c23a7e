/** Every delay of the user interface, named in one place (as in Wikipedia's Page Previews). */

/** Dwell on a highlight before its card opens. */
export const CARD_OPEN_DELAY_MS = 200;
/** Grace after the pointer leaves a highlight or card, so it can cross into the card. */
export const CARD_CLOSE_GRACE_MS = 300;
/** Gap between the highlight and its card. */
export const CARD_OFFSET_PX = 8;
/** Widest card, in CSS pixels. */
export const CARD_MAX_WIDTH_PX = 340;
