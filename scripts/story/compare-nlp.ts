/**
 * Measures the NLP libraries on an article against a curated story: how many
 * of the curated evidence sentences each splitter returns whole, how many
 * curated entities its raw names cover (same name or alias, on the de-spun
 * sentences), and how long it takes. `npm run story -- compare-nlp`.
 */
import { readFileSync } from 'node:fs';
import { Despinner } from '../../src/builder/despin';
import { aliasKey, entityNames } from '../../src/builder/keys';
import { compromiseEngine, type NlpEngine, winkEngine } from '../../src/builder/nlp';
import type { Lexicon, Story } from '../../src/core/dataset';

export interface EngineFigures {
  engine: string;
  sentences: number;
  evidenceWhole: number;
  evidenceTotal: number;
  entitiesFound: number;
  entitiesTotal: number;
  loadMs: number;
  runMs: number;
}

export function measureEngine(
  makeEngine: () => NlpEngine,
  article: string,
  story: Story,
  lexicon: Lexicon,
): EngineFigures {
  const despinner = new Despinner(lexicon);
  const t0 = performance.now();
  const engine = makeEngine();
  const t1 = performance.now();
  const sentences = engine.sentences(article).map((s) => s.trim());
  const names = new Set<string>();
  for (const sentence of sentences) {
    for (const name of engine.names(despinner.plainText(sentence))) names.add(aliasKey(name.text));
  }
  const t2 = performance.now();
  const whole = new Set(sentences.map(aliasKey));
  const evidences = new Set(story.facts.filter((f) => f.signature).map((f) => f.evidence));
  const entities = story.facts.filter((f) => !f.signature);
  return {
    engine: engine.name,
    sentences: sentences.length,
    evidenceWhole: [...evidences].filter((e) => whole.has(aliasKey(e))).length,
    evidenceTotal: evidences.size,
    entitiesFound: entities.filter((f) => entityNames(f).some((n) => names.has(aliasKey(n)))).length,
    entitiesTotal: entities.length,
    loadMs: t1 - t0,
    runMs: t2 - t1,
  };
}

export function compareEngines(articlePath: string, story: Story, lexicon: Lexicon): string {
  const article = readFileSync(articlePath, 'utf8');
  const rows = [compromiseEngine, winkEngine].map((make) => measureEngine(make, article, story, lexicon));
  const lines = [
    '| library | sentences | curated evidence sentences returned whole | curated entities among its raw names | load, ms | sentences + names, ms |',
    '| --- | --: | --: | --: | --: | --: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.engine} | ${r.sentences} | ${r.evidenceWhole} / ${r.evidenceTotal} | ${r.entitiesFound} / ${r.entitiesTotal} | ${r.loadMs.toFixed(0)} | ${r.runMs.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}
