/**
 * The page as the reader sees it before anything of a story was found: read
 * whole, then only the text the page adds or changes, which is asked about
 * but never drawn. That the page shows something is told to `onShowsSoon` as
 * soon as the worker can tell (the annotator can be fetched meanwhile), and
 * the reading, once whole, to `onShows`, which hands the page over.
 */
import { isQuiet } from '../core/verdict';
import type { Analyst } from './analyst';
import type { ObservedPage } from './observe';
import { type PageText, readPage } from './read-page';
import { Slicer, yieldToPage } from './slicer';
import { readText } from './text-index';

export class PageReader implements ObservedPage {
  /** The latest full reading (of the text alone: nothing is drawn here), handed over to the annotator. */
  latest: PageText | undefined;
  /** The page's change count (`changes`) when that reading began: if it has moved on, the reading is stale. */
  latestAtChange = -1;
  /** Bumped by each reading and by `stop`: an unfinished reading checks it and gives up. */
  private generation = 0;

  constructor(
    private readonly analyst: Analyst,
    private readonly minTextChars: number,
    private readonly onShowsSoon: () => void,
    private readonly onShows: (page: PageText) => void,
    /** How many changes the page has had so far (the page observer's count). */
    private readonly changes: () => number,
  ) {}

  /** A page is only the reader's while it shows nothing: its changes are never refreshed in place. */
  readonly hasVerdict = false;

  /** Reads the page; `mayShare`, if given, is asked once the text is read whether it may go to the worker. */
  async rescan(mayShare?: () => Promise<boolean>): Promise<void> {
    const generation = ++this.generation;
    const changesBefore = this.changes();
    // Reading starts in a task of its own: the first reading is asked for while the script is evaluated.
    await yieldToPage();
    if (generation !== this.generation) return;
    const slicer = new Slicer();
    const pace = async () => {
      await slicer.pause();
      return generation === this.generation;
    };
    const showsSoon = () => {
      if (generation === this.generation) this.onShowsSoon();
    };
    const result = await readPage(this.analyst, this.minTextChars, pace, showsSoon, mayShare);
    if (generation !== this.generation || !result) return;
    this.latest = result === 'too little text' ? undefined : result;
    this.latestAtChange = changesBefore;
    if (this.latest && !isQuiet(this.latest.reading.verdict, this.analyst.showOptions())) this.onShows(this.latest);
  }

  mentionsStory(roots: readonly HTMLElement[]): Promise<boolean> {
    return this.analyst.mentionsStory(roots.map(readText));
  }

  /** Nothing is drawn, so there is nothing to refresh or prune. */
  async refresh(): Promise<void> {}
  prune(): void {}

  /** Gives up any reading under way (highlighting was switched off, or the annotator took over). */
  stop(): void {
    this.generation++;
  }
}
