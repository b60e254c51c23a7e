/**
 * Matching cost against the number of story packs: one generated ~1 MB page
 * annotated (core only, in Node: read, automaton, statements, verdict per
 * story) with the real packs, then with 49 generated packs more, warm,
 * alternating, median of the runs. The generated packs are made the way the
 * 10,000-entity bench row makes its dataset: names of random syllables,
 * claims of 3–4 concepts whose required one is distinctive and whose others
 * often are words the page uses; each pack also uses a few shared entities.
 *
 * The page names generated entities, so generated stories are mentioned;
 * their claims' required concepts are words the page never has, as in the
 * 10,000-entity row, so none of them is reported. With
 * --every-story-reported the required concepts are generated names the page
 * does have: every story is then reported (the worst case for the verdict).
 * With --concepts-off-page the other concepts are made-up words too: the
 * packs' vocabulary then misses the page's filler, which isolates the cost
 * of the pack count from the cost of page words that are concept hits.
 *
 *   npx tsx scripts/bench/packs.ts [--packs 50] [--runs 7] [--kb 1024] [--every-story-reported] [--concepts-off-page]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../../src/core/annotate';
import { compileMatcher } from '../../src/core/compile';
import { parseStory, type Story } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import type { Dataset } from '../../src/core/packs';
import { pageText } from '../eval';
import { loadDataset, loadLexicon, ROOT } from '../load-dataset';

export interface PacksBenchOptions {
  /** Packs in the large dataset, the real ones included. */
  packs: number;
  runs: number;
  /** Page size in KB of text. */
  kb: number;
  seed: number;
  /** Required concepts the page has: every generated story is reported. */
  everyStoryReported: boolean;
  /** Secondary concepts are made-up words, not the page's filler words. */
  conceptsOffPage: boolean;
}

export interface PacksBenchResult {
  packs: { one: number; many: number };
  facts: { one: number; many: number };
  phrases: { one: number; many: number };
  pageChars: number;
  compileMs: number;
  /**
   * Median annotate time, ms: CPU time of this process (user + system), which
   * other programs on a shared machine disturb far less than wall time.
   */
  oneMs: number;
  manyMs: number;
  ratio: number;
  /** The same as wall time. */
  oneWallMs: number;
  manyWallMs: number;
  annotations: { one: number; many: number };
  /** Stories the page is more than 'nothing' to, with the large dataset. */
  storiesSeen: string[];
  /** The real packs' verdicts on the page, alone and among the generated packs (the same, or packs interfere). */
  realVerdicts: { one: string; many: string };
}

/** mulberry32: small, fast, good enough for generating text. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tav', 'zu', 'bel', 'or', 'quin', 'sa', 'dro', 'vel', 'mar', 'ti', 'os'];
/** Syllables of words no page has: the required concepts of claims that never hold. */
const RARE_SYLLABLES = ['gru', 'plix', 'wef', 'yot', 'fap', 'zolk'];
const name = (r: Random, min = 2, max = 3, syllables = SYLLABLES) => {
  let word = '';
  for (let i = r.int(min, max); i > 0; i--) word += r.pick(syllables);
  return word[0]!.toUpperCase() + word.slice(1);
};

/** Everyday words of the filler prose; generated claims draw some concept variants from them so that some hit. */
const FILLER_WORDS = (
  'council market river school budget weather harvest station museum library festival bridge ' +
  'price water traffic garden hospital project report season visitors workers families local ' +
  'plans opened closed rising falling agreed delayed announced expected record'
).split(' ');
const SHARED_IDS = ['person:xi-jinping', 'person:vladimir-putin', 'place:china', 'place:russia', 'place:moscow'];

/** One generated pack: 20 entities, 15 claims, 5 quotes, 3 limits, 2 cues, and a few shared entities. */
function generatedPack(
  r: Random,
  index: number,
  shared: Dataset['entities'],
  reported: boolean,
  offPage: boolean,
): { story: Story; names: string[] } {
  const id = `generated-${index}`;
  const names: string[] = [];
  const facts: unknown[] = [];
  const categories = ['person', 'organization', 'place', 'event'] as const;
  for (let i = 0; i < 20; i++) {
    const category = categories[i % 4]!;
    const title = Array.from({ length: r.int(1, 2) }, () => name(r)).join(' ');
    names.push(title);
    facts.push({
      id: `${category}:${id}-${i}`,
      category,
      title,
      card: `${title}, generated for the benchmark.`,
      ...(category === 'person' ? { role: 'A generated person.' } : {}),
      aliases: [title],
      evidence: title,
    });
  }
  const speakerId = `person:${id}-0`;
  const statement = (category: 'claim' | 'quote' | 'limit', i: number) => ({
    id: `${category}:${id}-${i}`,
    category,
    title: `Generated ${category} ${i}`,
    card: `A generated ${category}.`,
    ...(category === 'limit' ? {} : { attribution: { speaker: names[0]!, speakerId, accordingTo: names[0]! } }),
    ...(category === 'quote' ? { quote: 'Generated words.' } : {}),
    signature: {
      concepts: Array.from({ length: r.int(3, 4) }, (_, c) => ({
        name: `concept ${c}`,
        variants: Array.from({ length: r.int(1, 3) }, () => {
          if (c === 0) return reported ? r.pick(names) : name(r, 2, 3, RARE_SYLLABLES).toLowerCase();
          if (offPage) return name(r, 2, 3, RARE_SYLLABLES).toLowerCase();
          return r.chance(0.6) ? r.pick(FILLER_WORDS) : name(r).toLowerCase();
        }),
        required: c === 0,
      })),
    },
    evidence: 'generated',
  });
  for (let i = 0; i < 15; i++) facts.push(statement('claim', i));
  for (let i = 0; i < 5; i++) facts.push(statement('quote', i));
  for (let i = 0; i < 3; i++) facts.push(statement('limit', i));
  const entityRefs = SHARED_IDS.filter((sid) => shared.some((e) => e.id === sid) && r.chance(0.5)).map((sid) => ({
    id: sid,
    role: 'Named in a generated story.',
    evidence: 'generated',
  }));
  // Every summary line rests on the story's first limit.
  const line = (text: string) => ({ text, basis: [`limit:${id}-0`] });
  const story = parseStory(
    {
      schemaVersion: 1,
      id,
      source: {
        outlet: { name: 'Bench', where: 'generated' },
        reporters: { names: ['Bench'], where: 'generated' },
        date: { value: '2030-01-01', where: 'generated' },
        builtFrom: 'generated',
      },
      summary: {
        gist: line(`Generated story ${index}`),
        what: line('generated'),
        when: line('generated'),
        format: line('generated'),
        who: [line(names[0]!)],
        outcomes: [line('generated')],
        context: [line('generated')],
      },
      limits: [0, 1, 2].map((i) => `limit:${id}-${i}`),
      eventCues: [
        { phrases: [`${name(r)} summit`], weight: 2 },
        { phrases: [`${name(r)} talks`], weight: -2 },
      ],
      entityRefs,
      facts,
    },
    shared,
  );
  return { story, names };
}

/**
 * About `kb` KB of page text: the sentences of a plain-English report of the
 * summit (a page the real pack reports) and filler prose, one paragraph in
 * five naming generated entities.
 */
function generatedPage(r: Random, kb: number, generatedNames: readonly string[]): string {
  const html = readFileSync(join(ROOT, 'tests/eval/pages/plain-english.html'), 'utf8');
  const story = pageText(html).split(/(?<=[.!?])\s+/);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < kb * 1024) {
    const sentences: string[] = [];
    for (let s = r.int(3, 6); s > 0; s--) {
      if (r.chance(0.25)) sentences.push(r.pick(story));
      else {
        const words = Array.from({ length: r.int(8, 16) }, () => r.pick(FILLER_WORDS));
        if (generatedNames.length > 0 && r.chance(0.05))
          words.splice(r.int(0, words.length), 0, r.pick(generatedNames));
        sentences.push(`${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
      }
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs.join('\u2029');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function measurePacks(options: PacksBenchOptions): PacksBenchResult {
  const r = random(options.seed);
  const lexicon = loadLexicon();
  const real = loadDataset();
  const generated = Array.from({ length: Math.max(0, options.packs - real.stories.length) }, (_, i) =>
    generatedPack(r, i, real.entities, options.everyStoryReported, options.conceptsOffPage),
  );
  const many: Dataset = { entities: real.entities, stories: [...real.stories, ...generated.map((g) => g.story)] };
  const t = performance.now();
  const oneData = compileMatcher(real, lexicon);
  const manyData = compileMatcher(many, lexicon);
  const compileMs = performance.now() - t;
  const one = new Matcher(oneData);
  const large = new Matcher(manyData);
  const text = generatedPage(
    r,
    options.kb,
    generated.flatMap((g) => g.names),
  );

  // Warm both (JIT, symbol caches), then alternate so that load on the machine hits both alike.
  annotate(one, text);
  annotate(large, text);
  const times = { one: [] as number[], many: [] as number[], oneWall: [] as number[], manyWall: [] as number[] };
  const timed = (matcher: Matcher, cpu: number[], wall: number[]) => {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const result = annotate(matcher, text);
    wall.push(performance.now() - wallStart);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    return result;
  };
  let last = { one: annotate(one, text), many: annotate(large, text) };
  for (let i = 0; i < options.runs; i++) {
    last = { one: timed(one, times.one, times.oneWall), many: timed(large, times.many, times.manyWall) };
  }
  const oneMs = median(times.one);
  const manyMs = median(times.many);
  return {
    packs: { one: real.stories.length, many: many.stories.length },
    facts: { one: oneData.facts.length, many: manyData.facts.length },
    phrases: { one: oneData.phraseKind.length, many: manyData.phraseKind.length },
    pageChars: text.length,
    compileMs,
    oneMs,
    manyMs,
    ratio: manyMs / oneMs,
    oneWallMs: median(times.oneWall),
    manyWallMs: median(times.manyWall),
    annotations: { one: last.one.annotations.length, many: last.many.annotations.length },
    storiesSeen: last.many.verdict.stories.filter((v) => v.kind !== 'nothing').map((v) => `${v.storyId}: ${v.kind}`),
    realVerdicts: {
      one: last.one.verdict.stories.map((v) => `${v.storyId}: ${v.kind}`).join(', '),
      many: last.many.verdict.stories
        .filter((v) => real.stories.some((s) => s.id === v.storyId))
        .map((v) => `${v.storyId}: ${v.kind}`)
        .join(', '),
    },
  };
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

function main(): void {
  const result = measurePacks({
    packs: option('--packs', 50),
    runs: option('--runs', 7),
    kb: option('--kb', 1024),
    seed: 42,
    everyStoryReported: process.argv.includes('--every-story-reported'),
    conceptsOffPage: process.argv.includes('--concepts-off-page'),
  });
  const { packs, facts, phrases } = result;
  console.log(
    `page: ${(result.pageChars / 1024).toFixed(0)} K chars; ${packs.one} pack: ${facts.one} facts, ${phrases.one} phrases; ` +
      `${packs.many} packs: ${facts.many} facts, ${phrases.many} phrases (both compiled in ${result.compileMs.toFixed(0)} ms)`,
  );
  console.log(
    `annotate, median of ${option('--runs', 7)} warm runs, CPU time: ${packs.one} pack ${result.oneMs.toFixed(1)} ms (${result.annotations.one} annotations), ` +
      `${packs.many} packs ${result.manyMs.toFixed(1)} ms (${result.annotations.many} annotations): ×${result.ratio.toFixed(2)}`,
  );
  console.log(
    `the same in wall time: ${result.oneWallMs.toFixed(1)} ms and ${result.manyWallMs.toFixed(1)} ms: ×${(result.manyWallMs / result.oneWallMs).toFixed(2)}`,
  );
  const kinds = new Map<string, number>();
  for (const seen of result.storiesSeen) {
    const kind = seen.slice(seen.indexOf(': ') + 2);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(
    `the real packs' verdicts, alone: ${result.realVerdicts.one}; among ${packs.many}: ${result.realVerdicts.many}`,
  );
  console.log(
    `stories the page is about, with ${packs.many} packs: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none'}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
