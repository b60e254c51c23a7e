/**
 * Checks a story pack: the schema (the path of the first bad field), the
 * article's sentences no statement covers, the facts still without a card
 * or a role, the gaps a draft left, and the provenance of its facts.
 */

import type { Lexicon } from '../../src/core/dataset';
import { DatasetError, isStatementCategory, type Story } from '../../src/core/dataset';
import { readArticle } from './article';
import { Despinner } from './despin';
import { aliasKey } from './keys';
import type { BuilderNlp } from './nlp';
import { GAP, parsePack, type SharedEntity } from './pack-schema';

export interface ProvenanceResult {
  available: boolean;
  problems: string[];
  note?: string;
}

/**
 * The provenance check ("facts exactly as reported") plugs in here: given the
 * resolved story and the article, it lists facts whose wording or attribution
 * the article does not support. Until src/core/provenance.ts exists, it says so.
 */
export function runProvenanceCheck(_story: Story, _article: string | undefined): ProvenanceResult {
  return {
    available: false,
    problems: [],
    note: 'no provenance check in this tree yet (src/core/provenance.ts); this is where it is called',
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

function gapPaths(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(GAP)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) gapPaths(v, `${path}.${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) gapPaths(v, path ? `${path}.${k}` : k, out);
  }
}

export interface CheckInput {
  pack: unknown;
  folder: string;
  shared: ReadonlyMap<string, SharedEntity>;
  article?: string;
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
  try {
    story = parsePack(input.pack, input.shared, input.folder).story;
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
    const entity = input.shared.get(String(ref.id));
    if (entity?.category === 'person' && ref.role === undefined) report.withoutRole.push(String(ref.id));
  }
  gapPaths(input.pack, '', report.gaps);

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
  report.provenance = runProvenanceCheck(story, input.article);
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
  list('fields still marked "[to be written by an editor]"', report.gaps, 'none');
  const p = report.provenance;
  if (p)
    lines.push(
      p.available
        ? `  provenance: ${p.problems.length === 0 ? 'every fact as reported' : `${p.problems.length} problems`}`
        : `  provenance: ${p.note}`,
    );
  for (const problem of p?.problems ?? []) lines.push(`    - ${problem}`);
  if (!report.draft && !report.ok)
    lines.push('  not ready: a reviewed pack may have no gaps, no missing card and no missing role');
  if (report.draft) lines.push('  draft: remove "draft": true once every gap is filled and the facts are reviewed');
  return lines.join('\n');
}
