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
const factId = z
  .string()
  .regex(
    /^(person|organization|place|event|claim|quote|limit):[a-z0-9]+(-[a-z0-9]+)*$/,
    'must look like "category:kebab-name"',
  );

/** A name or phrase that identifies an entity; short names are matched case-sensitively. */
const alias = z.union([nonEmpty, z.object({ text: nonEmpty, caseSensitive: z.boolean() }).strict()]);

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

const attribution = z
  .object({
    speaker: nonEmpty,
    speakerId: factId.optional(),
    accordingTo: nonEmpty,
    accordingToId: factId.optional(),
  })
  .strict();

export const factSchema = z
  .object({
    id: factId,
    category: z.enum(CATEGORIES),
    title: nonEmpty,
    card: nonEmpty,
    /** For people: their part in this story. */
    role: nonEmpty.optional(),
    aliases: z.array(alias).default([]),
    attribution: attribution.optional(),
    /** For quotes: the words as reported, in plain English. */
    quote: nonEmpty.optional(),
    signature: signature.optional(),
    /** The seed article's sentence that supports this fact, verbatim. */
    evidence: nonEmpty,
    related: z.array(factId).default([]),
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
    if (fact.category === 'person' && !fact.role) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: 'a person needs a role in the story' });
    }
  });

const cue = z.object({ phrases: z.array(nonEmpty).min(1), weight: z.number() }).strict();

export const storySchema = z
  .object({
    schemaVersion: z.literal(1),
    id: nonEmpty,
    source: z
      .object({
        title: nonEmpty,
        outlet: nonEmpty,
        authors: z.array(nonEmpty).min(1),
        contributors: z.array(nonEmpty).default([]),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        note: nonEmpty.optional(),
      })
      .strict(),
    summary: z
      .object({
        headline: nonEmpty,
        what: nonEmpty,
        when: nonEmpty,
        format: nonEmpty,
        who: z.array(nonEmpty).min(1),
        outcomes: z.array(nonEmpty).min(1),
        context: z.array(nonEmpty).min(1),
      })
      .strict(),
    /** The limits of the partnership in the article's order: ids of `limit` facts. */
    limits: z.array(factId).min(1),
    /**
     * Page-level cues that tell this event from other meetings of the same people.
     * Positive weights point at this event, negative ones at another.
     */
    eventCues: z.array(cue).min(1),
    /**
     * Phrases that contain a name but are not a mention of it ("Asia Pacific",
     * "Power of Siberia"): they win the longest-match and are not highlighted.
     */
    notMentions: z.array(nonEmpty).default([]),
    facts: z.array(factSchema).min(1),
  })
  .strict()
  .superRefine((story, ctx) => {
    const byId = new Map<string, z.infer<typeof factSchema>>();
    story.facts.forEach((fact, index) => {
      if (byId.has(fact.id)) {
        ctx.addIssue({ code: 'custom', path: ['facts', index, 'id'], message: `duplicate id ${fact.id}` });
      }
      byId.set(fact.id, fact);
    });
    const mustExist = (id: string, path: (string | number)[], category?: Category) => {
      const fact = byId.get(id);
      if (!fact) ctx.addIssue({ code: 'custom', path, message: `unknown fact id ${id}` });
      else if (category && fact.category !== category) {
        ctx.addIssue({ code: 'custom', path, message: `${id} is not a ${category}` });
      }
    };
    story.limits.forEach((id, i) => mustExist(id, ['limits', i], 'limit'));
    story.facts.forEach((fact, i) => {
      fact.related.forEach((id, j) => mustExist(id, ['facts', i, 'related', j]));
      if (fact.attribution?.speakerId) mustExist(fact.attribution.speakerId, ['facts', i, 'attribution', 'speakerId']);
      if (fact.attribution?.accordingToId)
        mustExist(fact.attribution.accordingToId, ['facts', i, 'attribution', 'accordingToId']);
      fact.signature?.concepts.forEach((c, j) =>
        c.entities.forEach((id, k) => mustExist(id, ['facts', i, 'signature', 'concepts', j, 'entities', k])),
      );
    });
  });

export type Story = z.infer<typeof storySchema>;
export type Fact = Story['facts'][number];
export type Alias = Fact['aliases'][number];
export type Concept = NonNullable<Fact['signature']>['concepts'][number];

export class DatasetError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`dataset: ${path || '(root)'}: ${detail}`);
    this.name = 'DatasetError';
  }
}

/** Parses and checks a story; throws a DatasetError naming the first bad field. */
export function parseStory(input: unknown): Story {
  const result = storySchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(issue.path.join('.'), issue.message);
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
    lexicon.entries.forEach((entry, i) =>
      entry.spun.forEach((form, j) => {
        const key = form.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'spun', j],
            message: `"${form}" is already in entry ${seen.get(key)}`,
          });
        }
        seen.set(key, i);
      }),
    );
  });

export type Lexicon = z.infer<typeof lexiconSchema>;

export function parseLexicon(input: unknown): Lexicon {
  const result = lexiconSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(`lexicon.${issue.path.join('.')}`, issue.message);
}
