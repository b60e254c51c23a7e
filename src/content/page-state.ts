/** What the popup shows about this page, from the regions drawn and the verdict per story. */
import type { CardModel } from '../core/cards';
import { CATEGORIES, type Category } from '../core/categories';
import { type PageVerdict, storiesNamedOnly } from '../core/verdict';
import type { PageStateResponse } from '../messages';
import type { Region } from './regions';

export function pageState(
  host: string,
  regions: readonly Region[],
  verdict: PageVerdict | undefined,
  cards: Readonly<Record<string, CardModel>>,
  /** Per story id, the statements it has. */
  statementsTotal: Readonly<Record<string, number>>,
): PageStateResponse {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const found = new Map<string, Category>();
  for (const region of regions) {
    for (const annotation of region.shown) counts[annotation.category]++;
    for (const annotation of region.findings.annotations) {
      for (const id of annotation.factIds) found.set(id, annotation.category);
    }
  }
  return {
    host,
    counts,
    found: [...found].map(([id, category]) => ({ id, category, title: cards[id]?.title ?? id })),
    named: verdict ? storiesNamedOnly(verdict).map((v) => v.storyId) : [],
    verdicts: (verdict?.stories ?? [])
      .filter((v) => v.kind !== 'nothing')
      .map((v) => ({
        storyId: v.storyId,
        kind: v.kind,
        statementsFound: v.statementIds.length,
        statementsTotal: statementsTotal[v.storyId] ?? 0,
        spinExamples: v.spinExamples,
      })),
  };
}
