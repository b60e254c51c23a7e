import { englishStem } from './english-stem';

/**
 * The pre-check: one read of a page's raw text that tells, soundly, that no
 * story's verdict can show anything there, so the page never needs the
 * reader, the port or the worker.
 *
 * A story's page shows something only if it names one of the story's people
 * or its event, or gives its date (verdict.ts: another meeting needs all its
 * people; a report needs one of them, its event or its date agreeing with its
 * statements). The gate (precheck-gate.ts, built from the compiled packs) is
 * those phrases, each undone from what the analysis does to page text into
 * clauses over the raw text: a clause holds when the text could give the
 * phrase, and a text none of whose clauses holds cannot show anything.
 *
 * The text is the page's `textContent`, which glues blocks together without
 * a separator: so a word may start or end anywhere (no word boundaries are
 * assumed), and words of one phrase must follow each other with only what
 * the analysis lets a phrase run across (spaces, hyphens, apostrophes, dots).
 */

/** One word of a phrase, as the raw text may give it. */
export interface GateTerm {
  /** Lower-case text a page word giving this word starts with (a stem less the "e" or "y" stemming may add). */
  s: string;
  /** The stem itself, where it is not `s`. */
  k?: string;
  /** A Han character: a word of its own, nothing follows it in the same word. */
  han?: 1;
  /** The phrase matches only in this case: the page word is exactly this. */
  case?: string;
}

/**
 * Words that follow each other in the text, with a number just before or just after them: the number's
 * digits as the analysis reads it (1: any number).
 */
export interface GateSegment {
  terms: GateTerm[];
  numberBefore?: 1 | string;
  numberAfter?: 1 | string;
  /**
   * Words of one letter (middle initials), and nothing else, stand between this segment and the next:
   * the clause does not look for them, but the first look needs the two segments near each other.
   */
  initialsAfter?: 1;
}

/**
 * A word the spin lexicon can write: the page gives it, or any of the rewriter's phrases for it.
 * Each alternative lists texts that must all be in the page.
 */
export type GateUnit = string[][];

/** A phrase: all its segments and units are in the text. */
export interface GateClause {
  segments: GateSegment[];
  units: GateUnit[];
}

/**
 * The first look (precheck-pattern.ts): what most pages need and no more. Regular expressions, matched
 * in any case, that any text a clause holds in matches: `strict`, or one of the texts of `strictCase` in
 * their own case, for plain texts (ASCII and the `plain` characters); `loose` for the others, once
 * dropped characters are out and folded ones folded. Where their group `date` finds a date's word, the
 * number beside it is read against `dates` (`DateReader`).
 */
export interface FirstLook {
  strict: string;
  strictCase: string[];
  loose: string;
  /** The dates' words, each with its dates' numbers. */
  dates: DateLook[];
  /** Characters between two words of a phrase (their raw forms, as the analysis would read them). */
  gap: string;
  /** The Chinese numerals. */
  chineseNumerals: string;
  /** Common characters beyond ASCII that normalisation neither drops nor folds (punctuation, no-break space). */
  plain: string;
  /** Characters normalisation drops (a character class): taken out first. */
  dropped: string;
  /** Characters normalisation folds into word characters (a character class): text holding one is folded (NFKC). */
  folded: string;
}

/**
 * A date's word and the numbers beside it: what the page words giving the word start with, and, for a
 * word of Latin letters with numbers after it, those words whole (lower case).
 */
export interface DateLook {
  words: string[];
  forms?: string[];
  before?: DateNumbers;
  after?: DateNumbers;
}

/**
 * Numbers a date may have on one side of its word: their digits ("" for any number), and the last (first)
 * three letters of the English number words that may end (start) them.
 */
export interface DateNumbers {
  digits: string[];
  words: string[];
}

/** The gate of every story, plain JSON, made at build time (and for followed stories where they are compiled). */
export interface Gate {
  version: 2;
  look: FirstLook;
  clauses: GateClause[];
  /** Words the number reader reads as numbers. */
  numberWords: string[];
  /** What each of `numberWords` is worth (units 0 to 19, tens, scales of 100 and more). */
  numberValues?: number[];
}

/**
 * Whether a number word worth `word` may start (or end) the analysis's reading of the number `value`
 * (tokens.ts `unifyNumbers`): a unit adds to a multiple of ten ("twenty four", "ten two"), a ten to a
 * multiple of a hundred, a scale multiplies. Past 99, any word may.
 */
export function wordMayGive(word: number, value: number, side: 'start' | 'end'): boolean {
  if (value >= 100 || word === value) return true;
  // A scale: only "zero hundred" is under a hundred.
  if (word >= 100) return side === 'end' && value === 0;
  // A ten: units may follow it.
  if (word >= 20) return side === 'start' && word <= value;
  // A unit: at the start, ten or zero may have more added; at the end, it was added to a multiple of ten.
  return word <= value && (side === 'start' ? word % 10 === 0 : (value - word) % 10 === 0);
}

/** The first look's expressions, compiled once per look (the long classes only where a page needs them). */
interface Compiled {
  unplain: RegExp;
  strict: RegExp;
  loose?: RegExp;
  dropped?: RegExp;
  folded?: RegExp;
  /** How dates are read beside their words, made at the first date word a page holds. */
  dates?: DateReader;
}
const compiled = new WeakMap<FirstLook, Compiled>();

/**
 * One pass over a page's text as it is: undefined where no clause can hold (most pages end here, without
 * the text being lower-cased), else the text the gate reads (dropped characters out, folded ones folded)
 * and whether it is plain.
 */
export function firstLook(look: FirstLook, raw: string): { text: string; plain: boolean } | undefined {
  let expressions = compiled.get(look);
  if (!expressions) {
    expressions = { unplain: new RegExp(`[^\\t-\\r -~${look.plain}]`), strict: new RegExp(look.strict, 'gi') };
    compiled.set(look, expressions);
  }
  if (!expressions.unplain.test(raw)) {
    const holds = look.strictCase.some((text) => raw.includes(text)) || needFound(expressions, 'strict', raw, look);
    return holds ? { text: raw, plain: true } : undefined;
  }
  expressions.dropped ??= new RegExp(`[${look.dropped}]`, 'g');
  expressions.folded ??= new RegExp(`[${look.folded}]`);
  expressions.loose ??= new RegExp(look.loose, 'gi');
  let text = raw.replace(expressions.dropped, '');
  if (expressions.folded.test(text)) text = text.normalize('NFKC');
  return needFound(expressions, 'loose', text, look) ? { text, plain: false } : undefined;
}

/** Whether the expression finds a need in the text: anything but a date's word, or one with a number beside it. */
function needFound(expressions: Compiled, which: 'strict' | 'loose', text: string, look: FirstLook): boolean {
  const expression = expressions[which]!;
  expression.lastIndex = 0;
  for (let match = expression.exec(text); match !== null; match = expression.exec(text)) {
    const word = match.groups?.date;
    if (word === undefined) return true;
    expressions.dates ??= new DateReader(look);
    // The analysis reads ё as е, as the dates' words are written.
    if (expressions.dates.near(text, match.index, word.toLowerCase().replaceAll('ё', 'е'))) return true;
    expression.lastIndex = match.index + 1;
  }
  return false;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isCyrillic = (code: number) => code >= 0x400 && code <= 0x4ff;

/** Digits of a number read beside a date's word, at most: more than any day or year has. */
const MAX_DATE_DIGITS = 8;

/**
 * The numbers beside the dates' words, read as the clauses read them or more loosely: a word with
 * numbers after it must be whole ("decade" is not "Dec"), and the number must start after a gap with one
 * of its dates' digits or number words; before a word, one must end. A Chinese numeral or a Cyrillic letter
 * there may be a number.
 */
class DateReader {
  private readonly gap: Set<number>;
  private readonly numerals: Set<number>;

  constructor(private readonly look: FirstLook) {
    this.gap = new Set([...look.gap].map((c) => c.charCodeAt(0)));
    this.numerals = new Set([...look.chineseNumerals].map((c) => c.charCodeAt(0)));
  }

  /** Whether a date whose word starts with `word` (at `at`) may have one of its numbers beside it. */
  near(text: string, at: number, word: string): boolean {
    for (const date of this.look.dates) {
      if (!date.words.some((w) => w.startsWith(word) || word.startsWith(w))) continue;
      if (date.after && this.numberAfter(text, at, word, date.forms, date.after)) return true;
      if (date.before && this.numberBefore(text, at, date.before)) return true;
    }
    return false;
  }

  /** A letter (or hyphen) of an ordinal ending after digits. */
  private mayFollowDigits(code: number): boolean {
    return !isDigit(code) && (code === 0x2d || !this.gap.has(code));
  }

  private mayBeNumber(code: number): boolean {
    return this.numerals.has(code) || isCyrillic(code);
  }

  private numberAfter(
    text: string,
    at: number,
    word: string,
    forms: readonly string[] | undefined,
    numbers: DateNumbers,
  ): boolean {
    let i = at + word.length;
    while (i < text.length && (isAsciiLetter(text.charCodeAt(i)) || isCyrillic(text.charCodeAt(i)))) i++;
    if (forms && !forms.includes(text.slice(at, i).toLowerCase())) return false;
    while (i < text.length && this.gap.has(text.charCodeAt(i))) i++;
    if (i >= text.length) return false;
    const code = text.charCodeAt(i);
    if (this.mayBeNumber(code)) return true;
    if (isAsciiLetter(code)) return numbers.words.includes(text.slice(i, i + 3).toLowerCase());
    let digits = '';
    for (; i < text.length && digits.length < MAX_DATE_DIGITS; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) digits += text[i];
      else if (c !== 0x2c) break;
    }
    return digits !== '' && numbers.digits.some((value) => digits.startsWith(value));
  }

  private numberBefore(text: string, at: number, numbers: DateNumbers): boolean {
    let i = at - 1;
    while (i >= 0 && this.gap.has(text.charCodeAt(i))) i--;
    if (i < 0) return false;
    if (this.mayBeNumber(text.charCodeAt(i))) return true;
    if (i >= 2 && numbers.words.includes(text.slice(i - 2, i + 1).toLowerCase())) return true;
    // Digits, with up to four letters or hyphens after them ("15th").
    let end = i;
    while (end >= 0 && end > i - 4 && this.mayFollowDigits(text.charCodeAt(end))) end--;
    let digits = '';
    for (; end >= 0 && digits.length < MAX_DATE_DIGITS; end--) {
      const c = text.charCodeAt(end);
      if (isDigit(c)) digits = text[end] + digits;
      else if (c !== 0x2c) break;
    }
    return digits !== '' && numbers.digits.some((value) => digits.endsWith(value));
  }
}

/** A word character to the tokenizer: letters, digits and marks (Han characters are words of their own). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/**
 * More characters than the Snowball Russian stemmer ever takes off a word (its longest chain of endings,
 * reflexive, participle, adjective, derivational and superlative, is shorter).
 */
const MAX_RUSSIAN_ENDING = 16;
/** Words longer than this are not read whole (none gives a word of a phrase past its stem). */
const MAX_WORD = 64;
/** Positions of one search string looked at, at most: past that, the clause is taken as holding. */
const MAX_OCCURRENCES = 20_000;

function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007
  );
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return !isHanCode(code) && WORD_CHAR.test(text[i]!);
}

/** A gate ready to test texts. */
export class Precheck {
  private readonly gap: Set<number>;

  private readonly numerals: Set<string>;
  /** Number words by their first and by their last character. */
  private readonly numberWordsStarting = new Map<string, string[]>();
  private readonly numberWordsEnding = new Map<string, string[]>();
  private readonly numberValues = new Map<string, number>();

  constructor(readonly gate: Gate) {
    this.gap = new Set([...gate.look.gap].map((c) => c.charCodeAt(0)));
    this.numerals = new Set(gate.look.chineseNumerals);
    gate.numberWords.forEach((word, i) => {
      addTo(this.numberWordsStarting, word[0]!, word);
      addTo(this.numberWordsEnding, word[word.length - 1]!, word);
      const value = gate.numberValues?.[i];
      if (value !== undefined) this.numberValues.set(word, value);
    });
  }

  /** Whether the number word may start (end) the reading of `value` (1: any number). */
  private wordGives(word: string, value: 1 | string, side: 'start' | 'end'): boolean {
    const worth = this.numberValues.get(word);
    return typeof value !== 'string' || worth === undefined || wordMayGive(worth, Number(value), side);
  }

  /** Whether some story's verdict may show something on a page with this text. */
  mayShow(raw: string): boolean {
    const seen = firstLook(this.gate.look, raw);
    return seen !== undefined && this.holdsIn(seen);
  }

  /** Whether some clause holds in a text past the first look (`firstLook`'s answer). */
  holdsIn(seen: { text: string; plain: boolean }): boolean {
    const text = new GateText(seen.text, seen.plain);
    return this.gate.clauses.some((clause) => this.holds(text, clause));
  }

  private holds(text: GateText, clause: GateClause): boolean {
    // Every word of the phrase is somewhere in the text: the longest first, which is most often missing.
    for (const segment of clause.segments) for (const term of segment.terms) if (!text.has(term.s)) return false;
    for (const unit of clause.units) if (!unit.some((texts) => texts.every((s) => text.has(s)))) return false;
    for (const segment of clause.segments) if (!this.found(text, segment)) return false;
    return true;
  }

  private found(text: GateText, segment: GateSegment): boolean {
    let result = text.segments.get(segment);
    if (result === undefined) {
      result = this.search(text, segment);
      text.segments.set(segment, result);
    }
    return result;
  }

  private search(text: GateText, segment: GateSegment): boolean {
    const first = segment.terms[0]!;
    const exact = first.case !== undefined && text.aligned;
    const needle = exact ? first.case! : first.s;
    const positions = text.positions(needle, exact);
    if (positions === undefined) return true;
    // A segment of one word with no number after it needs no more than the word's text.
    if (segment.terms.length === 1 && !segment.numberAfter && !segment.numberBefore) return positions.length > 0;
    for (const at of positions) {
      const before = segment.numberBefore;
      if (before && !this.numberEndsAt(text.lower, this.skipGapBack(text.lower, at), before)) continue;
      if (this.follows(text, segment, 1, at, first, needle)) return true;
    }
    return false;
  }

  /**
   * Whether the page word starting at `start` with `form` (term k - 1 of the segment, in its case form or
   * its search text) gives that term, and terms k.. (and a number, if asked) follow it. A phrase does not
   * run across a block boundary, so where it goes on, the word is the reader's own: its letters up to
   * the next character that is not a word's.
   */
  private follows(
    text: GateText,
    segment: GateSegment,
    k: number,
    start: number,
    term: GateTerm,
    form: string,
  ): boolean {
    const { lower } = text;
    // The last word, with nothing after it, may end at a block boundary the text does not show.
    if (k === segment.terms.length && !segment.numberAfter) return givenFrom(lower, start, term, form);
    let end = start + form.length;
    if (!term.han) while (end < lower.length && end - start < MAX_WORD && isWordChar(lower, end)) end++;
    if (!gives(lower.slice(start, end), term, form === term.case)) return false;
    const next = this.skipGap(lower, end);
    if (k === segment.terms.length) return this.numberStartsAt(lower, next, segment.numberAfter!);
    const nextTerm = segment.terms[k]!;
    const nextForm = nextTerm.case !== undefined && text.aligned ? nextTerm.case : nextTerm.s;
    const matches =
      nextForm === nextTerm.case ? text.cased.startsWith(nextForm, next) : lower.startsWith(nextForm, next);
    return matches && this.follows(text, segment, k + 1, next, nextTerm, nextForm);
  }

  private skipGap(text: string, at: number): number {
    let i = at;
    while (i < text.length && this.gap.has(text.charCodeAt(i))) i++;
    return i;
  }

  /** Index of the last character before `at` that is not a gap (-1 if none). */
  private skipGapBack(text: string, at: number): number {
    let i = at - 1;
    while (i >= 0 && this.gap.has(text.charCodeAt(i))) i--;
    return i;
  }

  /**
   * Whether the number `value` may start at `at`: its digits (which glued text may follow with more), a
   * Chinese numeral or a number word (of any value: those are not read here).
   */
  private numberStartsAt(text: string, at: number, value: 1 | string): boolean {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) return typeof value !== 'string' || digitsAt(text, at, value, 1);
    if (this.numerals.has(text[at] ?? '')) return true;
    const words = this.numberWordsStarting.get(text[at] ?? '');
    return (
      words?.some(
        (word) =>
          text.startsWith(word, at) &&
          this.wordGives(word, value, 'start') &&
          (this.givesAlone(word, value) || this.numberWordStartsAt(text, this.skipGap(text, at + word.length), at)),
      ) ?? false
    );
  }

  /**
   * Whether the word alone is the number (or any number will do). Otherwise the reading goes on to more
   * number words of the same block, so the page has another one right after it (before it, at the end).
   */
  private givesAlone(word: string, value: 1 | string): boolean {
    const worth = this.numberValues.get(word);
    return typeof value !== 'string' || worth === undefined || worth === Number(value);
  }

  /** Whether a number word starts at `at`, after a gap that follows `after` (a word may be glued to more text). */
  private numberWordStartsAt(text: string, at: number, after: number): boolean {
    if (at === after) return false;
    return this.numberWordsStarting.get(text[at] ?? '')?.some((word) => text.startsWith(word, at)) ?? false;
  }

  /** Whether a number word ends at `last` (inclusive). */
  private numberWordEndsAt(text: string, last: number): boolean {
    if (last < 0) return false;
    return this.numberWordsEnding.get(text[last]!)?.some((word) => text.endsWith(word, last + 1)) ?? false;
  }

  /**
   * Whether the number `value` may end at `last` (inclusive): its digits (which glued text may put more
   * before) with an ordinal ending, a Chinese numeral, a number word (of any value).
   */
  private numberEndsAt(text: string, last: number, value: 1 | string): boolean {
    if (last < 0) return false;
    if (this.numerals.has(text[last]!)) return true;
    // "15", "15th", "37-я", "2013-го": up to three letters and a hyphen after the digits.
    for (let i = last; i >= 0 && i >= last - 4; i--) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) return typeof value !== 'string' || digitsAt(text, i, value, -1);
      if (code !== 0x2d && !isWordChar(text, i)) break;
    }
    const words = this.numberWordsEnding.get(text[last]!);
    return (
      words?.some((word) => {
        if (!text.endsWith(word, last + 1) || !this.wordGives(word, value, 'end')) return false;
        if (this.givesAlone(word, value)) return true;
        // The number word before it is whole: the block it is in starts before it.
        const before = this.skipGapBack(text, last + 1 - word.length);
        return before < last - word.length && this.numberWordEndsAt(text, before);
      }) ?? false
    );
  }
}

/**
 * Whether the digits of `value` are written from `at` on (step 1) or back to it (step -1), with commas
 * between them taken out: the analysis reads "2,021" as 2021, and "15th" or "15-го" as 15. The page may
 * write more digits beyond them (the text of a block glued to the next), so only these are compared.
 */
function digitsAt(text: string, at: number, value: string, step: 1 | -1): boolean {
  let k = step === 1 ? 0 : value.length - 1;
  for (let i = at; i >= 0 && i < text.length && k >= 0 && k < value.length; i += step) {
    const code = text.charCodeAt(i);
    if (code === 0x2c) continue;
    if (code !== value.charCodeAt(k)) return false;
    k += step;
  }
  return k < 0 || k === value.length;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]/;

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Whether the page word starting at `start` with `form` gives the term, or the text up to some point of it
 * does: the rest may be the next block's text, glued to it.
 */
function givenFrom(lower: string, start: number, term: GateTerm, form: string): boolean {
  if (term.han || form === term.case) return true;
  for (let end = start + form.length; ; end++) {
    if (gives(lower.slice(start, end), term, false)) return true;
    if (end >= lower.length || end - start >= MAX_WORD || !isWordChar(lower, end)) return false;
  }
}

/** Whether a whole page word (lower case) gives the term: its stem is the term's (tokens.ts `stem`). */
function gives(word: string, term: GateTerm, exactCase: boolean): boolean {
  if (term.han) return true;
  if (exactCase) return word.length === term.case!.length;
  const key = term.k ?? term.s;
  if (word === key) return true;
  if (LATIN_WORD.test(word)) return englishStem(word) === key;
  // Russian stems are the word less its ending.
  return CYRILLIC_WORD.test(word) && word.startsWith(key) && word.length - key.length <= MAX_RUSSIAN_ENDING;
}

const LATIN_WORD = /^[a-z]{4,}$/;
const CYRILLIC_WORD = /^[а-я]+$/;

/** A page's text as the gate reads it, with what was already looked up. */
class GateText {
  readonly lower: string;
  /** Whether `cased` and `lower` line up character for character (case words are then checked in `cased`). */
  readonly aligned: boolean;
  readonly segments = new Map<GateSegment, boolean>();
  private readonly contains = new Map<string, boolean>();
  private readonly absent: string[] = [];

  /** `plain`: the text holds nothing but ASCII and the gate's plain characters (so no Cyrillic, no Han). */
  constructor(
    readonly cased: string,
    plain: boolean,
  ) {
    if (plain) {
      this.cyrillic = false;
      this.han = false;
    }
    let lower = cased.toLowerCase();
    // The analysis reads ё as е.
    if (lower.includes('ё')) lower = lower.replaceAll('ё', 'е');
    this.lower = lower;
    this.aligned = lower.length === cased.length;
  }

  /** Whether the text holds `s` (lower case). Text of a script the page does not use is not searched for. */
  has(s: string): boolean {
    let found = this.contains.get(s);
    if (found === undefined) {
      // A text without "video" has no "videoconferenc" either: no need to look.
      found = this.mayHoldScriptOf(s) && !this.absent.some((a) => s.includes(a)) && this.lower.includes(s);
      this.contains.set(s, found);
      if (!found) this.absent.push(s);
    }
    return found;
  }

  /** Where `needle` starts, in the cased text or the lower-case one; undefined past MAX_OCCURRENCES. */
  positions(needle: string, cased: boolean): number[] | undefined {
    const key = cased ? `C${needle}` : `L${needle}`;
    if (this.found.has(key)) return this.found.get(key);
    const haystack = cased ? this.cased : this.lower;
    let list: number[] | undefined = [];
    if (this.mayHoldScriptOf(needle.toLowerCase()))
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        if (list.push(at) > MAX_OCCURRENCES) {
          list = undefined;
          break;
        }
      }
    this.found.set(key, list);
    return list;
  }

  private readonly found = new Map<string, number[] | undefined>();
  private cyrillic: boolean | undefined;
  private han: boolean | undefined;

  /** False when `s` starts with a Cyrillic or Han character and the text has none (a search spared). */
  private mayHoldScriptOf(s: string): boolean {
    const code = s.charCodeAt(0);
    if (code >= 0x400 && code <= 0x4ff) {
      this.cyrillic ??= CYRILLIC.test(this.lower);
      return this.cyrillic;
    }
    if (isHanCode(code)) {
      this.han ??= HAN.test(this.lower);
      return this.han;
    }
    return true;
  }
}
