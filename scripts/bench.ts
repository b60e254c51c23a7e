/**
 * `npm run bench`: how fast the extension annotates a page, in real Chromium,
 * against a floor (reading every text node) and against mark.js used the
 * naive way (keyword search, and one big regular expression).
 *
 * Needs no build: the in-page harness (scripts/bench-page.ts) is bundled here
 * with esbuild from the project's own modules, and the matcher is compiled in
 * Node from the summit pack (data/stories/, data/entities.json) and the lexicon (or the test fixtures
 * while those are missing). Pages of about 100 KB, 1 MB and 5 MB of text are
 * generated from a fixed seed and served on 127.0.0.1; every measured run
 * gets a fresh page. Measured: (a) the floor, (b) PageAnnotator.rescan() with
 * the default, element-free renderer (plus the same stages unsliced, and the
 * <mark> renderer), (c) mark.js mark(aliases), (d) mark.js markRegExp; then the
 * dataset-scale ratio and the cost of refreshing one appended paragraph.
 *
 *   tsx scripts/bench.ts [options]
 *     --quick              1 run each, 100 KB and 1 MB only (default: 5 runs, 3 at 5 MB)
 *     --runs N             runs per size
 *     --sizes 100KB,1MB    which page sizes
 *     --json FILE          also write the results as JSON (floorMs, annotateMs, markKeywordsMs,
 *                          markRegExpMs, longestTaskMs, heapMB by size; scale10kRatio; appendParagraphMs; details)
 *     --readme             put the table between <!-- bench:start --> and <!-- bench:end --> in README.md
 *     --cap-seconds S      abandon a run after S seconds (default 120)
 *     --expanded-aliases   give mark.js every expanded alias form instead of the listed aliases
 *     --skip PARTS         leave out any of keywords,regexp,scale,append
 *     --fixtures           use tests/fixtures even when data/ has the real dataset
 *     --no-trace           no extra traced run of (b) (which sees tasks under 50 ms)
 *     --trace-dir DIR      save that traced run of each size as DIR/rescan-<size>.json, with DevTools
 *                          categories and JS samples (open it in DevTools' Performance panel)
 *     --cpu-profile DIR    run (b) once more per size under V8's sampling profiler, save
 *                          DIR/rescan-<size>.cpuprofile and print the functions with the most self time
 *
 * Progress goes to stderr; the table to stdout.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { Window } from 'happy-dom';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expandAliases } from '../src/core/aliases';
import { buildCards } from '../src/core/cards';
import { compileMatcher, type MatcherData } from '../src/core/compile';
import { isStatementCategory, type Lexicon, parseLexicon, parseStory, type Story } from '../src/core/dataset';
import { flattenStory } from '../src/core/packs';
import type { RendererKind } from '../src/core/settings';
import type { AppendDetail, BenchApi, Measured, RescanDetail, ScaleDetail } from './bench-page';
import { loadLexicon, loadDataset as loadPacks, SUMMIT_ID } from './load-dataset';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------
// Options

interface Options {
  quick: boolean;
  runs: number | undefined;
  json: string | undefined;
  readme: boolean;
  expandedAliases: boolean;
  capSeconds: number;
  sizes: SizeName[];
  trace: boolean;
  /** Where to save the traced rescan runs (DevTools categories, with JS samples), if anywhere. */
  traceDir: string | undefined;
  /** Where to save a CPU profile of one more rescan run per size, if anywhere. */
  profileDir: string | undefined;
  skip: Set<Part>;
  /** Use the test fixtures even when data/ has the real dataset. */
  fixtures: boolean;
}

const PARTS = ['keywords', 'regexp', 'scale', 'append'] as const;
type Part = (typeof PARTS)[number];

const SIZES = { '100KB': 100 * 1024, '1MB': 1024 * 1024, '5MB': 5 * 1024 * 1024 } as const;
type SizeName = keyof typeof SIZES;
const SIZE_NAMES = Object.keys(SIZES) as SizeName[];

/** A bad command line: reported without a stack. */
class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    quick: false,
    runs: undefined,
    json: undefined,
    readme: false,
    expandedAliases: false,
    capSeconds: 120,
    sizes: [...SIZE_NAMES],
    trace: true,
    traceDir: undefined,
    profileDir: undefined,
    skip: new Set(),
    fixtures: false,
  };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--runs') options.runs = positiveInt(arg, value());
    else if (arg === '--json') options.json = value();
    else if (arg === '--readme') options.readme = true;
    else if (arg === '--expanded-aliases') options.expandedAliases = true;
    else if (arg === '--no-trace') options.trace = false;
    else if (arg === '--trace-dir') options.traceDir = value();
    else if (arg === '--fixtures') options.fixtures = true;
    else if (arg === '--cpu-profile') options.profileDir = value();
    else if (arg === '--skip') {
      for (const part of value().split(',')) {
        if (!(PARTS as readonly string[]).includes(part))
          throw new UsageError(`--skip: unknown part ${part} (use ${PARTS.join(', ')})`);
        options.skip.add(part as Part);
      }
    } else if (arg === '--cap-seconds') options.capSeconds = positiveInt(arg, value());
    else if (arg === '--sizes') {
      sizesGiven = true;
      options.sizes = value()
        .split(',')
        .map((s) => {
          if (!(s in SIZES)) throw new UsageError(`--sizes: unknown size ${s} (use ${SIZE_NAMES.join(', ')})`);
          return s as SizeName;
        });
    } else if (arg === '--help' || arg === '-h') {
      // The options, as the comment at the top of this file lists them.
      const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
      const usage = source.slice(
        source.indexOf(' *   tsx scripts/bench.ts'),
        source.indexOf(' * Progress goes to stderr'),
      );
      process.stdout.write(`${usage.replace(/^ \* ?/gm, '').trimEnd()}\n`);
      process.exit(0);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.quick && !sizesGiven) options.sizes = ['100KB', '1MB'];
  if (options.traceDir) options.trace = true;
  return options;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} needs a positive integer, got ${text}`);
  return n;
}

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

// ---------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for generating text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------
// Dataset

interface Dataset {
  source: string;
  story: Story;
  lexicon: Lexicon;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function loadDataset(fixtures: boolean): Dataset {
  if (!fixtures && existsSync(join(ROOT, 'data/stories', SUMMIT_ID, 'story.json'))) {
    try {
      // The summit with its shared entities copied in: the bench measures one story's matcher.
      return {
        source: `data/stories/${SUMMIT_ID} + data/entities.json + data/spin-lexicon.json`,
        story: flattenStory(loadPacks(ROOT), SUMMIT_ID),
        lexicon: loadLexicon(ROOT),
      };
    } catch (error) {
      log(
        `data/ is not usable yet (${error instanceof Error ? error.message : String(error)}); using the test fixtures`,
      );
    }
  }
  return {
    source: 'tests/fixtures/mini-story.json + mini-lexicon.json',
    story: parseStory(readJson(join(ROOT, 'tests/fixtures/mini-story.json'))),
    lexicon: parseLexicon(readJson(join(ROOT, 'tests/fixtures/mini-lexicon.json'))),
  };
}

/** The names mark.js is asked to find: entity facts' listed aliases, or every expanded form. */
function aliasList(story: Story, expanded: boolean): string[] {
  const names = new Set<string>();
  for (const fact of story.facts) {
    if (isStatementCategory(fact.category)) continue;
    if (expanded) for (const form of expandAliases(fact)) names.add(form.text);
    else for (const alias of fact.aliases) names.add(typeof alias === 'string' ? alias : alias.text);
  }
  return [...names];
}

/** One alternation of every alias: escaped, longest first, whole words, any case. */
function aliasRegExp(aliases: readonly string[]): { source: string; flags: string } {
  const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { source: `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, flags: 'giu' };
}

const SYLLABLES = [
  'ka',
  'ro',
  'ven',
  'li',
  'tor',
  'mi',
  'san',
  'el',
  'da',
  'gu',
  'bre',
  'nos',
  'fa',
  'ul',
  'qui',
  'zar',
  'pe',
  'ost',
  'ri',
  'lan',
  've',
  'tem',
  'ba',
  'ish',
  'mor',
  'ca',
  'dri',
  'len',
  'sho',
  'par',
  'ny',
  'tel',
  'vok',
  'ae',
  'hum',
  'jo',
];

function syllableWord(random: Random, min = 2, max = 3): string {
  let word = '';
  for (let i = random.int(min, max); i > 0; i--) word += random.pick(SYLLABLES);
  return word;
}

const capitalize = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/**
 * The real story plus `entities` generated people, places and organizations
 * (names of random syllables, 1–3 words, with aliases) and `claims` generated
 * claims (3–4 concepts of random word variants, some of them words the
 * generated pages use, so concepts do hit).
 */
export function scaledStory(real: Story, entities: number, claims: number, seed: number): Story {
  const random = new Random(seed);
  const facts: unknown[] = [...real.facts];
  // Speakers of the generated claims: the story's people and the generated ones.
  const people = real.facts.filter((f) => f.category === 'person').map((f) => ({ id: f.id, name: f.title }));
  const categories = ['person', 'place', 'organization'] as const;
  for (let i = 0; i < entities; i++) {
    const category = categories[i % 3]!;
    const id = `${category}:gen-${i}`;
    const words = Array.from({ length: random.int(1, 3) }, () => capitalize(syllableWord(random)));
    const name = words.join(' ');
    const aliases: string[] = [name];
    if (words.length > 1 && category === 'person') aliases.push(words[words.length - 1]!);
    if (words.length > 1 && category === 'organization') aliases.push(words.map((w) => w[0]).join(''));
    if (random.chance(0.3)) aliases.push(`${name} ${capitalize(syllableWord(random, 1, 2))}`);
    if (category === 'person') people.push({ id, name });
    facts.push({
      id,
      category,
      title: name,
      card: `${name}, generated for the benchmark.`,
      ...(category === 'person' ? { role: 'A generated person.' } : {}),
      aliases,
      evidence: name,
    });
  }
  for (let i = 0; i < claims; i++) {
    const speaker = random.pick(people);
    const concepts = Array.from({ length: random.int(3, 4) }, (_, c) => ({
      name: `concept ${c}`,
      // Like real claims, the required concept is distinctive; the others often use the page's common words,
      // so sentences collect candidate hits to score without the page's output growing.
      variants: Array.from({ length: random.int(1, 3) }, () => {
        const word = c > 0 && random.chance(0.6) ? random.pick(FILLER_WORDS) : syllableWord(random);
        return random.chance(0.2) ? `${word.slice(0, Math.max(3, word.length - 2))}*` : word;
      }),
      required: c === 0,
    }));
    facts.push({
      id: `claim:gen-${i}`,
      category: 'claim',
      title: `Generated claim ${i}`,
      card: 'A generated claim.',
      attribution: { speaker: speaker.name, speakerId: speaker.id, accordingTo: speaker.name },
      signature: { concepts },
      evidence: 'generated',
    });
  }
  return parseStory({ ...real, facts });
}

// ---------------------------------------------------------------------------
// Pages

/** Sentences of the plain-English rewrite: the story's people, places and claims, as a page states them. */
export function storySentences(): string[] {
  const html = readFileSync(join(ROOT, 'tests/eval/pages/plain-english.html'), 'utf8');
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const sentences: string[] = [];
  for (const p of document.querySelectorAll('article p, article li, article blockquote')) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || /^By /.test(text)) continue;
    const pieces = text.split(/(?<=[.!?][”"’)]?)\s+(?=[“"A-Z0-9])/);
    for (const piece of pieces) {
      const previous = sentences[sentences.length - 1];
      // "Mr. Putin", "Vladimir V. Putin", "the U.S. side": not sentence ends.
      if (
        previous !== undefined &&
        /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Jr|Sr)|\b[A-Z])\.$/.test(previous) &&
        sentences.length > 0
      ) {
        sentences[sentences.length - 1] = `${previous} ${piece}`;
      } else sentences.push(piece);
    }
  }
  window.close();
  return sentences.filter((s) => s.length > 20);
}

const FILLER_SUBJECTS = [
  'The city council',
  'A spokeswoman for the company',
  'Local residents',
  'The planning committee',
  'Officials at the regional office',
  'Several economists',
  'The new director',
  'A number of analysts',
  'Teachers in the district',
  'The transport authority',
  'A group of farmers',
  'Researchers at the university',
  'The board of trustees',
  'Volunteers at the food bank',
  'Shop owners along the high street',
  'The health department',
  'Parents at the primary school',
  'The football club',
  'The museum',
  'Engineers working on the bridge',
  'The mayor',
  'Two opposition members',
  'The union representing nurses',
];
const FILLER_VERBS = [
  'said',
  'announced',
  'argued',
  'warned',
  'reported',
  'suggested',
  'confirmed',
  'noted',
  'estimated',
  'explained',
];
const FILLER_WHEN = [
  'on Tuesday',
  'last week',
  'in a statement',
  'during a long meeting',
  'earlier this month',
  'on Friday evening',
  'in an interview',
  'at a press briefing',
  'in a letter to members',
  'after the vote',
];
const FILLER_MODALS = ['would', 'could', 'might', 'will', 'should', 'had to'];
const FILLER_ACTIONS = [
  'increase',
  'reduce',
  'review',
  'delay',
  'expand',
  'improve',
  'replace',
  'restore',
  'support',
  'reconsider',
];
const FILLER_OBJECTS = [
  'the budget for public libraries',
  'spending on road repairs',
  'the number of bus routes',
  'the price of electricity',
  'funding for after-school programmes',
  'the plan for new housing',
  'water quality in the river',
  'waiting times at the hospital',
  'rents in the old town',
  'the schedule for the autumn festival',
  'the opening hours of the swimming pool',
  'the cost of school meals',
  'parking rules near the station',
  'the recycling service',
  'grants for small businesses',
];
const FILLER_TAILS = [
  'before the end of the year',
  'within two months',
  'despite strong opposition',
  'after a long debate',
  'if the weather allows',
  'according to early estimates',
  'as demand keeps growing',
  'once the contracts are signed',
  'for the first time in a decade',
  'while the inquiry continues',
];
const FILLER_ADJECTIVES = [
  'old',
  'new',
  'busy',
  'quiet',
  'narrow',
  'crowded',
  'historic',
  'modest',
  'popular',
  'empty',
];
const FILLER_NOUNS = [
  'bridge',
  'market',
  'library',
  'station',
  'harbour',
  'square',
  'theatre',
  'garden',
  'factory',
  'stadium',
];
const FILLER_EVENTS = [
  'reopened after the repairs',
  'drew larger crowds than expected',
  'closed early because of the rain',
  'was repainted over the summer',
  'will host a concert this weekend',
  'needs a new roof',
  'attracted visitors from nearby towns',
  'has changed little in fifty years',
];
const FILLER_QUOTES = [
  'We are doing our best with what we have',
  'Nobody expected it to take this long',
  'It is a good start, but only a start',
  'People here want to be heard',
  'The numbers speak for themselves',
  'We will keep working on it',
];
/** Single words of the filler prose: generated claims draw concept variants from these so that some hit. */
const FILLER_WORDS = [
  ...new Set(
    [...FILLER_OBJECTS, ...FILLER_EVENTS, ...FILLER_TAILS, ...FILLER_ACTIONS, ...FILLER_NOUNS, ...FILLER_ADJECTIVES]
      .join(' ')
      .split(/\s+/)
      .filter((w) => w.length > 3),
  ),
];
const HEADINGS = [
  'What was decided',
  'Reactions in town',
  'The numbers',
  'What happens next',
  'Background',
  'A closer look',
  'Voices from the street',
  'The costs',
  'Looking ahead',
  'How we got here',
  'Other news',
  'In brief',
];
const TOPICS = [
  'world',
  'politics',
  'business',
  'local',
  'culture',
  'sport',
  'science',
  'opinion',
  'travel',
  'weather',
];

function fillerSentence(random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
    case 1:
      return `${random.pick(FILLER_SUBJECTS)} ${random.pick(FILLER_VERBS)} ${random.pick(FILLER_WHEN)} that the council ${random.pick(FILLER_MODALS)} ${random.pick(FILLER_ACTIONS)} ${random.pick(FILLER_OBJECTS)} ${random.pick(FILLER_TAILS)}.`;
    case 2:
      return `The ${random.pick(FILLER_ADJECTIVES)} ${random.pick(FILLER_NOUNS)} ${random.pick(FILLER_EVENTS)}.`;
    case 3:
      return `About ${random.int(12, 980)} people took part, ${random.int(2, 60)} more than the organisers had planned for, and most of them stayed until the end.`;
    default:
      return `“${random.pick(FILLER_QUOTES)},” ${random.pick(['said one resident', 'a volunteer said', 'the organiser said', 'said a shopkeeper'])}.`;
  }
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sentence as HTML, sometimes with a few of its words in a link or emphasis (names get split across elements too). */
function inlineMarkup(random: Random, sentence: string): string {
  if (!random.chance(0.3)) return escapeHtml(sentence);
  const words = sentence.split(' ');
  const length = Math.min(words.length, random.int(1, 3));
  const from = random.int(0, words.length - length);
  const inner = escapeHtml(words.slice(from, from + length).join(' '));
  const tag = random.chance(0.6)
    ? `<a href="/${random.pick(TOPICS)}/${random.int(1000, 9999)}">${inner}</a>`
    : random.chance(0.5)
      ? `<em>${inner}</em>`
      : `<strong>${inner}</strong>`;
  return [escapeHtml(words.slice(0, from).join(' ')), tag, escapeHtml(words.slice(from + length).join(' '))]
    .filter(Boolean)
    .join(' ');
}

interface GeneratedPage {
  html: string;
  textChars: number;
  storyShare: number;
}

/**
 * A news page of about `target` characters of text: several <article>s of
 * headings, paragraphs, lists and quotes, 15 % of whose sentences come from
 * the story (the rest is filler prose), with links and emphasis inside.
 */
export function generatePage(target: number, story: readonly string[], seed: number): GeneratedPage {
  const random = new Random(seed);
  const out: string[] = [];
  let text = 0;
  let storyText = 0;
  const emit = (html: string, plain: number) => {
    out.push(html);
    text += plain;
  };
  const sentence = (): string => {
    if (random.chance(0.15)) {
      const s = random.pick(story);
      storyText += s.length;
      return s;
    }
    return fillerSentence(random);
  };
  const paragraph = (count: number): { html: string; chars: number } => {
    const sentences = Array.from({ length: count }, sentence);
    return { html: sentences.map((s) => inlineMarkup(random, s)).join(' '), chars: sentences.join(' ').length };
  };

  out.push('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>The Daily Ledger</title>\n');
  out.push(
    '<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:0 auto;padding:1em}</style>\n</head>\n<body>\n',
  );
  out.push(
    `<header><div class="site">The Daily Ledger</div><nav>${TOPICS.map((t) => `<a href="/${t}">${capitalize(t)}</a>`).join(' | ')}</nav></header>\n<main>\n`,
  );
  let articleNo = 0;
  while (text < target) {
    articleNo++;
    const articleTarget = Math.min(target, text + random.int(20_000, 40_000));
    const headline = sentence().replace(/[.!?]$/, '');
    emit(`<article>\n<h1>${escapeHtml(headline)}</h1>\n`, headline.length);
    emit(`<p class="byline">By staff writers · Story ${articleNo}</p>\n`, 25);
    let sinceHeading = 0;
    while (text < articleTarget) {
      if (sinceHeading > random.int(6, 12)) {
        const heading = random.pick(HEADINGS);
        emit(`<h2>${heading}</h2>\n`, heading.length);
        sinceHeading = 0;
      }
      sinceHeading++;
      const kind = random.float();
      if (kind < 0.1) {
        const items = Array.from({ length: random.int(3, 5) }, () => paragraph(1));
        emit(
          `<ul>\n${items.map((i) => `<li>${i.html}</li>`).join('\n')}\n</ul>\n`,
          items.reduce((n, i) => n + i.chars, 0),
        );
      } else if (kind < 0.14) {
        const quote = paragraph(random.int(1, 2));
        emit(`<blockquote><p>${quote.html}</p></blockquote>\n`, quote.chars);
      } else {
        const p = paragraph(random.int(2, 6));
        emit(`<p>${p.html}</p>\n`, p.chars);
      }
    }
    const related = Array.from({ length: 4 }, () => fillerSentence(random).slice(0, 60));
    emit(
      `<aside><h3>Related</h3><ul>${related.map((r) => `<li><a href="/${random.pick(TOPICS)}/${random.int(1000, 9999)}">${escapeHtml(r)}</a></li>`).join('')}</ul></aside>\n</article>\n`,
      related.join('').length + 7,
    );
  }
  out.push('</main>\n<footer><p>© The Daily Ledger. All rights reserved.</p></footer>\n</body>\n</html>\n');
  return { html: out.join(''), textChars: text, storyShare: storyText / text };
}

/** About 300 characters naming Putin and Xi, different each time. */
function appendedParagraph(random: Random, n: number): string {
  const openers = [
    `Update ${n}: Vladimir Putin and Xi Jinping spoke again about trade and security,`,
    `In a later note (${n}), aides to Mr. Putin said he and Mr. Xi had agreed to keep in touch,`,
    `Reporters asked about the call (${n}); officials said President Putin and President Xi`,
  ];
  let text = `${random.pick(openers)} ${fillerSentence(random)} ${fillerSentence(random)}`;
  while (text.length < 300) text += ` ${fillerSentence(random)}`;
  return text.slice(0, 320).replace(/\s+\S*$/, '.');
}

// ---------------------------------------------------------------------------
// Serving, bundling, browsing

async function servePages(pages: Map<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Vite's `import text from './file.css?inline'` (or `?raw`): the file's text as the default export. */
const viteQueryImports: Plugin = {
  name: 'vite-query-imports',
  setup(b) {
    b.onResolve({ filter: /\?(?:inline|raw)$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?[^?]*$/, '')),
      namespace: 'vite-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'vite-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // A plain `import './x.css'` would be the build's job; the page gets the content-script CSS below.
    loader: { '.css': 'empty' },
    plugins: [viteQueryImports],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for scripts/bench-page.ts');
  return file.text;
}

/** The CSS files the manifest's content scripts inject, concatenated ('' if there are none). */
function contentCss(): string {
  try {
    const dist = join(ROOT, 'dist', 'chrome');
    const manifest = readJson(join(dist, 'manifest.json')) as { content_scripts?: { css?: string[] }[] };
    const files = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []);
    return files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
  } catch (error) {
    log(`no content-script CSS (${error instanceof Error ? error.message : String(error)})`);
    return '';
  }
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

class TimedOut extends Error {}

/** An operation whose first run takes longer than this is not repeated (keeps the default run under ~8 min). */
const SLOW_RUN_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Session {
  browser: Browser;
  baseUrl: string;
  harness: string;
  /** The content script's CSS (dist/chrome/manifest.json content_scripts[].css), styling the highlights. */
  css: string;
  cardsJson: string;
  /** True while a trace is being recorded (so an abandoned run can stop it). */
  tracing: boolean;
}

/**
 * Loads `path` in a fresh browser context (its own renderer: a fresh heap and
 * an unmarked DOM), injects the harness, hands it `matcherJson`, and runs `body`.
 * A run over `capMs` is abandoned by closing the context (which ends its renderer).
 */
async function onFreshPage<T>(
  session: Session,
  path: string,
  matcherJson: string,
  capMs: number,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(session.baseUrl + path, { waitUntil: 'load', timeout: 120_000 });
    if (session.css) await page.addStyleTag({ content: session.css });
    await page.addScriptTag({ content: session.harness });
    await page.evaluate(([m, c]) => (window as unknown as { nicBench: BenchApi }).nicBench.setup(m, c), [
      matcherJson,
      session.cardsJson,
    ] as const);
    return await withTimeout(body(page), capMs, path);
  } finally {
    await withTimeout(context.close(), 30_000, 'closing a context').catch(() => undefined);
    if (session.tracing) {
      session.tracing = false;
      await session.browser.stopTracing().catch(() => undefined);
    }
  }
}

type Operation = Exclude<keyof BenchApi, 'setup'>;

/** Runs `window.nicBench[name](...args)` in the page (by name: page.evaluate ships a function's text, not its closure). */
function call<K extends Operation>(page: Page, name: K, ...args: Parameters<BenchApi[K]>): ReturnType<BenchApi[K]> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { nicBench: Record<string, (...x: unknown[]) => unknown> }).nicBench[n]!(...a),
    [name, args as unknown[]] as const,
  ) as ReturnType<BenchApi[K]>;
}

/** Same markers as scripts/bench-page.ts (not imported: that module touches `window` when loaded). */
const START_STAMP = 'nic-bench-start';
const END_STAMP = 'nic-bench-end';

/** A measurement with its longest task: from a trace of the renderer's main thread, or from the Long Tasks API. */
type Outcome<T> = Measured<T> & { longestTaskMs: number; tasksOver50: number; traced?: TraceTasks };

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

interface TraceTasks {
  longestTaskMs: number;
  tasksOver50: number;
  /** Tasks of 1 ms or more. */
  tasks: number;
  /** Sum of the tasks' lengths, and the length of the window they fall in: the rest is the main thread idle. */
  busyMs: number;
  windowMs: number;
}

/** The RunTasks of the thread that set the markers, between them. */
function tasksFromTrace(buffer: Buffer): TraceTasks | undefined {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const stamp = (name: string) => events.find((e) => e.name === name && e.cat === 'blink.user_timing');
  const start = stamp(START_STAMP);
  const end = stamp(END_STAMP);
  if (!start || !end) return undefined;
  let longest = 0;
  let over50 = 0;
  let tasks = 0;
  let busy = 0;
  let coveredUntil = -Infinity;
  const runTasks = events
    .filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  for (const e of runTasks) {
    const dur = e.dur!;
    if (e.ts + dur < start.ts || e.ts > end.ts) continue;
    longest = Math.max(longest, dur / 1000);
    if (dur >= 50_000) over50++;
    if (dur >= 1000) tasks++;
    // Nested tasks (a nested run loop) count once.
    if (e.ts >= coveredUntil) busy += Math.min(e.ts + dur, end.ts) - Math.max(e.ts, start.ts);
    coveredUntil = Math.max(coveredUntil, e.ts + dur);
  }
  return {
    longestTaskMs: longest,
    tasksOver50: over50,
    tasks,
    busyMs: busy / 1000,
    windowMs: (end.ts - start.ts) / 1000,
  };
}

type Detail<K extends Operation> = Awaited<ReturnType<BenchApi[K]>>['detail'];

/** Runs one harness operation; its longest task from the Long Tasks API (50 ms and more) or the call's own length. */
function run<K extends Operation>(
  session: Session,
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  return runWith(false, session, page, name, ...args);
}

/**
 * The same under a Chromium trace, for the exact length of every task (short ones too). Kept apart from
 * the timed runs: even this light trace makes some DOM work (the text index's TreeWalker) about twice as slow.
 */
function runTraced<K extends Operation>(
  session: Session,
  page: Page,
  saveAs: string | undefined,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  return runWith(saveAs ?? true, session, page, name, ...args);
}

/** RunTask events and the harness's performance.mark()s: little else, to disturb the run little. */
const LIGHT_TRACE = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** What DevTools records, with JS samples: a flame chart, at the price of a much slower run. */
const DEVTOOLS_TRACE = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
  'blink',
  'loading',
  'latencyInfo',
];

/** `trace`: false for none, true for a light trace, a file name for a DevTools trace saved there. */
async function runWith<K extends Operation>(
  trace: boolean | string,
  session: Session,
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  if (trace) {
    await session.browser.startTracing(page, { categories: typeof trace === 'string' ? DEVTOOLS_TRACE : LIGHT_TRACE });
    session.tracing = true;
  }
  const measured = (await call(page, name, ...args)) as Measured<Detail<K>>;
  let tasks: TraceTasks | undefined;
  if (trace) {
    session.tracing = false;
    const buffer = await session.browser.stopTracing();
    if (typeof trace === 'string') {
      writeFileSync(trace, buffer);
      log(`trace saved to ${trace}`);
    }
    tasks = tasksFromTrace(buffer);
  }
  if (tasks) return { ...measured, longestTaskMs: tasks.longestTaskMs, tasksOver50: tasks.tasksOver50, traced: tasks };
  return { ...measured, longestTaskMs: measured.longTaskApiMs, tasksOver50: measured.longTaskCount };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Runs `body` under V8's sampling profiler (CDP), saves the profile to `file`, returns the top functions by self time. */
async function profiled(page: Page, file: string, body: () => Promise<unknown>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await body();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach().catch(() => undefined);
  writeFileSync(file, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') continue;
    const key = url ? `${name} (${url.split('/').pop() || 'page'}:${lineNumber + 1})` : name;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([key, ms]) => `${fmtMs(ms).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}

/** (b)'s longest task: the longer of its traced run's (which sees every task) and the Long Tasks API's (50 ms and more). */
function rescanLongestTask(r: OpResult): number {
  const api = r.tasksOver50 > 0 ? r.longestTaskMs : NaN;
  const traced = r.traced?.longestTaskMs ?? NaN;
  if (Number.isFinite(api) && Number.isFinite(traced)) return Math.max(api, traced);
  if (Number.isFinite(traced)) return traced;
  return Number.isFinite(api) ? api : r.longestTaskMs;
}

/** PageAnnotator.rescan() with the given renderer. */
function runRescan(session: Session, page: Page, renderer: RendererKind): Promise<Outcome<RescanDetail>> {
  return run(session, page, 'rescan', renderer);
}

// ---------------------------------------------------------------------------
// Statistics and formatting

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Per-run measurements of one operation at one size, reduced to medians. */
interface OpResult {
  runs: number;
  ms: number;
  longestTaskMs: number;
  tasksOver50: number;
  heapMB: number;
  heapDeltaMB: number;
  /** From one extra run under a trace (rescan only): every task, however short. */
  traced?: TraceTasks;
  tracedMs?: number;
  /** From one extra run under the sampling profiler (with --cpu-profile): the functions with the most self time. */
  profileTop?: string[];
  /** Set when a run hit the cap: the operation is then slower than the cap. */
  timedOut?: boolean;
  skipped?: string;
  extra: Record<string, number | string>;
}

function reduce<T>(runs: Outcome<T>[], extra: (details: T[]) => Record<string, number | string>): OpResult {
  return {
    runs: runs.length,
    ms: median(runs.map((r) => r.ms)),
    longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
    tasksOver50: median(runs.map((r) => r.tasksOver50)),
    heapMB: median(runs.map((r) => r.heapMB)),
    heapDeltaMB: median(runs.map((r) => r.heapMB - r.heapBeforeMB)),
    extra: extra(runs.map((r) => r.detail)),
  };
}

const skippedResult = (why: string): OpResult => ({
  runs: 0,
  ms: NaN,
  longestTaskMs: NaN,
  tasksOver50: NaN,
  heapMB: NaN,
  heapDeltaMB: NaN,
  skipped: why,
  extra: {},
});

function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)}`;
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** For progress lines: "12.3 ms", "14.2 s". */
const fmtTime = (ms: number): string => (ms >= 10_000 ? fmtMs(ms) : `${fmtMs(ms)} ms`);

function fmtRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  if (ratio >= 100) return `×${Math.round(ratio)}`;
  if (ratio >= 10) return `×${ratio.toFixed(1)}`;
  return `×${ratio.toFixed(2)}`;
}

const round = (n: number): number => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------
// Main

interface SizeResults {
  text: { chars: number; nodes: number; storyShare: number; htmlBytes: number };
  floor?: OpResult;
  /** (a) plus joining, NFKC and lower-casing the text. */
  floorNormalised?: OpResult;
  /** (b) PageAnnotator.rescan(). */
  rescan?: OpResult;
  /** (b) stage by stage, unsliced. */
  stages?: OpResult;
  /** (b) with the <mark> renderer instead of the default CSS Custom Highlights. */
  rescanMarks?: OpResult;
  markKeywords?: OpResult;
  markRegExp?: OpResult;
}

type ScaleKey = 'generated' | 'entitiesOnly' | 'claimsOnly';

interface ScaleResult {
  real: OpResult;
  /** Real + 10,000 entities + 2,000 claims; and each half alone. */
  generated: OpResult;
  entitiesOnly: OpResult;
  claimsOnly: OpResult;
  /** generated / real, index + annotate. */
  ratio: number;
  entitiesOnlyRatio: number;
  claimsOnlyRatio: number;
  facts: number;
  phrases: number;
  compileMs: number;
  jsonKB: number;
}

interface AppendResult {
  ms: number;
  runs: number;
  longestTaskMs: number;
  rescanMs: number;
  highlightsOnPage: number;
  highlightsInParagraph: number;
}

interface RunContext {
  dataset: string;
  facts: number;
  phrases: number;
  aliases: number;
  expandedAliases: boolean;
  chromium: string;
  capSeconds: number;
  traced: boolean;
  devtoolsTrace: boolean;
  /** One-minute load average at the start and the end of the run. */
  load: string;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  if (loadBefore > 0.5 * cpus().length)
    log(`the machine is busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores): expect noisy numbers`);
  const runsFor = (size: SizeName): number => options.runs ?? (options.quick ? 1 : size === '5MB' ? 3 : 5);
  const cap = options.capSeconds * 1000;

  if (options.traceDir) mkdirSync(resolve(options.traceDir), { recursive: true });
  if (options.profileDir) mkdirSync(resolve(options.profileDir), { recursive: true });
  const dataset = loadDataset(options.fixtures);
  log(`dataset: ${dataset.source} (${dataset.story.facts.length} facts)`);
  let t = performance.now();
  const matcherData: MatcherData = compileMatcher(dataset.story, dataset.lexicon);
  const compileMs = performance.now() - t;
  const matcherJson = JSON.stringify(matcherData);
  const cardsJson = JSON.stringify(buildCards(dataset.story));
  const aliases = aliasList(dataset.story, options.expandedAliases);
  const regExp = aliasRegExp(aliases);
  log(
    `matcher: ${matcherData.phraseKind.length} phrases, compiled in ${compileMs.toFixed(0)} ms, ${(matcherJson.length / 1024).toFixed(0)} KB JSON; ` +
      `mark.js gets ${aliases.length} ${options.expandedAliases ? 'expanded' : 'listed'} aliases`,
  );

  const sentences = storySentences();
  const pages = new Map<string, string>();
  const generated = new Map<SizeName, GeneratedPage>();
  const sizesNeeded = new Set<SizeName>(options.sizes);
  if (!options.skip.has('scale') || !options.skip.has('append')) sizesNeeded.add('1MB');
  for (const size of SIZE_NAMES) {
    if (!sizesNeeded.has(size)) continue;
    const page = generatePage(SIZES[size], sentences, 20211215 + SIZES[size]);
    generated.set(size, page);
    pages.set(`/${size}.html`, page.html);
    log(
      `page ${size}: ${page.textChars} chars of text, ${(page.html.length / 1024).toFixed(0)} KB of HTML, ${(page.storyShare * 100).toFixed(0)} % of the text from story sentences`,
    );
  }
  const harness = await bundleHarness();
  const { url: baseUrl, server } = await servePages(pages);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
  const session: Session = { browser, baseUrl, harness, css: contentCss(), cardsJson, tracing: false };
  log(`Chromium ${browser.version()}, pages on ${baseUrl}${options.trace ? ', one traced rescan() per size' : ''}`);

  const results = new Map<SizeName, SizeResults>();
  let scale: ScaleResult | undefined;
  let append: AppendResult | undefined;

  try {
    /** Runs one operation `runs` times, each on a fresh page; stops at the first run over the cap. */
    const repeat = async <T>(
      size: SizeName,
      label: string,
      runs: number,
      fn: (page: Page) => Promise<Outcome<T>>,
      extra: (d: T[]) => Record<string, number | string>,
    ): Promise<OpResult> => {
      const measured: Outcome<T>[] = [];
      for (let i = 0; i < runs; i++) {
        try {
          const m = await onFreshPage(session, `/${size}.html`, matcherJson, cap, fn);
          measured.push(m);
          log(`${size} ${label} run ${i + 1}/${runs}: ${fmtTime(m.ms)}, longest task ${fmtTime(m.longestTaskMs)}`);
          if (m.ms > SLOW_RUN_MS && i + 1 < runs) {
            log(`${size} ${label}: one run took over ${SLOW_RUN_MS / 1000} s, so it is measured once`);
            break;
          }
        } catch (error) {
          if (!(error instanceof TimedOut)) throw error;
          log(`${size} ${label} run ${i + 1}/${runs}: over the cap of ${options.capSeconds} s, abandoned`);
          return { ...skippedResult(''), skipped: undefined, runs: i + 1, timedOut: true };
        }
      }
      return reduce(measured, extra);
    };

    let keywordStop: string | undefined;
    const keywordSizes = options.sizes.filter((s) => SIZES[s] <= SIZES['1MB']);
    const keywordLargest = keywordSizes[keywordSizes.length - 1];
    for (const size of options.sizes) {
      const page = generated.get(size)!;
      const runs = runsFor(size);
      const r: SizeResults = {
        text: { chars: page.textChars, nodes: 0, storyShare: page.storyShare, htmlBytes: page.html.length },
      };
      results.set(size, r);

      r.floor = await repeat(
        size,
        '(a) floor',
        runs,
        (p) => run(session, p, 'floor'),
        (d) => {
          r.text.nodes = d[0]?.nodes ?? 0;
          return { chars: d[0]?.chars ?? 0, nodes: d[0]?.nodes ?? 0 };
        },
      );
      r.floorNormalised = await repeat(
        size,
        "(a') floor + NFKC + lower case",
        runs,
        (p) => run(session, p, 'floorNormalised'),
        () => ({}),
      );
      r.rescan = await repeat(
        size,
        '(b) PageAnnotator.rescan()',
        runs,
        (p) => runRescan(session, p, 'highlights'),
        (d) => ({ drawn: d[0]?.drawn ?? 0 }),
      );
      if (options.trace && !r.rescan.timedOut) {
        // One more run under a trace: the length of every task, not only those over 50 ms.
        const traced = await onFreshPage(session, `/${size}.html`, matcherJson, cap, (p) =>
          runTraced(
            session,
            p,
            options.traceDir ? join(resolve(options.traceDir), `rescan-${size}.json`) : undefined,
            'rescan',
          ),
        );
        r.rescan.traced = traced.traced;
        r.rescan.tracedMs = traced.ms;
        const t = traced.traced;
        log(
          `${size} (b) PageAnnotator.rescan() traced: ${fmtTime(traced.ms)}, ` +
            (t
              ? `longest task ${fmtTime(t.longestTaskMs)}, ${t.tasks} tasks of 1 ms or more, main thread busy ${fmtTime(t.busyMs)} of ${fmtTime(t.windowMs)}`
              : 'no markers in the trace'),
        );
      }
      if (options.profileDir && !r.rescan.timedOut) {
        const file = join(resolve(options.profileDir), `rescan-${size}.cpuprofile`);
        const top = await onFreshPage(session, `/${size}.html`, matcherJson, cap, (p) =>
          profiled(p, file, () => call(p, 'rescan')),
        );
        r.rescan.profileTop = top;
        log(
          `${size} (b) PageAnnotator.rescan() profiled, saved to ${file}; most self time:\n${top.map((t) => `    ${t}`).join('\n')}`,
        );
      }
      r.rescanMarks = await repeat(
        size,
        '(b) rescan(), marks renderer',
        runs,
        (p) => runRescan(session, p, 'marks'),
        (d) => ({
          highlights: d[0]?.highlights ?? 0,
          marks: d[0]?.marks ?? 0,
        }),
      );
      log(
        `${size} (b) rescan(), marks renderer: ${r.rescanMarks.extra.marks} <mark> elements, ${r.rescanMarks.extra.highlights} ranges`,
      );
      r.stages = await repeat(
        size,
        '(b) stages, unsliced',
        runs,
        (p) => run(session, p, 'stages'),
        (d) => ({
          indexMs: median(d.map((x) => x.indexMs)),
          annotateMs: median(d.map((x) => x.annotateMs)),
          renderMs: median(d.map((x) => x.renderMs)),
          annotations: d[0]?.annotations ?? 0,
          highlights: d[0]?.highlights ?? 0,
          verdict: d[0]?.verdict ?? '',
          textNodes: d[0]?.textNodes ?? 0,
        }),
      );
      const st = r.stages.extra;
      log(
        `${size} (b) stages: verdict ${st.verdict}, ${st.annotations} annotations, ${st.highlights} ranges drawn; ` +
          `index ${fmtTime(Number(st.indexMs))} / annotate ${fmtTime(Number(st.annotateMs))} / render ${fmtTime(Number(st.renderMs))}`,
      );

      // (c) mark.js keyword search: not above 1 MB, once at the largest size, abandoned after the cap.
      if (options.skip.has('keywords')) r.markKeywords = skippedResult('--skip');
      else if (keywordStop) r.markKeywords = skippedResult(keywordStop);
      else if (SIZES[size] > SIZES['1MB']) r.markKeywords = skippedResult('not run above 1 MB');
      else {
        r.markKeywords = await repeat(
          size,
          '(c) mark.js mark(aliases)',
          size === keywordLargest ? 1 : runs,
          (p) => run(session, p, 'markKeywords', aliases, { acrossElements: true, separateWordSearch: false }),
          (d) => ({ marks: d[0]?.marks ?? 0 }),
        );
        if (r.markKeywords.timedOut) keywordStop = `a smaller page took over ${options.capSeconds} s`;
      }
      // (d) mark.js with one regular expression.
      if (options.skip.has('regexp')) r.markRegExp = skippedResult('--skip');
      else
        r.markRegExp = await repeat(
          size,
          '(d) mark.js markRegExp',
          runs,
          (p) => run(session, p, 'markRegExp', regExp.source, regExp.flags, { acrossElements: true }),
          (d) => ({ marks: d[0]?.marks ?? 0 }),
        );
    }

    // Dataset scale: the 1 MB page with the real dataset, then with 10,000 entities and 2,000 claims more
    // (and, to tell the two apart, with only the entities and with only the claims).
    if (!options.skip.has('scale')) {
      const runs = runsFor('1MB');
      const variants: { key: ScaleKey; entities: number; claims: number }[] = [
        { key: 'generated', entities: 10_000, claims: 2_000 },
        { key: 'entitiesOnly', entities: 10_000, claims: 0 },
        { key: 'claimsOnly', entities: 0, claims: 2_000 },
      ];
      const datasets: { key: ScaleKey | 'real'; json: string; runs: Outcome<ScaleDetail>[] }[] = [
        { key: 'real', json: matcherJson, runs: [] },
      ];
      let big: { facts: number; phrases: number; compileMs: number; jsonKB: number } | undefined;
      for (const variant of variants) {
        t = performance.now();
        const scaled = scaledStory(dataset.story, variant.entities, variant.claims, 42);
        const data = compileMatcher(scaled, dataset.lexicon);
        const ms = performance.now() - t;
        const json = JSON.stringify(data);
        if (variant.key === 'generated')
          big = {
            facts: scaled.facts.length,
            phrases: data.phraseKind.length,
            compileMs: ms,
            jsonKB: json.length / 1024,
          };
        log(
          `scale ${variant.key}: ${scaled.facts.length} facts, ${data.phraseKind.length} phrases, parsed + compiled in ${ms.toFixed(0)} ms, ` +
            `${(json.length / 1024 / 1024).toFixed(1)} MB of matcher JSON`,
        );
        datasets.push({ key: variant.key, json, runs: [] });
      }
      for (let i = 0; i < runs; i++) {
        for (const d of datasets) {
          const m = await onFreshPage(session, '/1MB.html', d.json, cap, (p) => run(session, p, 'indexAndAnnotate'));
          d.runs.push(m);
          log(
            `scale ${d.key} run ${i + 1}/${runs}: new Matcher ${fmtTime(m.detail.matcherMs)}, index ${fmtTime(m.detail.indexMs)}, ` +
              `annotate ${fmtTime(m.detail.annotateMs)} (${m.detail.annotations} annotations, ${m.detail.verdict})`,
          );
        }
      }
      const scaleExtra = (d: ScaleDetail[]) => ({
        matcherMs: median(d.map((x) => x.matcherMs)),
        indexMs: median(d.map((x) => x.indexMs)),
        annotateMs: median(d.map((x) => x.annotateMs)),
        indexAnnotateMs: median(d.map((x) => x.indexMs + x.annotateMs)),
        annotations: d[0]?.annotations ?? 0,
        verdict: d[0]?.verdict ?? '',
      });
      const reduced = Object.fromEntries(datasets.map((d) => [d.key, reduce(d.runs, scaleExtra)])) as Record<
        ScaleKey | 'real',
        OpResult
      >;
      const ratioOf = (key: ScaleKey) =>
        Number(reduced[key].extra.indexAnnotateMs) / Number(reduced.real.extra.indexAnnotateMs);
      scale = {
        real: reduced.real,
        generated: reduced.generated,
        entitiesOnly: reduced.entitiesOnly,
        claimsOnly: reduced.claimsOnly,
        ratio: ratioOf('generated'),
        entitiesOnlyRatio: ratioOf('entitiesOnly'),
        claimsOnlyRatio: ratioOf('claimsOnly'),
        ...big!,
      };
    }

    // Incremental cost: one 1 MB page annotated by PageAnnotator.rescan(), then paragraphs appended one at a time.
    if (!options.skip.has('append')) {
      const appends = options.quick ? 3 : 7;
      const random = new Random(7);
      append = await onFreshPage(session, '/1MB.html', matcherJson, cap * 2, async (p) => {
        const rescan = await runRescan(session, p, 'highlights');
        log(
          `append: PageAnnotator.rescan() of the 1MB page took ${fmtTime(rescan.ms)} (${rescan.detail.drawn} highlights)`,
        );
        const times: Outcome<AppendDetail>[] = [];
        for (let i = 0; i < appends; i++) {
          const m = await run(session, p, 'appendParagraph', appendedParagraph(random, i + 1));
          times.push(m);
          log(
            `append ${i + 1}/${appends}: refresh([p]) ${fmtTime(m.ms)}, ${m.detail.highlightsInParagraph} highlights in the ${m.detail.paragraphChars}-char paragraph`,
          );
        }
        return {
          ms: median(times.map((m) => m.ms)),
          runs: times.length,
          longestTaskMs: median(times.map((m) => m.longestTaskMs)),
          rescanMs: rescan.ms,
          highlightsOnPage: rescan.detail.drawn,
          highlightsInParagraph: median(times.map((m) => m.detail.highlightsInParagraph)),
        };
      });
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }

  const context: RunContext = {
    dataset: dataset.source,
    facts: dataset.story.facts.length,
    phrases: matcherData.phraseKind.length,
    aliases: aliases.length,
    expandedAliases: options.expandedAliases,
    chromium: browser.version(),
    capSeconds: options.capSeconds,
    traced: options.trace,
    devtoolsTrace: !!options.traceDir,
    load: `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  };
  const table = renderTable(results, scale, append, context);
  process.stdout.write(`${table}\n`);

  if (options.json) {
    const bySize = (pick: (r: SizeResults) => number | null): Record<string, number | null> =>
      Object.fromEntries([...results].map(([size, r]) => [size, pick(r)]));
    const value = (r: OpResult | undefined): number | null =>
      !r || r.skipped || r.timedOut || !Number.isFinite(r.ms) ? null : round(r.ms);
    const json = {
      floorMs: bySize((r) => value(r.floor)),
      annotateMs: bySize((r) => value(r.rescan)),
      markKeywordsMs: bySize((r) => value(r.markKeywords)),
      markRegExpMs: bySize((r) => value(r.markRegExp)),
      longestTaskMs: bySize((r) => {
        const longest = r.rescan ? rescanLongestTask(r.rescan) : NaN;
        return Number.isFinite(longest) ? round(longest) : null;
      }),
      heapMB: bySize((r) => (r.rescan && Number.isFinite(r.rescan.heapMB) ? round(r.rescan.heapMB) : null)),
      scale10kRatio: scale ? round(scale.ratio) : null,
      appendParagraphMs: append ? round(append.ms) : null,
      details: {
        note:
          'annotateMs, longestTaskMs and heapMB are those of PageAnnotator.rescan() (default, element-free renderer; longestTaskMs: the longer of the longest ' +
          'task in its traced run and the median longest task the Long Tasks API saw in the timed runs); null = skipped or over the cap. ' +
          'sizes.*.stages is the same work unsliced, stage by stage.',
        ...context,
        runs: Object.fromEntries(options.sizes.map((s) => [s, runsFor(s)])),
        sizes: Object.fromEntries(results),
        scale,
        append,
        totalSeconds: round((performance.now() - started) / 1000),
      },
    };
    writeFileSync(resolve(options.json), `${JSON.stringify(json, null, 2)}\n`);
    log(`wrote ${options.json}`);
  }

  if (options.readme) {
    const path = join(ROOT, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from < 0 || to < from) {
      log(`README.md has no ${start} … ${end} section: not updated`);
      process.exitCode = 1;
    } else {
      writeFileSync(path, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
      log('README.md updated');
    }
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function renderTable(
  results: Map<SizeName, SizeResults>,
  scale: ScaleResult | undefined,
  append: AppendResult | undefined,
  context: RunContext,
): string {
  const sizes = [...results.keys()];
  const cap = context.capSeconds;
  const rows: string[][] = [];
  const row = (label: string, f: (r: SizeResults) => string) =>
    rows.push([label, ...sizes.map((s) => f(results.get(s)!))]);
  const ok = (r: OpResult | undefined): boolean => !!r && !r.skipped && !r.timedOut && Number.isFinite(r.ms);
  const time = (r: OpResult | undefined): string => {
    if (!r) return '–';
    if (r.skipped) return `skipped (${r.skipped})`;
    if (r.timedOut) return `> ${cap} s`;
    return fmtMs(r.ms);
  };
  const ratio = (x: OpResult | undefined, y: OpResult | undefined): string => {
    if (x?.timedOut && ok(y)) return `> ${fmtRatio((cap * 1000) / y!.ms)}`;
    return ok(x) && ok(y) ? fmtRatio(x!.ms / y!.ms) : '–';
  };
  const num = (n: number | string | undefined) => (typeof n === 'number' ? fmtMs(n) : '–');
  const task = (o: OpResult | undefined) => (o?.timedOut ? `> ${cap} s` : ok(o) ? fmtMs(o!.longestTaskMs) : '–');
  const heap = (o: OpResult | undefined) => (ok(o) && Number.isFinite(o!.heapMB) ? o!.heapMB.toFixed(0) : '–');

  row(
    'page text, chars / text nodes',
    (r) => `${(r.text.chars / 1000).toFixed(0)} k / ${(r.text.nodes / 1000).toFixed(1)} k`,
  );
  row(
    'runs: (a), (b), (c), (d)',
    (r) => `${r.floor?.runs ?? 0}, ${r.rescan?.runs ?? 0}, ${r.markKeywords?.runs ?? 0}, ${r.markRegExp?.runs ?? 0}`,
  );
  row('**(a)** floor: TreeWalker reads every text node, ms', (r) => time(r.floor));
  row(
    "  ↳ (a′) the same, then the text joined, NFKC'd and lower-cased, ms; × (a)",
    (r) => `${time(r.floorNormalised)}; ${ratio(r.floorNormalised, r.floor)}`,
  );
  row('**(b)** extension: `PageAnnotator.rescan()`, ms', (r) => time(r.rescan));
  row(
    '  ↳ verdict; annotations; highlights drawn',
    (r) => `${r.stages?.extra.verdict ?? '–'}; ${r.stages?.extra.annotations ?? '–'}; ${r.rescan?.extra.drawn ?? '–'}`,
  );
  row('  ↳ same work unsliced: `buildTextIndex`, ms', (r) => num(r.stages?.extra.indexMs));
  row('  ↳ unsliced: `annotate`, ms', (r) => num(r.stages?.extra.annotateMs));
  row('  ↳ unsliced: `HighlightRenderer.render`, ms', (r) => num(r.stages?.extra.renderMs));
  row('  ↳ unsliced: total, ms', (r) => time(r.stages));
  row(
    '  ↳ `rescan()` with the marks renderer, ms (`<mark>` elements)',
    (r) => `${time(r.rescanMarks)} (${r.rescanMarks?.extra.marks ?? '–'})`,
  );
  row('**(c)** mark.js `mark(aliases)`, ms', (r) => time(r.markKeywords));
  row('**(d)** mark.js `markRegExp(alternation)`, ms', (r) => time(r.markRegExp));
  row(
    '  ↳ marks made by (c) / (d)',
    (r) => `${r.markKeywords?.extra.marks ?? '–'} / ${r.markRegExp?.extra.marks ?? '–'}`,
  );
  row('(b) / (a)', (r) => ratio(r.rescan, r.floor));
  row('(c) / (a)', (r) => ratio(r.markKeywords, r.floor));
  row('(d) / (a)', (r) => ratio(r.markRegExp, r.floor));
  row('(c) / (b)', (r) => ratio(r.markKeywords, r.rescan));
  row('(d) / (b)', (r) => ratio(r.markRegExp, r.rescan));
  const under50 = (o: OpResult | undefined) => (ok(o) && o!.tasksOver50 === 0 ? '< 50' : task(o));
  row('**(b) longest task**, ms', (r) =>
    r.rescan?.timedOut ? `> ${cap} s` : r.rescan ? fmtMs(rescanLongestTask(r.rescan)) : '–',
  );
  row('  ↳ timed runs, Long Tasks API: longest, ms; tasks ≥ 50 ms', (r) =>
    ok(r.rescan) ? `${under50(r.rescan)}; ${r.rescan!.tasksOver50}` : task(r.rescan),
  );
  if (context.traced) {
    row('  ↳ traced run: longest, ms; tasks ≥ 1 ms', (r) =>
      r.rescan?.traced ? `${fmtMs(r.rescan.traced.longestTaskMs)}; ${r.rescan.traced.tasks}` : '–',
    );
    row('  ↳ traced run: main thread busy / wall, ms', (r) =>
      r.rescan?.traced ? `${fmtMs(r.rescan.traced.busyMs)} / ${fmtMs(r.rescan.traced.windowMs)}` : '–',
    );
  }
  row('longest task with the marks renderer, ms', (r) => under50(r.rescanMarks));
  row(
    'longest task, ms: (b) unsliced / (c) / (d)',
    (r) => `${task(r.stages)} / ${task(r.markKeywords)} / ${task(r.markRegExp)}`,
  );
  row(
    'JS heap after, MB: (a) / (b) / (c) / (d)',
    (r) => `${heap(r.floor)} / ${heap(r.rescan)} / ${heap(r.markKeywords)} / ${heap(r.markRegExp)}`,
  );

  const lines: string[] = [];
  lines.push(`| | ${sizes.join(' | ')} |`);
  lines.push(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  lines.push('');
  if (scale) {
    const re = scale.real.extra;
    const ge = scale.generated.extra;
    lines.push(
      `**Dataset scale** (1 MB page, \`buildTextIndex\` + \`annotate\`, drawing excluded): real dataset ${num(re.indexAnnotateMs)} ms ` +
        `(annotate ${num(re.annotateMs)}, ${re.annotations} annotations); with 10,000 generated entities and 2,000 generated claims added ` +
        `(${scale.facts} facts, ${scale.phrases} phrases; each claim's required concept is a distinctive made-up word, its other concepts often the filler's own words) ` +
        `${num(ge.indexAnnotateMs)} ms (annotate ${num(ge.annotateMs)}, ${ge.annotations} annotations): ` +
        `**×${scale.ratio.toFixed(2)}** (the 10,000 entities alone: ×${scale.entitiesOnlyRatio.toFixed(2)}; the 2,000 claims alone: ×${scale.claimsOnlyRatio.toFixed(2)}). \`new Matcher\` in the page: ${num(re.matcherMs)} ms vs ${num(ge.matcherMs)} ms; ` +
        `parsing and compiling the large dataset in Node: ${fmtMs(scale.compileMs)} ms, ${(scale.jsonKB / 1024).toFixed(1)} MB of matcher JSON.`,
    );
  }
  if (append) {
    lines.push('');
    lines.push(
      `**Appending a paragraph** (~300 characters naming Putin and Xi) to the annotated 1 MB page: \`PageAnnotator.refresh([p])\` ` +
        `median **${fmtMs(append.ms)} ms** over ${append.runs} appends (longest task ${fmtMs(append.longestTaskMs)} ms, ` +
        `${append.highlightsInParagraph} highlights drawn in it); the page's \`rescan()\` before them took ${fmtMs(append.rescanMs)} ms ` +
        `for ${append.highlightsOnPage} highlights.`,
    );
  }
  lines.push('');
  lines.push(
    `Chromium ${context.chromium}, headless, load average ${context.load}; medians over fresh page loads. Dataset: ${context.dataset} (${context.facts} facts, ${context.phrases} matcher phrases). ` +
      '(b) awaits `PageAnnotator.rescan()` (default settings, so the element-free renderer with its highlight list; matcher built beforehand); its unsliced rows run ' +
      '`buildTextIndex(body)`, `annotate` and `HighlightRenderer.render` in one task on another fresh page. ' +
      `(c) and (d) get the ${context.aliases} ${context.expandedAliases ? 'expanded alias forms' : 'aliases listed'} of the entity facts: ` +
      '(c) is `mark(aliases, { acrossElements: true, separateWordSearch: false })` with mark.js defaults otherwise (so matches inside words count), ' +
      'run once at the largest size it runs on, never above 1 MB; (d) is `markRegExp` of one escaped, longest-first alternation between non-letters, ' +
      `case-insensitive, with \`acrossElements: true\`. A run over ${cap} s is abandoned. Longest task: from the call until two frames after it ends ` +
      "(so style, layout and paint of the highlights count): the longest the Long Tasks API saw (it sees tasks of 50 ms and more), or the call's own length" +
      `${context.traced ? `; for (b) also every task of one extra run under a ${context.devtoolsTrace ? 'full DevTools trace (with JS samples: it lengthens tasks)' : 'light Chromium trace'} (tracing slows some DOM work, so that run is not timed, and its tasks may be a little longer)` : ''}. ` +
      'Heap: `performance.memory.usedJSHeapSize` right after the call.',
  );
  return lines.join('\n');
}

/** Run as a script (not imported for its page and dataset generators). */
const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) log(`${error.message}; see --help`);
    else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
