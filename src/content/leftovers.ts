/**
 * What a previous copy of this content script may have left in the page.
 * After an update Firefox puts the new version's scripts into the tabs that
 * are open and drops the old ones without running any more of their code, so
 * the old host, highlight registrations and marks stay behind (unstyled, but
 * focusable, and counted twice). The new script takes them away before it
 * draws. (Chromium runs no new script in open tabs: the old one cleans up
 * after itself, see lifecycle.ts.)
 */
import { CATEGORIES } from '../core/categories';
import { MARK_CLASS } from './renderer';
import { UI_HOST_ATTRIBUTE } from './ui-host';

/** Every highlight name render-highlights.ts registers (Firefox cannot iterate the registry from a content script). */
const HIGHLIGHT_NAMES = [...CATEGORIES, 'similar'].map((name) => `nic-${name}`);

export function removeLeftovers(doc: Document = document): void {
  for (const host of doc.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`)) host.remove();
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
    for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  }
  // Innermost first, so that an entity's mark inside a sentence's mark is unwrapped before its parent.
  const marks = [...doc.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)].reverse();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
}
