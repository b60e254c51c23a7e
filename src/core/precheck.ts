/**
 * The pre-check: a few regular expressions over a page's raw text that tell,
 * soundly, that no story's verdict can show anything there, so the page never
 * needs the reader, the port or the worker.
 *
 * Sound means: whenever the full analysis (normalise, tokens, numbers,
 * lexicon, stems, automaton, statements, verdict) could show something, one of
 * the patterns matches the raw text. Each pattern is derived from the compiled
 * matcher data, word by word, by undoing what the analysis does to page text:
 *
 * - a stem comes from a page word that starts with the stem (less a final "e"
 *   or "y", which stemming may add back), matched in any case, anywhere: the
 *   page's text is read with `textContent`, which glues blocks together, so no
 *   word boundary is assumed;
 * - a word the lexicon writes also comes from the rewriter's phrases for it, a
 *   number from digits (thousands commas allowed) or number words, "not" and
 *   "will" from "n't" and "won't", "percent" from "%";
 * - characters that normalisation drops or folds into letters or digits
 *   (soft hyphens, control characters, full-width letters, ligatures) could
 *   hide any word from a pattern, so text holding one always goes on.
 *
 * What can show, and so what the patterns must catch (src/core/verdict.ts, `storyShown`):
 * - a report, a reworded copy or another meeting of a story needs a statement
 *   found on specific evidence (a concept met by a specific phrase, or by a
 *   specific entity's name) and something of the story's own agreeing with it:
 *   one of its people, its event or its date (another meeting needs all its
 *   people); so a text must match both `evidence` and `agreement`;
 * - names alone show only where the reader asks for names everywhere
 *   (`namesEverywhere`): any name of any entity, `names`.
 */
import { type MatcherData, PHRASE_CONCEPT, PHRASE_CUE, PHRASE_ENTITY } from './matcher-data';
import { normalizeText } from './normalize';
import { IRREGULAR_NEGATIONS, NUMBER_WORDS, stem } from './tokens';

/** The pre-check's patterns, as regular expression sources (matched case-insensitively). */
export interface PrecheckPatterns {
  /** A character class: characters normalisation drops or folds into word characters. */
  unsafe: string;
  /** Anchors of the specific evidence of statements: specific concept phrases, names of specific entities. */
  evidence: string[];
  /** Anchors of what agrees with a statement: the stories' people and events, and their dates. */
  agreement: string[];
  /** Anchors of every name of every entity. */
  names: string[];
}

/** What the pre-check says of a text. */
export type PrecheckResult =
  /** A story's verdict may show something: the reader must read the page. */
  | 'story'
  /** Only names may show: the reader is needed only where names show everywhere. */
  | 'names'
  /** Nothing can show. */
  | 'nothing';

/** One group of anchors: the sources matched in any case, and those matched in their own case. */
interface Group {
  test(text: string): boolean;
}

export interface CompiledPrecheck {
  unsafe: RegExp;
  evidence: Group;
  agreement: Group;
  names: Group;
}

/** An alternation that never matches, for an empty list. */
const NEVER = '(?!)';

/**
 * V8 runs a regular expression's first execution in its bytecode interpreter and compiles it to machine
 * code for the next: on a 50 KB page the patterns' first pass took 10.7 ms, against 0.56 ms once run on
 * one character first (Node 20).
 */
function warmUp(pattern: RegExp): RegExp {
  pattern.test('x');
  return pattern;
}

export function compilePrecheck(patterns: PrecheckPatterns): CompiledPrecheck {
  return {
    unsafe: warmUp(new RegExp(patterns.unsafe ? `[${patterns.unsafe}]` : NEVER)),
    evidence: compileGroup(patterns.evidence),
    agreement: compileGroup(patterns.agreement),
    names: compileGroup(patterns.names),
  };
}

function compileGroup(sources: readonly string[]): Group {
  const exact = sources.filter((s) => s.startsWith(EXACT)).map((s) => s.slice(EXACT.length));
  const anyCase = sources.filter((s) => !s.startsWith(EXACT));
  const isPlain = (s: string) => /^[a-z0-9]+$/.test(s);
  // Words as a trie: the regular expression engine then tries one branch per letter, not every word.
  const alternatives = [trie(anyCase.filter(isPlain)), ...anyCase.filter((s) => !isPlain(s))].filter(Boolean);
  const inAnyCase = new RegExp(alternatives.join('|') || NEVER, 'i');
  const inOwnCase = new RegExp(exact.join('|') || NEVER);
  warmUp(inAnyCase);
  warmUp(inOwnCase);
  return { test: (text) => inAnyCase.test(text) || inOwnCase.test(text) };
}

/** Plain words as one alternation sharing their prefixes ("pa", "put", "putin" → "(?:pa|put)"). */
function trie(words: readonly string[]): string {
  if (words.length === 0) return '';
  if (words.includes('')) return ''; // a word ends here: it matches whatever follows
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const list = byFirst.get(word[0]!) ?? [];
    list.push(word.slice(1));
    byFirst.set(word[0]!, list);
  }
  const branches = [...byFirst].map(([first, rests]) => `${escapeRegExp(first)}${trie(rests)}`);
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/** The pre-check of one text (a page's whole text, or text it added). */
export function precheck(compiled: CompiledPrecheck, text: string): PrecheckResult {
  if (compiled.unsafe.test(text)) return 'story';
  if (compiled.evidence.test(text) && compiled.agreement.test(text)) return 'story';
  return compiled.names.test(text) ? 'names' : 'nothing';
}

/** Several sets of patterns (the packs', a followed story's) as one. */
export function mergePrecheck(all: readonly PrecheckPatterns[]): PrecheckPatterns {
  const union = (pick: (p: PrecheckPatterns) => string[]) => [...new Set(all.flatMap(pick))].sort();
  return {
    unsafe: [...new Set(all.map((p) => p.unsafe).filter(Boolean))].join(''),
    evidence: union((p) => p.evidence),
    agreement: union((p) => p.agreement),
    names: union((p) => p.names),
  };
}

// ---------------------------------------------------------------------------------------------
// Derivation from the matcher data.

/** One way a word or phrase shows in raw text: any of these regular expression sources. */
type Sources = string[];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Rough odds that a source matches at a given place of ordinary text: fewer literal letters, likelier. */
function cost(sources: Sources, d: Derivation): number {
  let total = 0;
  for (const source of sources) {
    // A source a word already chosen implies costs nothing more.
    if (d.have.some((word) => implies(word, source))) continue;
    const letters = source
      .split(WORD_GAP)
      .join('')
      .replace(/\[[^\]]*\]|\\.|[^a-z0-9A-Z\u0080-\uffff]/g, '').length;
    // A name in its own case is rarer than the same letters in any case.
    total += 27 ** -letters / (source.startsWith(EXACT) ? 4 : 1);
  }
  return total;
}

/** Whether every text `source` matches holds the plain word `word`: one of its fixed stretches has it. */
function implies(word: string, source: string): boolean {
  if (word === source) return true;
  return (source.startsWith(EXACT) ? source.slice(EXACT.length).toLowerCase() : source)
    .replace(/\(\?:[^)]*\)/g, '|')
    .split(/\[[^\]]*\][*+]?|[|?+*]/)
    .some((stretch) => stretch.includes(word));
}

const cheapest = (options: readonly Sources[], d: Derivation): Sources =>
  options.reduce((best, option) => (cost(option, d) < cost(best, d) ? option : best));

/** The characters that normalisation turns into an apostrophe (negations: "doesn’t"). */
function apostropheClass(): string {
  if (apostrophes) return apostrophes;
  let chars = "'";
  for (let code = 0x80; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (normalizeText(String.fromCharCode(code)).lower === "'") chars += String.fromCharCode(code);
  }
  apostrophes = `[${escapeRegExp(chars)}]`;
  return apostrophes;
}
let apostrophes = '';

/**
 * Characters that could hide a word from the patterns: those normalisation drops (so that two pieces
 * join), and those it folds into something holding a letter, a digit or "%" (full-width letters,
 * ligatures, compatibility forms) or, where some anchor is not ASCII, any change but lower-casing.
 */
function unsafeClass(nonAscii: boolean): string {
  const known = unsafeClasses.get(nonAscii);
  if (known !== undefined) return known;
  const ranges: [number, number][] = [];
  const add = (code: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  };
  for (let code = 0; code < 0x10000; code++) {
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xd800 && code <= 0xdfff)) continue;
    const ch = String.fromCharCode(code);
    // A combining mark changes the letter before it into another that is not ASCII.
    if (/\p{M}/u.test(ch)) {
      if (nonAscii) add(code);
      continue;
    }
    const lower = normalizeText(`a${ch}a`).lower;
    const folded = lower.slice(1, -1);
    if (lower === 'aa' || /[a-z0-9%]/.test(folded) || (nonAscii && folded !== ch.toLowerCase())) add(code);
  }
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  const unsafe = ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');
  unsafeClasses.set(nonAscii, unsafe);
  return unsafe;
}

/** The classes above take a pass over every character: once per worker. */
const unsafeClasses = new Map<boolean, string>();

interface Derivation {
  apostrophe: string;
  /** Lexicon entries, by the stems of their plain words: the rewriter's phrases that write them. */
  spunByStem: Map<string, string[][]>;
  /** Whether some lexicon entry writes no word at all (then words around its phrases meet). */
  deletes: boolean;
  /** Plain words already chosen (by an earlier pass): sources they imply cost nothing. */
  have: string[];
}

/** Raw forms of a token word exactly as the tokenizer reads it (before stemming). */
function wordSources(word: string, d: Derivation): Sources {
  if (/^\d+$/.test(word)) {
    // Digits, with thousands commas ("2,022"), or number words ("two thousand twenty-two").
    return [word.split('').map(escapeRegExp).join(',?'), ...NUMBER_WORDS];
  }
  const sources = [escapeRegExp(word)];
  if (word === 'percent') sources.push('%');
  if (word === 'not') sources.push(`n${d.apostrophe}t`);
  for (const [raw, verb] of Object.entries(IRREGULAR_NEGATIONS))
    if (verb === word && raw !== word) sources.push(`${escapeRegExp(raw)}${d.apostrophe}t`);
  return sources;
}

/** What a page word must start with for its stem to be `key`: stemming may add a final "e" or "y". */
function stemPrefix(key: string): string {
  if (!/^[a-z]+$/.test(key)) return key;
  // "-ies" and "-ied" end in "y"; a stem of three letters gets its "e" back ("based" → "base").
  if (key.length >= 3 && key.endsWith('y')) return key.slice(0, -1);
  return key.length === 4 && key.endsWith('e') ? key.slice(0, -1) : key;
}

/**
 * Raw forms of an automaton key (a stemmed word), including the rewriter's phrases that write it.
 * `exact`: the word as a name read in one case only has it (then the page has exactly that).
 */
function keySources(key: string, d: Derivation, exact?: string | null): Sources {
  const own = /^\d+$/.test(key) || key === 'percent' || key === 'not' ? wordSources(key, d) : [];
  if (own.length === 0) {
    own.push(exact ? `${EXACT}${escapeRegExp(exact)}` : escapeRegExp(stemPrefix(key)));
    for (const [raw, verb] of Object.entries(IRREGULAR_NEGATIONS))
      if (stem(verb) === key && raw !== verb) own.push(`${escapeRegExp(raw)}${d.apostrophe}t`);
  }
  for (const spun of d.spunByStem.get(key) ?? []) own.push(...phraseOfWords(spun, d));
  return [...new Set(own)];
}

/** A rewriter phrase as raw text: the cheapest of its words (its words are read exactly, unstemmed). */
function phraseOfWords(words: readonly string[], d: Derivation): Sources {
  return cheapest(
    words.map((w) => wordSources(w, d)),
    d,
  );
}

/** Between two words of a run: the rest of the first word (stemming took it), then anything but a letter or digit. */
const WORD_GAP = '[a-z]*[^a-z0-9]+';

/**
 * A number inside a run: any word of letters, digits and commas, a superset of its digits and number
 * words. Spelling those out in every run made the patterns' regular expressions slow to compile.
 */
const NUMBER_IN_RUN = '[a-z0-9,]+';

/**
 * Marks a source matched in its own case only: the word of a name the matcher reads in one case
 * ("Xi", "US"). Every other source is matched in any case.
 */
const EXACT = '=';

/** An automaton phrase (stemmed keys) as raw text: one of its words, or all of them in a row. */
function phraseSources(phrase: Phrase, d: Derivation): Sources {
  const options = phrase.keys.map((k, i) => keySources(k, d, phrase.exact?.[i]));
  // In a run, a word stands for itself (in any case: a superset): the rewriter writes none of them, and
  // none is a negation or "%"; a number is any word (NUMBER_IN_RUN).
  const own = (k: string) => (/^\d+$/.test(k) ? NUMBER_IN_RUN : escapeRegExp(stemPrefix(k)));
  const special = (k: string) =>
    k === 'not' || k === 'percent' || Object.values(IRREGULAR_NEGATIONS).some((verb) => stem(verb) === k);
  const plain = phrase.keys.every((k) => !d.spunByStem.has(k) && !special(k));
  if (phrase.keys.length > 1 && plain && !d.deletes) {
    // Consecutive words: each page word is its stem's prefix and maybe more letters, then a gap of non-word characters.
    options.push([phrase.keys.map(own).join(WORD_GAP)]);
  }
  return cheapest(options, d);
}

/** A phrase of the automaton: its keys, and per word the exact text a name read in one case must have. */
interface Phrase {
  keys: string[];
  exact: (string | null)[] | null;
}

/** The words of every phrase of the automaton, by phrase id. */
export function phraseWordLists(data: MatcherData): string[][] {
  const { edges, outputStart, outputs, symbols } = data.automaton;
  const path: string[][] = [[]];
  for (let e = 0; e < edges.length; e += 3) path[edges[e + 2]!] = [...path[edges[e]!]!, symbols[edges[e + 1]!]!];
  const words: string[][] = [];
  for (let node = 0; node + 1 < outputStart.length; node++)
    for (let k = outputStart[node]!; k < outputStart[node + 1]!; k++) words[outputs[k]!] = path[node]!;
  return words;
}

/** The pre-check's patterns for everything `data` can find. */
export function precheckPatterns(data: MatcherData): PrecheckPatterns {
  const spunByStem = new Map<string, string[][]>();
  for (const entry of data.lexicon.entries)
    for (const word of entry.plain) {
      const list = spunByStem.get(stem(word)) ?? [];
      list.push(...entry.spun);
      spunByStem.set(stem(word), list);
    }
  const d: Derivation = {
    apostrophe: apostropheClass(),
    spunByStem,
    deletes: data.lexicon.entries.some((e) => e.plain.length === 0),
    have: [],
  };
  const keyLists = phraseWordLists(data);
  const words = keyLists.map((keys, p): Phrase => ({ keys, exact: data.phraseCase[p] ?? null }));
  const wordsOf = (p: number) => keyLists[p]!.join(' ');

  // The phrases of each group. A concept phrase is specific evidence when its node is (phrases ending at
  // one node share its words), so every phrase with the words of a specific one counts.
  const entityPhrases = new Map<number, Phrase[]>();
  const evidence: Phrase[] = [];
  const dates: Phrase[] = [];
  const specificWords = new Set<string>();
  data.phraseKind.forEach((kind, phrase) => {
    if (kind === PHRASE_CONCEPT && data.phraseSpecific[phrase]) specificWords.add(wordsOf(phrase));
  });
  data.phraseKind.forEach((kind, phrase) => {
    const target = data.phraseTarget[phrase]!;
    if (kind === PHRASE_ENTITY) entityPhrases.set(target, [...(entityPhrases.get(target) ?? []), words[phrase]!]);
    else if (kind === PHRASE_CONCEPT && specificWords.has(wordsOf(phrase))) evidence.push(words[phrase]!);
    else if (kind === PHRASE_CUE && data.cueIsDate[target]) dates.push(words[phrase]!);
  });
  // The specific entities a statement's concept can be met by.
  const specificEntities = new Set<number>();
  for (const fact of data.facts)
    for (const concept of fact.concepts)
      for (const e of concept.entities) if (data.facts[e]!.specific) specificEntities.add(e);
  for (const e of specificEntities) evidence.push(...(entityPhrases.get(e) ?? []));
  const factIndex = new Map(data.facts.map((fact, f) => [fact.id, f]));
  const phrasesOf = (ids: readonly string[]) => ids.flatMap((id) => entityPhrases.get(factIndex.get(id) ?? -1) ?? []);
  const agreement = [...dates, ...data.stories.flatMap((story) => phrasesOf([...story.people, ...story.events]))];
  const patterns = {
    evidence: settled(evidence, d),
    agreement: settled(agreement, d),
    names: settled([...entityPhrases.values()].flat(), d),
  };
  const all = [...patterns.evidence, ...patterns.agreement, ...patterns.names];
  const nonAscii = all.some((source) => [...source].some((ch) => ch.charCodeAt(0) > 0x7f));
  return { unsafe: unsafeClass(nonAscii), ...patterns };
}

/**
 * Anchors one of which is in any text holding any of `phrases`: every one-word phrase's forms, then
 * for each longer phrase, nothing if the forms of one of its words are already there (a text with the
 * phrase has that word), else its cheapest form.
 */
/**
 * Anchors chosen again with the words of the last choice in hand, until the choice holds: a phrase then
 * takes a word another phrase needs anyway ("military accumulation" is found by "military").
 */
function settled(phrases: readonly Phrase[], d: Derivation): string[] {
  let anchors = anchorsOf(phrases, { ...d, have: [] });
  for (let pass = 0; pass < 4; pass++) {
    const next = anchorsOf(phrases, { ...d, have: anchors.filter((a) => /^[a-z0-9]+$/.test(a)) });
    if (next.join('|') === anchors.join('|')) break;
    anchors = next;
  }
  return anchors;
}

function anchorsOf(phrases: readonly Phrase[], d: Derivation): string[] {
  const chosen = new Set<string>();
  const longer: Phrase[] = [];
  for (const phrase of phrases) {
    if (phrase.keys.length === 1) for (const source of phraseSources(phrase, d)) chosen.add(source);
    else longer.push(phrase);
  }
  for (const phrase of longer) {
    const covered = phrase.keys.some((k, i) =>
      keySources(k, d, phrase.exact?.[i]).every((source) => chosen.has(source)),
    );
    if (!covered) for (const source of phraseSources(phrase, d)) chosen.add(source);
  }
  return minimal([...chosen]);
}

/**
 * The sources without repeats and without those another one implies: a plain word is found
 * wherever it is, so a source holding it in one of its literal stretches (a longer word, a run of
 * words, a name in its own case) adds nothing.
 */
function minimal(sources: Sources): string[] {
  const unique = [...new Set(sources)];
  const words = unique.filter((source) => /^[a-z0-9]+$/.test(source));
  return unique.filter((source) => !words.some((word) => word !== source && implies(word, source))).sort();
}
