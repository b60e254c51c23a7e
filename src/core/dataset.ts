/**
 * The story dataset: its types and the schema that guards them.
 *
 * The same schema runs in the build, in the unit tests and in the background
 * worker, so a malformed dataset is refused everywhere with the path of the
 * first bad field ("facts.12.signature.concepts.0.variants: ...").
 */
import { z } from 'zod';

import { CATEGORIES, type Category, isStatementCategory } from './categories';

export { CATEGORIES, type Category, isStatementCategory, STATEMENT_CATEGORIES } from './categories';

const nonEmpty = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const factId = z
  .string()
  .regex(
    /^(person|organization|place|event|claim|quote|limit):[a-z0-9]+(-[a-z0-9]+)*$/,
    'must look like "category:kebab-name"',
  );

/**
 * A name or phrase that identifies an entity; short names are matched case-sensitively. A phrase
 * that names the entity only on pages that report its story ("video call" for one dated call) says
 * `whereReported`: elsewhere it names some other call.
 */
const alias = z.union([
  nonEmpty,
  z.object({ text: nonEmpty, caseSensitive: z.boolean(), whereReported: z.literal(true).optional() }).strict(),
]);

/**
 * One idea a statement needs, in any of its wordings. A variant ending in "*"
 * matches any word that starts with it ("attend*" matches "attending").
 * `entities` lets a concept be satisfied by a mention of a fact instead.
 */
const concept = z
  .object({
    name: nonEmpty,
    variants: z.array(nonEmpty).default([]),
    entities: z.array(factId).default([]),
    weight: z.number().positive().max(10).default(1),
    required: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.variants.length + c.entities.length > 0, { message: 'a concept needs variants or entities' });

const signature = z
  .object({
    /** At most 31: a bound of the schema (real signatures have a handful); scoring itself has no limit. */
    concepts: z.array(concept).min(2).max(31),
    /** Fraction of the total concept weight a sentence must reach. */
    threshold: z.number().min(0.2).max(1).default(0.6),
  })
  .strict();

/**
 * Who said it and according to whom, written as they read mid-sentence
 * ("analysts", "a Chinese Foreign Ministry spokesman", "Vladimir Putin").
 */
const attribution = z
  .object({
    speaker: nonEmpty,
    speakerId: factId.optional(),
    accordingTo: nonEmpty,
    accordingToId: factId.optional(),
    /** `accordingTo` is the speaker's own public remarks ("televised remarks"), not someone's account of them. */
    firstHand: z.boolean().optional(),
    /** The speaker's view or judgment, not a reported fact: its title must say whose it is or hedge. */
    opinion: z.boolean().optional(),
  })
  .strict();

export const factSchema = z
  .object({
    id: factId,
    category: z.enum(CATEGORIES),
    title: nonEmpty,
    /** The plain-English "who/what is this"; a draft may leave it out (a gap its card shows as such). */
    card: nonEmpty.optional(),
    /** For people: their part in this story (a draft may leave it out). */
    role: nonEmpty.optional(),
    aliases: z.array(alias).default([]),
    attribution: attribution.optional(),
    /** For quotes: the words as reported, in plain English. */
    quote: nonEmpty.optional(),
    signature: signature.optional(),
    /** The seed article's sentence (or consecutive sentences) that supports this fact, verbatim. */
    evidence: nonEmpty,
    /** Other facts whose evidence this fact's texts also rest on. */
    basis: z.array(factId).default([]),
    related: z.array(factId).default([]),
    /**
     * An editor's note that a title stating an analyst's opinion as a bare assertion is fair, and why
     * (without it, check:facts wants such a title to name its speaker or hedge).
     */
    titleCheckedByEditor: nonEmpty.optional(),
  })
  .strict()
  .superRefine((fact, ctx) => {
    if (!fact.id.startsWith(`${fact.category}:`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id must start with "${fact.category}:"` });
    }
    const statement = isStatementCategory(fact.category);
    if (statement && !fact.signature) {
      ctx.addIssue({ code: 'custom', path: ['signature'], message: `a ${fact.category} needs a signature` });
    }
    if (!statement && fact.aliases.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['aliases'], message: `a ${fact.category} needs at least one alias` });
    }
    if ((fact.category === 'claim' || fact.category === 'quote') && !fact.attribution) {
      ctx.addIssue({ code: 'custom', path: ['attribution'], message: `a ${fact.category} needs an attribution` });
    }
    if (fact.category === 'quote' && !fact.quote) {
      ctx.addIssue({ code: 'custom', path: ['quote'], message: 'a quote needs its words' });
    }
  });

/** Where a field of the source block comes from: a place outside the copy, or a verbatim sentence of it. */
const where = nonEmpty;

/**
 * The report the story was built from. Every field says where it comes from;
 * there is no headline of our own and no URL. A headline is kept only as one
 * seen somewhere, with where it was seen. A draft may leave out the outlet,
 * the reporters and the date where its article does not state them; outside
 * drafts they are required (see storySchema).
 */
const sourceSchema = z
  .object({
    outlet: z.object({ name: nonEmpty, where }).strict().optional(),
    reporters: z
      .object({ names: z.array(nonEmpty).min(1), where, evidence: nonEmpty.optional() })
      .strict()
      .optional(),
    contributors: z
      .object({ names: z.array(nonEmpty).min(1), where, evidence: nonEmpty.optional() })
      .strict()
      .optional(),
    date: z.object({ value: isoDate, where }).strict().optional(),
    headlinesSeen: z.array(z.object({ text: nonEmpty, where }).strict()).default([]),
    /** One line for readers: what copy of the report the dataset was built from. */
    builtFrom: nonEmpty,
  })
  .strict();

/**
 * A line of the summary and the facts it rests on (their evidence is its
 * evidence). A draft's unwritten line may rest on nothing yet.
 */
const summaryLine = z.object({ text: nonEmpty, basis: z.array(factId) }).strict();

/**
 * A shared entity (data/entities.json) a story uses, with what this story
 * says about it: the entity's part in this story (required for a person
 * outside drafts) and the story's sentence that names it, verbatim.
 */
export const entityRefSchema = z
  .object({
    id: factId,
    role: nonEmpty.optional(),
    evidence: nonEmpty,
    /** Other facts whose evidence the role also rests on. */
    basis: z.array(factId).default([]),
  })
  .strict();

const cue = z.object({ phrases: z.array(nonEmpty).min(1), weight: z.number() }).strict();

/**
 * A story the reader followed from a page: the article's address, its site and date (from the page's
 * metadata) and when it was followed. Its cards say so, and that no editor has reviewed it.
 */
const followedSchema = z
  .object({
    address: z.string().regex(/^https?:\/\/\S+$/, 'must be the http(s) address of the article'),
    site: nonEmpty,
    date: isoDate.optional(),
    followedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'must be an ISO time (UTC)'),
  })
  .strict();

export const storySchema = z
  .object({
    schemaVersion: z.literal(1),
    /** Kebab-case; equals the pack's folder name under data/stories/. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like the folder name'),
    /** A draft is highlighted like any pack, but its cards say it has not been reviewed. */
    draft: z.boolean().default(false),
    /** Followed by the reader from a page (always a draft): where from. */
    followed: followedSchema.optional(),
    source: sourceSchema,
    summary: z
      .object({
        /** The story in one line, in our words (not a headline of the report). */
        gist: summaryLine,
        what: summaryLine,
        when: summaryLine,
        format: summaryLine,
        who: z.array(summaryLine).min(1),
        outcomes: z.array(summaryLine).min(1),
        /** What the leaders said at the meeting: their remarks, which are not its outcomes. */
        remarks: z.array(summaryLine).default([]),
        context: z.array(summaryLine).min(1),
      })
      .strict(),
    /** The limits of the partnership in the article's order: ids of `limit` facts (a draft may have none yet). */
    limits: z.array(factId),
    /**
     * Page-level cues that tell this event from other meetings of the same people.
     * Positive weights point at this event, negative ones at another. A draft may have none yet.
     */
    eventCues: z.array(cue),
    /**
     * Phrases that contain a name but are not a mention of it ("Asia Pacific",
     * "Power of Siberia"): they win the longest-match and are not highlighted.
     */
    notMentions: z.array(nonEmpty).default([]),
    /** Shared entities (data/entities.json) this story uses. */
    entityRefs: z.array(entityRefSchema).default([]),
    /** The story's own facts: its statements, and the entities only it has. */
    facts: z.array(factSchema).min(1),
  })
  .strict()
  .superRefine((story, ctx) => {
    const seen = new Set<string>();
    const unique = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate id ${id}` });
      seen.add(id);
    };
    for (const [i, fact] of story.facts.entries()) unique(fact.id, ['facts', i, 'id']);
    for (const [i, ref] of story.entityRefs.entries()) unique(ref.id, ['entityRefs', i, 'id']);
    if (story.followed && !story.draft)
      ctx.addIssue({ code: 'custom', path: ['draft'], message: 'a followed story is a draft (no editor reviewed it)' });
    if (story.draft) return;
    // Outside drafts nothing is left unwritten.
    for (const field of ['outlet', 'reporters', 'date'] as const)
      if (!story.source[field])
        ctx.addIssue({ code: 'custom', path: ['source', field], message: 'required outside drafts' });
    for (const [key, value] of Object.entries(story.summary)) {
      const lines = Array.isArray(value) ? value : [value];
      for (const [i, line] of lines.entries()) {
        const at = Array.isArray(value) ? ['summary', key, i] : ['summary', key];
        if (line.basis.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'basis'],
            message: 'a summary line needs a basis outside drafts',
          });
      }
    }
    if (story.limits.length === 0)
      ctx.addIssue({ code: 'custom', path: ['limits'], message: 'at least one limit is required outside drafts' });
    if (story.eventCues.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['eventCues'],
        message: 'at least one event cue is required outside drafts',
      });
    story.facts.forEach((fact, i) => {
      if (!fact.card) ctx.addIssue({ code: 'custom', path: ['facts', i, 'card'], message: 'a card is required' });
      if (fact.category === 'person' && !fact.role)
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'role'], message: 'a person needs a role in the story' });
    });
    story.entityRefs.forEach((ref, i) => {
      if (ref.id.startsWith('person:') && !ref.role)
        ctx.addIssue({
          code: 'custom',
          path: ['entityRefs', i, 'role'],
          message: 'a person needs a role in the story',
        });
    });
  });

/** A person, organization, place or event shared by stories: defined once, with a story-independent card. */
export const sharedEntitySchema = z
  .object({
    id: factId,
    category: z.enum(['person', 'organization', 'place', 'event']),
    title: nonEmpty,
    /** Who or what this is, true whatever the story. */
    card: nonEmpty,
    aliases: z.array(alias).min(1),
    related: z.array(factId).default([]),
  })
  .strict()
  .superRefine((entity, ctx) => {
    if (!entity.id.startsWith(`${entity.category}:`))
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id must start with "${entity.category}:"` });
  });

export const entitiesFileSchema = z
  .object({ schemaVersion: z.literal(1), entities: z.array(sharedEntitySchema) })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set(file.entities.map((e) => e.id));
    if (ids.size < file.entities.length) {
      const seen = new Set<string>();
      file.entities.forEach((e, i) => {
        if (seen.has(e.id))
          ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate id ${e.id}` });
        seen.add(e.id);
      });
    }
    for (const [i, e] of file.entities.entries()) {
      for (const [j, id] of e.related.entries()) {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['entities', i, 'related', j],
            message: `unknown shared entity ${id} (a shared entity relates only to shared entities)`,
          });
      }
    }
  });

export type Story = z.infer<typeof storySchema>;
export type Fact = Story['facts'][number];
export type EntityRef = Story['entityRefs'][number];
export type SharedEntity = z.infer<typeof sharedEntitySchema>;
export type Source = Story['source'];
export type SummaryLine = Story['summary']['what'];
export type Alias = Fact['aliases'][number];
export type Concept = NonNullable<Fact['signature']>['concepts'][number];

export class DatasetError extends Error {
  constructor(
    readonly path: string,
    /** What is wrong with the field, without the file and the path. */
    readonly detail: string,
    /** The file the bad field is in, where known. */
    readonly file?: string,
  ) {
    super(`dataset: ${file ? `${file}: ` : ''}${path || '(root)'}: ${detail}`);
    this.name = 'DatasetError';
  }
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, file?: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(issue.path.join('.'), issue.message, file);
}

/** An entity a story may refer to without defining it: a shared one, or one another pack defines. */
export interface KnownEntity {
  id: string;
  category: Category;
}

/**
 * Parses and checks a story; throws a DatasetError naming the first bad
 * field. Ids the story refers to must be its own facts or, through
 * `known`, entities of data/entities.json or of another pack.
 */
export function parseStory(input: unknown, known: readonly KnownEntity[] = [], file?: string): Story {
  const story = parseWith(storySchema, input, file);
  checkReferences(story, known, file);
  return story;
}

function checkReferences(story: Story, known: readonly KnownEntity[], file?: string): void {
  const problem = findBadReference(story, new Map(known.map((e) => [e.id, e.category])));
  if (problem) throw new DatasetError(problem.path.join('.'), problem.message, file);
}

/** The person, organisation, place and event facts a story defines: other packs may refer to them. */
export function entityFacts(story: Story): Fact[] {
  return story.facts.filter((f) => !isStatementCategory(f.category));
}

export function parseEntities(input: unknown, file?: string): SharedEntity[] {
  return parseWith(entitiesFileSchema, input, file).entities;
}

/** The first reference of the story to a fact that is neither its own nor a shared entity. */
function findBadReference(
  story: Story,
  shared: ReadonlyMap<string, Category>,
): { path: (string | number)[]; message: string } | undefined {
  const own = new Map(story.facts.map((f) => [f.id, f.category]));
  const check = (id: string, path: (string | number)[], category?: Category) => {
    const found = own.get(id) ?? shared.get(id);
    if (!found) return { path, message: `unknown fact id ${id}` };
    if (category && found !== category) return { path, message: `${id} is not a ${category}` };
    return undefined;
  };
  for (const [i, ref] of story.entityRefs.entries()) {
    if (!shared.has(ref.id))
      return {
        path: ['entityRefs', i, 'id'],
        message: `unknown shared entity ${ref.id} (not in data/entities.json nor defined by another pack)`,
      };
  }
  for (const [i, id] of story.limits.entries()) {
    const bad = own.has(id)
      ? check(id, ['limits', i], 'limit')
      : { path: ['limits', i], message: `unknown fact id ${id}` };
    if (bad) return bad;
  }
  const refs: [string, (string | number)[]][] = [];
  for (const [i, ref] of story.entityRefs.entries())
    for (const [j, id] of ref.basis.entries()) refs.push([id, ['entityRefs', i, 'basis', j]]);
  for (const [key, value] of Object.entries(story.summary)) {
    const lines = Array.isArray(value) ? value : [value];
    for (const [i, line] of lines.entries()) {
      const at = Array.isArray(value) ? ['summary', key, i] : ['summary', key];
      for (const [j, id] of line.basis.entries()) refs.push([id, [...at, 'basis', j]]);
    }
  }
  for (const [i, fact] of story.facts.entries()) {
    for (const [j, id] of fact.related.entries()) refs.push([id, ['facts', i, 'related', j]]);
    for (const [j, id] of fact.basis.entries()) refs.push([id, ['facts', i, 'basis', j]]);
    if (fact.attribution?.speakerId) refs.push([fact.attribution.speakerId, ['facts', i, 'attribution', 'speakerId']]);
    if (fact.attribution?.accordingToId)
      refs.push([fact.attribution.accordingToId, ['facts', i, 'attribution', 'accordingToId']]);
    for (const [j, c] of (fact.signature?.concepts ?? []).entries()) {
      for (const [k, id] of c.entities.entries())
        refs.push([id, ['facts', i, 'signature', 'concepts', j, 'entities', k]]);
    }
  }
  for (const [id, path] of refs) {
    const bad = check(id, path);
    if (bad) return bad;
  }
  return undefined;
}

/** The shared entities and every story pack, checked together (see packs.ts). */
export interface Dataset {
  entities: SharedEntity[];
  /** Sorted by id. */
  stories: Story[];
}

/** A file's path (for error messages) and its parsed JSON. */
export interface DatasetFile {
  path: string;
  json: unknown;
}

/**
 * Parses entities.json and every story pack, checked together: a fact id is
 * defined once in the whole dataset. Throws a DatasetError naming the file
 * and the field.
 */
export function parseDataset(entitiesFile: DatasetFile, storyFiles: readonly DatasetFile[]): Dataset {
  const entities = parseEntities(entitiesFile.json, entitiesFile.path);
  const definedAt = new Map<string, string>();
  for (const [i, e] of entities.entries()) definedAt.set(e.id, `${entitiesFile.path} entities.${i}.id`);
  const parsed: { story: Story; path: string }[] = [];
  for (const file of [...storyFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const story = parseWith(storySchema, file.json, file.path);
    const folder = /([^/\\]+)[/\\]story\.json$/.exec(file.path)?.[1];
    if (folder !== undefined && folder !== story.id)
      throw new DatasetError('id', `"${story.id}" must equal the pack's folder name "${folder}"`, file.path);
    if (parsed.some((p) => p.story.id === story.id))
      throw new DatasetError('id', `story id ${story.id} is used twice`, file.path);
    for (const [i, fact] of story.facts.entries()) {
      const here = `${file.path} facts.${i}.id`;
      const there = definedAt.get(fact.id);
      if (there)
        throw new DatasetError(`facts.${i}.id`, `fact id ${fact.id} is defined twice: ${there} and ${here}`, file.path);
      definedAt.set(fact.id, here);
    }
    parsed.push({ story, path: file.path });
  }
  if (parsed.length === 0) throw new DatasetError('', 'no story packs (data/stories/<id>/story.json)');
  // References are checked once every pack is known: a pack may refer to an entity another pack defines.
  for (const { story, path } of parsed) {
    const others = parsed.filter((p) => p.story !== story).flatMap((p) => entityFacts(p.story));
    checkReferences(story, [...entities, ...others], path);
  }
  return { entities, stories: parsed.map((p) => p.story).sort((a, b) => a.id.localeCompare(b.id)) };
}

/** The spin lexicon: the word swaps a synonym rewriter makes, mapped back to plain English. */
export const lexiconSchema = z
  .object({
    schemaVersion: z.literal(1),
    entries: z
      .array(
        z
          .object({
            plain: nonEmpty,
            spun: z.array(nonEmpty).min(1),
            /** 0: an ordinary word; 3: only a rewriter would write it. */
            weight: z.number().min(0).max(3).default(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((lexicon, ctx) => {
    const seen = new Map<string, number>();
    for (const [i, entry] of lexicon.entries.entries()) {
      for (const [j, form] of entry.spun.entries()) {
        const key = form.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'spun', j],
            message: `"${form}" is already in entry ${seen.get(key)}`,
          });
        }
        seen.set(key, i);
      }
    }
  });

export type Lexicon = z.infer<typeof lexiconSchema>;

export function parseLexicon(input: unknown): Lexicon {
  const result = lexiconSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(`lexicon.${issue.path.join('.')}`, issue.message);
}
