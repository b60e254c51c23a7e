/**
 * One page's analysis, fed in stretches and finished in one step: the pure
 * part of "the page reads, a warm context thinks". The page's regions (the
 * body, open shadow roots, or subtrees a dynamic page changed) arrive as
 * stretches cut at block boundaries, each analysed on arrival; `finish`
 * decides one verdict for the page (or applies the one given) and judges
 * every region under it, exactly as one pass over each region would.
 */
import { type AnnotateResult, analyseText, judge, mergeAnalyses, type TextAnalysis } from './annotate';
import { type Annotation, kindKey } from './annotation';
import { chunkBoundaries } from './chunks';
import type { Matcher } from './matcher';
import { isQuiet, type PageVerdict, SHOW_DEFAULTS, type ShowOptions } from './verdict';

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

  constructor(
    private readonly matcher: Matcher,
    /** What is shown beyond the pages about a story (the reader's settings). */
    private readonly show: ShowOptions = SHOW_DEFAULTS,
  ) {}

  /** Analyses one stretch (stretches of a region must come in text order). */
  add(stretch: Stretch): void {
    if (stretch.text.length === 0) return;
    const parts = this.parts[stretch.region] ?? [];
    this.parts[stretch.region] = parts;
    parts.push(analyseText(this.matcher, stretch.text, stretch.offset));
  }

  /**
   * Whether the text analysed so far already shows something. More text only adds entities and
   * statements, so a page that shows something now will (see decideVerdict's 'nothing').
   */
  showsSoFar(): boolean {
    const all = this.parts.flatMap((parts) => parts ?? []);
    return !isQuiet(judge(this.matcher, mergeAnalyses(all)).verdict, this.show);
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
    const regions = merged.map((analysis) => findingsOf(judge(this.matcher, analysis, pageVerdict, this.show)));
    return { verdict: pageVerdict, regions };
  }
}

function findingsOf(result: AnnotateResult): RegionFindings {
  return { annotations: result.annotations, similar: result.similar };
}

/** What a batch's highlights stand for, each once: a highlight names its kind by index. */
export interface AnnotationKind {
  factIds: string[];
  category: Annotation['category'];
  similar?: true;
}

/**
 * One message's worth of a region's findings; `last` on the region's final batch. Compact: each
 * annotation is three numbers (start, length, index into `kinds`), and what it stands for is sent
 * once per batch, so the page parses a few arrays of numbers rather than thousands of objects
 * (a batch of 2,000: 37 KB of JSON instead of 180 KB, parsed and unpacked about four times faster in V8)
 * and its annotations share their fact id arrays.
 */
export interface FindingsBatch {
  region: number;
  kinds: AnnotationKind[];
  /** Start, length and kind of each annotation, one after another. */
  annotations: number[];
  /** The same for statements shown as similar. */
  similar: number[];
  last: boolean;
}

/** Numbers per annotation in a batch. */
const PACKED = 3;

/** Packs annotations into a batch's numbers, adding their kinds to `kinds` (found through `index`). */
function pack(annotations: readonly Annotation[], kinds: AnnotationKind[], index: Map<string, number>): number[] {
  const numbers: number[] = [];
  for (const a of annotations) {
    const key = kindKey(a);
    let kind = index.get(key);
    if (kind === undefined) {
      kind = kinds.length;
      index.set(key, kind);
      kinds.push({ factIds: a.factIds, category: a.category, ...(a.similar ? { similar: true as const } : {}) });
    }
    numbers.push(a.start, a.end - a.start, kind);
  }
  return numbers;
}

/** The annotations of a batch's numbers; throws on numbers that are not a batch's. */
function unpack(numbers: readonly number[], kinds: readonly AnnotationKind[]): Annotation[] {
  if (numbers.length % PACKED !== 0) throw new Error(`findings of ${numbers.length} numbers`);
  const annotations: Annotation[] = [];
  for (let i = 0; i < numbers.length; i += PACKED) {
    const [start, length, k] = [numbers[i]!, numbers[i + 1]!, numbers[i + 2]!];
    const kind = kinds[k];
    if (!kind || !Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0)
      throw new Error(`malformed finding ${start}, ${length}, ${k}`);
    annotations.push({
      factIds: kind.factIds,
      category: kind.category,
      start,
      end: start + length,
      ...(kind.similar ? { similar: true as const } : {}),
    });
  }
  return annotations;
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
      const kinds: AnnotationKind[] = [];
      const index = new Map<string, number>();
      const batch = {
        region,
        kinds,
        annotations: pack(annotations.slice(a, a + takeA), kinds, index),
        similar: pack(similar.slice(s, s + takeS), kinds, index),
      };
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
    for (const a of unpack(batch.annotations, batch.kinds)) region.annotations.push(a);
    for (const a of unpack(batch.similar, batch.kinds)) region.similar.push(a);
    if (batch.last) this.open--;
    return this.done;
  }

  get done(): boolean {
    return this.open <= 0;
  }
}
