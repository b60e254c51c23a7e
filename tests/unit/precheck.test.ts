/**
 * The pre-check is sound: over thousands of generated texts, "the pre-check says nothing can show"
 * implies "the full analysis shows nothing", and "only names" implies "no story is reported, copied
 * or met again". The texts mix the story's names, the rewriter's phrases, statement and cue phrases,
 * numbers written as words, stray characters that normalisation drops or folds, and sentences of
 * the eval's pages. Dropping any word from the pre-check breaks the property on some text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/bench/random';
import { expandAliases } from '../../src/core/aliases';
import { analyseText, annotate } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import { Matcher } from '../../src/core/matcher';
import { PHRASE_CONCEPT } from '../../src/core/matcher-data';
import { type Dataset, storyFacts } from '../../src/core/packs';
import {
  compilePrecheck,
  mergePrecheck,
  type PrecheckPatterns,
  type PrecheckResult,
  phraseWordLists,
  precheck,
  precheckPatterns,
} from '../../src/core/precheck';
import { JOINS_PREVIOUS, stem } from '../../src/core/tokens';
import { isQuiet, type PageVerdict, storyShown } from '../../src/core/verdict';
import { datasetWith, ROOT, realLexicon } from './helpers';

/**
 * What must hold between the pre-check's answer and the verdict of the full analysis: "nothing"
 * shows nothing even with names shown everywhere; "names" shows nothing without it.
 */
function sound(result: PrecheckResult, verdict: PageVerdict): boolean {
  if (result === 'story') return true;
  if (result === 'nothing') return isQuiet(verdict, { namesEverywhere: true });
  return verdict.stories.every((v) => !storyShown(v, { namesEverywhere: false }));
}

/** The sentences of the eval's pages, tags and scripts left out. */
function evalSentences(): string[] {
  const dir = join(ROOT, 'tests/eval/pages');
  return readdirSync(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;/g, ' ')
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 20),
  );
}

interface Pools {
  names: string[];
  variants: string[];
  cues: string[];
  spun: string[];
  sentences: string[];
}

function pools(dataset: Dataset): Pools {
  const facts = [...dataset.entities, ...dataset.stories.flatMap((s) => s.facts)];
  return {
    names: facts.flatMap((f) => f.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
    variants: dataset.stories
      .flatMap((s) => s.facts.flatMap((f) => f.signature?.concepts.flatMap((c) => c.variants) ?? []))
      .map((v) => v.replace(/\*/g, 's')),
    cues: dataset.stories.flatMap((s) => s.eventCues.flatMap((c) => c.phrases)),
    spun: realLexicon().entries.flatMap((e) => e.spun),
    sentences: evalSentences(),
  };
}

const NUMBERS = [
  'two thousand twenty-two',
  'thirty-seventh',
  'the fifteenth of December',
  '2,024',
  'twenty twenty-five',
  'one hundred',
  "doesn't",
  "won't",
  '37 %',
];
const FILLER = [
  'The council met on Tuesday to discuss the bus timetable.',
  'Rain is expected across the north by the evening.',
  'Shares in the bakery chain rose after strong results.',
  'The striker scored twice in the second half.',
];
/** Characters normalisation drops or folds into letters: a soft hyphen, a zero-width space, full-width letters, a ligature. */
const STRAY = ['\u00ad', '\u200b', 'Ｐｕｔｉｎ', '\ufb01', '\u0007'];

function generate(p: Pools, seed: number, count: number): string[] {
  const r = new Random(seed);
  const piece = (): string => {
    const roll = r.float();
    if (roll < 0.2) return r.pick(p.names);
    if (roll < 0.45) return r.pick(p.variants);
    if (roll < 0.55) return r.pick(p.cues);
    if (roll < 0.65) return r.pick(p.spun);
    if (roll < 0.72) return r.pick(NUMBERS);
    if (roll < 0.74) return r.pick(STRAY);
    if (roll < 0.9) return r.pick(p.sentences);
    return r.pick(FILLER);
  };
  const case_ = (text: string) => {
    const roll = r.float();
    return roll < 0.1 ? text.toUpperCase() : roll < 0.2 ? text.toLowerCase() : text;
  };
  const join = () => r.pick([' ', ' ', '. ', ', ', '\n', ' - ', ' \u2014 ', '']);
  return Array.from({ length: count }, () => {
    const n = r.int(1, 10);
    let text = '';
    for (let i = 0; i < n; i++) text += (i ? join() : '') + case_(piece());
    return text;
  });
}

/** A text whose every statement is stated: the variants of each concept, one per text, with a dated cue. */
function witnesses(dataset: Dataset): string[] {
  const texts: string[] = [];
  const facts = [...dataset.entities, ...dataset.stories.flatMap((s) => s.facts)];
  const nameOf = (id: string) => {
    const alias = facts.find((f) => f.id === id)?.aliases[0];
    return typeof alias === 'string' ? alias : (alias?.text ?? '');
  };
  for (const story of dataset.stories)
    for (const fact of story.facts) {
      const concepts = fact.signature?.concepts ?? [];
      const forms = concepts.map((c) => [...c.variants.map((v) => v.replace(/\*/g, 's')), ...c.entities.map(nameOf)]);
      const most = Math.max(0, ...forms.map((f) => f.length));
      for (let v = 0; v < most; v++) texts.push(`On December 15, ${forms.map((f) => f[v % f.length]).join(' ')}.`);
    }
  // What agrees with a statement: each date cue and each name of the people and the event, with one statement.
  const statement = 'Xi told Putin that the relationship even exceeds an alliance.';
  for (const story of dataset.stories) {
    for (const cue of story.eventCues)
      if (cue.weight > 0) for (const phrase of cue.phrases) texts.push(`${phrase}: ${statement}`);
    for (const fact of story.facts)
      for (const alias of fact.aliases) texts.push(`${typeof alias === 'string' ? alias : alias.text}. ${statement}`);
  }
  for (const entity of dataset.entities)
    for (const alias of entity.aliases)
      texts.push(
        `On December 15, ${typeof alias === 'string' ? alias : alias.text} and the video summit: ${statement}`,
      );
  return texts;
}

const dataset = datasetWith();
const matcher = new Matcher(compileMatcher(dataset, realLexicon()));
const patterns = precheckPatterns(matcher.data);
const texts = [...generate(pools(dataset), 20211215, 4000), ...witnesses(dataset)];
const verdicts = texts.map((text) => annotate(matcher, text).verdict);

/**
 * Every phrase of the automaton as page text: its words as the matcher keeps them, and each word in turn
 * replaced by each rewriter phrase that writes it; the packs' phrases as written; numbers written out.
 * Each alone and inside a sentence.
 */
const phraseTexts = (() => {
  const data = matcher.data;
  const keyLists = phraseWordLists(data);
  const spun = new Map<string, string[]>();
  for (const entry of data.lexicon.entries)
    for (const word of entry.plain)
      spun.set(stem(word), [...(spun.get(stem(word)) ?? []), ...entry.spun.map((w) => w.join(' '))]);
  const phrases = new Set<string>();
  data.phraseCase.forEach((exact, p) => {
    const keys = keyLists[p]!.map((k, i) => exact?.[i] ?? k);
    // Every word as kept, or as each rewriter phrase that writes it (at most 64 texts a phrase).
    let texts = [''];
    keys.forEach((k, i) => {
      const forms = [k, ...(spun.get(keyLists[p]![i]!) ?? [])];
      texts = texts.flatMap((t) => forms.map((form) => (t ? `${t} ${form}` : form))).slice(0, 64);
    });
    for (const text of texts) phrases.add(text);
  });
  const facts = dataset.stories.flatMap((st) => storyFacts(dataset, st));
  for (const f of facts) for (const form of expandAliases(f)) phrases.add(form.text);
  for (const st of dataset.stories)
    for (const cue of st.eventCues) for (const phrase of cue.phrases) phrases.add(phrase);
  for (const n of NUMBERS) phrases.add(n);
  return [...phrases].flatMap((p) => [p, `Reporters said that ${p} came up.`]);
})();

/**
 * The groups of the pre-check whose phrases the analysis itself finds in `text`: names as the analysis
 * resolves them (case, not-a-mention phrases), cues as it counts them, specific concept phrases as the
 * automaton finds them.
 */
function groupsFound(text: string): Set<'evidence' | 'agreement' | 'names'> {
  const data = matcher.data;
  const analysis = analyseText(matcher, text);
  const found = new Set<'evidence' | 'agreement' | 'names'>();
  const specificEntities = new Set(
    data.facts.flatMap((f) => f.concepts.flatMap((c) => c.entities)).map((e) => data.facts[e]!),
  );
  const agreeing = new Set(data.stories.flatMap((st) => [...st.people, ...st.events]));
  for (const entity of analysis.entities)
    for (const id of entity.factIds) {
      found.add('names');
      if ([...specificEntities].some((f) => f.id === id && f.specific)) found.add('evidence');
      if (agreeing.has(id)) found.add('agreement');
    }
  for (const cue of analysis.cuesSeen) if (data.cueIsDate[cue]) found.add('agreement');
  const { tokens } = matcher.read(text);
  const symbols = Int32Array.from(tokens, (t) => matcher.symbolOf(t.word));
  const breaks = Uint8Array.from(tokens, (t) => (t.flags & JOINS_PREVIOUS ? 0 : 1));
  const { outputStart, outputs } = data.automaton;
  matcher.automaton.scan(symbols, breaks, (node) => {
    for (let k = outputStart[node]!; k < outputStart[node + 1]!; k++)
      if (data.phraseKind[outputs[k]!] === PHRASE_CONCEPT && data.phraseSpecific[outputs[k]!]) found.add('evidence');
  });
  return found;
}

function counterexamples(p: PrecheckPatterns): number[] {
  const compiled = compilePrecheck(p);
  const bad: number[] = [];
  texts.forEach((text, i) => {
    if (!sound(precheck(compiled, text), verdicts[i]!)) bad.push(i);
  });
  return bad;
}

describe('pre-check', () => {
  it('is sound over thousands of generated texts and the eval pages', () => {
    const compiled = compilePrecheck(patterns);
    const results = texts.map((t) => precheck(compiled, t));
    expect(counterexamples(patterns).map((i) => texts[i])).toEqual([]);
    // The property is not empty: texts show, and the pre-check lets some through as quiet or names-only.
    expect(verdicts.filter((v) => !isQuiet(v)).length).toBeGreaterThan(500);
    expect(results.filter((r) => r === 'nothing').length).toBeGreaterThan(100);
    expect(results.filter((r) => r === 'names').length).toBeGreaterThan(100);
  });

  it('every page of the eval passes as a whole where it shows something', () => {
    const dir = join(ROOT, 'tests/eval/pages');
    const compiled = compilePrecheck(patterns);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/<[^>]+>/g, ' ');
      expect(sound(precheck(compiled, text), annotate(matcher, text).verdict), file).toBe(true);
    }
  });

  it('every phrase the matcher finds, alone, is matched by its group; dropping a word breaks that', {
    timeout: 300_000,
  }, () => {
    const found = phraseTexts.map(groupsFound);
    const lemma = (p: PrecheckPatterns) => {
      const compiled = compilePrecheck(p);
      return phraseTexts.filter((text, i) => [...found[i]!].some((group) => !compiled[group].test(text)));
    };
    expect(lemma(patterns)).toEqual([]);
    // Dropping a word breaks the lemma exactly where it is the only word of its group a text holds
    // (a group matches when one of its words does): each word must be that for some text.
    const uncovered: string[] = [];
    for (const group of ['evidence', 'agreement', 'names'] as const) {
      const alone = new Set<string>();
      const words = patterns[group].map((anchor) => ({
        anchor,
        pattern: compilePrecheck({ ...patterns, [group]: [anchor] })[group],
      }));
      phraseTexts.forEach((text, i) => {
        if (!found[i]!.has(group)) return;
        const matching = words.filter((w) => w.pattern.test(text));
        if (matching.length === 1) alone.add(matching[0]!.anchor);
      });
      for (const anchor of patterns[group]) if (!alone.has(anchor)) uncovered.push(`${group}: ${anchor}`);
    }
    // The shortcut above agrees with dropping words for real.
    const sample = patterns.agreement[0]!;
    expect(lemma({ ...patterns, agreement: patterns.agreement.filter((a) => a !== sample) }).length > 0).toBe(
      !uncovered.includes(`agreement: ${sample}`),
    );
    // Every word of what agrees with a statement is needed by some phrase; of the other two groups, some
    // words serve only rewriter combinations the phrase texts do not spell out (or another word already
    // finds their phrase), so a share is held instead of all.
    const share = (group: string) =>
      1 - uncovered.filter((u) => u.startsWith(`${group}:`)).length / patterns[group as 'names'].length;
    expect(uncovered.filter((u) => u.startsWith('agreement:'))).toEqual([]);
    expect(share('evidence')).toBeGreaterThan(0.65);
    expect(share('names')).toBeGreaterThan(0.8);
  });

  it('takes a followed story’s words: without them its pages would pass as quiet', { timeout: 60_000 }, () => {
    // A followed story of its own people: its engineer, not the summit's leaders.
    const followed = datasetWith([
      { id: 'amur-lantern-bridge', edit: (story) => (story.summary.when.basis = ['person:lin-qiaomu']) },
    ]);
    const both = new Matcher(compileMatcher(followed, realLexicon()));
    const story = followed.stories.find((s) => s.id === 'amur-lantern-bridge')!;
    const evidence = story.facts.map((f) => f.evidence ?? '').filter((e) => !e.includes('Xi'));
    const text = `${evidence.join(' ')} Lin Qiaomu spoke on Monday, 6 May 2030.`;
    expect(isQuiet(annotate(both, text).verdict)).toBe(false);
    const packsAlone = compilePrecheck(patterns);
    const withFollowed = compilePrecheck(mergePrecheck([patterns, precheckPatterns(both.data)]));
    expect(sound(precheck(packsAlone, text), annotate(both, text).verdict)).toBe(false);
    expect(precheck(withFollowed, text)).toBe('story');
  });
});
