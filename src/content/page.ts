/**
 * One page's annotation state: what the matcher found, which of it the
 * settings let through, and the renderer that draws it.
 */
import { annotate, type AnnotateResult, type Annotation, type Matcher } from '../core/annotate';
import type { CardModel } from '../core/cards';
import { CATEGORIES, type Category } from '../core/dataset';
import { siteEnabled, type RendererKind, type Settings } from '../core/settings';
import type { AnnotationCollection } from '../core/export';
import { exportAnnotations } from './export-page';
import { HighlightRenderer, highlightsSupported } from './render-highlights';
import type { PageStateResponse } from '../messages';
import { MarkRenderer } from './render-marks';
import type { HighlightTarget } from './hover';
import type { Renderer } from './renderer';
import { buildTextIndex, type TextIndex } from './text-index';

export class PageAnnotator {
  private index: TextIndex | undefined;
  private result: AnnotateResult | undefined;
  private renderer: Renderer | undefined;
  private shown: Annotation[] = [];
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

  /** Reads the page and finds the story in it. */
  analyse(): void {
    this.renderer?.clear();
    this.index = buildTextIndex(document.body);
    this.result = annotate(this.matcher, this.index.text);
    this.renderer = this.createRenderer(this.index);
  }

  /** The element-free renderer where the browser has the Highlight API and the reader wants it. */
  private createRenderer(index: TextIndex): Renderer {
    this.rendererKind = this.settings.renderer === 'highlights' && highlightsSupported() ? 'highlights' : 'marks';
    return this.rendererKind === 'highlights' ? new HighlightRenderer(index) : new MarkRenderer(document.body, index);
  }

  /** Draws what the settings allow (nothing when this site is switched off). */
  draw(): void {
    if (!this.result || !this.renderer) return;
    const enabled = siteEnabled(this.settings, this.host);
    this.shown = enabled ? this.result.annotations.filter((a) => this.settings.categories[a.category]) : [];
    if (this.shown.length > 0) this.renderer.render(this.shown);
    else this.renderer.clear();
    this.onDrawn(this.renderer.count);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    if (this.index && this.renderer && settings.renderer !== this.rendererKind) {
      this.renderer.clear();
      this.renderer = this.createRenderer(this.index);
    }
    if (!this.result && siteEnabled(settings, this.host)) this.analyse();
    this.draw();
  }

  targetOf(event: Event): HighlightTarget | null {
    return this.renderer?.targetOf(event) ?? null;
  }

  destroy(): void {
    this.renderer?.clear();
  }

  /** What is shown now, as a W3C Web Annotation collection. */
  export(): AnnotationCollection {
    if (!this.index) return exportAnnotations(document.body, { text: '', nodes: [], starts: [], plainStarts: [] }, [], document.title);
    return exportAnnotations(document.body, this.index, this.shown, document.title);
  }

  state(): PageStateResponse {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    for (const annotation of this.shown) counts[annotation.category]++;
    const found = new Map<string, Category>();
    for (const annotation of this.result?.annotations ?? []) {
      for (const id of annotation.factIds) found.set(id, annotation.category);
    }
    const verdict = this.result?.verdict;
    const statementsTotal = this.matcher.data.facts.filter((f) => f.concepts.length > 0).length;
    return {
      host: this.host,
      counts,
      found: [...found].map(([id, category]) => ({ id, category, title: this.cards[id]?.title ?? id })),
      verdict: {
        kind: verdict?.kind ?? 'nothing',
        statementsFound: verdict?.statementIds.length ?? 0,
        statementsTotal,
        spinExamples: verdict?.spinExamples ?? [],
      },
    };
  }
}
