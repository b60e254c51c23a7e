/**
 * One page's annotation state: what the matcher found, which of it the
 * settings let through, and the renderers that draw it. The page is a list of
 * regions: the body on the first pass, plus subtrees a dynamic page adds or
 * changes later, each annotated under the page-wide verdict.
 */
import { annotate, type AnnotateResult, type Annotation, type Matcher } from '../core/annotate';
import type { CardModel } from '../core/cards';
import { CATEGORIES, type Category } from '../core/categories';
import type { AnnotationCollection } from '../core/export';
import { siteEnabled, type RendererKind, type Settings } from '../core/settings';
import type { PageVerdict } from '../core/verdict';
import type { PageStateResponse } from '../messages';
import { exportAnnotations } from './export-page';
import type { HighlightTarget } from './hover';
import { HighlightRenderer, highlightsSupported } from './render-highlights';
import { MarkRenderer } from './render-marks';
import type { Renderer } from './renderer';
import { buildTextIndex, type TextIndex } from './text-index';

interface Region {
  root: HTMLElement;
  index: TextIndex;
  result: AnnotateResult;
  renderer: Renderer;
  shown: Annotation[];
}

export class PageAnnotator {
  private regions: Region[] = [];
  private verdict: PageVerdict | undefined;
  private rendererKind: RendererKind = 'marks';

  constructor(
    private readonly matcher: Matcher,
    private readonly cards: Record<string, CardModel>,
    private settings: Settings,
    private readonly onDrawn: (count: number) => void,
  ) {}

  get host(): string {
    return location.hostname;
  }

  get enabled(): boolean {
    return siteEnabled(this.settings, this.host);
  }

  /** Whether later changes can be annotated on their own, under the verdict already reached. */
  get hasVerdict(): boolean {
    return !!this.verdict && this.verdict.kind !== 'nothing';
  }

  /** Reads the whole page afresh and draws it. */
  rescan(): void {
    this.clearAll();
    const region = this.makeRegion(document.body);
    this.verdict = region.result.verdict;
    this.regions = [region];
    this.drawRegion(region);
    this.reportCount();
  }

  /** Re-reads the given subtrees (new or changed) and draws them. */
  refresh(roots: readonly HTMLElement[]): void {
    for (const root of roots) {
      for (const region of this.regions) region.renderer.clearWithin(root);
      this.regions = this.regions.filter((r) => r.root.isConnected && !root.contains(r.root));
      const region = this.makeRegion(root);
      this.regions.push(region);
      this.drawRegion(region);
    }
    this.reportCount();
  }

  private makeRegion(root: HTMLElement): Region {
    const index = buildTextIndex(root);
    const result = annotate(this.matcher, index.text, root === document.body ? undefined : this.verdict);
    return { root, index, result, renderer: this.createRenderer(root, index), shown: [] };
  }

  /** The element-free renderer where the browser has the Highlight API and the reader wants it. */
  private createRenderer(root: HTMLElement, index: TextIndex): Renderer {
    this.rendererKind = this.settings.renderer === 'highlights' && highlightsSupported() ? 'highlights' : 'marks';
    return this.rendererKind === 'highlights' ? new HighlightRenderer(index) : new MarkRenderer(root, index);
  }

  private drawRegion(region: Region): void {
    region.shown = this.enabled ? region.result.annotations.filter((a) => this.settings.categories[a.category]) : [];
    if (region.shown.length > 0) region.renderer.render(region.shown);
    else region.renderer.clear();
  }

  private reportCount(): void {
    this.onDrawn(this.regions.reduce((sum, r) => sum + r.renderer.count, 0));
  }

  updateSettings(settings: Settings): void {
    const rendererChanged = settings.renderer !== this.settings.renderer;
    this.settings = settings;
    if (this.regions.length === 0 || rendererChanged) {
      if (this.enabled) this.rescan();
      else this.clearAll();
      return;
    }
    for (const region of this.regions) this.drawRegion(region);
    this.reportCount();
  }

  clearAll(): void {
    for (const region of this.regions) region.renderer.clear();
    this.regions = [];
    this.reportCount();
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
    const statementsTotal = this.matcher.data.facts.filter((f) => f.concepts.length > 0).length;
    return {
      host: this.host,
      counts,
      found: [...found].map(([id, category]) => ({ id, category, title: this.cards[id]?.title ?? id })),
      verdict: {
        kind: this.verdict?.kind ?? 'nothing',
        statementsFound: this.verdict?.statementIds.length ?? 0,
        statementsTotal,
        spinExamples: this.verdict?.spinExamples ?? [],
      },
    };
  }
}
