/**
 * How well drafts name things, against hand labels: per article, the named
 * entities its body states (tests/fixtures/follow/labels.json). A drafted
 * entity is right if one of its names is a labelled name of its category,
 * wrong otherwise (a credit, a weekday, a common noun, a wrong category);
 * names labelled optional count neither way.
 */
import type { EntityCategory } from '../../src/builder/entities';
import { aliasKey, entityNames } from '../../src/builder/keys';

export interface ArticleLabels {
  person: string[];
  organization: string[];
  place: string[];
  event: string[];
  /** Names a reader could count either way. */
  optional: string[];
}

interface DraftedEntity {
  id: string;
  category: string;
  title: string;
  aliases: (string | { text: string })[];
}

export interface LabelScore {
  /** Drafted entities whose category and name match a label. */
  right: string[];
  /** Drafted entities that match no label (nor an optional name). */
  wrong: string[];
  /** Labelled names no drafted entity of the category has. */
  missed: string[];
  labelled: number;
}

const ENTITY_CATEGORIES: readonly EntityCategory[] = ['person', 'organization', 'place', 'event'];

/** Scores the drafted entities (a pack's own, and the known ones it refers to) against one article's labels. */
export function scoreEntities(drafted: readonly DraftedEntity[], labels: ArticleLabels): LabelScore {
  const optional = new Set(labels.optional.map(aliasKey));
  const score: LabelScore = { right: [], wrong: [], missed: [], labelled: 0 };
  const found = new Set<string>();
  for (const entity of drafted) {
    if (!ENTITY_CATEGORIES.includes(entity.category as EntityCategory)) continue;
    const names = entityNames({
      title: entity.title,
      aliases: entity.aliases.map((a) => (typeof a === 'string' ? a : a.text)),
    }).map(aliasKey);
    const labelled = labels[entity.category as EntityCategory].map(aliasKey).filter((n) => names.includes(n));
    if (labelled.length > 0) {
      score.right.push(entity.id);
      for (const name of labelled) found.add(`${entity.category}|${name}`);
    } else if (!names.some((n) => optional.has(n))) score.wrong.push(entity.id);
  }
  for (const category of ENTITY_CATEGORIES)
    for (const name of labels[category]) {
      score.labelled++;
      if (!found.has(`${category}|${aliasKey(name)}`)) score.missed.push(`${category}:${name}`);
    }
  return score;
}
