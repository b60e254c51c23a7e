/** The seven highlight categories. Kept apart from the schema so content scripts need no validator. */
export const CATEGORIES = ['person', 'organization', 'place', 'event', 'claim', 'quote', 'limit'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Entities are named things; statements are what was said or claimed about them. */
export const ENTITY_CATEGORIES: readonly Category[] = ['person', 'organization', 'place', 'event'];
export const STATEMENT_CATEGORIES: readonly Category[] = ['claim', 'quote', 'limit'];

export function isStatementCategory(category: Category): boolean {
  return STATEMENT_CATEGORIES.includes(category);
}
