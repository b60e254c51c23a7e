// @vitest-environment happy-dom
/**
 * The reader (src/content/reader.ts) on a page in happy-dom, with a real
 * analyst and worker over a port pair: it hands over only readings that show
 * something, hears the verdict before the findings, sends nothing it may not,
 * and gives up a reading that a newer one or a stop overtook.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type AnalysisSource, serveAnalysis } from '../../src/background/analysis';
import { WorkerAnalyst } from '../../src/content/analyst';
import { changedArea } from '../../src/content/changed-area';
import type { PageText } from '../../src/content/read-page';
import { PageReader } from '../../src/content/reader';
import { statementCounts } from '../../src/core/matcher-data';
import { isQuiet } from '../../src/core/verdict';
import { MINI_STORY_PARAGRAPH, miniMatcher, UNRELATED_PARAGRAPH } from './helpers';
import { portPair } from './port-pair';

const STORY = MINI_STORY_PARAGRAPH;
const UNRELATED = UNRELATED_PARAGRAPH;
const matcher = miniMatcher();
const source: AnalysisSource = { matcher: () => matcher, cards: {}, statementsTotal: statementCounts(matcher.data) };

function setParagraphs(texts: string[]) {
  document.body.replaceChildren(
    ...texts.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }),
  );
}

/** A reader whose analyst reaches a worker serving the mini dataset; what it does is recorded. */
function reader(changes = () => 0) {
  const events: string[] = [];
  let ports = 0;
  const shown: PageText[] = [];
  const analyst = new WorkerAnalyst(() => {
    const [page, worker] = portPair();
    ports++;
    serveAnalysis(worker, source);
    return page;
  });
  const pageReader = new PageReader(
    analyst,
    0,
    () => events.push('verdict shows'),
    (page) => {
      events.push('reading shows');
      shown.push(page);
    },
    changes,
  );
  return { pageReader, events, shown, ports: () => ports };
}

describe('the reader', () => {
  beforeEach(() => document.body.replaceChildren());

  it('keeps a page about no story to itself: nothing handed over', async () => {
    setParagraphs([UNRELATED, UNRELATED]);
    const { pageReader, events } = reader();
    await pageReader.rescan();
    expect(pageReader.latest).toBeDefined();
    expect(isQuiet(pageReader.latest!.reading.verdict)).toBe(true);
    expect(events).toEqual([]);
  });

  it('hears a verdict that shows something before the findings, then hands the whole reading over', async () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => (i % 3 === 0 ? STORY : UNRELATED));
    setParagraphs(paragraphs);
    const { pageReader, events, shown } = reader(() => 7);
    await pageReader.rescan();
    expect(events).toEqual(['verdict shows', 'reading shows']);
    expect(isQuiet(shown[0]!.reading.verdict)).toBe(false);
    expect(shown[0]!.reading.regions[0]!.annotations.length).toBeGreaterThan(0);
    expect(shown[0]!.read[0]!.root).toBe(document.body);
    // The text alone: the annotator reads the page with its map to text nodes when it draws.
    expect(shown[0]!.read[0]!.text).toBe(paragraphs.join('\u2029'));
    // The change count when the reading began, to tell later whether the page changed since.
    expect(pageReader.latestAtChange).toBe(7);
  });

  it('sends nothing when it may not share the text (the site is switched off)', async () => {
    setParagraphs([STORY, STORY]);
    const { pageReader, events, ports } = reader();
    await pageReader.rescan(async () => false);
    expect(ports()).toBe(0);
    expect(pageReader.latest).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('gives up a reading overtaken by a newer one or by stop()', async () => {
    setParagraphs([STORY, STORY, STORY]);
    const { pageReader, events } = reader();
    const first = pageReader.rescan();
    pageReader.stop();
    await first;
    expect(events).toEqual([]);
    const second = pageReader.rescan();
    const third = pageReader.rescan();
    await Promise.all([second, third]);
    expect(events).toEqual(['verdict shows', 'reading shows']);
  });
});

describe('changedArea', () => {
  it('holds the text nodes of the changed subtrees and tells any node inside them, for few roots and many', () => {
    setParagraphs([STORY, UNRELATED, UNRELATED, UNRELATED, UNRELATED, UNRELATED, UNRELATED]);
    const paragraphs = [...document.body.children];
    for (const roots of [paragraphs.slice(0, 2), paragraphs.slice(0, 6)]) {
      const area = changedArea(roots);
      expect([...area.texts]).toEqual(roots.map((p) => p.firstChild));
      expect(area.contains(roots[0]!)).toBe(true);
      expect(area.contains(roots[1]!.firstChild!)).toBe(true);
      expect(area.contains(paragraphs[6]!)).toBe(false);
      expect(area.contains(paragraphs[6]!.firstChild!)).toBe(false);
      expect(area.contains(document.body)).toBe(false);
    }
  });
});
