/**
 * Drafts a story pack from a plain-text article: source fields the text
 * states, entities (shared ones referenced, not copied), statements with
 * their evidence and signatures, event cues from dates, places and events.
 * What the article cannot supply is left as a marked gap for an editor.
 */
import { analyseText } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import type { Lexicon, Story } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import { type Article, readArticle } from './article';
import { Despinner } from './despin';
import { type EntityCandidate, findEntities } from './entities';
import { aliasKey, entityNames } from './keys';
import type { BuilderNlp } from './nlp';
import { type EntityRef, GAP, type SharedEntity } from './pack-schema';
import { type DraftStatement, draftStatements, type KnownEntity } from './statements';
import { MONTHS } from './words';

export interface DraftInput {
  text: string;
  id: string;
  lexicon: Lexicon;
  /** Shared entities by id: the draft references these instead of defining them again. */
  shared: ReadonlyMap<string, SharedEntity>;
  nlp: BuilderNlp;
  /** Shown in source.note, e.g. the article's file name. */
  sourceName?: string;
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
  entityRefs: EntityRef[];
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
  shared: ReadonlyMap<string, SharedEntity>,
  lexicon: Lexicon,
): Map<string, number> {
  const facts = [...shared.values()].map((e) => ({ ...e, evidence: e.title, related: [] }));
  if (facts.length === 0) return new Map();
  const story = { facts, eventCues: [], notMentions: [], limits: [] } as unknown as Story;
  const matcher = new Matcher(compileMatcher(story, lexicon));
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
  const plainOf = (raw: string) => despinner.plainText(raw);
  const article = readArticle(input.text, input.nlp.sentences, plainOf);
  const plains = article.sentences.map((s) => plainOf(s.raw));
  const named = article.sentences.map((s, i) => (s.credit || s.heading ? '' : plains[i]!));
  const candidates = findEntities(named, input.nlp);

  const sharedIndex = new Map<string, string>();
  for (const entity of input.shared.values())
    for (const name of entityNames(entity)) sharedIndex.set(aliasKey(name), entity.id);
  const refs = new Map<string, { ref: EntityRef; entity: KnownEntity }>();
  const own: OwnEntityFact[] = [];
  const known: KnownEntity[] = [];
  const usedIds = new Set(input.shared.keys());
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
    const sharedId = candidate.aliases.map((a) => sharedIndex.get(aliasKey(a))).find(Boolean);
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
  });

  // Title, outlet and authors the text does not state are marked for the editor; an unknown date stays absent
  // (no marker fits a date's format).
  const source: Record<string, unknown> = {
    title: article.meta.title ?? GAP,
    outlet: GAP,
    authors: authors.length > 0 ? authors : [GAP],
  };
  if (article.meta.contributors.length > 0) source.contributors = article.meta.contributors;
  if (article.meta.date) source.date = article.meta.date;
  source.note = `Drafted by the story builder from ${input.sourceName ?? 'a plain-text article'}; not reviewed.`;

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
      headline: GAP,
      what: GAP,
      when: article.meta.date ?? GAP,
      format: GAP,
      who: [GAP],
      outcomes: [GAP],
      context: [GAP],
    },
    limits: statements.filter((s) => s.category === 'limit').map((s) => s.id),
    eventCues: eventCues(article, events, plains),
    notMentions: [],
    entityRefs: [...refs.values()].map((r) => r.ref),
    facts: [...own, ...statements],
  };
}
