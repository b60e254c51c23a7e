/** Every delay of the user interface, named in one place (as in Wikipedia's Page Previews). */

/** Dwell on a highlight before its card opens. */
export const CARD_OPEN_DELAY_MS = 200;
/** Grace after the pointer leaves a highlight or card, so it can cross into the card. */
export const CARD_CLOSE_GRACE_MS = 300;
/** After the extension scrolls to a highlight, scroll events this soon after are its own. */
export const OWN_SCROLL_GRACE_MS = 300;
/** Gap between the highlight and its card. */
export const CARD_OFFSET_PX = 8;
/** Widest card, in CSS pixels. */
export const CARD_MAX_WIDTH_PX = 340;

/** Longest wait for an idle period before a burst of page changes is annotated anyway. */
export const OBSERVER_IDLE_TIMEOUT_MS = 500;
/** Above this many mutation records in one pass, one full rescan replaces many small passes. */
export const MAX_RECORDS_PER_PASS = 1000;
/** Above this many changed blocks in one pass, a full rescan too. */
export const MAX_DIRTY_ROOTS = 200;
/** Full rescans are at most this frequent, however stormy the page. */
export const MIN_RESCAN_INTERVAL_MS = 2000;

/**
 * Longest stretch of work before the content script yields to the page. A garbage collection can
 * land in any slice and add 5-27 ms to it (measured on the 1 MB bench page), so tasks stay under
 * 50 ms with room to spare.
 */
export const SLICE_BUDGET_MS = 12;
/**
 * Text nodes read per step of the text index, between budget checks. Small enough that a step
 * (plus the garbage collection its allocations bring on) stays well inside the slice's budget.
 */
export const INDEX_NODES_PER_STEP = 500;
/** Highlights drawn per step, between budget checks. */
export const DRAW_ANNOTATIONS_PER_STEP = 50;
/**
 * Drawing marks goes in shorter slices: the browser styles and lays out each
 * slice's marks in the next frame, and that work counts against the page too.
 */
export const DRAW_SLICE_BUDGET_MS = 6;

/**
 * Up to this many element-free highlights in a region, all are registered with the browser;
 * above it, only those near the viewport (the browser re-validates every registered range
 * in each frame after one changes).
 */
export const PAINT_ALL_MAX_RANGES = 1000;
/** Element-free highlights this many viewport heights above and below the viewport are painted too. */
export const PAINT_MARGIN_VIEWPORTS = 2;

/**
 * Frames with less text than this are not analysed (ads, embeds, widgets): too little to
 * earn a verdict of their own. The top frame is always analysed.
 */
export const MIN_FRAME_TEXT_CHARS = 200;

/**
 * A quiet page that changes is checked again by the pre-check at most this often: a live page that
 * starts naming a story gets the reader within about this long, and a page that only churns pays one
 * read of its text per period.
 */
export const PRECHECK_RECHECK_MS = 1000;
