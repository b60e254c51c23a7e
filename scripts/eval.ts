/**
 * `npm run eval`: precision and recall over the labelled pages in
 * tests/eval/, read exactly as the content script reads a page (same text
 * index, same matcher), printed per page and in total. With --docs, the
 * table also replaces the marked section of docs/evaluation.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/core/annotate';
import { compileMatcher } from '../src/core/compile';
import { isStatementCategory } from '../src/core/dataset';
import { Matcher } from '../src/core/matcher';
import { followedReport, scorePairs } from './eval-followed';
import { addTally, emptyTally, precision, recall, type Tally, tallyCounts, tallySets } from './eval-metrics';
import { pageText } from './eval-page';
import { loadDataset, loadLexicon, ROOT, SUMMIT_ID } from './load-dataset';

const EVAL = join(ROOT, 'tests/eval');

interface Label {
  page: string;
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
  kind: string;
  verdictExpected: string;
  verdictFound: string;
  entities: Tally;
  statements: Tally;
  /** Statements shown on a page that should show none. */
  strayStatements: string[];
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
  const quietPage = label.kind === 'unrelated' || label.kind === 'other-meeting';
  return {
    page: label.page,
    kind: label.kind,
    verdictExpected: label.verdict,
    verdictFound: verdict.kind,
    entities: tallyCounts(entityCounts, label.entities),
    statements: tallySets(statements, label.statements),
    strayStatements: quietPage ? [...statements] : [],
    missed: label.statements.filter((id) => !statements.has(id)),
    extra: [...statements].filter((id) => !label.statements.includes(id)),
  };
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

export function report(scores: PageScore[]): string {
  const lines = [
    '| page | kind | verdict (expected → found) | entity P | entity R | statement P | statement R |',
    '|---|---|---|---|---|---|---|',
  ];
  const entities = emptyTally();
  const statements = emptyTally();
  let stray = 0;
  let verdictsRight = 0;
  for (const s of scores) {
    addTally(entities, s.entities);
    if (s.kind !== 'unrelated' && s.kind !== 'other-meeting') addTally(statements, s.statements);
    stray += s.strayStatements.length;
    if (s.verdictExpected === s.verdictFound) verdictsRight++;
    const verdict =
      s.verdictExpected === s.verdictFound ? s.verdictFound : `${s.verdictExpected} → **${s.verdictFound}**`;
    lines.push(
      `| ${basename(s.page, '.html')} | ${s.kind} | ${verdict} | ${fmt(precision(s.entities))} | ${fmt(recall(s.entities))} | ${fmt(precision(s.statements))} | ${fmt(recall(s.statements))} |`,
    );
  }
  lines.push(
    `| **total** | ${scores.length} pages | ${verdictsRight}/${scores.length} right | **${fmt(precision(entities))}** | **${fmt(recall(entities))}** | **${fmt(precision(statements))}** | **${fmt(recall(statements))}** |`,
    '',
    `Entities: ${entities.truePositives} of ${entities.found} mentions found are right, ${entities.truePositives} of ${entities.expected} labelled mentions found. ` +
      `Statements on pages about this summit: ${statements.truePositives} of ${statements.found} right, ${statements.truePositives} of ${statements.expected} found. ` +
      `Statement highlights on unrelated pages and pages about other meetings: ${stray}.`,
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
    const path = join(ROOT, 'docs/evaluation.md');
    const doc = readFileSync(path, 'utf8');
    const start = '<!-- eval:start -->';
    const end = '<!-- eval:end -->';
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from) throw new Error('docs/evaluation.md has no eval markers');
    writeFileSync(path, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
