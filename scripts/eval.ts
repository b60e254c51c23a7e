/**
 * `npm run eval`: precision and recall over the labelled pages in
 * tests/eval/, read exactly as the content script reads a page (same text
 * index, same matcher), printed per page and in total. With --docs, the
 * table also replaces the marked section of docs/evaluation.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/core/annotate';
import { compileMatcher } from '../src/core/compile';
import { isStatementCategory } from '../src/core/dataset';
import { Matcher } from '../src/core/matcher';
import { writeDocsSection } from './docs-section';
import { followedReport, scorePairs } from './eval-followed';
import { addTally, emptyTally, precision, recall, type Tally, tallyCounts, tallySets } from './eval-metrics';
import { pageText } from './eval-page';
import { loadDataset, loadLexicon, ROOT, SUMMIT_ID } from './load-dataset';

const EVAL = join(ROOT, 'tests/eval');

/** The languages of the labelled pages, in the order of the report's totals. */
export const LANGUAGES = { en: 'English', ru: 'Russian', zh: 'Chinese' } as const;
export type Language = keyof typeof LANGUAGES;

interface Label {
  page: string;
  /** The page's language (default: English). */
  language?: Language;
  /** The story the page is labelled for (default: the summit). */
  story?: string;
  kind: string;
  verdict: string;
  entities: Record<string, number>;
  statements: string[];
}

export { pageText } from './eval-page';

export interface PageScore {
  page: string;
  language: Language;
  kind: string;
  verdictExpected: string;
  verdictFound: string;
  entities: Tally;
  statements: Tally;
  /** Statements shown on a page that should show none. */
  strayStatements: string[];
  /** Highlights of any kind the page shows (similar statements included), with the default settings. */
  highlights: number;
  missed: string[];
  extra: string[];
}

/** One matcher over every story pack, as the extension builds it. */
export function loadMatcher(): Matcher {
  return new Matcher(compileMatcher(loadDataset(), loadLexicon()));
}

export function scorePage(matcher: Matcher, label: Label, html: string): PageScore {
  const result = annotate(matcher, pageText(html));
  const storyId = label.story ?? SUMMIT_ID;
  const verdict = result.verdict.stories.find((v) => v.storyId === storyId);
  if (!verdict) throw new Error(`${label.page}: no story ${storyId}`);
  const entityCounts: Record<string, number> = {};
  const statements = new Set<string>();
  for (const annotation of result.annotations) {
    for (const id of annotation.factIds) {
      if (isStatementCategory(annotation.category)) statements.add(id);
      else entityCounts[id] = (entityCounts[id] ?? 0) + 1;
    }
  }
  const quietPage = isUnrelated(label.kind) || label.kind === 'other-meeting';
  return {
    page: label.page,
    language: label.language ?? 'en',
    kind: label.kind,
    verdictExpected: label.verdict,
    verdictFound: verdict.kind,
    highlights: result.annotations.length + result.similar.length,
    entities: tallyCounts(entityCounts, label.entities),
    statements: tallySets(statements, label.statements),
    strayStatements: quietPage ? [...statements] : [],
    missed: label.statements.filter((id) => !statements.has(id)),
    extra: [...statements].filter((id) => !label.statements.includes(id)),
  };
}

/** Unrelated pages: the labelled ones and the real-site-like ones (`unrelated-site`). */
export function isUnrelated(kind: string): boolean {
  return kind === 'unrelated' || kind === SITE_KIND;
}

/** Pages laid out like real sites (navigation, rails, tickers, comments, footers) about something else. */
export const SITE_KIND = 'unrelated-site';

/**
 * Whether the verdict found is the one expected. `quiet` (the real-site-like pages) is any verdict
 * that shows nothing: whether such a page names the story a fair amount ('other-topic') or hardly
 * ('nothing') is the relevance count's business, not the label's.
 */
export function verdictRight(s: Pick<PageScore, 'verdictExpected' | 'verdictFound'>): boolean {
  if (s.verdictExpected === 'quiet') return s.verdictFound === 'nothing' || s.verdictFound === 'other-topic';
  return s.verdictExpected === s.verdictFound;
}

export function scoreAll(): PageScore[] {
  const matcher = loadMatcher();
  return readdirSync(join(EVAL, 'labels'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const label = JSON.parse(readFileSync(join(EVAL, 'labels', file), 'utf8')) as Label;
      return scorePage(matcher, label, readFileSync(join(EVAL, 'pages', label.page), 'utf8'));
    });
}

const fmt = (n: number) => n.toFixed(3);

/** Whether statements are scored on the page: pages about the story, not unrelated ones or other meetings. */
export function reportsStory(score: Pick<PageScore, 'kind'>): boolean {
  return !isUnrelated(score.kind) && score.kind !== 'other-meeting';
}

/** Totals over a set of pages. */
export function totals(scores: readonly PageScore[]): {
  entities: Tally;
  statements: Tally;
  stray: number;
  verdictsRight: number;
} {
  const entities = emptyTally();
  const statements = emptyTally();
  let stray = 0;
  let verdictsRight = 0;
  for (const s of scores) {
    addTally(entities, s.entities);
    if (reportsStory(s)) addTally(statements, s.statements);
    stray += s.strayStatements.length;
    if (verdictRight(s)) verdictsRight++;
  }
  return { entities, statements, stray, verdictsRight };
}

export function report(scores: PageScore[]): string {
  const lines = [
    '| page | kind | verdict (expected → found) | entity P | entity R | statement P | statement R |',
    '|---|---|---|---|---|---|---|',
  ];
  const sites = scores.filter((s) => s.kind === SITE_KIND);
  for (const s of scores) {
    const verdict = !verdictRight(s)
      ? `${s.verdictExpected} → **${s.verdictFound}**`
      : s.verdictExpected === s.verdictFound
        ? s.verdictFound
        : `${s.verdictExpected} (${s.verdictFound})`;
    lines.push(
      `| ${basename(s.page, '.html')} | ${s.kind} | ${verdict} | ${fmt(precision(s.entities))} | ${fmt(recall(s.entities))} | ${fmt(precision(s.statements))} | ${fmt(recall(s.statements))} |`,
    );
  }
  const sentences: string[] = [];
  for (const [language, name] of Object.entries(LANGUAGES)) {
    const pages = scores.filter((s) => s.language === language);
    if (pages.length === 0) continue;
    const { entities, statements, stray, verdictsRight } = totals(pages);
    lines.push(
      `| **total, ${name}** | ${pages.length} pages | ${verdictsRight}/${pages.length} right | **${fmt(precision(entities))}** | **${fmt(recall(entities))}** | **${fmt(precision(statements))}** | **${fmt(recall(statements))}** |`,
    );
    sentences.push(
      `${name}. Entities: ${entities.truePositives} of ${entities.found} mentions found are right, ${entities.truePositives} of ${entities.expected} labelled mentions found. ` +
        `Statements on pages about this summit: ${statements.truePositives} of ${statements.found} right, ${statements.truePositives} of ${statements.expected} found. ` +
        `Statement highlights on unrelated pages and pages about other meetings: ${stray}.`,
    );
  }
  lines.push(
    '',
    sentences.join('\n\n'),
    '',
    '| pages | count |',
    '|---|---|',
    `| unrelated real-site-like pages: pages with any highlight | ${sites.filter((s) => s.highlights > 0).length} of ${sites.length} |`,
  );
  return lines.join('\n');
}

function main() {
  const scores = scoreAll();
  const followed = followedReport(scorePairs());
  const table = `${report(scores)}\n\n### Followed stories across outlets\n\n${followed}`;
  console.log(table);
  if (process.argv.includes('--verbose')) {
    for (const s of scores) {
      if (s.missed.length || s.extra.length)
        console.log(`${s.page}: missed ${s.missed.join(', ') || '-'}; extra ${s.extra.join(', ') || '-'}`);
    }
  }
  if (process.argv.includes('--docs')) {
    writeDocsSection(ROOT, 'docs/evaluation.md', 'eval', table);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
