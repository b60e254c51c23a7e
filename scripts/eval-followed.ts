/**
 * The evaluation's row for followed stories across outlets: each pair's
 * article A is followed (drafted as the extension drafts it, beside the
 * shipped packs), then B, another outlet's report of the same event in other
 * words, its near-miss (another event with the same people) and the
 * unrelated labelled pages are read as the content script reads them.
 * Entity recall: A's entities that B names, highlighted on B. Statement
 * recall: A's statements B also makes, shown on B. False highlights: the
 * followed story's statements on a near-miss, anything of it on an
 * unrelated page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftFollowed } from '../src/builder/follow';
import { aliasKey } from '../src/builder/keys';
import { type BuilderNlp, builderNlp } from '../src/builder/nlp';
import { annotate } from '../src/core/annotate';
import { compileMatcher } from '../src/core/compile';
import type { Lexicon, Story } from '../src/core/dataset';
import { isStatementCategory } from '../src/core/dataset';
import { followedMatcherData } from '../src/core/followed-compile';
import { Matcher } from '../src/core/matcher';
import type { Dataset } from '../src/core/packs';
import { FOLLOW_FIXTURES, fixtureText, readPlainArticle, renderPage } from '../tests/fixtures/follow/render';
import { pageText } from './eval-page';
import { loadDataset, loadLexicon, ROOT } from './load-dataset';

interface Pair {
  a: string;
  sites: { a: string; b: string; near: string };
  entities: string[];
  statements: string[];
}

export interface PairScore {
  pair: string;
  verdictB: string;
  verdictNear: string;
  entities: { found: number; total: number; missed: string[] };
  statements: { found: number; total: number; missed: string[] };
  /** The followed story's statements shown on the near-miss. */
  nearMissStatements: number;
  /** Everything of the followed story shown on the near-miss, its people and places included. */
  nearMissHighlights: number;
  /** Anything of the followed story shown on the unrelated pages. */
  unrelatedHighlights: number;
}

export function readPairs(): Pair[] {
  return (JSON.parse(readFileSync(join(FOLLOW_FIXTURES, 'pairs.json'), 'utf8')) as { pairs: Pair[] }).pairs;
}

/** A's story, followed from its page as the extension follows it. */
export function followPair(pair: Pair, context: { shipped: Dataset; lexicon: Lexicon; nlp: BuilderNlp }): Story {
  const article = readPlainArticle(fixtureText(pair.a));
  const host = `${pair.sites.a.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  return draftFollowed(
    {
      address: `https://${host}/news/${pair.a}`,
      title: article.title,
      text: article.paragraphs.join('\n'),
      ...(article.byline ? { byline: article.byline } : {}),
      siteName: pair.sites.a,
      ...(article.date ? { publishedTime: article.date } : {}),
    },
    { ...context, followed: [], now: '2025-01-01T00:00:00.000Z' },
  );
}

function shownOf(matcher: Matcher, story: Story, html: string) {
  const result = annotate(matcher, pageText(html));
  const own = new Set(story.facts.map((f) => f.id));
  const shown = result.annotations.flatMap((a) =>
    a.factIds.filter((id) => own.has(id) || story.entityRefs.some((r) => r.id === id)),
  );
  const verdict = result.verdict.stories.find((v) => v.storyId === story.id)!;
  const statements = new Set(
    shown.filter((id) => isStatementCategory(id.split(':')[0] as Story['facts'][number]['category'])),
  );
  return { shown: new Set(shown), statements, verdict: verdict.kind, storyShown: verdict.kind !== 'nothing' };
}

export function scorePairs(): PairScore[] {
  const shipped = loadDataset();
  const lexicon = loadLexicon();
  const nlp = builderNlp();
  // The shipped packs compiled once, as the build does; each pair's story is compiled beside that.
  const shippedMatcher = compileMatcher(shipped, lexicon);
  const unrelated = readdirSync(join(ROOT, 'tests/eval/labels'))
    .map((f) => JSON.parse(readFileSync(join(ROOT, 'tests/eval/labels', f), 'utf8')) as { page: string; kind: string })
    .filter((l) => l.kind === 'unrelated')
    .map((l) => readFileSync(join(ROOT, 'tests/eval/pages', l.page), 'utf8'));
  return readPairs().map((pair) => {
    const story = followPair(pair, { shipped, lexicon, nlp });
    const matcher = new Matcher(followedMatcherData(shipped, lexicon, [story], shippedMatcher));
    const b = shownOf(matcher, story, renderPage(fixtureText(`${pair.a}-b`), pair.sites.b));
    const near = shownOf(matcher, story, renderPage(fixtureText(`${pair.a}-near`), pair.sites.near));
    // A's entity by any of its names; a shared or other pack's entity it refers to by its id's name.
    const entityOf = (name: string) =>
      story.facts.find(
        (f) =>
          !isStatementCategory(f.category) &&
          [f.title, ...f.aliases.map((a) => (typeof a === 'string' ? a : a.text))].some(
            (n) => aliasKey(n) === aliasKey(name),
          ),
      )?.id;
    const statementOf = (start: string) =>
      story.facts.find((f) => isStatementCategory(f.category) && f.evidence.startsWith(start))?.id;
    const entityMissed = pair.entities.filter((name) => {
      const id = entityOf(name);
      return !id || !b.shown.has(id);
    });
    const statementMissed = pair.statements.filter((start) => {
      const id = statementOf(start);
      return !id || !b.statements.has(id);
    });
    const unrelatedHighlights = unrelated.reduce((n, html) => n + shownOf(matcher, story, html).shown.size, 0);
    return {
      pair: pair.a,
      verdictB: b.verdict,
      verdictNear: near.verdict,
      entities: {
        found: pair.entities.length - entityMissed.length,
        total: pair.entities.length,
        missed: entityMissed,
      },
      statements: {
        found: pair.statements.length - statementMissed.length,
        total: pair.statements.length,
        missed: statementMissed,
      },
      nearMissStatements: near.statements.size,
      nearMissHighlights: near.shown.size,
      unrelatedHighlights,
    };
  });
}

export function followedReport(scores: readonly PairScore[]): string {
  const sum = (pick: (s: PairScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  const ratio = (found: number, total: number) => (total === 0 ? '–' : (found / total).toFixed(3));
  const rows = scores.map(
    (s) =>
      `| ${s.pair} | ${s.verdictB} | ${s.entities.found}/${s.entities.total} | ${s.statements.found}/${s.statements.total} | ${s.verdictNear} | ${s.nearMissStatements} | ${s.nearMissHighlights} | ${s.unrelatedHighlights} |`,
  );
  const entities = [sum((s) => s.entities.found), sum((s) => s.entities.total)] as const;
  const statements = [sum((s) => s.statements.found), sum((s) => s.statements.total)] as const;
  return [
    '| followed A, read on B | verdict on B | entity recall | statement recall | verdict on near-miss | statements on near-miss | highlights on near-miss | highlights on unrelated pages |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **followed stories across outlets** (${scores.length} pairs) | ${scores.filter((s) => s.verdictB === 'this-summit').length}/${scores.length} reported | **${ratio(...entities)}** (${entities[0]}/${entities[1]}) | **${ratio(...statements)}** (${statements[0]}/${statements[1]}) | | **${sum((s) => s.nearMissStatements)}** | **${sum((s) => s.nearMissHighlights)}** | **${sum((s) => s.unrelatedHighlights)}** |`,
  ].join('\n');
}
