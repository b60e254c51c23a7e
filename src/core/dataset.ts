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
    /** The seed article's sentence (or consecutive sentences) that supports this fact, verbatim. */
    evidence: nonEmpty,
    /** Other facts whose evidence this fact's texts also rest on. */
    basis: z.array(factId).default([]),
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

/** Where a field of the source block comes from: a place outside the copy, or a verbatim sentence of it. */
const where = nonEmpty;

/**
 * The report the story was built from. Every field says where it comes from;
 * there is no headline of our own and no URL. A headline is kept only as one
 * seen somewhere, with where it was seen.
 */
const sourceSchema = z
  .object({
    outlet: z.object({ name: nonEmpty, where }).strict(),
    reporters: z.object({ names: z.array(nonEmpty).min(1), where, evidence: nonEmpty.optional() }).strict(),
    contributors: z
      .object({ names: z.array(nonEmpty).min(1), where, evidence: nonEmpty.optional() })
      .strict()
      .optional(),
    date: z.object({ value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'), where }).strict(),
    headlinesSeen: z.array(z.object({ text: nonEmpty, where }).strict()).default([]),
    /** One line for readers: what copy of the report the dataset was built from. */
    builtFrom: nonEmpty,
  })
  .strict();

/** A line of the summary and the facts it rests on (their evidence is its evidence). */
const summaryLine = z.object({ text: nonEmpty, basis: z.array(factId).min(1) }).strict();

const cue = z.object({ phrases: z.array(nonEmpty).min(1), weight: z.number() }).strict();

export const storySchema = z
  .object({
    schemaVersion: z.literal(1),
    id: nonEmpty,
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
        context: z.array(summaryLine).min(1),
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
    for (const [i, id] of story.limits.entries()) mustExist(id, ['limits', i], 'limit');
    for (const [key, value] of Object.entries(story.summary)) {
      const lines = Array.isArray(value) ? value : [value];
      for (const [i, line] of lines.entries()) {
        const at = Array.isArray(value) ? ['summary', key, i] : ['summary', key];
        for (const [j, id] of line.basis.entries()) mustExist(id, [...at, 'basis', j]);
      }
    }
    for (const [i, fact] of story.facts.entries()) {
      for (const [j, id] of fact.related.entries()) mustExist(id, ['facts', i, 'related', j]);
      for (const [j, id] of fact.basis.entries()) mustExist(id, ['facts', i, 'basis', j]);
      if (fact.attribution?.speakerId) mustExist(fact.attribution.speakerId, ['facts', i, 'attribution', 'speakerId']);
      if (fact.attribution?.accordingToId)
        mustExist(fact.attribution.accordingToId, ['facts', i, 'attribution', 'accordingToId']);
      for (const [j, c] of (fact.signature?.concepts ?? []).entries()) {
        for (const [k, id] of c.entities.entries())
          mustExist(id, ['facts', i, 'signature', 'concepts', j, 'entities', k]);
      }
    }
  });

export type Story = z.infer<typeof storySchema>;
export type Fact = Story['facts'][number];
export type Alias = Fact['aliases'][number];
export type Concept = NonNullable<Fact['signature']>['concepts'][number];
export type Source = Story['source'];
export type SummaryLine = Story['summary']['what'];

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
