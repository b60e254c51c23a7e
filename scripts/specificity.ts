/**
 * `npm run specificity`: which Russian and Chinese concept wordings of the dataset are generic
 * (every Russian or Chinese word of them among the 10,000 most frequent of its language; see
 * foreign-words.ts), written to src/core/generic-phrases.json for the matcher. `--check` writes
 * nothing and exits 1 if that file is not what it would write; `--docs` also writes the figures,
 * with the alternatives measured against it, into docs/specificity.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dict } from '@node-rs/jieba/dict';
import type { Concept } from '../src/core/dataset';
import { storyFacts } from '../src/core/packs';
import { GENERIC_ZIPF, hasRussianOrChinese, isSpecificPhrase } from '../src/core/specificity';
import { writeDocsSection } from './docs-section';
import { chineseWordsOf, LIST_LENGTH, specificForeignWords } from './foreign-words';
import { loadDataset, ROOT } from './load-dataset';

export const GENERIC_PHRASES_FILE = join(ROOT, 'src/core/generic-phrases.json');

const CYRILLIC = /[\u0400-\u04ff]/;

/** Each concept of the dataset once, with the wordings the matcher compiles (`*` left out). */
function concepts(): Concept[] {
  const dataset = loadDataset();
  const seen = new Set<string>();
  const result: Concept[] = [];
  for (const story of dataset.stories)
    for (const fact of storyFacts(dataset, story)) {
      if (!fact.signature || seen.has(fact.id)) continue;
      seen.add(fact.id);
      for (const concept of fact.signature.concepts)
        result.push({ ...concept, variants: concept.variants.map((v) => v.replace(/\*/g, '')) });
    }
  return result;
}

/** The Russian and Chinese wordings none of whose Russian or Chinese words is specific, sorted. */
export function genericForeignPhrases(): string[] {
  const phrases = new Set(concepts().flatMap((c) => c.variants.filter(hasRussianOrChinese)));
  return [...phrases].filter((phrase) => specificForeignWords(phrase).length === 0).sort();
}

export function genericPhrasesJson(): string {
  return `${JSON.stringify(genericForeignPhrases(), null, 2)}\n`;
}

/** Zipf values of jieba's dictionary counts (People's Daily and other written Chinese). */
function jiebaZipf(): (word: string) => number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word, count] = line.split(' ');
    if (!word || !count) continue;
    counts.set(word, (counts.get(word) ?? 0) + Number(count));
    total += Number(count);
  }
  return (word) => {
    const count = counts.get(word);
    return count ? Math.log10((count / total) * 1e9) : 0;
  };
}

interface Tally {
  ru: number;
  zh: number;
}

/** The figures: distinct wordings per language, and how many each rule makes specific. */
function figures(): string {
  const all = concepts();
  const zipf = jiebaZipf();
  const language = (phrase: string): keyof Tally => (CYRILLIC.test(phrase) ? 'ru' : 'zh');
  const seen = new Set<string>();
  const total: Tally = { ru: 0, zh: 0 };
  const rules = {
    before: { ru: 0, zh: 0 },
    shipped: { ru: 0, zh: 0 },
    anyEnglish: { ru: 0, zh: 0 },
    allEnglish: { ru: 0, zh: 0 },
    jieba: { ru: 0, zh: 0 },
  } satisfies Record<string, Tally>;
  for (const concept of all) {
    const english = concept.variants.filter((v) => !hasRussianOrChinese(v)).map(isSpecificPhrase);
    for (const phrase of concept.variants.filter(hasRussianOrChinese)) {
      const lang = language(phrase);
      const key = `${phrase}|${english.join()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total[lang]++;
      rules.before[lang]++;
      if (specificForeignWords(phrase).length > 0) rules.shipped[lang]++;
      if (english.some(Boolean)) rules.anyEnglish[lang]++;
      if (english.length > 0 && english.every(Boolean)) rules.allEnglish[lang]++;
      if (lang === 'zh' && chineseWordsOf(phrase).some((w) => zipf(w) <= GENERIC_ZIPF)) rules.jieba.zh++;
    }
  }
  const share = (n: number, of: number) => `${n} of ${of} (${((100 * n) / of).toFixed(0)} %)`;
  const row = (name: string, tally: Tally, zh = true) =>
    `| ${name} | ${share(tally.ru, total.ru)} | ${zh ? share(tally.zh, total.zh) : 'n/a'} |`;
  const examples = ['встреча', 'сотрудничество', 'переговоры', 'бойкот', 'политизировать', 'санкций'];
  const chineseExamples = ['合作', '关系', '支持', '会晤', '抵制', '冬奥会', '政治化'];
  const mark = (phrase: string) => `${phrase} ${specificForeignWords(phrase).length > 0 ? 'specific' : 'generic'}`;
  return [
    `**Russian and Chinese concept wordings that are specific** (each wording once per concept; lists of ${LIST_LENGTH.toLocaleString('en')} words)`,
    '',
    '| rule | Russian | Chinese |',
    '|---|---:|---:|',
    row('before: every Russian or Chinese wording', rules.before),
    row('shipped: a word outside its language’s most frequent subtitle words', rules.shipped),
    row('(a) as the concept’s English wording, if any English wording is specific', rules.anyEnglish),
    row('(a) as the concept’s English wording, if every English wording is specific', rules.allEnglish),
    row(`(b) jieba’s dictionary counts, a word of Zipf ≤ ${GENERIC_ZIPF}`, rules.jieba, true).replace(
      /^\| ([^|]+) \| [^|]+ \|/,
      '| $1 | no list |',
    ),
    '',
    `Shipped, for example: ${[...examples, ...chineseExamples].map(mark).join('; ')}.`,
  ].join('\n');
}

function main() {
  const json = genericPhrasesJson();
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERIC_PHRASES_FILE, 'utf8') !== json) {
      console.error('src/core/generic-phrases.json is not current: run `npm run specificity`');
      process.exit(1);
    }
    return;
  }
  writeFileSync(GENERIC_PHRASES_FILE, json);
  const text = figures();
  console.log(text);
  if (process.argv.includes('--docs')) writeDocsSection(ROOT, 'docs/specificity.md', 'specificity', text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
