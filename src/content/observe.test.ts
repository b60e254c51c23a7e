// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_DIRTY_ROOTS,
  MAX_RECORDS_PER_PASS,
  MIN_RESCAN_INTERVAL_MS,
  OBSERVER_IDLE_TIMEOUT_MS,
} from '../core/timing';
import { type ObservedPage, PageObserver } from './observe';

/** What the observer asked of the page. */
class RecordingPage implements ObservedPage {
  hasVerdict = true;
  /** What mentionsStory answers. */
  mentions = false;
  readonly refreshed: string[][] = [];
  readonly lookedAt: string[][] = [];
  /** The parents of the whole blocks removed, per prune. */
  readonly pruned: string[][] = [];
  /** Date.now() at each rescan. */
  readonly rescannedAt: number[] = [];

  get rescans(): number {
    return this.rescannedAt.length;
  }

  async rescan(): Promise<void> {
    this.rescannedAt.push(Date.now());
  }

  async mentionsStory(roots: readonly HTMLElement[]): Promise<boolean> {
    this.lookedAt.push(roots.map(label));
    return this.mentions;
  }

  async refresh(roots: readonly HTMLElement[]): Promise<void> {
    this.refreshed.push(roots.map(label));
  }

  prune(parents: readonly Node[]): void {
    this.pruned.push(parents.map(label));
  }
}

function label(node: Node): string {
  return node instanceof HTMLElement ? node.id || node.tagName.toLowerCase() : node.nodeName;
}

const byId = (id: string) => document.getElementById(id)!;
const textOf = (id: string) => byId(id).firstChild as Text;

/** Without requestIdleCallback (happy-dom has none), a burst waits this long. */
const FALLBACK_DELAY_MS = 50;
/** Until a rescan decided by a pass has run: it is a task of its own, after the pass. */
const UNTIL_RESCAN_MS = FALLBACK_DELAY_MS + 1;

let page: RecordingPage;
let observer: PageObserver;

beforeEach(() => {
  vi.useFakeTimers();
  // Test fixture markup only; the extension itself never parses HTML strings.
  document.body.innerHTML = `
    <article id="story"><p id="one">First <b id="bold">bold</b> words.</p><p id="two">Second.</p><p id="gone">Gone.</p></article>
    <p id="three">Third.</p>
    <div id="feed"></div>
    <p id="quoted">A <code id="code">snippet</code> here.</p>
    <textarea id="field">typed</textarea>
    <div contenteditable="true"><p id="editable">Edit me.</p></div>
    <div data-annotator-ui><span id="card">Card</span></div>`;
  page = new RecordingPage();
  observer = new PageObserver(page);
  observer.start();
});

afterEach(() => {
  observer.stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('page observer', () => {
  it('turns a burst of changes into one refresh of the blocks that changed', async () => {
    textOf('bold').data = 'heavy';
    byId('two').append(' More.');
    textOf('three').data = 'Third, again.';
    textOf('three').data = 'Third, once more.';
    const added = document.createElement('p');
    added.id = 'added';
    added.textContent = 'New.';
    byId('feed').append(added);
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS - 1);
    expect(page.refreshed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.refreshed).toEqual([['one', 'two', 'three', 'added']]);
    expect(page.rescans).toBe(0);
  });

  it('refreshes a block once when changes fall inside it and around its children', async () => {
    textOf('one').data = 'Changed ';
    byId('one').append(' and more');
    textOf('three').data = 'Third, again.';
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.refreshed).toEqual([['one', 'three']]);
  });

  it('prunes whole blocks removed instead of reading their parent again', async () => {
    textOf('one').data = 'Changed ';
    byId('gone').remove();
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.pruned).toEqual([['story']]);
    expect(page.refreshed).toEqual([['one']]);
  });

  it('reads the parent again when what was removed is not a whole block', async () => {
    byId('bold').remove();
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.pruned).toEqual([]);
    expect(page.refreshed).toEqual([['one']]);
  });

  it('waits for an idle period, one per burst, however many tasks the burst spans', async () => {
    const idle: { run: () => void; options?: IdleRequestOptions }[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: IdleRequestOptions) =>
      idle.push({ run, options }),
    );
    textOf('one').data = 'a';
    await vi.advanceTimersByTimeAsync(10);
    textOf('two').data = 'b';
    await vi.advanceTimersByTimeAsync(10);
    expect(idle).toHaveLength(1);
    expect(idle[0]!.options).toEqual({ timeout: OBSERVER_IDLE_TIMEOUT_MS });
    expect(page.refreshed).toEqual([]);
    idle[0]!.run();
    expect(page.refreshed).toEqual([['one', 'two']]);
    textOf('three').data = 'c';
    await vi.advanceTimersByTimeAsync(10);
    expect(idle).toHaveLength(2);
  });

  it("ignores the extension's own writes, but not the page's changes just before them", async () => {
    textOf('three').data = 'Changed by the page.';
    observer.ownWrite(() => {
      const mark = document.createElement('mark');
      mark.textContent = 'ours';
      byId('one').append(mark);
      textOf('two').data = 'Ours too.';
    });
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.refreshed).toEqual([['three']]);

    observer.ownWrite(() => byId('one').append('ours'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.refreshed).toHaveLength(1);
  });

  it("ignores changes in protected regions and in the extension's card", async () => {
    textOf('code').data = 'other code';
    byId('field').textContent = 'typed more';
    textOf('editable').data = 'Edited.';
    textOf('card').data = 'Another card';
    const script = document.createElement('script');
    script.textContent = 'void 0';
    document.body.append(script);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.refreshed).toEqual([]);
    expect(page.lookedAt).toEqual([]);
    expect(page.rescans).toBe(0);
  });

  it(`reads ${MAX_RECORDS_PER_PASS} records as changes, and a storm of more as one rescan`, async () => {
    for (let i = 0; i < MAX_RECORDS_PER_PASS; i++) textOf('three').data = `tick ${i}`;
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.refreshed).toEqual([['three']]);
    expect(page.rescans).toBe(0);

    for (let i = 0; i <= MAX_RECORDS_PER_PASS; i++) textOf('three').data = `tock ${i}`;
    await vi.advanceTimersByTimeAsync(UNTIL_RESCAN_MS);
    expect(page.rescans).toBe(1);
    expect(page.refreshed).toHaveLength(1);
  });

  it(`rescans instead when more than ${MAX_DIRTY_ROOTS} blocks changed`, async () => {
    for (let i = 0; i <= MAX_DIRTY_ROOTS; i++) {
      const item = document.createElement('p');
      item.textContent = `Item ${i}`;
      byId('feed').append(item);
    }
    await vi.advanceTimersByTimeAsync(UNTIL_RESCAN_MS);
    expect(page.rescans).toBe(1);
    expect(page.refreshed).toEqual([]);
  });

  it('rescans at most once per interval, and leaves changes meanwhile to the rescan', async () => {
    const storm = () => {
      for (let i = 0; i <= MAX_RECORDS_PER_PASS; i++) textOf('three').data = `tick ${i}`;
    };
    storm();
    await vi.advanceTimersByTimeAsync(UNTIL_RESCAN_MS);
    expect(page.rescans).toBe(1);

    storm();
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    textOf('one').data = 'A small change while the rescan waits.';
    await vi.advanceTimersByTimeAsync(MIN_RESCAN_INTERVAL_MS / 2);
    expect(page.rescans).toBe(1);
    await vi.advanceTimersByTimeAsync(MIN_RESCAN_INTERVAL_MS);
    expect(page.rescans).toBe(2);
    expect(page.rescannedAt[1]! - page.rescannedAt[0]!).toBe(MIN_RESCAN_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(MIN_RESCAN_INTERVAL_MS);
    expect(page.rescans).toBe(2);
    expect(page.refreshed).toEqual([]);
  });

  it('on a page not about the story, looks at the changed text and rescans only if it names the story', async () => {
    page.hasVerdict = false;
    textOf('three').data = 'The weather.';
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.lookedAt).toEqual([['three']]);
    expect(page.rescans).toBe(0);

    page.mentions = true;
    textOf('two').data = 'Putin spoke.';
    await vi.advanceTimersByTimeAsync(UNTIL_RESCAN_MS);
    expect(page.lookedAt).toEqual([['three'], ['two']]);
    expect(page.rescans).toBe(1);
    expect(page.refreshed).toEqual([]);
  });

  it('rescans after a single-page navigation', async () => {
    history.pushState(null, '', '/another-story');
    textOf('three').data = 'Another story.';
    await vi.advanceTimersByTimeAsync(UNTIL_RESCAN_MS);
    expect(page.rescans).toBe(1);
    expect(page.refreshed).toEqual([]);
  });

  it('stops: a burst already seen is dropped, and later changes are not seen', async () => {
    textOf('three').data = 'Seen, not yet read.';
    await vi.advanceTimersByTimeAsync(1);
    observer.stop();
    textOf('two').data = 'Never seen.';
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.refreshed).toEqual([]);
    expect(page.rescans).toBe(0);

    observer.start();
    textOf('two').data = 'Seen again.';
    await vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS);
    expect(page.refreshed).toEqual([['two']]);
  });
});
