/**
 * The pre-check's gate (precheck.ts), derived from compiled matcher data:
 * the phrases without which no story's verdict can show anything (the names
 * of each story's people and event, and its date cues), each undone, word by
 * word, from what the analysis does to page text:
 *
 * - a word is a stem, and stems come from page words that start with them
 *   (less a final "e" or "y", which English stemming may add back; the Russian
 *   stemmer only takes endings off);
 * - a number comes from digits, number words or Chinese numerals: it is not
 *   searched for, only required next to the words around it (written in
 *   digits, it must be the phrase's own number);
 * - a word the spin lexicon writes may come from any of its phrases instead
 *   (then it is a unit of its own, looked for anywhere), and "not", "will",
 *   "can", "shall" and "is" come from contractions (they are not looked for,
 *   nor are words of one letter: leaving a word out only lets more through);
 * - normalisation drops some characters and folds others into letters: the
 *   gate says which, measured on the analysis's own normaliser.
 */
import { type MatcherData, PHRASE_CUE, PHRASE_ENTITY, PHRASE_ENTITY_WHERE_REPORTED } from './matcher-data';
import { normalizeText } from './normalize';
import type { FirstLook, Gate, GateClause, GateSegment, GateTerm, GateUnit } from './precheck';
import { prefilterPatterns } from './precheck-pattern';
import { CHINESE_NUMERALS, IRREGULAR_NEGATIONS, isHan, NUMBER_WORDS, numberWordValue, stem } from './tokens';

/** Words the tokenizer writes itself: "n't" reads as "not", "won't" as "will not"; "%" is "percent". */
const WRITTEN_WORDS = new Set(['not', 'percent', ...Object.values(IRREGULAR_NEGATIONS)]);

/** Each phrase of the automaton as its words (the trie's path to the node where it ends). */
export function phraseWords(data: MatcherData): string[][] {
  const { edges, outputStart, outputs, symbols } = data.automaton;
  const children = new Map<number, [symbol: number, to: number][]>();
  for (let e = 0; e < edges.length; e += 3) {
    const list = children.get(edges[e]!) ?? [];
    list.push([edges[e + 1]!, edges[e + 2]!]);
    children.set(edges[e]!, list);
  }
  const words: string[][] = [];
  const stack: [node: number, path: string[]][] = [[0, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    for (let k = outputStart[node]!; k < outputStart[node + 1]!; k++) words[outputs[k]!] = path;
    for (const [symbol, to] of children.get(node) ?? []) stack.push([to, [...path, symbols[symbol]!]]);
  }
  return words;
}

/** The phrases whose absence keeps every story quiet: its people's and event's names and its date cues. */
export function gatePhrases(data: MatcherData): number[] {
  const factIndex = new Map(data.facts.map((fact, f) => [fact.id, f]));
  const subjects = new Set<number>();
  const dateCues = new Set<number>();
  for (const story of data.stories) {
    for (const id of [...story.people, ...story.events]) subjects.add(factIndex.get(id)!);
    for (let cue = story.cueStart; cue < story.cueEnd; cue++) if (data.cueIsDate[cue]) dateCues.add(cue);
  }
  const phrases: number[] = [];
  data.phraseKind.forEach((kind, p) => {
    const target = data.phraseTarget[p]!;
    const name = kind === PHRASE_ENTITY || kind === PHRASE_ENTITY_WHERE_REPORTED;
    if ((name && subjects.has(target)) || (kind === PHRASE_CUE && dateCues.has(target))) phrases.push(p);
  });
  return phrases;
}

/** What a page word giving this stem starts with. */
export function searchText(word: string): string {
  return word.length > 1 && /[a-z][ey]$/.test(word) ? word.slice(0, -1) : word;
}

/** The characters the gate treats apart: they depend on the normaliser alone, not on the stories. */
export type GateCharacters = Pick<FirstLook, 'gap' | 'folded' | 'dropped' | 'plain'>;

/** A gate's characters, to build another gate with (finding them runs the normaliser over every BMP character). */
export function gateCharacters(gate: Pick<Gate, 'look'>): GateCharacters {
  const { gap, folded, dropped, plain } = gate.look;
  return { gap, folded, dropped, plain };
}

/**
 * The gate of every story in the data. `characters`: those of a gate built before (the build's), else
 * found again.
 */
export function buildGate(data: MatcherData, characters: GateCharacters = characterClasses()): Gate {
  // Words the lexicon writes, and the rewriter's phrases that write each.
  const written = new Map<string, string[][]>();
  for (const entry of data.lexicon.entries)
    for (const word of entry.plain) {
      const key = stem(word);
      written.set(key, [...(written.get(key) ?? []), ...entry.spun]);
    }
  const words = phraseWords(data);
  const clauses = new Map<string, GateClause>();
  for (const p of gatePhrases(data)) {
    const clause = clauseOf(words[p]!, data.phraseCase[p] ?? null, written);
    clauses.set(JSON.stringify(clause), clause);
  }
  const kept = withoutImplied([...clauses.values()]);
  const numberWords = NUMBER_WORDS.filter((word) => word !== 'second');
  const numbers = { numberWords, numberValues: numberWords.map((word) => numberWordValue(word)!.value) };
  const chineseNumerals = `${CHINESE_NUMERALS}○`;
  return {
    version: 2,
    look: {
      ...characters,
      chineseNumerals,
      ...prefilterPatterns(kept, { ...numbers, gap: characters.gap, chineseNumerals }),
    },
    clauses: kept,
    ...numbers,
  };
}

function clauseOf(
  keys: readonly string[],
  caseWords: readonly (string | null)[] | null,
  written: Map<string, string[][]>,
) {
  const segments: GateSegment[] = [];
  const units: GateUnit[] = [];
  let current: GateSegment = { terms: [] };
  // The segment the last middle initials closed, while only initials have followed it.
  let beforeInitials: GateSegment | undefined;
  const close = (numberAfter?: string) => {
    if (current.terms.length > 0) {
      if (numberAfter) current.numberAfter = numberAfter;
      segments.push(current);
    }
    current = { terms: [] };
  };
  keys.forEach((key, k) => {
    const spun = written.get(key);
    if (/^\d+$/.test(key) && !spun) {
      // The number itself: a date cue's day is not any day.
      close(key);
      current.numberBefore = key;
      beforeInitials = undefined;
    } else if (spun || WRITTEN_WORDS.has(key) || /^\d+$/.test(key) || /^[^\p{Script=Han}]$/u.test(key)) {
      // A word of one letter (a middle initial) is not looked for: "Xi K. Jinping" needs only "xi" and "jinp".
      // It is an initial even where the rewriter writes it in other words: in plain text, words and gaps.
      const initial = /^[^\p{Script=Han}\d]$/u.test(key);
      if (!initial) beforeInitials = undefined;
      else if (current.terms.length > 0) beforeInitials = current;
      close();
      if (spun && key.length > 1) units.push(withoutLonger([[searchText(key)], ...spun]));
    } else {
      if (beforeInitials && current.terms.length === 0) beforeInitials.initialsAfter = 1;
      beforeInitials = undefined;
      const term: GateTerm = { s: searchText(key) };
      if (term.s !== key) term.k = key;
      if (key.length === 1 && isHan(key.charCodeAt(0))) term.han = 1;
      const caseWord = caseWords?.[k];
      if (typeof caseWord === 'string') term.case = caseWord;
      current.terms.push(term);
    }
  });
  close();
  return { segments, units };
}

/** A unit's alternatives, less those another implies (all its texts inside one of theirs: "video" before "video clip"). */
function withoutLonger(alternatives: string[][]): string[][] {
  const implies = (by: string[], alternative: string[]) => by.every((s) => alternative.some((a) => a.includes(s)));
  const unique = [...new Map(alternatives.map((a) => [JSON.stringify(a), a])).values()];
  return unique.filter(
    (alternative, i) =>
      !unique.some((by, j) => j !== i && implies(by, alternative) && !(implies(alternative, by) && j > i)),
  );
}

/**
 * Clauses another clause implies are left out: where "putin" holds, "vladimir putin" adds nothing. A
 * clause implies another when each of its segments (without numbers) lies, its words in a row, in one of
 * the other's segments, and each of its units is one of the other's.
 */
function withoutImplied(clauses: GateClause[]): GateClause[] {
  const termKey = (t: GateTerm) => JSON.stringify([t.s, t.han ?? 0, t.case ?? '']);
  const row = (segment: GateSegment) => `\u0001${segment.terms.map(termKey).join('\u0001')}\u0001`;
  // Segments with initials between them are near each other to the first look: so in the other's too.
  const near = (by: GateClause, clause: GateClause) =>
    by.segments.every((mine, i) => {
      const next = by.segments[i + 1];
      if (!mine.initialsAfter || !next) return true;
      const both = row({ terms: [...mine.terms, ...next.terms] });
      return clause.segments.some((theirs) => row(theirs).includes(both));
    });
  const implies = (by: GateClause, clause: GateClause) =>
    by !== clause &&
    near(by, clause) &&
    by.segments.every(
      (mine) =>
        !mine.numberBefore && !mine.numberAfter && clause.segments.some((theirs) => row(theirs).includes(row(mine))),
    ) &&
    by.units.every((unit) => clause.units.some((theirs) => JSON.stringify(theirs) === JSON.stringify(unit)));
  // Of two clauses that imply each other (the same clause twice), the first stays.
  return clauses.filter(
    (clause, i) => !clauses.some((by, j) => implies(by, clause) && !(implies(clause, by) && j > i)),
  );
}

/**
 * The characters the gate treats apart, found by running the analysis's own normaliser on every BMP character:
 * those it drops, those it folds into other word characters, and those a phrase may run across.
 */
function characterClasses(): GateCharacters {
  const gap: number[] = [];
  const folded: number[] = [];
  const dropped: number[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    const read = normalizeText(`a${ch}a`).lower;
    const own = `a${ch.toLowerCase()}a`.replaceAll('ё', 'е');
    if (read === 'aa') dropped.push(code);
    else if (/^a[ \-'.\u00b7\u30fb\u2027\u2022]+a$/.test(read) && !WORD.test(ch)) gap.push(code);
    else if ((read !== own && WORD.test(read.slice(1, -1))) || /\p{M}/u.test(ch)) folded.push(code);
  }
  const plain = [...COMMON_PUNCTUATION].filter(
    (ch) => !folded.includes(ch.charCodeAt(0)) && !dropped.includes(ch.charCodeAt(0)),
  );
  return {
    gap: String.fromCharCode(...gap),
    folded: characterClass(folded),
    dropped: characterClass(dropped),
    plain: characterClass(plain.map((ch) => ch.charCodeAt(0))),
  };
}

/** Characters beyond ASCII that most pages in Latin script hold: quotes, dashes, ellipsis, no-break space, ©, ·. */
const COMMON_PUNCTUATION =
  '\u00a0\u00a9\u00ab\u00ae\u00b7\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u00a3';

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** The body of a regular expression's character class holding these (ascending) codes, as ranges. */
function characterClass(codes: readonly number[]): string {
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    out += j > i ? `${hex(codes[i]!)}-${hex(codes[j]!)}` : hex(codes[i]!);
    i = j + 1;
  }
  return out;
}
