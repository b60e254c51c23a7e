/**
 * How much of a curated story a draft proposes: its entities (same name or
 * alias) and its claims, quotes and limits (same evidence sentence).
 */

import { aliasKey, entityNames } from '../../src/builder/keys';
import type { SharedEntity, Story } from '../../src/core/dataset';
import { isStatementCategory } from '../../src/core/dataset';

export interface Coverage {
  found: number;
  total: number;
  missed: string[];
}

export interface DraftCoverage {
  entities: Coverage;
  statements: Coverage;
  /** Statements found whose draft category is the curated one. */
  sameCategory: number;
}

interface DraftLike {
  entityRefs?: { id: string }[];
  facts: {
    id: string;
    category: string;
    title: string;
    aliases?: (string | { text: string; caseSensitive: boolean })[];
    evidence: string;
  }[];
}

export function measureDraft(
  draft: DraftLike,
  curated: Story,
  shared: ReadonlyMap<string, SharedEntity> = new Map(),
): DraftCoverage {
  const names = new Set<string>();
  for (const fact of draft.facts) {
    if (isStatementCategory(fact.category as Story['facts'][number]['category'])) continue;
    for (const name of entityNames({ title: fact.title, aliases: fact.aliases ?? [] })) names.add(aliasKey(name));
  }
  for (const ref of draft.entityRefs ?? []) {
    const entity = shared.get(ref.id);
    if (entity) for (const name of entityNames(entity)) names.add(aliasKey(name));
  }
  const evidence = new Map<string, string>();
  for (const fact of draft.facts) {
    if (isStatementCategory(fact.category as Story['facts'][number]['category']))
      evidence.set(aliasKey(fact.evidence), fact.category);
  }
  const entities = curated.facts.filter((f) => !isStatementCategory(f.category));
  const statements = curated.facts.filter((f) => isStatementCategory(f.category));
  const entityMissed = entities.filter((f) => !entityNames(f).some((n) => names.has(aliasKey(n))));
  const statementMissed = statements.filter((f) => !evidence.has(aliasKey(f.evidence)));
  return {
    entities: {
      found: entities.length - entityMissed.length,
      total: entities.length,
      missed: entityMissed.map((f) => f.id),
    },
    statements: {
      found: statements.length - statementMissed.length,
      total: statements.length,
      missed: statementMissed.map((f) => f.id),
    },
    sameCategory: statements.filter((f) => evidence.get(aliasKey(f.evidence)) === f.category).length,
  };
}
