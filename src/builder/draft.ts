/**
 * Drafts a story pack from a plain-text article: source fields the text
 * states, entities (shared ones referenced, not copied), statements with
 * their evidence and signatures, event cues from dates, places and events.
 * What the article cannot supply is left as a marked gap for an editor.
 */
import { analyseText } from '../core/annotate';
import { compileMatcher } from '../core/compile';
import type { Lexicon, SharedEntity, Story } from '../core/dataset';
import { Matcher } from '../core/matcher';
import { normalizeText } from '../core/normalize';
import { formatDate } from '../core/ui-text';
import { type Article, readArticle } from './article';
import { Despinner } from './despin';
import { type EntityCandidate, findEntities } from './entities';
import { GAP } from './gaps';
import { aliasKey, entityNames, variantKey } from './keys';
import type { BuilderNlp } from './nlp';
import { type DraftStatement, draftStatements, type KnownEntity } from './statements';
import { MONTHS } from './words';

/** An entity a draft may refer to: a shared one, or one another pack defines. */
export type ReferableEntity = Pick<SharedEntity, 'id' | 'category' | 'title' | 'aliases'>;

/** A shared entity the draft refers to, with the sentence that names it (its role is for the editor). */
export interface DraftEntityRef {
  id: string;
  evidence: string;
}

export interface DraftInput {
  text: string;
  id: string;
  lexicon: Lexicon;
  /**
   * Entities already defined, by id: the shared ones and those other packs define. The draft refers to these
   * (by any of their names, or a spelling variant of one) instead of defining them again.
   */
  shared: ReadonlyMap<string, ReferableEntity>;
  nlp: BuilderNlp;
  /** Fact ids other packs define: the draft's own ids avoid them (an id names one fact in the whole dataset). */
  takenIds?: Iterable<string>;
  /** Named in the source block, e.g. the article's file name. */
  sourceName?: string;
  /** Undo a rewriter's wording in names and quotes (default true; signatures read through the lexicon either way). */
  despin?: boolean;
}

export interface OwnEntityFact {
  id: string;
  category: EntityCandidate['category'];
  title: string;
  aliases: string[];
  evidence: string;
  related: string[];
}

export interface DraftPack {
  schemaVersion: 1;
  id: string;
  draft: true;
  source: Record<string, unknown>;
  summary: Record<string, unknown>;
  limits: string[];
  eventCues: { phrases: string[]; weight: number }[];
  notMentions: string[];
  entityRefs: DraftEntityRef[];
  facts: (OwnEntityFact | DraftStatement)[];
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/['’]s\b/g, 's')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** Shared entities named in the text, found by the extension's own matcher (so "america" is the United States). */
function sharedMentions(
  article: Article,
  shared: ReadonlyMap<string, ReferableEntity>,
  lexicon: Lexicon,
): Map<string, number> {
  const entities = [...shared.values()].map((e) => ({ ...e, card: e.title, related: [] }));
  if (entities.length === 0) return new Map();
  // A story that uses every shared entity and nothing else: only the fields the matcher reads.
  const entityRefs = entities.map((e) => ({ id: e.id, evidence: e.title, basis: [] }));
  const story = {
    id: 'shared-entities',
    entityRefs,
    facts: [],
    eventCues: [],
    notMentions: [],
    limits: [],
    summary: { when: { text: '', basis: [] } },
  };
  const matcher = new Matcher(compileMatcher({ entities, stories: [story as unknown as Story] }, lexicon));
  const first = new Map<string, number>();
  article.sentences.forEach((sentence, index) => {
    if (sentence.credit) return;
    for (const hit of analyseText(matcher, sentence.raw).entities) {
      for (const id of hit.factIds) if (!first.has(id)) first.set(id, index);
    }
  });
  return first;
}

/** Sentences that make the lede: the events they name are this story's, not its background. */
const LEDE_SENTENCES = 3;

function eventCues(article: Article, events: KnownEntity[], plains: string[]): DraftPack['eventCues'] {
  const cues: DraftPack['eventCues'] = [];
  const date = article.meta.date;
  if (date) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const name = MONTHS[month - 1]!;
    cues.push({ phrases: [`${name} ${day}`, `${day} ${name}`, `${name.slice(0, 3)}. ${day}`], weight: 3 });
    cues.push({ phrases: [`${name} ${year}`], weight: 2 });
  }
  const lede = plains.slice(0, LEDE_SENTENCES).join(' ');
  const dates = [...lede.matchAll(new RegExp(`\\b(?:${MONTHS.join('|')}) \\d{1,2}\\b`, 'g'))].map((m) => m[0]);
  if (dates.length > 0) cues.push({ phrases: [...new Set(dates)], weight: 2 });
  for (const event of events) cues.push({ phrases: event.aliases, weight: 1 });
  if (article.meta.dateline) cues.push({ phrases: [article.meta.dateline], weight: 1 });
  return cues;
}

export function draftPack(input: DraftInput): DraftPack {
  const despinner = new Despinner(input.lexicon);
  const plainOf = (raw: string) => (input.despin === false ? normalizeText(raw).text : despinner.plainText(raw));
  const article = readArticle(input.text, input.nlp.sentences, plainOf);
  const plains = article.sentences.map((s) => plainOf(s.raw));
  // Names come from the body: not headings or credits, nor the dateline ("ARDENT CITY — Lena Marsh …").
  const named = article.sentences.map((s, i) =>
    s.credit || s.heading ? '' : plains[i]!.replace(/^\p{Lu}[\p{Lu} .'-]+?\s*[—–-]\s+/u, ''),
  );
  const candidates = findEntities(named, input.nlp);

  const sharedIndex = new Map<string, string>();
  const variantIndex = new Map<string, string>();
  for (const entity of input.shared.values())
    for (const name of entityNames(entity)) {
      sharedIndex.set(aliasKey(name), entity.id);
      variantIndex.set(variantKey(name), entity.id);
    }
  // An exact name first; else a spelling variant or inflection of one ("Yury Ushakov" is Yuri Ushakov).
  const knownId = (candidate: EntityCandidate) =>
    candidate.aliases.map((a) => sharedIndex.get(aliasKey(a))).find(Boolean) ??
    candidate.aliases.map((a) => variantIndex.get(variantKey(a))).find(Boolean);
  const refs = new Map<string, { ref: DraftEntityRef; entity: KnownEntity }>();
  const own: OwnEntityFact[] = [];
  const known: KnownEntity[] = [];
  const usedIds = new Set([...input.shared.keys(), ...(input.takenIds ?? [])]);
  const evidenceOf = (sentence: number) => article.sentences[sentence]!.raw;

  const addRef = (id: string, sentence: number, extraAliases: string[]) => {
    const entity = input.shared.get(id)!;
    const existing = refs.get(id);
    if (existing) {
      existing.entity.aliases.push(...extraAliases);
      return;
    }
    const aliases = [...entityNames(entity), ...extraAliases];
    const knownEntity = { id, category: entity.category, title: entity.title, aliases };
    refs.set(id, { ref: { id, evidence: evidenceOf(sentence) }, entity: knownEntity });
    known.push(knownEntity);
  };

  for (const candidate of candidates) {
    const sharedId = knownId(candidate);
    if (sharedId) {
      addRef(sharedId, candidate.sentences[0]!, candidate.aliases);
      continue;
    }
    let id = `${candidate.category}:${slug(candidate.title)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${candidate.category}:${slug(candidate.title)}-${n}`;
    usedIds.add(id);
    own.push({
      id,
      category: candidate.category,
      title: candidate.title,
      aliases: candidate.aliases,
      evidence: evidenceOf(candidate.sentences[0]!),
      related: [],
    });
    known.push({ id, category: candidate.category, title: candidate.title, aliases: candidate.aliases });
  }
  for (const [id, sentence] of sharedMentions(article, input.shared, input.lexicon)) {
    if (!refs.has(id)) addRef(id, sentence, []);
  }

  const statementSentences = article.sentences
    .map((s, i) => ({ raw: s.raw, plain: plains[i]!, keep: !s.heading && !s.credit }))
    .filter((s) => s.keep);
  const authors = article.meta.authors;
  const statements = draftStatements(statementSentences, known, {
    lexicon: input.lexicon,
    isStopWord: input.nlp.isStopWord,
    usedIds,
    acrossOutlets: input.despin === false,
  });

  // Only what the text states, each with where it comes from; the outlet and an unstated byline or date stay
  // absent (the schema requires them once the draft mark goes, and `check` lists them as gaps).
  const file = input.sourceName ?? 'the article';
  const source: Record<string, unknown> = {};
  if (authors.length > 0) source.reporters = { names: authors, where: `the byline or closing credit of ${file}` };
  if (article.meta.contributors.length > 0)
    source.contributors = { names: article.meta.contributors, where: `the closing credit of ${file}` };
  if (article.meta.date) source.date = { value: article.meta.date, where: `the first lines of ${file}` };
  if (article.meta.title) source.headlinesSeen = [{ text: article.meta.title, where: `the first line of ${file}` }];
  source.builtFrom = `Drafted by the story builder from ${file}; not reviewed by an editor.`;
  const gapLine = { text: GAP, basis: [] };

  const ledeEvents = new Set(
    candidates.filter((c) => c.category === 'event' && c.sentences[0]! < LEDE_SENTENCES).flatMap((c) => c.aliases),
  );
  // Events named in the lede, with every name the draft knows them by.
  const events = known.filter((e) => e.category === 'event' && e.aliases.some((a) => ledeEvents.has(a)));
  return {
    schemaVersion: 1,
    id: input.id,
    draft: true,
    source,
    summary: {
      gist: gapLine,
      what: gapLine,
      when: article.meta.date ? { text: formatDate(article.meta.date), basis: [] } : gapLine,
      format: gapLine,
      who: [gapLine],
      outcomes: [gapLine],
      context: [gapLine],
    },
    limits: statements.filter((s) => s.category === 'limit').map((s) => s.id),
    eventCues: eventCues(article, events, plains),
    notMentions: [],
    entityRefs: [...refs.values()].map((r) => r.ref),
    facts: [...own, ...statements],
  };
}
