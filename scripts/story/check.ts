/**
 * Checks a story pack: the schema (the path of the first bad field), the
 * article's sentences no statement covers, the facts still without a card
 * or a role, the gaps a draft left, and the provenance of its facts.
 */

import { readArticle } from '../../src/builder/article';
import { Despinner } from '../../src/builder/despin';
import { GAP, packGaps } from '../../src/builder/gaps';
import { aliasKey } from '../../src/builder/keys';
import type { BuilderNlp } from '../../src/builder/nlp';
import {
  DatasetError,
  type DatasetFile,
  isStatementCategory,
  type Lexicon,
  parseDataset,
  parseEntities,
  type Story,
} from '../../src/core/dataset';
import { checkProvenance } from '../../src/core/provenance';

export interface ProvenanceResult {
  /** Failures of the provenance check ("facts exactly as reported"), each with its JSON path. */
  problems: string[];
  /** Whether the evidence was looked up verbatim in a copy of the source (the article, or one the repository holds). */
  againstCopy: boolean;
}

/**
 * The provenance check of src/core/provenance.ts, as `npm run check:facts`
 * runs it for one pack: every reader-facing text rests on its evidence, and
 * with a copy of the source every evidence is in it.
 */
export function runProvenanceCheck(
  pack: unknown,
  entities: DatasetFile,
  lexicon: Lexicon,
  sourceText: string | undefined,
): ProvenanceResult {
  const failures = checkProvenance(pack, lexicon, {
    entities: entities.json,
    entitiesFile: entities.path,
    ...(sourceText !== undefined ? { sourceText } : {}),
  });
  return {
    problems: failures.map((f) => `${f.file ? `${f.file}: ` : ''}${f.path || '(root)'}: ${f.message}`),
    againstCopy: sourceText !== undefined,
  };
}

export interface CheckReport {
  id: string;
  draft: boolean;
  /** The first schema error, with its path; nothing else is checked then. */
  schemaError?: string;
  /** Sentences of the article no claim, quote or limit has as its evidence (only with the article). */
  uncovered?: string[];
  withoutCard: string[];
  withoutRole: string[];
  /** Paths of fields that still hold the gap marker. */
  gaps: string[];
  provenance?: ProvenanceResult;
  /** Whether the pack can ship as it is: valid, and without gaps unless it is a draft. */
  ok: boolean;
}

export interface CheckInput {
  pack: unknown;
  folder: string;
  /** data/entities.json as read. */
  entities: DatasetFile;
  /** The other packs of the data folder: the pack is checked together with them, as the build does. */
  otherPacks?: DatasetFile[];
  article?: string;
  /** A copy of the source the repository holds, when no article is given (the summit's demo page). */
  sourceCopy?: string;
  lexicon: Lexicon;
  nlp?: BuilderNlp;
}

export function checkPack(input: CheckInput): CheckReport {
  const raw = (input.pack ?? {}) as {
    draft?: boolean;
    facts?: Record<string, unknown>[];
    entityRefs?: Record<string, unknown>[];
  };
  const report: CheckReport = {
    id: input.folder,
    draft: raw.draft === true,
    withoutCard: [],
    withoutRole: [],
    gaps: [],
    ok: false,
  };
  let story: Story;
  let shared: Map<string, { category: string }>;
  try {
    shared = new Map(parseEntities(input.entities.json, input.entities.path).map((e) => [e.id, e]));
    const path = `data/stories/${input.folder}/story.json`;
    const dataset = parseDataset(input.entities, [...(input.otherPacks ?? []), { path, json: input.pack }]);
    story = dataset.stories.find((s) => s.id === input.folder)!;
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    report.schemaError = error.message;
    return report;
  }
  for (const fact of raw.facts ?? []) {
    const id = String(fact.id);
    if (fact.card === undefined || String(fact.card).includes(GAP)) report.withoutCard.push(id);
    if (fact.category === 'person' && (fact.role === undefined || String(fact.role).includes(GAP)))
      report.withoutRole.push(id);
  }
  for (const ref of raw.entityRefs ?? []) {
    const entity = shared.get(String(ref.id));
    if (entity?.category === 'person' && ref.role === undefined) report.withoutRole.push(String(ref.id));
  }
  report.gaps.push(...packGaps(input.pack));

  if (input.article !== undefined && input.nlp) {
    const despinner = new Despinner(input.lexicon);
    const article = readArticle(input.article, input.nlp.sentences, (s) => despinner.plainText(s));
    const evidence = story.facts.filter((f) => isStatementCategory(f.category)).map((f) => aliasKey(f.evidence));
    report.uncovered = article.sentences
      .filter((s) => !s.heading && !s.credit)
      .map((s) => s.raw)
      .filter((sentence) => {
        const key = aliasKey(sentence);
        return !evidence.some((e) => e === key || (e.length > 0 && (e.includes(key) || key.includes(e))));
      });
  }
  report.provenance = runProvenanceCheck(input.pack, input.entities, input.lexicon, input.article ?? input.sourceCopy);
  const reviewedGaps =
    !report.draft && (report.gaps.length > 0 || report.withoutCard.length > 0 || report.withoutRole.length > 0);
  report.ok = !reviewedGaps && report.provenance.problems.length === 0;
  return report;
}

export function formatReport(report: CheckReport): string {
  const lines = [`story pack ${report.id}${report.draft ? ' (draft)' : ''}`];
  if (report.schemaError) {
    lines.push(`  invalid: ${report.schemaError}`);
    return lines.join('\n');
  }
  lines.push('  schema: valid');
  const list = (title: string, items: string[] | undefined, empty: string) => {
    if (items === undefined) return;
    lines.push(`  ${title}: ${items.length === 0 ? empty : items.length}`);
    for (const item of items) lines.push(`    - ${item}`);
  };
  if (report.uncovered === undefined) lines.push('  uncovered sentences: give --article <file> to list them');
  list('sentences no claim, quote or limit covers', report.uncovered, 'none');
  list('facts without a card', report.withoutCard, 'none');
  list('people without a role in this story', report.withoutRole, 'none');
  list(`fields still marked "${GAP}" or left out`, report.gaps, 'none');
  const p = report.provenance;
  if (p) {
    const copy = p.againstCopy ? '' : ' (evidence not looked up verbatim: give --article <file>)';
    lines.push(
      `  provenance: ${p.problems.length === 0 ? 'every reader-facing text rests on its evidence' : `${p.problems.length} problems`}${copy}`,
    );
  }
  for (const problem of p?.problems ?? []) lines.push(`    - ${problem}`);
  if (!report.draft && !report.ok)
    lines.push('  not ready: a reviewed pack may have no gaps, no missing card and no missing role');
  if (report.draft) lines.push('  draft: remove "draft": true once every gap is filled and the facts are reviewed');
  return lines.join('\n');
}
