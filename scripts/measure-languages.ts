/**
 * `npm run measure:languages`: the figures behind two choices for Russian and
 * Chinese pages, printed, and with --docs written into docs/languages.md.
 *
 * 1. Russian inflection: how many case forms of the dataset's Russian names
 *    meet their name under the Snowball stemmer alone, under generated case
 *    forms alone, and under both (what ships); and which page words of the
 *    Russian eval pages the stemmer would wrongly bring to a name.
 * 2. Chinese words: the Chinese eval pages' name mentions (found on
 *    characters, as shipped) against the word boundaries of `Intl.Segmenter`
 *    (would a word automaton over its segments find them?), and the time of
 *    each tokenisation on about 1 MB of Chinese text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasForm, russianCaseForms } from '../src/core/aliases';
import { annotate } from '../src/core/annotate';
import { normalizeText } from '../src/core/normalize';
import { storyFacts } from '../src/core/packs';
import { stem, tokenize } from '../src/core/tokens';
import { writeDocsSection } from './docs-section';
import { loadMatcher, pageText } from './eval';
import { loadDataset, ROOT } from './load-dataset';

const PAGES = join(ROOT, 'tests/eval/pages');

/**
 * Names in their six cases (nominative first), written out by hand: the
 * forms Russian pages use for the dataset's people, places and organisations.
 */
const DECLENSIONS: readonly (readonly string[])[] = [
  ['Путин', 'Путина', 'Путину', 'Путина', 'Путиным', 'Путине'],
  ['Цзиньпин', 'Цзиньпина', 'Цзиньпину', 'Цзиньпина', 'Цзиньпином', 'Цзиньпине'],
  ['Ушаков', 'Ушакова', 'Ушакову', 'Ушакова', 'Ушаковым', 'Ушакове'],
  ['Байден', 'Байдена', 'Байдену', 'Байдена', 'Байденом', 'Байдене'],
  ['Моди', 'Моди', 'Моди', 'Моди', 'Моди', 'Моди'],
  ['Донфрид', 'Донфрид', 'Донфрид', 'Донфрид', 'Донфрид', 'Донфрид'],
  ['Рогозин', 'Рогозина', 'Рогозину', 'Рогозина', 'Рогозиным', 'Рогозине'],
  ['Радченко', 'Радченко', 'Радченко', 'Радченко', 'Радченко', 'Радченко'],
  ['Кремль', 'Кремля', 'Кремлю', 'Кремль', 'Кремлем', 'Кремле'],
  ['Россия', 'России', 'России', 'Россию', 'Россией', 'России'],
  ['Китай', 'Китая', 'Китаю', 'Китай', 'Китаем', 'Китае'],
  ['Украина', 'Украины', 'Украине', 'Украину', 'Украиной', 'Украине'],
  ['Индия', 'Индии', 'Индии', 'Индию', 'Индией', 'Индии'],
  ['Москва', 'Москвы', 'Москве', 'Москву', 'Москвой', 'Москве'],
  ['Пекин', 'Пекина', 'Пекину', 'Пекин', 'Пекином', 'Пекине'],
  ['Крым', 'Крыма', 'Крыму', 'Крым', 'Крымом', 'Крыму'],
  ['Тайвань', 'Тайваня', 'Тайваню', 'Тайвань', 'Тайванем', 'Тайване'],
  ['Гонконг', 'Гонконга', 'Гонконгу', 'Гонконг', 'Гонконгом', 'Гонконге'],
  ['Хабаровск', 'Хабаровска', 'Хабаровску', 'Хабаровск', 'Хабаровском', 'Хабаровске'],
  ['Сибирь', 'Сибири', 'Сибири', 'Сибирь', 'Сибирью', 'Сибири'],
  ['Олимпиада', 'Олимпиады', 'Олимпиаде', 'Олимпиаду', 'Олимпиадой', 'Олимпиаде'],
  ['Евросоюз', 'Евросоюза', 'Евросоюзу', 'Евросоюз', 'Евросоюзом', 'Евросоюзе'],
  ['Роскосмос', 'Роскосмоса', 'Роскосмосу', 'Роскосмос', 'Роскосмосом', 'Роскосмосе'],
  ['Синьхуа', 'Синьхуа', 'Синьхуа', 'Синьхуа', 'Синьхуа', 'Синьхуа'],
  ['видеовстреча', 'видеовстречи', 'видеовстрече', 'видеовстречу', 'видеовстречей', 'видеовстрече'],
  [
    'видеоконференция',
    'видеоконференции',
    'видеоконференции',
    'видеоконференцию',
    'видеоконференцией',
    'видеоконференции',
  ],
];

const lower = (word: string) => normalizeText(word).lower;

interface InflectionRow {
  method: string;
  met: number;
  total: number;
}

function russianInflection(): { rows: InflectionRow[]; missed: Record<string, string[]> } {
  const methods: Record<string, (name: string) => (form: string) => boolean> = {
    'Snowball stemmer alone': (name) => (form) => stem(lower(form)) === stem(lower(name)),
    'generated case forms alone': (name) => {
      const known = new Set([name, ...russianCaseForms(name)].map(lower));
      return (form) => known.has(lower(form));
    },
    'both (shipped)': (name) => {
      const keys = new Set([name, ...russianCaseForms(name)].map((f) => stem(lower(f))));
      return (form) => keys.has(stem(lower(form)));
    },
  };
  const rows: InflectionRow[] = [];
  const missed: Record<string, string[]> = {};
  for (const [method, matcherFor] of Object.entries(methods)) {
    let met = 0;
    let total = 0;
    missed[method] = [];
    for (const [name, ...forms] of DECLENSIONS) {
      const matches = matcherFor(name!);
      for (const form of new Set(forms)) {
        total++;
        if (matches(form)) met++;
        else missed[method]!.push(form);
      }
    }
    rows.push({ method, met, total });
  }
  return { rows, missed };
}

/** A name left out of the aliases because the stemmer brings common words to it. */
const LEFT_OUT = ['Дели'];

/**
 * Page words of the Russian eval pages whose stem is a one-word Russian name's key without being a form of it,
 * with the dataset's names and with the names left out.
 */
function russianCollisions(): string[] {
  const dataset = loadDataset();
  const keys = new Map<string, string>();
  for (const story of dataset.stories)
    for (const fact of storyFacts(dataset, story)) {
      if (!('aliases' in fact) || !fact.aliases) continue;
      for (const alias of fact.aliases) {
        const text = aliasForm(alias).text;
        if (!/^[\u0400-\u04ff]+$/.test(text)) continue;
        for (const form of [text, ...russianCaseForms(text)]) keys.set(stem(lower(form)), text);
      }
    }
  for (const name of LEFT_OUT)
    for (const form of [name, ...russianCaseForms(name)]) keys.set(stem(lower(form)), `${name} (left out)`);
  const forms = new Set(DECLENSIONS.flat().map(lower));
  const collisions = new Set<string>();
  for (const file of readdirSync(PAGES).filter((f) => f.startsWith('ru-'))) {
    for (const token of tokenize(normalizeText(pageText(readFileSync(join(PAGES, file), 'utf8'))))) {
      const name = keys.get(stem(token.word));
      if (name && !forms.has(token.word) && lower(name.replace(' (left out)', '')) !== token.word)
        collisions.add(`${token.word} → ${name}`);
    }
  }
  return [...collisions].sort();
}

interface SegmenterFigures {
  mentions: number;
  onBoundaries: number;
  misses: string[];
  charsMs: number;
  segmenterMs: number;
  /** One `segment()` call over the first ONE_CALL_CHARS[i] characters. */
  oneCallMs: number[];
  /** How the segmenter cuts phrases that hold a name but are not a mention of it. */
  traps: string[];
  textChars: number;
}

const TRAPS = ['印度尼西亚', '印度洋', '北京烤鸭', '俄罗斯方块', '北京时间', '中国人', '北京冬奥会'];

const ONE_CALL_CHARS = [10_000, 40_000];

function chineseSegmentation(): SegmenterFigures {
  const matcher = loadMatcher();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  let mentions = 0;
  let onBoundaries = 0;
  const misses = new Set<string>();
  const texts: string[] = [];
  for (const file of readdirSync(PAGES).filter((f) => f.startsWith('zh-') && !f.includes('unrelated'))) {
    const text = pageText(readFileSync(join(PAGES, file), 'utf8'));
    texts.push(text);
    const boundaries = new Set<number>();
    for (const segment of segmenter.segment(text)) {
      boundaries.add(segment.index);
      boundaries.add(segment.index + segment.segment.length);
    }
    for (const a of annotate(matcher, text).annotations) {
      if (a.category === 'claim' || a.category === 'quote' || a.category === 'limit') continue;
      if (!/[\u4e00-\u9fff]/.test(text.slice(a.start, a.end))) continue;
      mentions++;
      if (boundaries.has(a.start) && boundaries.has(a.end)) onBoundaries++;
      else misses.add(text.slice(a.start, a.end));
    }
  }
  // About 1 MB of Chinese text: the pages repeated.
  const joined = texts.join('\n');
  const big = joined.repeat(Math.ceil(1_000_000 / joined.length)).slice(0, 1_000_000);
  const time = (run: () => void) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      run();
      samples.push(performance.now() - t);
    }
    return samples.sort((x, y) => x - y)[3]!;
  };
  const charsMs = time(() => tokenize(normalizeText(big)));
  const countWords = (text: string) => {
    let words = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
    return words;
  };
  // Block by block, as the page's text comes (one call over a long text grows faster than its length: below).
  const blocks = big.split('\n');
  const segmenterMs = time(() => {
    if (blocks.reduce((sum, block) => sum + countWords(block), 0) === 0) throw new Error('no words');
  });
  const oneCallMs = ONE_CALL_CHARS.map((chars) => {
    const text = big.slice(0, chars);
    const t = performance.now();
    countWords(text);
    return performance.now() - t;
  });
  const traps = TRAPS.map((trap) => [...segmenter.segment(trap)].map((x) => x.segment).join(' / '));
  return { mentions, onBoundaries, misses: [...misses], charsMs, segmenterMs, oneCallMs, traps, textChars: big.length };
}

function report(): string {
  const { rows, missed } = russianInflection();
  const collisions = russianCollisions();
  const zh = chineseSegmentation();
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
  return [
    '**Russian: case forms of names meeting their name** (25 names and one event word, each in six cases; the distinct forms counted)',
    '',
    '| method | forms met | share |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.method} | ${r.met} of ${r.total} | ${pct(r.met, r.total)} |`),
    '',
    ...rows.map((r) => `- ${r.method}, missed: ${missed[r.method]!.join(', ') || 'none'}`),
    '',
    `Page words of the Russian eval pages that the stemmer brings to a one-word name without being one of its forms: ${collisions.join(', ') || 'none'}.`,
    '',
    '**Chinese: names found on characters against `Intl.Segmenter` word boundaries** (the eight reports and four other-meeting pages)',
    '',
    `- Name mentions found on characters: ${zh.mentions}; both ends on a segmenter word boundary: ${zh.onBoundaries} (${pct(zh.onBoundaries, zh.mentions)}). A word automaton over the segmenter's words would miss the rest: ${zh.misses.join(', ') || 'none'}.`,
    `- Tokenising ${(zh.textChars / 1e6).toFixed(1)} M characters of Chinese text (median of 7, Node ${process.version}): characters (normalise + tokenize, as shipped) ${zh.charsMs.toFixed(0)} ms; \`Intl.Segmenter\` words alone, block by block, ${zh.segmenterMs.toFixed(0)} ms.`,
    `- How the segmenter cuts phrases that hold a shorter name: ${zh.traps.join('; ')}.`,
    `- One \`Intl.Segmenter\` call over the whole text grows faster than the text: ${ONE_CALL_CHARS.map((c, i) => `${(c / 1000).toFixed(0)} K characters ${zh.oneCallMs[i]!.toFixed(0)} ms`).join(', ')}.`,
  ].join('\n');
}

function main() {
  const text = report();
  console.log(text);
  if (process.argv.includes('--docs')) {
    writeDocsSection(ROOT, 'docs/languages.md', 'measure', text);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
