/** The one shape every part agrees on: a highlight, as offsets into the text it was found in. */
import type { Category } from './categories';

/** A highlight: raw-text offsets and the facts it stands for (all of one category). */
export interface Annotation {
  factIds: string[];
  category: Category;
  start: number;
  end: number;
  /** A statement found on a page about another meeting: similar wording, not its story's fact. */
  similar?: true;
}
