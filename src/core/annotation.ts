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
  /** An entity named by a phrase that names it only on pages reporting its story (dropped elsewhere). */
  whereReported?: true;
}

/** What an annotation stands for, as a string: highlights with the same key share their facts, category and kind. */
export function kindKey(annotation: Annotation): string {
  const ids = annotation.factIds;
  return `${annotation.similar ? 's' : ''}${annotation.category} ${ids.length === 1 ? ids[0] : ids.join(' ')}`;
}
