/** Drafts each labelled article of a folder and scores its entities (`npm run story -- labels <folder>`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftPack, type ReferableEntity } from '../../src/builder/draft';
import { type BuilderNlp, builderNlp } from '../../src/builder/nlp';
import type { Lexicon } from '../../src/core/dataset';
import { type ArticleLabels, type LabelScore, scoreEntities } from './labels';

export interface ArticleRun {
  article: string;
  drafted: number;
  score: LabelScore;
}

export function scoreLabelledArticles(
  folder: string,
  context: { lexicon: Lexicon; shared: ReadonlyMap<string, ReferableEntity>; nlp?: BuilderNlp },
): ArticleRun[] {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as {
    articles: Record<string, ArticleLabels>;
  };
  const nlp = context.nlp ?? builderNlp();
  return Object.entries(labels.articles).map(([article, label]) => {
    const text = readFileSync(join(folder, 'articles', article), 'utf8');
    const pack = draftPack({ text, id: 'labelled', lexicon: context.lexicon, shared: context.shared, nlp });
    const own = pack.facts.filter((f) => 'aliases' in f);
    const refs = pack.entityRefs.map((r) => context.shared.get(r.id)!);
    const drafted = [...own, ...refs] as Parameters<typeof scoreEntities>[0];
    return { article, drafted: drafted.length, score: scoreEntities(drafted, label) };
  });
}

export function totals(runs: readonly ArticleRun[]): {
  precision: number;
  recall: number;
  right: number;
  wrong: number;
  labelled: number;
  missed: number;
} {
  const right = runs.reduce((n, r) => n + r.score.right.length, 0);
  const wrong = runs.reduce((n, r) => n + r.score.wrong.length, 0);
  const labelled = runs.reduce((n, r) => n + r.score.labelled, 0);
  const missed = runs.reduce((n, r) => n + r.score.missed.length, 0);
  return { precision: right / (right + wrong), recall: (labelled - missed) / labelled, right, wrong, labelled, missed };
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

export function formatLabelTable(runs: readonly ArticleRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.article} | ${r.score.right.length} | ${r.score.wrong.length} | ${r.score.labelled - r.score.missed.length} / ${r.score.labelled} | ${r.score.wrong.join(', ') || '–'} | ${r.score.missed.join(', ') || '–'} |`,
  );
  const t = totals(runs);
  return [
    '| article | right | wrong | labelled found | wrong entities | missed |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    `| **all ${runs.length}** | ${t.right} | ${t.wrong} | ${t.labelled - t.missed} / ${t.labelled} | precision ${percent(t.precision)} | recall ${percent(t.recall)} |`,
  ].join('\n');
}
