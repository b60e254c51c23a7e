/**
 * The provenance check: every text a reader sees rests on evidence, and says
 * no more than that evidence in the places a reader would take literally.
 *
 * - every number in a text appears in its evidence (numbers read as the
 *   matcher reads them: "thirty-seventh" = "37th" = 37, "2,600" = 2600);
 * - every passage in quotation marks appears in its evidence, word for word,
 *   once the spin lexicon has mapped the rewriter's words back;
 * - every claim and quote has a speaker and an "according to", both named in
 *   its evidence, and a summary line resting on one says whom it is according to;
 * - the source block holds only fields that say where they come from.
 *
 * A fact's evidence is its own `evidence` plus that of the facts in its
 * `basis`; a summary line's evidence is that of the facts in its `basis`.
 * A shared entity (data/entities.json) is checked in every story that refers
 * to it: its title, its card and the story's role for it against the
 * evidence of that story's entityRef. The story's date may appear in any
 * text: the source block says where it comes from.
 */

import {
  DatasetError,
  entitiesFileSchema,
  type Fact,
  isStatementCategory,
  type Lexicon,
  parseStory,
  type SharedEntity,
  type Story,
  storySchema,
} from './dataset';
import { MONTH_NAMES } from './dates';
import { compileLexicon, LexiconRewriter } from './lexicon';
import { normalizeText } from './normalize';
import { storyFacts } from './packs';
import { stem, type Token, tokenize } from './tokens';
import { formatDate } from './ui-text';

export interface ProvenanceFailure {
  /** JSON path of the offending field: "facts.12.card", "summary.outcomes.4.text". */
  path: string;
  message: string;
  /** The shared entities' file, for a field of it; absent for the story's own fields. */
  file?: string;
}

export interface ProvenanceOptions {
  /** Text of the copy the story was built from: every `evidence` must appear in it. */
  sourceText?: string;
  /** data/entities.json as read: the shared entities the story refers to. */
  entities?: unknown;
  /** Its path, named in failures of its fields. */
  entitiesFile?: string;
}

const ENTITIES_FILE = 'data/entities.json';

/** Words that carry no name: a speaker is named in its evidence when its other words are. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'his', 'her', 'its', 's']);

/** Reads texts as the matcher does: normalised, tokenised, numbers unified, the rewriter's words mapped back. */
class Reader {
  private readonly rewriter: LexiconRewriter;
  /** The same evidence is read for every text that rests on it. */
  private readonly cache = new Map<string, string[]>();

  constructor(lexicon: Lexicon) {
    this.rewriter = new LexiconRewriter(compileLexicon(lexicon));
  }

  /** Plain-English word stems, in order. */
  words(text: string): string[] {
    let words = this.cache.get(text);
    if (!words) {
      words = this.rewriter.rewrite(tokenize(normalizeText(text))).map((t) => stem(t.word));
      this.cache.set(text, words);
    }
    return words;
  }

  /**
   * The same, with every quotation mark kept as a word of its own and no articles: a quotation
   * must match its evidence's marks too, so words quoted separately (“democracy” and “human
   * rights”) are not one quotation. Articles go because the lexicon's mapping may add or drop
   * them ("america" → "united states").
   */
  quotedWords(text: string): string[] {
    return this.words(markQuotes(text)).filter((w) => !ARTICLES.has(w));
  }

  /**
   * The ways a quotation of ours may read: through the lexicon like its evidence, or as the plain
   * English it is. The copy's "primarily based on" is the plain "based on", which the lexicon, read
   * on our side too, would take for the rewriter's "according to".
   */
  quotationForms(text: string): string[][] {
    const plain = tokenize(normalizeText(markQuotes(text)))
      .map((t) => stem(t.word))
      .filter((w) => !ARTICLES.has(w));
    return [this.quotedWords(text), plain];
  }

  /** Numbers a reader-facing text states. */
  numbers(text: string): Set<string> {
    return numbersOf(tokenize(normalizeText(text)));
  }

  /** Numbers evidence states, read before and after the lexicon ("the primary" → "the first" → 1). */
  evidenceNumbers(text: string): Set<string> {
    const raw = numbersOf(tokenize(normalizeText(text)));
    for (const number of numbersOf(this.rewriter.rewrite(tokenize(normalizeText(text))))) raw.add(number);
    return raw;
  }
}

function numbersOf(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.filter((t) => /^\d/.test(t.word)).map((t) => t.word));
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** A word no text uses, standing for a quotation mark. */
const QUOTE_MARK = 'qqquotemark';

/**
 * Replaces quotation marks by QUOTE_MARK. Double marks always are quotation marks; a curly
 * single one is when it opens (‘) or closes an opened one, not as an apostrophe (“Putin’s”).
 */
function markQuotes(text: string): string {
  let openSingles = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1] ?? ' ';
    const letterNext = /[\p{L}\p{N}]/u.test(next);
    if ('“”„«»"'.includes(ch)) out += ` ${QUOTE_MARK} `;
    else if (ch === '‘' && letterNext) {
      openSingles++;
      out += ` ${QUOTE_MARK} `;
    } else if (ch === '’' && openSingles > 0 && !letterNext) {
      openSingles--;
      out += ` ${QUOTE_MARK} `;
    } else out += ch;
  }
  return out;
}

/** Whether `needle` occurs in `haystack` as a run of consecutive words. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Passages in double quotation marks (curly or straight). */
export function quotedPassages(text: string): string[] {
  return [...text.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

/**
 * The story's date as texts write it ("15 December 2021", "December 15, 2021", "15 Dec 2021"), and its
 * year ("in December 2021"), to be set aside: the source block says where the date comes from.
 */
function datePattern(isoDate: string): RegExp {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const name = MONTH_NAMES[month - 1]!;
  const forms = [`${day} ${name} ${year}`, `${name} ${day}, ${year}`, formatDate(isoDate), isoDate];
  return new RegExp(`${forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|\\b${year}\\b`, 'g');
}

/** "2021-12-15" → "December 2021". */
function monthOf(isoDate: string): string {
  return `${MONTH_NAMES[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

const MONTHS = MONTH_NAMES.join('|');
/** The date an event card gives for its event: "9–10 December 2021", "February 2022". */
const EVENT_DATE = new RegExp(`\\b(?:\\d{1,2}(?:[–-]\\d{1,2})? )?(?:${MONTHS}) \\d{4}\\b`, 'g');
/** A term of office: "(2021–2025)", "2000–2008", "from 2012", "from 2018 to 2022", "since 2013". */
const TERM = /\b(\d{4})\s*[–-]\s*(\d{4})?|\b(?:from|since) (\d{4})(?: to (\d{4}))?/g;
/** Offices and posts, which a person holds for a time. */
const OFFICE =
  /\b(?:president|prime minister|premier|chancellor|secretary|minister|ambassador|spokes(?:man|woman|person)|aide|advis[eo]r|head|chief|director|chair(?:man|woman)?|governor|mayor|senator|professor|lecturer|editor)\b/i;
/** A card that dates its office without years: "as of December 2021", "at the time of the summit". */
const AS_OF = /\b(?:as of|at the time of)\b/i;
/** Words that date a text by the reader's today, not the story's: "now", "this winter", "last week". */
const RELATIVE_TIME = new RegExp(
  `\\b(?:now|nowadays|today|tonight|currently|at present|these days|recently|yesterday|tomorrow|(?:this|next|last|coming|past) (?:week|weekend|month|year|decade|winter|spring|summer|autumn|fall|${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:’s|'s)?\\b`,
  'i',
);

/** A text without what it quotes: words in quotation marks are the speaker's, with the speaker's today. */
function unquoted(text: string): string {
  return text.replace(/[“"][^”"]*[”"]/g, ' ');
}

/** A relative time word a text uses outside quotations, if any. */
export function relativeTimeWord(text: string): string | undefined {
  return RELATIVE_TIME.exec(unquoted(text))?.[0];
}

/** The terms of office a person card gives, as [first year, last year or Infinity]. */
function termsOf(card: string): [number, number][] {
  return [...card.matchAll(TERM)].map((m) => {
    const from = Number(m[1] ?? m[3]);
    const to = m[2] ?? m[4];
    return [from, to ? Number(to) : Number.POSITIVE_INFINITY];
  });
}

/** Whether a person card names an office without saying when it was held. */
export function officeWithoutTime(card: string): boolean {
  return OFFICE.test(card) && !AS_OF.test(card) && termsOf(card).length === 0;
}

/** Everything the check needs to know about one story. */
class StoryChecker {
  readonly failures: ProvenanceFailure[] = [];
  private readonly byId: Map<string, Fact>;
  private readonly storyDate: RegExp;
  /** "in December 2021": the story's time, as a text says it instead of "now". */
  private readonly when: string;
  /** Capitalised words the evidence writes mid-sentence: names and proper adjectives. */
  private readonly properWords: Set<string>;

  constructor(
    private readonly story: Story,
    private readonly reader: Reader,
    /** Every fact the story uses: its own and the shared entities, with this story's evidence. */
    private readonly facts: readonly Fact[],
  ) {
    this.byId = new Map(facts.map((f) => [f.id, f]));
    // A draft without a date has no date any text may name.
    this.storyDate = story.source.date ? datePattern(story.source.date.value) : /(?!)/g;
    this.when = story.source.date ? `in ${monthOf(story.source.date.value)}` : 'in <month> <year>';
    this.properWords = new Set(
      facts.flatMap((f) => [...f.evidence.matchAll(/[\p{Ll},;] (\p{Lu}[\p{L}-]*)/gu)].map((m) => m[1]!)),
    );
  }

  /** The report speaking for itself: "the reporters", "The New York Times reporters". */
  private reportVoice(name: string): boolean {
    const lower = name.toLowerCase();
    return (
      lower === 'the reporters' ||
      lower === 'the report' ||
      (this.story.source.outlet !== undefined && lower === `${this.story.source.outlet.name.toLowerCase()} reporters`)
    );
  }

  private fail(path: (string | number)[], message: string, file?: string): void {
    this.failures.push({ path: path.join('.'), message, ...(file ? { file } : {}) });
  }

  private evidenceOf(ids: readonly string[]): string[] {
    return ids.flatMap((id) => {
      const fact = this.byId.get(id);
      return fact ? [fact.evidence] : [];
    });
  }

  /** Numbers and quoted passages of one reader-facing text against its evidence. */
  checkText(
    path: (string | number)[],
    text: string,
    evidence: readonly string[],
    file?: string,
    quotation = false,
  ): void {
    // A draft's texts are the article's own words until an editor writes them: its today is the article's.
    const relative = quotation || this.story.draft ? undefined : relativeTimeWord(text);
    if (relative)
      this.fail(path, `“${relative}” dates the text by the reader's today: say when (“${this.when}”)`, file);
    const allowed = new Set(evidence.flatMap((e) => [...this.reader.evidenceNumbers(e)]));
    for (const number of this.reader.numbers(text.replace(this.storyDate, ' '))) {
      if (!allowed.has(number)) this.fail(path, `the number ${number} is not in its evidence`, file);
    }
    for (const passage of quotedPassages(text)) {
      if (!this.quotes(passage, evidence))
        this.fail(path, `the quoted words “${passage}” are not in its evidence`, file);
    }
  }

  /**
   * A person's or an event's card: a person's office says when it was held, in a term that covers
   * the story's date; an event's card may give its date. Those years rest on the record, not on the
   * story's evidence, so the number check sets them aside.
   */
  checkCard(
    path: (string | number)[],
    category: string,
    card: string,
    evidence: readonly string[],
    file?: string,
  ): void {
    let text = card;
    if (category === 'person') {
      // A shared card's office is checked once, with the shared entities (checkSharedEntities).
      if (!file && officeWithoutTime(card))
        this.fail(path, 'names an office without when it was held (“(2021–2025)”, “as of December 2021”)', file);
      const year = this.story.source.date ? Number(this.story.source.date.value.slice(0, 4)) : undefined;
      const terms = termsOf(card);
      if (year !== undefined && terms.length > 0 && !terms.some(([from, to]) => from <= year && year <= to))
        this.fail(path, `no term of office it gives covers the story's year, ${year}`, file);
      text = card.replace(TERM, ' ');
    } else if (category === 'event') text = card.replace(EVENT_DATE, ' ');
    this.checkText(path, text, evidence, file);
  }

  /** Whether a quotation is in its evidence word for word, once the rewriter's words are mapped back. */
  private quotes(passage: string, evidence: readonly string[]): boolean {
    const evidenceWords = evidence.map((e) => this.reader.quotedWords(e));
    return this.reader.quotationForms(passage).some((words) => evidenceWords.some((e) => containsRun(e, words)));
  }

  /** Whether a name ("Kremlin aide Yuri Ushakov", "Xi Jinping and Vladimir Putin") is named in the evidence. */
  named(name: string, id: string | undefined, evidence: readonly string[]): boolean {
    const evidenceWords = evidence.map((e) => this.reader.words(e));
    const mentions = (fact: Fact | undefined) =>
      !!fact &&
      [fact.title, ...aliasTexts(fact)].some((alias) => {
        const words = this.reader.words(alias);
        return evidenceWords.some((e) => containsRun(e, words));
      });
    if (id && mentions(this.byId.get(id))) return true;
    const bag = new Set(evidenceWords.flat());
    // "Cheng Xiaohe or the reporters (the report does not say which)": each party is named; the aside is the editor's.
    const parties = name.replace(/\s*\(.*?\)/g, '').split(/,\s*|\s+(?:and|or)\s+/);
    return parties.every((part) => {
      if (this.reportVoice(part)) return true;
      const fact = this.facts.find((f) => f.title.toLowerCase() === part.toLowerCase());
      if (fact && mentions(fact)) return true;
      return this.reader
        .words(part)
        .filter((w) => !FUNCTION_WORDS.has(w))
        .every((w) => bag.has(w));
    });
  }

  /**
   * A description ("analysts", "a Chinese Foreign Ministry spokesman") is written
   * as it reads mid-sentence; a capital first word is a name or a proper adjective
   * ("Western officials"), which the evidence writes with a capital mid-sentence too.
   */
  runningCase(name: string, id: string | undefined): boolean {
    const first = /^\S+/.exec(name)?.[0] ?? '';
    if (id || first === first.toLowerCase()) return true;
    const names = [
      ...(this.story.source.outlet ? [this.story.source.outlet.name] : []),
      ...this.facts.flatMap((f) => [f.title, ...aliasTexts(f)]),
    ];
    if (names.some((n) => name.startsWith(n))) return true;
    return this.properWords.has(first);
  }

  checkFact(fact: Fact, index: number): void {
    const at = (...path: (string | number)[]) => ['facts', index, ...path];
    const before = this.failures.length;
    const evidence = [fact.evidence, ...this.evidenceOf(fact.basis)];
    this.checkText(at('title'), fact.title, evidence);
    if (fact.card) this.checkCard(at('card'), fact.category, fact.card, evidence);
    if (fact.role) this.checkText(at('role'), fact.role, evidence);
    if (fact.quote) {
      this.checkText(at('quote'), fact.quote, evidence, undefined, true);
      // The quote field is a quotation as a whole: each of its parts is in the evidence. Where two
      // speakers share a quote, each part separated by " / " opens with whose words it has ("Xi: …").
      const parties = (fact.attribution?.speaker ?? '').split(/,\s*|\s+(?:and|or)\s+/).map((p) => this.reader.words(p));
      for (const segment of fact.quote.split(/\s+\/\s+/)) {
        const label = /^\s*([^:“”"]+):\s+/.exec(segment);
        const labelWords = label ? this.reader.words(label[1]!) : [];
        const labelled = label && parties.some((p) => labelWords.every((w) => p.includes(w))) ? label[0] : '';
        if (parties.length > 1 && !labelled)
          this.fail(at('quote'), `“${segment.trim()}”: a quote of several speakers says whose words each part has`);
        for (const part of segment.slice(labelled.length).split('…')) {
          if (!this.quotes(part, evidence))
            this.fail(at('quote'), `the quotation “${part.trim()}” is not in its evidence`);
        }
      }
    }
    if (fact.category === 'claim' || fact.category === 'quote') this.checkAttribution(fact, at, evidence);
    for (const failure of this.failures.slice(before)) failure.message = `${fact.id}: ${failure.message}`;
  }

  /**
   * A shared entity as this story shows it: its title and card (fields of the
   * shared entities' file) and the story's role for it, against the evidence
   * of the story's entityRef and its basis.
   */
  checkEntityRef(index: number, entity: SharedEntity, entityIndex: number, entitiesFile: string): void {
    const ref = this.story.entityRefs[index]!;
    const before = this.failures.length;
    const evidence = [ref.evidence, ...this.evidenceOf(ref.basis)];
    this.checkText(['entities', entityIndex, 'title'], entity.title, evidence, entitiesFile);
    this.checkCard(['entities', entityIndex, 'card'], entity.category, entity.card, evidence, entitiesFile);
    if (ref.role) this.checkText(['entityRefs', index, 'role'], ref.role, evidence);
    for (const failure of this.failures.slice(before))
      failure.message = `${ref.id}: ${failure.message}${failure.file ? ` (as used in ${this.story.id})` : ''}`;
  }

  /** A claim or quote says who said it and according to whom, both named in its evidence. */
  private checkAttribution(
    fact: Fact,
    at: (...path: string[]) => (string | number)[],
    evidence: readonly string[],
  ): void {
    const attribution = fact.attribution;
    if (!attribution?.speaker?.trim()) {
      this.fail(at('attribution', 'speaker'), `a ${fact.category} needs a speaker`);
      return;
    }
    if (!attribution.accordingTo?.trim()) {
      this.fail(at('attribution', 'accordingTo'), `a ${fact.category} needs an "according to"`);
      return;
    }
    if (!this.reportVoice(attribution.speaker) && !this.named(attribution.speaker, attribution.speakerId, evidence))
      this.fail(at('attribution', 'speaker'), `the speaker “${attribution.speaker}” is not named in its evidence`);
    if (
      !this.reportVoice(attribution.accordingTo) &&
      !this.named(attribution.accordingTo, attribution.accordingToId, evidence)
    )
      this.fail(at('attribution', 'accordingTo'), `“${attribution.accordingTo}” is not named in its evidence`);
    if (!this.runningCase(attribution.speaker, attribution.speakerId))
      this.fail(at('attribution', 'speaker'), `write “${attribution.speaker}” as it reads mid-sentence`);
    if (!this.runningCase(attribution.accordingTo, attribution.accordingToId))
      this.fail(at('attribution', 'accordingTo'), `write “${attribution.accordingTo}” as it reads mid-sentence`);
  }

  /** A summary line: numbers and quotations against its basis, and the attribution of the claims it rests on. */
  checkSummaryLine(path: (string | number)[], line: { text: string; basis: string[] }): void {
    this.checkText([...path, 'text'], line.text, this.evidenceOf(line.basis));
    const words = this.reader.words(line.text).filter((w) => !FUNCTION_WORDS.has(w));
    for (const id of line.basis) {
      const attribution = this.byId.get(id)?.attribution;
      if (!attribution || this.reportVoice(attribution.accordingTo)) continue;
      const source = attribution.accordingToId ? this.byId.get(attribution.accordingToId) : undefined;
      const names = [attribution.accordingTo, ...(source ? aliasTexts(source) : [])];
      const said = names.some((name) => {
        const nameWords = this.reader.words(name).filter((w) => !FUNCTION_WORDS.has(w));
        return nameWords.length > 0 && containsRun(words, nameWords);
      });
      if (!said)
        this.fail([...path, 'text'], `rests on ${id} but does not say it is according to ${attribution.accordingTo}`);
    }
  }

  /**
   * Who the story credits each statement to: its "according to" (an entity's id where it has one),
   * with the names a text may use for it.
   */
  private sourcesOf(): Map<string, { label: string; names: string[][] }> {
    const sources = new Map<string, { label: string; names: string[][] }>();
    for (const fact of this.facts) {
      const attribution = fact.attribution;
      if (!attribution || !isStatementCategory(fact.category) || this.reportVoice(attribution.accordingTo)) continue;
      const key = sourceKey(attribution);
      const entity = attribution.accordingToId ? this.byId.get(attribution.accordingToId) : undefined;
      const names = [attribution.accordingTo, ...(entity ? [entity.title, ...aliasTexts(entity)] : [])];
      const source = sources.get(key) ?? { label: entity?.title ?? attribution.accordingTo, names: [] };
      for (const name of names) {
        const words = this.contentWords(name);
        if (words.length > 0) source.names.push(words);
      }
      sources.set(key, source);
    }
    return sources;
  }

  private contentWords(text: string): string[] {
    return this.reader.words(text).filter((w) => !FUNCTION_WORDS.has(w));
  }

  /**
   * A role or card credits a statement to a party only as the statement's own attribution does.
   * A sentence credits ("according to X", "X said", "comes from X") the statements it quotes, the
   * fact whose card it is, and, where it speaks of "Xi's other remarks", every statement of that
   * speaker that the text does not credit elsewhere. Each must be according to one of the parties
   * the sentence credits, or said by its own speaker.
   */
  checkCredits(texts: readonly { path: (string | number)[]; text: string; ownFact?: Fact }[]): void {
    const sources = this.sourcesOf();
    const statements = this.facts.filter((f) => isStatementCategory(f.category) && f.attribution);
    for (const { path, text, ownFact } of texts) {
      const sentences = text.split(/(?<=[.;!?])\s+(?=\p{Lu})|;\s+/u);
      const quotedIn = sentences.map((sentence) =>
        statements.filter((f) =>
          // A quoted word or two ("democracy") names no statement; a quoted phrase does.
          quotedPassages(sentence).some((p) => this.contentWords(p).length > 2 && this.quotes(p, [f.evidence])),
        ),
      );
      const quotedAnywhere = new Set(quotedIn.flat());
      sentences.forEach((sentence, i) => {
        const credited = new Set<string>();
        for (const party of creditedParties(sentence)) {
          const words = this.contentWords(party);
          for (const [key, { names }] of sources) if (names.some((name) => containsRun(words, name))) credited.add(key);
        }
        if (credited.size === 0) return;
        const referred = new Set(quotedIn[i]);
        if (ownFact?.attribution) referred.add(ownFact);
        for (const fact of statements) {
          const speaker = fact.attribution!.speakerId ? this.byId.get(fact.attribution!.speakerId) : undefined;
          if (
            speaker &&
            !quotedAnywhere.has(fact) &&
            speaksOfRemarks(sentence, [speaker.title, ...aliasTexts(speaker)])
          )
            referred.add(fact);
        }
        for (const fact of referred) {
          const attribution = fact.attribution!;
          if (credited.has(sourceKey(attribution))) continue;
          // "Xi said …" credits the speaker, whoever's account it is; crediting another party does not.
          const others = [...credited].filter((key) => key !== attribution.speakerId);
          if (others.length === 0) continue;
          const names = others.map((key) => sources.get(key)!.label).join(', ');
          this.fail(path, `credits ${fact.id} to ${names}, but it is according to ${attribution.accordingTo}`);
        }
      });
    }
  }

  /**
   * A statement related to a party that reports others' words (Kremlin aide Yuri Ushakov, Chinese
   * state media) shows on that party's side: it must be that party's report, or its own words.
   */
  checkReportingParties(): void {
    const reporters = new Set(
      this.facts.flatMap((f) => {
        const a = f.attribution;
        return a?.accordingToId && a.accordingToId !== a.speakerId ? [a.accordingToId] : [];
      }),
    );
    this.story.facts.forEach((fact, i) => {
      if (!isStatementCategory(fact.category)) return;
      fact.related.forEach((id, j) => {
        if (!reporters.has(id)) return;
        const a = fact.attribution;
        if (a?.accordingToId === id || a?.speakerId === id) return;
        this.fail(
          ['facts', i, 'related', j],
          `${fact.id}: relates to ${id}, which reports others' words, but is according to ${a?.accordingTo ?? 'no one'}`,
        );
      });
    });
  }

  /**
   * The title of an analyst's opinion says whose it is, hedges, or is a quotation, so it never reads
   * as established fact; an editor may vouch for a bare one (`titleCheckedByEditor`).
   */
  checkOpinionTitles(): void {
    this.story.facts.forEach((fact, i) => {
      const attribution = fact.attribution;
      if (!attribution || !isStatementCategory(fact.category) || fact.titleCheckedByEditor) return;
      const speaker = attribution.speakerId ? this.byId.get(attribution.speakerId) : undefined;
      const analyst =
        attribution.opinion === true ||
        ANALYST.test(attribution.speaker) ||
        (speaker?.category === 'person' && ANALYST.test(speaker.card ?? ''));
      if (!analyst) return;
      const title = fact.title.trim();
      if (/^[“"‘].*[”"’]$/.test(title) || HEDGE.test(title)) return;
      const titleWords = new Set(this.contentWords(title));
      const speakerNames = [attribution.speaker, ...(speaker ? [speaker.title, ...aliasTexts(speaker)] : [])];
      if (speakerNames.some((name) => this.contentWords(name).some((w) => titleWords.has(w)))) return;
      this.fail(
        ['facts', i, 'title'],
        `${fact.id}: states the opinion of ${attribution.speaker} as fact: name the speaker (“${attribution.speaker}: …”) or hedge as the source does`,
      );
    });
  }

  checkSummary(): void {
    for (const [key, value] of Object.entries(this.story.summary)) {
      if (!Array.isArray(value)) this.checkSummaryLine(['summary', key], value);
      else for (const [i, line] of value.entries()) this.checkSummaryLine(['summary', key, i], line);
    }
  }

  /** The source block: every field says where it comes from, names rest on their quoted credit line, no URL. */
  checkSource(sourceText: string | undefined): void {
    const source = this.story.source;
    const serialized = JSON.stringify(source);
    if (/https?:\/\/|www\./i.test(serialized)) this.fail(['source'], 'holds a URL');
    for (const key of ['reporters', 'contributors'] as const) {
      const field = source[key];
      if (!field?.evidence) continue;
      const evidenceWords = new Set(this.reader.words(field.evidence));
      field.names.forEach((name, i) => {
        const words = this.reader.words(name.replace(/\(.*?\)/g, ''));
        if (!words.every((w) => evidenceWords.has(w)))
          this.fail(['source', key, 'names', i], `${name} is not in its evidence`);
      });
      if (sourceText !== undefined && !inSource(sourceText, field.evidence))
        this.fail(['source', key, 'evidence'], 'is not in the source text');
    }
  }

  checkEvidence(sourceText: string): void {
    this.story.facts.forEach((fact, i) => {
      if (!inSource(sourceText, fact.evidence))
        this.fail(['facts', i, 'evidence'], 'is not in the source text verbatim');
    });
    this.story.entityRefs.forEach((ref, i) => {
      if (!inSource(sourceText, ref.evidence))
        this.fail(['entityRefs', i, 'evidence'], 'is not in the source text verbatim');
    });
  }
}

/** People whose statements are their view: analysts, and the professors and historians a story quotes. */
const ANALYST =
  /\b(?:analysts?|experts?|scholars?|professors?|historians?|commentators?|observers?|researchers?|economists?)\b/i;
/** Words by which a title keeps its source's hedge. */
const HEDGE =
  /\b(?:may|might|could|would|perhaps|possibly|likely|unlikely|apparently|seemingly|appears?|seems?|says?|said|thinks?|believes?|expects?|imagines?|doubts?|argues?|according)\b/i;

/** Whom a statement is according to: the entity's id, or the words of its "according to". */
function sourceKey(attribution: NonNullable<Fact['attribution']>): string {
  return attribution.accordingToId ?? attribution.accordingTo.toLowerCase().replace(/^the /, '');
}

/** The parties a sentence credits: "according to X", "X said", "X says", "comes from X". */
function creditedParties(sentence: string): string[] {
  const parties: string[] = [];
  for (const m of sentence.matchAll(/\baccording to ([^,;:]+)/gi)) parties.push(m[1]!);
  for (const m of sentence.matchAll(/\b(?:comes?|came) from ([^,;:]+)/gi)) parties.push(m[1]!);
  for (const m of sentence.matchAll(/(?:^|[,;:]\s*)([^,;:]+?)\s+(?:said|says)\b/gi)) parties.push(m[1]!);
  return parties;
}

/** Whether a sentence speaks of a speaker's remarks as a whole: "Xi's other remarks", "Putin's words". */
function speaksOfRemarks(sentence: string, names: readonly string[]): boolean {
  return names.some((name) =>
    new RegExp(
      `\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[’']s (?:other |remaining |own )?(?:remarks|words|statements|comments|quotes|claims)\\b`,
      'i',
    ).test(sentence),
  );
}

function aliasTexts(fact: Fact): string[] {
  return fact.aliases.map((a) => (typeof a === 'string' ? a : a.text));
}

function inSource(sourceText: string, evidence: string): boolean {
  return sourceText.replace(/\s+/g, ' ').includes(evidence.replace(/\s+/g, ' '));
}

/** The shared entities as read from JSON, or the schema problems of their file. */
function readEntities(input: unknown, file: string): SharedEntity[] | ProvenanceFailure[] {
  const parsed = entitiesFileSchema.safeParse(input);
  if (parsed.success) return parsed.data.entities;
  return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, file }));
}

/**
 * Checks a story pack as read from JSON, with the shared entities it refers
 * to. Schema problems come first, each with its path (a missing attribution,
 * an unsourced headline, an unknown id); a story that parses is then checked
 * against its evidence.
 */
export function checkProvenance(
  input: unknown,
  lexicon: Lexicon,
  options: ProvenanceOptions = {},
): ProvenanceFailure[] {
  const entitiesFile = options.entitiesFile ?? ENTITIES_FILE;
  const entities = readEntities(options.entities ?? { schemaVersion: 1, entities: [] }, entitiesFile);
  if (entities.some((e) => 'message' in e)) return entities as ProvenanceFailure[];
  const shared = entities as SharedEntity[];
  const parsed = storySchema.safeParse(input);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  try {
    parseStory(input, shared);
  } catch (error) {
    if (error instanceof DatasetError) return [{ path: error.path, message: error.message }];
    throw error;
  }
  const story = parsed.data;
  const checker = new StoryChecker(
    story,
    new Reader(lexicon),
    storyFacts({ entities: shared, stories: [story] }, story),
  );
  story.facts.forEach((fact, i) => {
    checker.checkFact(fact, i);
  });
  story.entityRefs.forEach((ref, i) => {
    const k = shared.findIndex((e) => e.id === ref.id);
    checker.checkEntityRef(i, shared[k]!, k, entitiesFile);
  });
  checker.checkSummary();
  checker.checkCredits([
    ...story.facts.flatMap((fact, i) => [
      ...(fact.card ? [{ path: ['facts', i, 'card'], text: fact.card, ownFact: fact }] : []),
      ...(fact.role ? [{ path: ['facts', i, 'role'], text: fact.role }] : []),
    ]),
    ...story.entityRefs.flatMap((ref, i) => (ref.role ? [{ path: ['entityRefs', i, 'role'], text: ref.role }] : [])),
  ]);
  checker.checkReportingParties();
  checker.checkOpinionTitles();
  checker.checkSource(options.sourceText);
  if (options.sourceText !== undefined) checker.checkEvidence(options.sourceText);
  return checker.failures;
}

/**
 * The shared entities on their own: a card true whatever the story quotes
 * nobody and links nowhere, and every entity is used by some pack (its card
 * is checked against the evidence of each pack that uses it).
 */
export function checkSharedEntities(
  input: unknown,
  usedIds: ReadonlySet<string>,
  file = ENTITIES_FILE,
): ProvenanceFailure[] {
  const entities = readEntities(input, file);
  if (entities.some((e) => 'message' in e)) return entities as ProvenanceFailure[];
  const failures: ProvenanceFailure[] = [];
  (entities as SharedEntity[]).forEach((entity, i) => {
    for (const field of ['title', 'card'] as const) {
      const text = entity[field];
      const path = `entities.${i}.${field}`;
      if (/https?:\/\/|www\./i.test(text)) failures.push({ path, message: `${entity.id}: holds a URL`, file });
      if (quotedPassages(text).length > 0)
        failures.push({ path, message: `${entity.id}: a shared card quotes nobody (quotations go in a story)`, file });
    }
    if (entity.category === 'person' && officeWithoutTime(entity.card))
      failures.push({
        path: `entities.${i}.card`,
        message: `${entity.id}: a shared card names an office without when it was held (“(2021–2025)”)`,
        file,
      });
    if (!usedIds.has(entity.id))
      failures.push({
        path: `entities.${i}.id`,
        message: `${entity.id}: no story pack refers to it, so no evidence backs its card`,
        file,
      });
  });
  return failures;
}
