/**
 * Matching cost of a story page in each language: generated pages of about
 * 1 M characters of text, 15 % of whose sentences are from the labelled
 * reports of the summit in that language (tests/eval/pages: plain-english
 * for English, the ru-* and zh-* reports), the rest neutral filler in the same
 * language; annotated with the real dataset (core only, in Node), warm,
 * alternating between the languages so that load on the machine hits all
 * alike, median CPU time. Chinese is read one character at a time, so a
 * million characters of it are several times the words of English.
 *
 * `npm run bench` prints it after the other rows; run alone, with --docs it
 * rewrites its own section of docs/benchmark.md (the rest of the page is the
 * full bench's).
 *
 *   npx tsx scripts/bench/languages.ts [--runs 7] [--chars 1048576] [--docs]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { annotate } from '../../src/core/annotate';
import { BLOCK_SEPARATOR } from '../../src/core/normalize';
import { ROOT } from '../chrome';
import { writeDocsSection } from '../docs-section';
import { loadMatcher } from '../eval';
import { fillerSentence, storySentences } from './corpus';
import { type GeneratedPage, type PageLanguage, storyPage } from './pages';
import { Random } from './random';

export const BENCH_LANGUAGES = ['English', 'Russian', 'Chinese'] as const;
export type BenchLanguage = (typeof BENCH_LANGUAGES)[number];

export interface LanguageBenchResult {
  language: BenchLanguage;
  pageChars: number;
  /** Median annotate CPU time (user + system), ms. */
  ms: number;
  highlights: number;
  verdict: string;
}

/** Sentences of the labelled reports of the summit in one language (article paragraphs, cut at sentence ends). */
function reportSentences(prefix: 'ru-' | 'zh-'): string[] {
  const window = new Window();
  const sentences: string[] = [];
  for (const file of readdirSync(join(ROOT, 'tests/eval/pages')).filter((f) => f.startsWith(prefix))) {
    if (file.includes('other') || file.includes('unrelated')) continue;
    const html = readFileSync(join(ROOT, 'tests/eval/pages', file), 'utf8');
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    for (const p of document.querySelectorAll('article p')) {
      const text = (p.textContent ?? '').trim();
      sentences.push(...text.split(prefix === 'zh-' ? /(?<=[。！？])/ : /(?<=[.!?»])\s+(?=[А-ЯЁ«])/).filter(Boolean));
    }
  }
  return sentences;
}

function russianFiller(r: Random): string {
  const who = ['Городской совет', 'Управа района', 'Музей истории', 'Библиотека', 'Школа искусств', 'Клуб садоводов'];
  const what = ['обсудил ремонт', 'объявил конкурс', 'открыл выставку', 'перенес собрание', 'продлил прием заявок'];
  const tail = ['до конца месяца', 'в следующую пятницу', 'после праздников', 'по просьбе жителей', 'в новом здании'];
  return r.chance(0.3)
    ? `В мероприятии приняли участие ${r.int(12, 980)} человек, на ${r.int(2, 60)} больше, чем ожидали организаторы.`
    : `${r.pick(who)} ${r.pick(what)} ${r.pick(tail)}.`;
}

function chineseFiller(r: Random): string {
  const who = ['市图书馆', '区文化馆', '社区服务中心', '少年宫', '市博物馆', '老年大学'];
  const what = ['举办了读书分享会', '推出了新的展览', '调整了开放时间', '开设了书法课程', '组织了志愿者活动'];
  const tail = ['，吸引了不少居民参加。', '，预计持续到月底。', '，受到市民欢迎。', '，报名人数超过预期。'];
  return r.chance(0.3)
    ? `活动共有${r.int(12, 980)}人参加，比原计划多${r.int(2, 60)}人。`
    : `${r.pick(who)}${r.pick(what)}${r.pick(tail)}`;
}

const PAGE_LANGUAGES: Record<BenchLanguage, PageLanguage> = {
  English: { lang: 'en', filler: fillerSentence, joiner: ' ' },
  Russian: { lang: 'ru', filler: russianFiller, joiner: ' ' },
  Chinese: { lang: 'zh-CN', filler: chineseFiller, joiner: '' },
};

function languageStory(language: BenchLanguage): string[] {
  return language === 'English' ? storySentences() : reportSentences(language === 'Russian' ? 'ru-' : 'zh-');
}

/**
 * The same story page as HTML, for the built extension in the browser: the bench's news page (articles,
 * headings, lists, links inside sentences, related rails), its text in `language`. English is the bench's
 * own story page of that size and seed.
 */
export function languageStoryPage(language: BenchLanguage, chars: number, seed: number): GeneratedPage {
  return storyPage(chars, languageStory(language), seed, PAGE_LANGUAGES[language]);
}

/** A story page's text: paragraphs of 3–6 sentences, 15 % of them the story's, to about `chars` characters. */
export function languagePage(language: BenchLanguage, chars: number, seed: number): string {
  const r = new Random(seed);
  const story = languageStory(language);
  const { filler: fill, joiner } = PAGE_LANGUAGES[language];
  const filler = () => fill(r);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < chars) {
    const sentences = Array.from({ length: r.int(3, 6) }, () => (r.chance(0.15) ? r.pick(story) : filler()));
    const paragraph = sentences.join(joiner);
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs.join(BLOCK_SEPARATOR);
}

export function measureLanguages(options: { runs: number; chars: number }): LanguageBenchResult[] {
  const matcher = loadMatcher();
  const pages = BENCH_LANGUAGES.map((language, i) => languagePage(language, options.chars, 2021 + i));
  const results = pages.map((text) => annotate(matcher, text)); // warm-up
  const times: number[][] = pages.map(() => []);
  for (let run = 0; run < options.runs; run++) {
    pages.forEach((text, i) => {
      const start = process.cpuUsage();
      results[i] = annotate(matcher, text);
      const used = process.cpuUsage(start);
      times[i]!.push((used.user + used.system) / 1000);
    });
  }
  return BENCH_LANGUAGES.map((language, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return {
      language,
      pageChars: pages[i]!.length,
      ms: sorted[Math.floor(sorted.length / 2)]!,
      highlights: results[i]!.annotations.length,
      verdict: results[i]!.verdict.stories.map((v) => v.kind).join(', '),
    };
  });
}

/** The row as the bench report and docs/benchmark.md give it. */
export function languagesLine(results: readonly LanguageBenchResult[]): string {
  const cells = results.map(
    (r) => `${r.language} ${Math.round(r.ms)} ms (${r.highlights.toLocaleString('en')} highlights, ${r.verdict})`,
  );
  return (
    `**Languages** (Node, core only, generated story pages of about ${Math.round(results[0]!.pageChars / 1024)} K characters ` +
    `of text, 15 % of their sentences from the labelled reports in that language, median annotate CPU time): ${cells.join('; ')}.`
  );
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const line = languagesLine(measureLanguages({ runs: option('--runs', 7), chars: option('--chars', 1024 * 1024) }));
  console.log(line);
  if (process.argv.includes('--docs')) {
    writeDocsSection(ROOT, 'docs/benchmark.md', 'bench-languages', line);
  }
}
