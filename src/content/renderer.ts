/** What a renderer draws, and the small interface both renderers implement. */
import type { Annotation } from '../core/annotation';
import type { ChangedArea } from './changed-area';
import type { HighlightTarget } from './hover';

/** The class of every <mark> the marks renderer puts in the page. */
export const MARK_CLASS = 'nic-mark';

export interface Renderer {
  /** Draws these annotations (already filtered to the categories switched on). */
  render(annotations: readonly Annotation[]): void;
  /** Draws more annotations without removing those drawn (for drawing in slices). */
  add(annotations: readonly Annotation[]): void;
  /** Removes every highlight and leaves the page's text nodes as they were. */
  clear(): void;
  /** Removes the highlights inside the subtrees the page is changing, restoring their text nodes. */
  clearWithin(area: ChangedArea): void;
  /** How many highlights are drawn now. */
  readonly count: number;
  /** Longest drawing slice: marks make the browser lay text out again in the next frame, ranges do not. */
  readonly drawBudgetMs: number;
  /** The highlight an event (pointer or focus) is about, if any. */
  targetOf(event: Event): HighlightTarget | null;
}

/** Attribute on every highlight element: the fact ids it stands for. */
export const FACT_ID_ATTRIBUTE = 'data-fact-id';
export const CATEGORY_ATTRIBUTE = 'data-category';
/** On statements shown as "similar, from another meeting" (an opt-in setting). */
export const SIMILAR_ATTRIBUTE = 'data-similar';

/** Gives a highlight element (a mark, or an entry of the element-free list) the contract's attributes. */
export function labelHighlight(element: HTMLElement, annotation: Annotation): void {
  element.setAttribute(FACT_ID_ATTRIBUTE, annotation.factIds.join(' '));
  element.setAttribute(CATEGORY_ATTRIBUTE, annotation.category);
  if (annotation.similar) element.setAttribute(SIMILAR_ATTRIBUTE, '');
}
