/**
 * One page's annotation state: what the matcher found, which of it the
 * settings let through, and the renderers that draw it. The page is a list of
 * regions: the body on the first pass, plus subtrees a dynamic page adds or
 * changes later, each annotated under the page-wide verdict.
 */
import {
  type AnnotateResult,
  type Annotation,
  analyseText,
  annotate,
  judge,
  type Matcher,
  mergeAnalyses,
  type TextAnalysis,
} from '../core/annotate';
import type { CardModel } from '../core/cards';
import { CATEGORIES, type Category } from '../core/categories';
import { chunkBoundaries } from '../core/chunks';
import type { AnnotationCollection } from '../core/export';
import { partitionPoint } from '../core/partition';
import { type Settings, siteEnabled } from '../core/settings';
import { DRAW_ANNOTATIONS_PER_STEP, INDEX_NODES_PER_STEP } from '../core/timing';
import { isQuiet, type PageVerdict, storiesInView } from '../core/verdict';
import type { PageStateResponse } from '../messages';
import { exportAnnotations } from './export-page';
import type { HighlightList } from './highlight-list';
import type { HighlightTarget } from './hover';
import { HighlightRenderer, highlightsSupported, unregisterHighlights } from './render-highlights';
import { MarkRenderer } from './render-marks';
import type { Renderer } from './renderer';
import { adoptHighlightStyles } from './shadow-styles';
import { Slicer } from './slicer';
import { buildTextIndex, locate, type TextIndex, TextIndexBuilder } from './text-index';

/** The body, or an open shadow root inside it. */
type Root = HTMLElement | ShadowRoot;

interface Region {
  root: Root;
  index: TextIndex;
  result: AnnotateResult;
  renderer: Renderer;
  shown: Annotation[];
}

export class PageAnnotator {
  private regions: Region[] = [];
  private verdict: PageVerdict | undefined;
  /** Bumped by each rescan and settings change: unfinished sliced work checks it and gives up. */
  private generation = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly cards: Record<string, CardModel>,
    private settings: Settings,
    private readonly onDrawn: (count: number) => void,
    /** Where element-free highlights are listed as elements. */
    private readonly list: HighlightList,
    /** Runs a DOM write of ours so that the page observer ignores it. */
    private readonly guard: (write: () => void) => void = (write) => write(),
  ) {}

  get host(): string {
    return location.hostname;
  }

  get enabled(): boolean {
    return siteEnabled(this.settings, this.host);
  }

  /** Whether later changes can be annotated on their own, under the verdict already reached. */
  get hasVerdict(): boolean {
    return !!this.verdict && !isQuiet(this.verdict);
  }

  /** The stories whose cards this page's highlights carry. */
  storiesInView(): readonly string[] {
    return this.verdict ? storiesInView(this.verdict) : [];
  }

  /**
   * Reads the whole page afresh and draws it, in slices: the text index, the
   * analysis (in stretches cut at block boundaries) and the drawing (visible
   * part first) each yield to the page between short units of work. A newer
   * rescan or a settings change makes an unfinished one give up.
   */
  async rescan(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const slicer = new Slicer();
    this.guard(() => this.clearAll());

    // Read the body, then every open shadow root found on the way (web components).
    const roots: Root[] = [document.body];
    const read: { root: Root; index: TextIndex; analysis: TextAnalysis }[] = [];
    for (let r = 0; r < roots.length; r++) {
      const builder = new TextIndexBuilder(roots[r]!);
      while (!builder.step(INDEX_NODES_PER_STEP)) {
        await slicer.pause();
        if (stale()) return;
      }
      roots.push(...builder.shadowRoots);
      const index = builder.result();
      const cuts = chunkBoundaries(index.text);
      const parts: TextAnalysis[] = [];
      for (let i = 1; i < cuts.length; i++) {
        parts.push(analyseText(this.matcher, index.text.slice(cuts[i - 1]!, cuts[i]!), cuts[i - 1]!));
        await slicer.pause();
        if (stale()) return;
      }
      read.push({ root: roots[r]!, index, analysis: mergeAnalyses(parts) });
    }

    // One verdict for the whole page, applied to each root's findings.
    const verdict = judge(this.matcher, mergeAnalyses(read.map((r) => r.analysis))).verdict;
    this.verdict = verdict;
    this.regions = read.map(({ root, index, analysis }) => {
      const result = judge(this.matcher, analysis, verdict);
      if (root instanceof ShadowRoot) adoptHighlightStyles(root);
      const shown = this.visible(result);
      return { root, index, result, renderer: this.createRenderer(root, index, result.annotations.length), shown };
    });
    for (const region of this.regions) {
      const drawSlicer = new Slicer(region.renderer.drawBudgetMs);
      for (const batch of visibleFirst(region.shown, region.index)) {
        this.guard(() => region.renderer.add(batch));
        await drawSlicer.pause();
        if (stale()) return;
      }
    }
    this.reportCount();
  }

  mentionsStory(roots: readonly HTMLElement[]): boolean {
    return roots.some((root) => {
      const analysis = analyseText(this.matcher, buildTextIndex(root).text);
      return analysis.entities.length > 0 || analysis.statements.length > 0;
    });
  }

  /** Re-reads the given subtrees (new or changed) and draws them. */
  refresh(roots: readonly HTMLElement[]): void {
    this.guard(() => this.refreshNow(roots));
    this.reportCount();
  }

  private refreshNow(roots: readonly HTMLElement[]): void {
    for (const root of roots) {
      for (const region of this.regions) {
        region.renderer.clearWithin(root);
        forgetWithin(region, root);
      }
      this.regions = this.regions.filter((r) => r.root.isConnected && !root.contains(r.root));
      const region = this.makeRegion(root);
      this.regions.push(region);
      this.drawRegion(region);
    }
  }

  private makeRegion(root: Root): Region {
    const index = buildTextIndex(root);
    const result = annotate(this.matcher, index.text, root === document.body ? undefined : this.verdict);
    return { root, index, result, renderer: this.createRenderer(root, index, result.annotations.length), shown: [] };
  }

  /** The element-free renderer where the browser has the Highlight API and the reader wants it. */
  private createRenderer(root: Root, index: TextIndex, expected: number): Renderer {
    return this.settings.renderer === 'highlights' && highlightsSupported()
      ? new HighlightRenderer(index, this.list.group(), root instanceof ShadowRoot ? root : undefined, expected)
      : new MarkRenderer(root, index, expected);
  }

  /** What the settings let through: switched-on categories, plus similar statements if the reader asked. */
  private visible(result: AnnotateResult): Annotation[] {
    if (!this.enabled) return [];
    const all = this.settings.showSimilar
      ? [...result.annotations, ...result.similar].sort((a, b) => a.start - b.start)
      : result.annotations;
    return all.filter((a) => this.settings.categories[a.category]);
  }

  private drawRegion(region: Region): void {
    region.shown = this.visible(region.result);
    if (region.shown.length > 0) region.renderer.render(region.shown);
    else region.renderer.clear();
  }

  private reportCount(): void {
    this.onDrawn(this.regions.reduce((sum, r) => sum + r.renderer.count, 0));
  }

  updateSettings(settings: Settings): void {
    const rendererChanged =
      settings.renderer !== this.settings.renderer || settings.showSimilar !== this.settings.showSimilar;
    this.settings = settings;
    if (this.regions.length === 0 || rendererChanged || !this.enabled) {
      this.generation++;
      if (this.enabled) void this.rescan();
      else this.guard(() => this.clearAll());
      return;
    }
    this.guard(() => this.regions.forEach((region) => this.drawRegion(region)));
    this.reportCount();
  }

  /** Stops unfinished work and takes every highlight away, for good (the extension is gone). */
  dispose(): void {
    this.generation++;
    this.guard(() => this.clearAll());
    unregisterHighlights();
  }

  clearAll(): void {
    for (const region of this.regions) region.renderer.clear();
    this.regions = [];
    this.reportCount();
  }

  /** Element-free highlights in document order (marks are reached with Tab instead). */
  elementFreeTargets(): HighlightTarget[] {
    return this.regions.flatMap((r) => (r.renderer instanceof HighlightRenderer ? r.renderer.targets() : []));
  }

  targetOf(event: Event): HighlightTarget | null {
    for (const region of this.regions) {
      const target = region.renderer.targetOf(event);
      if (target) return target;
    }
    return null;
  }

  /** What is shown now, as a W3C Web Annotation collection. */
  export(): AnnotationCollection {
    return exportAnnotations(
      document.body,
      this.regions.map((r) => ({ index: r.index, annotations: r.shown })),
      document.title,
    );
  }

  state(): PageStateResponse {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    const found = new Map<string, Category>();
    for (const region of this.regions) {
      for (const annotation of region.shown) counts[annotation.category]++;
      for (const annotation of region.result.annotations) {
        for (const id of annotation.factIds) found.set(id, annotation.category);
      }
    }
    const { data } = this.matcher;
    return {
      host: this.host,
      counts,
      found: [...found].map(([id, category]) => ({ id, category, title: this.cards[id]?.title ?? id })),
      verdicts: (this.verdict?.stories ?? [])
        .map((v, s) => ({
          storyId: v.storyId,
          kind: v.kind,
          statementsFound: v.statementIds.length,
          statementsTotal: data.stories[s]!.facts.filter((f) => data.facts[f]!.concepts.length > 0).length,
          spinExamples: v.spinExamples,
        }))
        .filter((v) => v.kind !== 'nothing'),
    };
  }
}

/**
 * Drops a region's annotations inside a subtree being re-read (or whose text
 * the page has removed): the subtree's new region stands for them now.
 */
function forgetWithin(region: Region, root: Node): void {
  const keep = (a: Annotation) => {
    const node = region.index.nodes[locate(region.index, a.start).node]!;
    return node.isConnected && !root.contains(node);
  };
  region.shown = region.shown.filter(keep);
  region.result = {
    ...region.result,
    annotations: region.result.annotations.filter(keep),
    similar: region.result.similar.filter(keep),
  };
}

/**
 * Batches of annotations to draw, those in the viewport first. Annotations
 * are in document order, which is (nearly always) top-to-bottom order, so
 * two binary searches find the visible stretch with a handful of layout
 * reads, all before any of the batches' writes.
 */
function visibleFirst(annotations: readonly Annotation[], index: TextIndex): Annotation[][] {
  const rectOf = (a: Annotation) => index.nodes[locate(index, a.start).node]!.parentElement?.getBoundingClientRect();
  const top = partitionPoint(annotations, (a) => (rectOf(a)?.bottom ?? 0) < 0);
  const bottom = partitionPoint(annotations, (a) => (rectOf(a)?.top ?? Infinity) <= window.innerHeight, top);
  const ordered = [...annotations.slice(top, bottom), ...annotations.slice(bottom), ...annotations.slice(0, top)];
  // A block is never split across batches: each batch makes the browser lay its blocks out again,
  // which for one huge paragraph costs far more than drawing all of its marks at once.
  const batches: Annotation[][] = [];
  let batch: Annotation[] = [];
  let block: Element | null | undefined;
  for (const annotation of ordered) {
    const parent = index.nodes[locate(index, annotation.start).node]!.parentElement;
    if (parent !== block && batch.length >= DRAW_ANNOTATIONS_PER_STEP) {
      batches.push(batch);
      batch = [];
    }
    block = parent;
    batch.push(annotation);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
