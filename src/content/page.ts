/**
 * One page's annotation, scheduled: read the text (in slices), hand it to the
 * analyst (the extension's worker), draw what comes back (visible part first,
 * in slices), and keep it up to date as the page and the settings change.
 * The page's main thread only reads and draws; a page with nothing of the
 * story costs the reading alone.
 */
import type { CardModel } from '../core/cards';
import type { AnnotationCollection } from '../core/export';
import type { RegionFindings } from '../core/page-analysis';
import { type Settings, showOptions, siteEnabled } from '../core/settings';
import { INDEX_NODES_PER_STEP } from '../core/timing';
import { isQuiet, type PageVerdict, storiesInView } from '../core/verdict';
import type { PageStateResponse } from '../messages';
import type { Analyst, PageReading } from './analyst';
import { changedArea } from './changed-area';
import { visibleFirst } from './draw-order';
import { exportAnnotations } from './export-page';
import type { HighlightList } from './highlight-list';
import type { HighlightTarget } from './hover';
import { pageState } from './page-state';
import { analysePage, type PageRead, type PageText } from './read-page';
import {
  dropDetached,
  forgetWithin,
  outermost,
  type ReadRoot,
  type Region,
  type Root,
  readRoots,
  sameReading,
  stillInPlace,
} from './regions';
import { HighlightRenderer, unregisterHighlights } from './render-highlights';
import { changesText, createRenderer, visibleFindings } from './renderer-choice';
import { adoptHighlightStyles } from './shadow-styles';
import { Slicer } from './slicer';
import { readText } from './text-index';

export interface PageOptions {
  /** Below this many characters of text the page is not analysed at all (small frames: ads, embeds). */
  minTextChars: number;
  /** Told the number of highlights drawn after each change. */
  onDrawn: (count: number) => void;
  /** Runs a DOM write of ours so that the page observer ignores it. */
  guard: (write: () => void) => void;
}

export class PageAnnotator {
  private regions: Region[] = [];
  private verdict: PageVerdict | undefined;
  /** Per story id, the statements it has. */
  private statementsTotal: Readonly<Record<string, number>> = {};
  /** Bumped by each full reading and settings change: unfinished work checks it and gives up. */
  private generation = 0;
  /** The generation of the full reading under way, 0 when none. */
  private reading = 0;
  /** Changed subtrees waiting for the reading or the refresh under way to finish. */
  private waitingRoots: HTMLElement[] = [];
  private refreshing = false;

  constructor(
    private readonly analyst: Analyst,
    /** Filled in when the first reading that shows something brings the cards (shared with the hover card). */
    private readonly cards: Record<string, CardModel>,
    private settings: Settings,
    /** Where element-free highlights are listed as elements. */
    private readonly list: HighlightList,
    private readonly options: PageOptions,
  ) {}

  get host(): string {
    return location.hostname;
  }

  get enabled(): boolean {
    return siteEnabled(this.settings, this.host);
  }

  /** Whether later changes can be annotated on their own, under the verdict already reached. */
  get hasVerdict(): boolean {
    return !!this.verdict && !isQuiet(this.verdict, showOptions(this.settings));
  }

  /** The stories whose cards this page's highlights carry. */
  storiesInView(): readonly string[] {
    return this.verdict ? storiesInView(this.verdict, showOptions(this.settings)) : [];
  }

  /**
   * Reads the whole page afresh and draws it. The old highlights stay until
   * the new ones are ready (marks excepted: they split the text to be read).
   * A newer reading or a settings change makes an unfinished one give up.
   */
  rescan(): Promise<void> {
    return this.fullReading((current) => this.readAndDraw(current));
  }

  /**
   * Draws a reading of the text made elsewhere (the reader's, handed over) as a full reading of its own
   * would: the page is read with its map to text nodes, and if its text is still the one analysed, the
   * findings are drawn on it; else that text is analysed afresh.
   */
  adopt(page: PageText): Promise<void> {
    return this.fullReading(async (current) => {
      const pace = this.pace(current);
      const read = await readRoots([document.body], INDEX_NODES_PER_STEP, pace);
      if (!read || !current()) return;
      if (sameReading(read, page.read)) return this.show({ read, reading: page.reading }, current);
      await this.analyseAndShow(read, pace, current);
    });
  }

  /** Between steps of a reading: yields to the page when the slice is spent; false once `current` is not. */
  private pace(current: () => boolean): () => Promise<boolean> {
    const slicer = new Slicer();
    return async () => {
      await slicer.pause();
      return current();
    };
  }

  private async fullReading(work: (current: () => boolean) => Promise<void>): Promise<void> {
    const generation = ++this.generation;
    this.reading = generation;
    try {
      await work(() => generation === this.generation);
    } finally {
      if (this.reading === generation) {
        this.reading = 0;
        this.refreshWaiting();
      }
    }
  }

  private async readAndDraw(current: () => boolean): Promise<void> {
    const pace = this.pace(current);
    if (this.regions.some((r) => changesText(r.renderer))) this.guard(() => this.clearAll());
    const read = await readRoots([document.body], INDEX_NODES_PER_STEP, pace);
    if (read) await this.analyseAndShow(read, pace, current);
  }

  /** Has the page's text analysed, then draws it (or clears the page if it has too little text). */
  private async analyseAndShow(read: ReadRoot[], pace: () => Promise<boolean>, current: () => boolean): Promise<void> {
    const result = await analysePage(this.analyst, read, this.options.minTextChars, pace);
    if (result === 'too little text') return this.guard(() => this.clearAll());
    if (result && current()) await this.show(result, current);
  }

  private async show({ read, reading }: PageRead, current: () => boolean): Promise<void> {
    this.accept(reading, true);
    this.guard(() => this.clearAll());
    this.regions = this.makeRegions(read, reading.regions);
    await this.drawSliced(this.regions, current);
    this.reportCount();
  }

  /** Whether these subtrees name any fact of the story (asked of a page not yet about it). */
  mentionsStory(roots: readonly HTMLElement[]): Promise<boolean> {
    return this.analyst.mentionsStory(roots.map(readText));
  }

  /**
   * Re-reads the given subtrees (new or changed) and draws them under the
   * page's verdict. One refresh at a time: subtrees changed meanwhile wait
   * for the next, so a page rewriting itself many times a second costs one
   * reading per round trip, not one per change.
   */
  async refresh(roots: readonly HTMLElement[]): Promise<void> {
    this.waitingRoots.push(...roots);
    if (this.refreshing || this.reading) return;
    this.refreshing = true;
    try {
      while (this.waitingRoots.length > 0 && !this.reading) {
        const batch = outermost(this.waitingRoots);
        this.waitingRoots = [];
        await this.refreshNow(batch);
      }
    } finally {
      this.refreshing = false;
    }
  }

  private refreshWaiting(): void {
    if (this.waitingRoots.length > 0) void this.refresh([]);
  }

  private async refreshNow(roots: readonly HTMLElement[]): Promise<void> {
    if (roots.length === 0) return;
    const generation = this.generation;
    const current = () => generation === this.generation && !this.reading;
    const pace = this.pace(current);
    // Marks split text nodes: take them out of these subtrees before reading them.
    this.guard(() => this.forgetWithin(roots, (region) => changesText(region.renderer)));
    const read = await readRoots(roots, INDEX_NODES_PER_STEP, pace);
    if (!read) return;
    // A body-wide change is judged on its own, as a first reading is; a part of the page under its verdict.
    const verdict = roots.includes(document.body) ? undefined : this.verdict;
    const reading = await this.analyst.annotate(
      read.map((r) => r.text),
      verdict,
      pace,
    );
    if (!reading || !current()) return;
    this.accept(reading, false);
    this.guard(() => this.forgetWithin(roots, () => true));
    const regions = this.makeRegions(read, reading.regions);
    this.regions.push(...regions);
    await this.drawSliced(regions, current);
    this.reportCount();
  }

  /**
   * Drops the highlights of whole blocks the page removed from under `parents`: regions
   * read from a removed block go whole, others that held one redraw what is still in the page.
   */
  prune(parents: readonly Node[]): void {
    this.guard(() => {
      for (const region of this.regions) {
        if (!region.root.isConnected) region.renderer.clear();
        else if (parents.some((parent) => region.root.contains(parent)) && dropDetached(region))
          this.drawRegion(region);
      }
      this.regions = this.regions.filter((r) => r.root.isConnected);
    });
    this.reportCount();
  }

  /** Clears and forgets what regions drew inside these subtrees (those `which` picks). */
  private forgetWithin(roots: readonly HTMLElement[], which: (region: Region) => boolean): void {
    if (roots.length === 0) return;
    const area = changedArea(roots);
    for (const region of this.regions) {
      if (!which(region)) continue;
      region.renderer.clearWithin(area);
      forgetWithin(region, area);
    }
    this.regions = this.regions.filter((r) => r.root.isConnected && !(which(r) && area.contains(r.root)));
  }

  private accept(reading: PageReading, pageWide: boolean): void {
    if (pageWide) this.verdict = reading.verdict;
    this.statementsTotal = reading.statementsTotal;
    if (reading.cards) Object.assign(this.cards, reading.cards);
  }

  private makeRegions(read: readonly ReadRoot[], findings: readonly RegionFindings[]): Region[] {
    return read.map(({ root, index }, r) => {
      const found = findings[r]!;
      const inPlace = {
        annotations: stillInPlace(index, found.annotations),
        similar: stillInPlace(index, found.similar),
      };
      const expected = inPlace.annotations.length;
      return { root, index, findings: inPlace, renderer: this.renderer(root, index, expected), shown: [] };
    });
  }

  private renderer(root: Root, index: ReadRoot['index'], expected: number) {
    return createRenderer(this.settings, this.list, root, index, expected);
  }

  /** Draws regions in batches, visible part first, yielding to the page between slices. */
  private async drawSliced(regions: readonly Region[], current: () => boolean): Promise<void> {
    // One budget for all the regions: a live page's refresh brings many small ones at once.
    const slicer = new Slicer(regions[0]?.renderer.drawBudgetMs);
    // The highlight list goes into the page once, at the end (highlight-list.ts says why).
    this.list.hold();
    try {
      for (const region of regions) {
        region.shown = visibleFindings(region.findings, this.settings, this.enabled);
        if (region.shown.length === 0) continue;
        if (region.root instanceof ShadowRoot) adoptHighlightStyles(region.root);
        for (const batch of visibleFirst(region.shown, region.index)) {
          this.guard(() => region.renderer.add(batch));
          await slicer.pause();
          if (!current()) return;
        }
      }
    } finally {
      this.guard(() => this.list.release());
    }
  }

  private drawRegion(region: Region): void {
    region.shown = visibleFindings(region.findings, this.settings, this.enabled);
    if (region.shown.length > 0) region.renderer.render(region.shown);
    else region.renderer.clear();
  }

  private reportCount(): void {
    this.options.onDrawn(this.regions.reduce((sum, r) => sum + r.renderer.count, 0));
  }

  private guard(write: () => void): void {
    this.options.guard(write);
  }

  updateSettings(settings: Settings): void {
    // Names everywhere changes what the worker sends for this page: it is read again.
    const readAgain =
      settings.renderer !== this.settings.renderer ||
      settings.showSimilar !== this.settings.showSimilar ||
      settings.namesEverywhere !== this.settings.namesEverywhere;
    this.settings = settings;
    if (this.regions.length === 0 || readAgain || !this.enabled) {
      this.generation++;
      this.guard(() => this.clearAll());
      if (this.enabled) void this.rescan();
      return;
    }
    this.guard(() => {
      for (const region of this.regions) this.drawRegion(region);
    });
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
    return pageState(this.host, this.regions, this.verdict, this.cards, this.statementsTotal);
  }
}
