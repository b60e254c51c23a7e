/** The seven highlight categories. Kept apart from the schema so content scripts need no validator. */
export const CATEGORIES = ['person', 'organization', 'place', 'event', 'claim', 'quote', 'limit'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Statements are what was said or claimed; the other categories are named things (entities). */
export const STATEMENT_CATEGORIES: readonly Category[] = ['claim', 'quote', 'limit'];

export function isStatementCategory(category: Category): boolean {
  return STATEMENT_CATEGORIES.includes(category);
}
