/**
 * One page's analysis, fed in stretches and finished in one step: the pure
 * part of "the page reads, a warm context thinks". The page's regions (the
 * body, open shadow roots, or subtrees a dynamic page changed) arrive as
 * stretches cut at block boundaries, each analysed on arrival; `finish`
 * decides one verdict for the page (or applies the one given) and judges
 * every region under it, exactly as one pass over each region would.
 */
import { type AnnotateResult, analyseText, judge, mergeAnalyses, type TextAnalysis } from './annotate';
import type { Annotation } from './annotation';
import { chunkBoundaries } from './chunks';
import type { Matcher } from './matcher';
import type { PageVerdict } from './verdict';

/** Characters of page text per message to the analysing context (a few 8 KB stretches). */
export const PIECE_CHARS = 65_536;
/** Annotations per message back to the page: each message is parsed in one task of the page. */
export const FINDINGS_PER_MESSAGE = 2_000;

/** A stretch of one region's text, with its offset in that region's text. */
export interface Stretch {
  region: number;
  offset: number;
  text: string;
}

/** What a region shows under the page verdict, in offsets into the region's text. */
export interface RegionFindings {
  annotations: Annotation[];
  similar: Annotation[];
}

export interface PageFindings {
  verdict: PageVerdict;
  regions: RegionFindings[];
}

/**
 * The regions' texts as pieces of about `maxChars` to send: each piece is a
 * run of stretches cut where the page would be cut for analysis anyway (so
 * the result is the same as one pass).
 */
export function* textPieces(texts: readonly string[], maxChars = PIECE_CHARS): Generator<Stretch[]> {
  let piece: Stretch[] = [];
  let size = 0;
  for (let region = 0; region < texts.length; region++) {
    const text = texts[region]!;
    const cuts = chunkBoundaries(text);
    for (let i = 1; i < cuts.length; i++) {
      const stretch = { region, offset: cuts[i - 1]!, text: text.slice(cuts[i - 1]!, cuts[i]!) };
      if (size > 0 && size + stretch.text.length > maxChars) {
        yield piece;
        piece = [];
        size = 0;
      }
      piece.push(stretch);
      size += stretch.text.length;
    }
  }
  if (piece.length > 0) yield piece;
}

export class PageAnalysis {
  private readonly parts: TextAnalysis[][] = [];

  constructor(private readonly matcher: Matcher) {}

  /** Analyses one stretch (stretches of a region must come in text order). */
  add(stretch: Stretch): void {
    if (stretch.text.length === 0) return;
    const parts = this.parts[stretch.region] ?? [];
    this.parts[stretch.region] = parts;
    parts.push(analyseText(this.matcher, stretch.text, stretch.offset));
  }

  /** Whether anything of the story (an entity or a statement) was seen, whatever the verdict. */
  mentionsStory(): boolean {
    return this.parts.some((parts) => parts?.some((p) => p.entities.length > 0 || p.statements.length > 0));
  }

  /**
   * Judges every region of `regionCount`: under `verdict` when given (text a
   * dynamic page added after the first pass), else under one verdict decided
   * for all of them together.
   */
  finish(regionCount: number, verdict?: PageVerdict): PageFindings {
    const merged = Array.from({ length: regionCount }, (_, r) => mergeAnalyses(this.parts[r] ?? []));
    const pageVerdict = verdict ?? judge(this.matcher, mergeAnalyses(merged)).verdict;
    const regions = merged.map((analysis) => findingsOf(judge(this.matcher, analysis, pageVerdict)));
    return { verdict: pageVerdict, regions };
  }
}

function findingsOf(result: AnnotateResult): RegionFindings {
  return { annotations: result.annotations, similar: result.similar };
}

/** One message's worth of a region's findings; `last` on the region's final batch. */
export interface FindingsBatch extends RegionFindings {
  region: number;
  last: boolean;
}

/** Splits findings into batches of at most `size` annotations (similar ones included), region by region. */
export function* findingsBatches(
  regions: readonly RegionFindings[],
  size = FINDINGS_PER_MESSAGE,
): Generator<FindingsBatch> {
  for (let region = 0; region < regions.length; region++) {
    const { annotations, similar } = regions[region]!;
    let a = 0;
    let s = 0;
    do {
      const takeA = Math.min(size, annotations.length - a);
      const takeS = Math.min(size - takeA, similar.length - s);
      const batch = { region, annotations: annotations.slice(a, a + takeA), similar: similar.slice(s, s + takeS) };
      a += takeA;
      s += takeS;
      yield { ...batch, last: a === annotations.length && s === similar.length };
    } while (a < annotations.length || s < similar.length);
  }
}

/** Puts batches back together (in any order of arrival within a region they are appended in order sent). */
export class FindingsCollector {
  readonly regions: RegionFindings[];
  private open: number;

  constructor(regionCount: number) {
    this.regions = Array.from({ length: regionCount }, () => ({ annotations: [], similar: [] }));
    this.open = regionCount;
  }

  /** Adds a batch; true once every region's last batch has arrived. */
  add(batch: FindingsBatch): boolean {
    const region = this.regions[batch.region];
    if (!region) throw new Error(`findings for region ${batch.region} of ${this.regions.length}`);
    region.annotations.push(...batch.annotations);
    region.similar.push(...batch.similar);
    if (batch.last) this.open--;
    return this.done;
  }

  get done(): boolean {
    return this.open <= 0;
  }
}
