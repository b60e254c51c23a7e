/**
 * A content script that reads the page's text once, natively, and stops, for a comparator of the quiet
 * pages (`quietTextMs`): the least any pre-check that reads the text pays (the body's `textContent`).
 */
(globalThis as { nicTextLength?: number }).nicTextLength = document.body?.textContent?.length ?? 0;
