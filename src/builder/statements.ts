/**
 * Statements of an article: each sentence that says something becomes a
 * claim, a quote or a limit, with its verbatim evidence, who said it and
 * according to whom (as the text attributes it), and a signature built from
 * its content words, numbers and entities as the matcher reads them.
 */
import { REPORT_VOICE } from '../core/cards';
import type { Lexicon } from '../core/dataset';
import { compileLexicon, LexiconRewriter } from '../core/lexicon';
import { normalizeText } from '../core/normalize';
import { stem, tokenize } from '../core/tokens';
import { LIMIT_CUES, SPEECH_VERBS } from './words';

export interface KnownEntity {
  id: string;
  category: 'person' | 'organization' | 'place' | 'event';
  title: string;
  aliases: string[];
}

export interface StatementSentence {
  raw: string;
  plain: string;
}

export interface DraftStatement {
  id: string;
  category: 'claim' | 'quote' | 'limit';
  title: string;
  card: string;
  attribution?: { speaker: string; speakerId?: string; accordingTo: string; accordingToId?: string };
  quote?: string;
  signature: {
    concepts: { name: string; variants: string[]; entities: string[]; weight: number; required: boolean }[];
    threshold: number;
  };
  evidence: string;
  related: string[];
}

const MAX_WORD_CONCEPTS = 6;
const MAX_NUMBER_CONCEPTS = 2;
const MAX_ENTITY_CONCEPTS = 2;
const THRESHOLD = 0.6;
const MIN_QUOTED_WORDS = 2;
/** How far (in characters) a speaker's name may sit from the speech verb. */
const SPEAKER_REACH = 120;
/** How far after "according to" its source may be named. */
const ACCORDING_REACH = 80;
const REPORTING_WORDS = new Set(['according', 'said', 'says', 'told', 'added', 'stated', 'reports', 'reported']);

interface EntitySpan {
  entity: KnownEntity;
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each known entity is named in a plain sentence (longest names first, no overlaps). */
export function entitySpans(plain: string, entities: readonly KnownEntity[]): EntitySpan[] {
  const forms = entities.flatMap((entity) => entity.aliases.map((alias) => ({ entity, alias })));
  forms.sort((a, b) => b.alias.length - a.alias.length);
  const spans: EntitySpan[] = [];
  for (const { entity, alias } of forms) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`,
      alias.length <= 3 ? 'gu' : 'giu',
    );
    for (const m of plain.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ entity, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function quotedSegments(plain: string): string[] {
  const segments = [...plain.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim().replace(/[,.]$/, ''));
  const open = /^"([^"]+)$/.exec(plain);
  if (open) segments.push(open[1]!.trim());
  return segments.filter((s) => s.split(/\s+/).length >= MIN_QUOTED_WORDS);
}

function slug(words: string[]): string {
  return (
    words
      .join(' ')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'statement'
  );
}

export interface StatementOptions {
  lexicon: Lexicon;
  isStopWord: (word: string) => boolean;
  /** Signatures meant to find the statement in other outlets' words too (a followed story). */
  acrossOutlets?: boolean;
  /** Ids already taken (shared entities, other packs, this draft's entities): statement ids avoid them, and are added. */
  usedIds?: Set<string>;
}

export function draftStatements(
  sentences: readonly StatementSentence[],
  entities: readonly KnownEntity[],
  options: StatementOptions,
): DraftStatement[] {
  const rewriter = new LexiconRewriter(compileLexicon(options.lexicon));
  const wordsOf = (raw: string) => rewriter.rewrite(tokenize(normalizeText(raw))).map((t) => t.word);
  const sentenceWords = sentences.map((s) => wordsOf(s.raw));
  const frequency = new Map<string, number>();
  for (const words of sentenceWords)
    for (const w of new Set(words.map(stem))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const entityWords = new Set(entities.flatMap((e) => e.aliases.flatMap((a) => wordsOf(a))));
  const reporters = REPORT_VOICE;
  const usedIds = options.usedIds ?? new Set<string>();
  const out: DraftStatement[] = [];
  let lastSpeaker: { speaker: string; speakerId?: string } | undefined;

  sentences.forEach((sentence, index) => {
    const plain = sentence.plain;
    const spans = entitySpans(plain, entities);
    const words = sentenceWords[index]!;
    const numbers = [...new Set(words.filter((w) => /^\d/.test(w)))].slice(0, MAX_NUMBER_CONCEPTS);
    const content = [...new Set(words)]
      .filter((w) => /^\p{L}/u.test(w) && w.length > 2 && !options.isStopWord(w))
      .filter((w) => !REPORTING_WORDS.has(w) && !entityWords.has(w))
      .map((w, position) => ({ w, position, df: frequency.get(stem(w)) ?? 1 }))
      .sort((a, b) => a.df - b.df || a.position - b.position)
      .slice(0, MAX_WORD_CONCEPTS)
      .map((c) => c.w);
    if (content.length === 0) return;

    const quoted = quotedSegments(plain);
    const speaker = findSpeaker(plain, spans) ?? (/^"/.test(plain) && quoted.length > 0 ? lastSpeaker : undefined);
    if (speaker) lastSpeaker = speaker;
    const according = findAccordingTo(plain, spans);
    const limit = LIMIT_CUES.test(plain) && !/\bneither\b/i.test(plain);
    const category = limit ? 'limit' : quoted.length > 0 && speaker ? 'quote' : 'claim';

    const mentioned = [...new Map(spans.map((s) => [s.entity.id, s.entity])).values()];
    const entityConcepts = mentioned.filter((e) => e.id !== speaker?.speakerId).slice(0, MAX_ENTITY_CONCEPTS);
    // Across outlets, numbers and names survive rewording where words do not: they weigh double, and with
    // two of them the rarest word is no longer required.
    const anchors = options.acrossOutlets ? numbers.length + entityConcepts.length : 0;
    const anchorWeight = options.acrossOutlets ? 2 : 1;
    const concepts = [
      ...content.map((w, i) => ({
        name: w,
        variants: [w],
        entities: [],
        weight: i === 0 ? 2 : 1,
        required: i === 0 && anchors < 2,
      })),
      ...numbers.map((n) => ({ name: n, variants: [n], entities: [], weight: anchorWeight, required: false })),
      ...entityConcepts.map((e) => ({
        name: e.title,
        variants: [],
        entities: [e.id],
        weight: anchorWeight,
        required: false,
      })),
    ];
    if (concepts.length < 2) return;

    let id = `${category}:${slug(content.slice(0, 3))}`;
    for (let n = 2; usedIds.has(id); n++) id = `${category}:${slug(content.slice(0, 3))}-${n}`;
    usedIds.add(id);
    const title = plain.length > 80 ? `${plain.slice(0, 77).replace(/\s+\S*$/, '')} …` : plain;
    const statement: DraftStatement = {
      id,
      category,
      title,
      card: plain,
      signature: { concepts, threshold: THRESHOLD },
      evidence: sentence.raw,
      related: mentioned.map((e) => e.id),
    };
    if (category !== 'limit' || speaker) {
      statement.attribution = {
        speaker: speaker?.speaker ?? reporters,
        ...(speaker?.speakerId ? { speakerId: speaker.speakerId } : {}),
        accordingTo: according?.speaker ?? reporters,
        ...(according?.speakerId ? { accordingToId: according.speakerId } : {}),
      };
    }
    if (quoted.length > 0 && (category === 'quote' || speaker)) statement.quote = quoted.join(' … ');
    out.push(statement);
  });
  return out;
}

const VERB = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'gi');

/** The person (else organisation) named next to a speech verb: "Mr. Xi told", "said Sergey Radchenko". */
function findSpeaker(plain: string, spans: EntitySpan[]): { speaker: string; speakerId?: string } | undefined {
  const speakers = spans.filter((s) => s.entity.category === 'person' || s.entity.category === 'organization');
  for (const verb of plain.matchAll(VERB)) {
    const at = verb.index;
    const before = speakers
      .filter((s) => s.end <= at && at - s.end <= SPEAKER_REACH && !/"/.test(plain.slice(s.end, at)))
      .sort((a, b) => rank(a) - rank(b) || b.end - a.end)[0];
    const afterEnd = at + verb[0].length;
    // "said Sergey Radchenko", "said Councillor Maria Delgado": only a title may come between.
    const after = speakers.find(
      (s) => s.start >= afterEnd && /^\s*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(plain.slice(afterEnd, s.start)),
    );
    const hit = before ?? after;
    if (hit) return { speaker: hit.entity.title, speakerId: hit.entity.id };
  }
  return undefined;
}

function rank(span: EntitySpan): number {
  return span.entity.category === 'person' ? 0 : 1;
}

/** "according to a Kremlin aide, Yuri Ushakov" -> Yuri Ushakov; "according to the Chinese account" -> that phrase. */
function findAccordingTo(plain: string, spans: EntitySpan[]): { speaker: string; speakerId?: string } | undefined {
  const m = /\baccording to /.exec(plain);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const stop = plain.slice(start).search(/[;"]/);
  const end = start + Math.min(ACCORDING_REACH, stop < 0 ? plain.length : stop);
  const inside = spans.filter((s) => s.start >= start && s.start < end);
  const named = inside.find((s) => s.entity.category === 'person') ?? inside[0];
  if (named) return { speaker: named.entity.title, speakerId: named.entity.id };
  const phrase = /^[^,;."]+/.exec(plain.slice(start))?.[0].trim();
  return phrase ? { speaker: phrase } : undefined;
}
