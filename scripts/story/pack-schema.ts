/**
 * The story-pack format, as a local extension of the story schema in
 * src/core/dataset.ts: a pack is a story with an id equal to its folder, an
 * optional draft mark, and references to shared entities (data/entities.json)
 * instead of copies of them. A draft may leave an entity's card and a
 * person's role unwritten, its source fields absent and its limits and event
 * cues empty: the gaps an editor fills before the draft mark goes.
 *
 * The pack is checked by the core schema itself: shared entities are resolved
 * into the story and a draft's permitted gaps are filled with markers for the
 * duration of the check, so every rule of storySchema applies unchanged.
 */
import { z } from 'zod';
import {
  DatasetError,
  type Fact,
  factSchema,
  isStatementCategory,
  type Story,
  storySchema,
} from '../../src/core/dataset';

/** What a draft writes where the article cannot say and an editor must. */
export const GAP = '[to be written by an editor]';

const nonEmpty = z.string().trim().min(1);
const entityId = z
  .string()
  .regex(/^(person|organization|place|event):[a-z0-9]+(-[a-z0-9]+)*$/, 'must look like "category:kebab-name"');

export const entityRefSchema = z.object({ id: entityId, role: nonEmpty.optional(), evidence: nonEmpty }).strict();
export type EntityRef = z.infer<typeof entityRefSchema>;

const packExtras = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case folder name'),
    draft: z.boolean().default(false),
    entityRefs: z.array(entityRefSchema).default([]),
    facts: z.array(z.record(z.string(), z.unknown())).default([]),
  })
  .loose();

/** A shared entity as data/entities.json defines it: once, with its story-independent card. */
export const sharedEntitySchema = z
  .object({
    id: entityId,
    category: z.enum(['person', 'organization', 'place', 'event']),
    title: nonEmpty,
    card: nonEmpty,
    aliases: z.array(factSchema.shape.aliases.unwrap().element).min(1),
    related: z.array(z.string()).default([]),
  })
  .loose();
export type SharedEntity = z.infer<typeof sharedEntitySchema>;

export const entitiesFileSchema = z
  .object({ schemaVersion: z.literal(1), entities: z.array(sharedEntitySchema) })
  .strict();

export interface ParsedPack {
  id: string;
  draft: boolean;
  entityRefs: EntityRef[];
  /** The story the matcher compiles: own facts plus the referenced shared entities. */
  story: Story;
  /** Ids of the facts the pack itself defines (not resolved from the shared entities). */
  ownFactIds: string[];
}

function fail(error: z.ZodError, prefix = ''): never {
  const issue = error.issues[0]!;
  throw new DatasetError(prefix + issue.path.join('.'), issue.message);
}

/**
 * Parses a pack. `folder` is the folder name the id must equal; `shared`
 * holds the shared entities by id. Throws a DatasetError with the path of
 * the first bad field, in the pack's own coordinates.
 */
export function parsePack(input: unknown, shared: ReadonlyMap<string, SharedEntity>, folder?: string): ParsedPack {
  const extras = packExtras.safeParse(input);
  if (!extras.success) fail(extras.error);
  const { id, draft, entityRefs } = extras.data;
  if (folder !== undefined && id !== folder) throw new DatasetError('id', `must equal the folder name "${folder}"`);
  const raw = input as Record<string, unknown>;
  const ownFacts = extras.data.facts;

  // A shared entity's related ids may name facts of other stories: only those this pack has stay.
  const present = new Set([...ownFacts.map((f) => f.id), ...entityRefs.map((r) => r.id)]);
  const resolved: Record<string, unknown>[] = entityRefs.map((ref, i) => {
    const entity = shared.get(ref.id);
    if (!entity) throw new DatasetError(`entityRefs.${i}.id`, `no shared entity ${ref.id}`);
    const related = entity.related.filter((id) => present.has(id));
    return { ...entity, related, ...(ref.role ? { role: ref.role } : {}), evidence: ref.evidence };
  });
  const filled = (fact: Record<string, unknown>) => {
    if (!draft) return fact;
    const out = { ...fact };
    if (!isStatementCategory(out.category as Fact['category']) && out.card === undefined) out.card = GAP;
    if (out.category === 'person' && out.role === undefined) out.role = GAP;
    return out;
  };
  const source = (raw.source ?? {}) as Record<string, unknown>;
  const placeholderLimit = draft && Array.isArray(raw.limits) && raw.limits.length === 0;
  const placeholderCue = draft && Array.isArray(raw.eventCues) && raw.eventCues.length === 0;
  const { draft: _draft, entityRefs: _refs, ...storyFields } = raw;
  const candidate = {
    ...storyFields,
    source: draft ? { title: GAP, outlet: GAP, authors: [GAP], date: '0000-00-00', ...source } : raw.source,
    limits: placeholderLimit ? ['limit:not-yet-listed'] : raw.limits,
    eventCues: placeholderCue ? [{ phrases: [GAP], weight: 0 }] : raw.eventCues,
    facts: [...ownFacts.map(filled), ...resolved.map(filled), ...(placeholderLimit ? [PLACEHOLDER_LIMIT] : [])],
  };
  const result = storySchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [head, index, ...rest] = issue.path;
    if (head === 'facts' && typeof index === 'number' && index >= ownFacts.length) {
      const ref = index - ownFacts.length;
      throw new DatasetError(`entityRefs.${ref}${rest.length ? `.${rest.join('.')}` : ''}`, issue.message);
    }
    fail(result.error);
  }
  const story = result.data;
  if (placeholderLimit) {
    story.limits = [];
    story.facts = story.facts.filter((f) => f.id !== PLACEHOLDER_LIMIT.id);
  }
  if (placeholderCue) story.eventCues = [];
  return { id, draft, entityRefs, story, ownFactIds: ownFacts.map((f) => String(f.id)) };
}

/** Stands in for the limits list a draft has not filled yet, for the length of the check only. */
const PLACEHOLDER_LIMIT = {
  id: 'limit:not-yet-listed',
  category: 'limit',
  title: GAP,
  card: GAP,
  signature: {
    concepts: [
      { name: 'gap', variants: [GAP] },
      { name: 'gap', variants: [GAP] },
    ],
  },
  evidence: GAP,
};

/** The shared entities: data/entities.json when it exists, else the entity facts of a story. */
export function sharedEntitiesFrom(
  entitiesFile: unknown | undefined,
  legacyStory: unknown | undefined,
): Map<string, SharedEntity> {
  const out = new Map<string, SharedEntity>();
  if (entitiesFile !== undefined) {
    const parsed = entitiesFileSchema.safeParse(entitiesFile);
    if (!parsed.success) fail(parsed.error, 'entities.');
    for (const entity of parsed.data.entities) out.set(entity.id, entity);
  } else if (legacyStory !== undefined) {
    for (const fact of (legacyStory as { facts?: Fact[] }).facts ?? []) {
      if (isStatementCategory(fact.category)) continue;
      const { id, category, title, card, aliases, related } = fact;
      out.set(id, {
        id: id as SharedEntity['id'],
        category: category as SharedEntity['category'],
        title,
        // A draft's entity may have no card yet: the gap is marked as such, never left blank.
        card: card ?? GAP,
        aliases,
        related,
      });
    }
  }
  return out;
}
