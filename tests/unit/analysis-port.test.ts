/**
 * The page side (WorkerAnalyst) and the worker side (serveAnalysis) talking
 * over a port pair in plain Node: the same findings as one pass over the
 * text, several pages at once, a worker stopped mid-job, bad messages.
 */
import { describe, expect, it } from 'vitest';
import { type AnalysisSource, serveAnalysis } from '../../src/background/analysis';
import { WorkerAnalyst } from '../../src/content/analyst';
import { annotate } from '../../src/core/annotate';
import { statementCounts } from '../../src/core/matcher-data';
import { PIECE_CHARS } from '../../src/core/page-analysis';
import { isQuiet, type PageVerdict } from '../../src/core/verdict';
import { MINI_STORY_PARAGRAPH, miniMatcher, UNRELATED_PARAGRAPH } from './helpers';
import { type FakePort, portPair } from './port-pair';

const PARAGRAPH = MINI_STORY_PARAGRAPH;
const FILLER = UNRELATED_PARAGRAPH;

const matcher = miniMatcher();
const source: AnalysisSource = {
  matcher: () => matcher,
  cards: { 'person:xi': { id: 'person:xi' } as never },
  statementsTotal: statementCounts(matcher.data),
};
const go = async () => true;

/** An analyst whose every port reaches a worker serving `source`; `worker` can stop a job midway. */
function analystWithWorker(
  onWorkerPort: (port: FakePort, job: number) => void = () => {},
  alive: () => boolean = () => true,
) {
  const pagePorts: FakePort[] = [];
  const analyst = new WorkerAnalyst(() => {
    const [page, worker] = portPair();
    pagePorts.push(page);
    serveAnalysis(worker, source);
    onWorkerPort(worker, pagePorts.length);
    return page;
  }, alive);
  return { analyst, pagePorts };
}

function story(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => (i % 3 === 0 ? PARAGRAPH : FILLER)).join('\u2029');
}

describe('page analysis over a port', () => {
  it('brings back what one pass over each region finds, with the cards', async () => {
    const { analyst, pagePorts } = analystWithWorker();
    const texts = [story(3000), story(7)];
    const reading = await analyst.annotate(texts, undefined, go);
    const verdict = annotate(matcher, texts.join('\u2029')).verdict;
    expect(reading!.verdict).toEqual(verdict);
    expect(reading!.regions[0]!.annotations).toEqual(annotate(matcher, texts[0]!, verdict).annotations);
    expect(reading!.regions[1]!.annotations).toEqual(annotate(matcher, texts[1]!, verdict).annotations);
    expect(reading!.cards).toEqual(source.cards);
    expect(reading!.statementsTotal).toEqual(source.statementsTotal);
    expect(Object.values(reading!.statementsTotal).some((n) => n > 0)).toBe(true);
    // Large text went in several pieces and came back in several batches; the port was closed after.
    const sent = pagePorts[0]!.posted as { type: string }[];
    expect(sent.filter((m) => m.type === 'analysis/text').length).toBeGreaterThan(3);
    expect(pagePorts[0]!.other.posted.length).toBeGreaterThan(2);
    expect(pagePorts[0]!.connected).toBe(false);
  });

  it('sends no cards and nothing to draw for a page without the story', async () => {
    const { analyst } = analystWithWorker();
    const reading = await analyst.annotate([FILLER], undefined, go);
    expect(isQuiet(reading!.verdict)).toBe(true);
    expect(reading!.cards).toBeUndefined();
    expect(reading!.regions).toEqual([{ annotations: [], similar: [] }]);
  });

  it('sends a page that only names the story nothing, unless the reader asked for names everywhere', async () => {
    const namesOnly = `${FILLER} Xi Jinping and Vladimir Putin were in the news, and so were China and the South China Sea.`;
    const quiet = await analystWithWorker().analyst.annotate([namesOnly], undefined, go);
    expect(quiet!.regions).toEqual([{ annotations: [], similar: [] }]);
    expect(quiet!.cards).toBeUndefined();

    let shows = 0;
    const everywhere = new WorkerAnalyst(
      () => {
        const [page, worker] = portPair();
        serveAnalysis(worker, source);
        return page;
      },
      () => true,
      () => ({ namesEverywhere: true }),
    );
    const reading = await everywhere.annotate([namesOnly], undefined, go, () => shows++);
    expect(isQuiet(reading!.verdict)).toBe(true);
    expect(isQuiet(reading!.verdict, { namesEverywhere: true })).toBe(false);
    expect(reading!.regions[0]!.annotations.map((a) => a.category)).toEqual(['person', 'person', 'place', 'place']);
    expect(reading!.cards).toEqual(source.cards);
    expect(shows).toBe(1);
  });

  it('serves several pages at once, each its own findings', async () => {
    const { analyst } = analystWithWorker();
    const texts = [story(300), FILLER, story(30), story(900)];
    const readings = await Promise.all(texts.map((t) => analyst.annotate([t], undefined, go)));
    readings.forEach((reading, i) => {
      expect(reading!.regions[0]!.annotations).toEqual(annotate(matcher, texts[i]!).annotations);
    });
  });

  it('asks again when the worker is stopped mid-job', async () => {
    // The first worker closes its port after the first piece of text, as a stopped service worker does.
    const { analyst, pagePorts } = analystWithWorker((worker, job) => {
      if (job === 1)
        worker.onMessage.addListener((m) => (m as { type: string }).type === 'analysis/text' && worker.disconnect());
    });
    const text = story(3000);
    const reading = await analyst.annotate([text], undefined, go);
    expect(pagePorts.length).toBe(2);
    expect(reading!.regions[0]!.annotations).toEqual(annotate(matcher, text).annotations);
  });

  it('gives up after a second stopped worker, with an error', async () => {
    const { analyst } = analystWithWorker((worker) => worker.disconnect());
    await expect(analyst.annotate([PARAGRAPH], undefined, go)).rejects.toThrow(/closed/);
  });

  it('gives up quietly, without asking again, when the extension itself is gone', async () => {
    let alive = true;
    const { analyst, pagePorts } = analystWithWorker(
      (worker) => {
        // The extension is removed while the job runs: its ports close and its context goes.
        worker.onMessage.addListener(() => {
          alive = false;
          worker.disconnect();
        });
      },
      () => alive,
    );
    expect(await analyst.annotate([story(300)], undefined, go)).toBeUndefined();
    expect(pagePorts.length).toBe(1);
    expect(await analyst.mentionsStory([PARAGRAPH])).toBe(false);
    expect(pagePorts.length).toBe(1);
  });

  it('stops sending when the page no longer wants the answer', async () => {
    const { analyst, pagePorts } = analystWithWorker();
    expect(await analyst.annotate([story(3000)], undefined, async () => false)).toBeUndefined();
    const sent = pagePorts[0]!.posted as { type: string }[];
    expect(sent.map((m) => m.type)).toEqual(['analysis/start', 'analysis/text']);
  });

  it('says whether changed text names the story', async () => {
    const { analyst } = analystWithWorker();
    expect(await analyst.mentionsStory([FILLER, 'Putin arrived.'])).toBe(true);
    expect(await analyst.mentionsStory([FILLER])).toBe(false);
  });

  it('answers a malformed message with an error and closes the port', async () => {
    const [page, worker] = portPair();
    serveAnalysis(worker, source);
    const replies: unknown[] = [];
    page.onMessage.addListener((m) => replies.push(m));
    page.postMessage({ type: 'analysis/text', stretches: [{ region: 0, offset: 0, text: 'Xi' }] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies).toEqual([{ type: 'analysis/error', message: expect.stringMatching(/before analysis\/start/) }]);
    expect(page.connected).toBe(false);
  });
});

describe('telling the page early that it shows something', () => {
  /** Analyses `texts`, recording in order the messages the page gets and each call of onShows (heard first). */
  async function heard(texts: string[], verdict?: PageVerdict) {
    const { analyst, pagePorts } = analystWithWorker();
    const events: string[] = [];
    const reading = analyst.annotate(texts, verdict, go, () => events.push('onShows'));
    pagePorts[0]!.onMessage.addListener((message) => events.push((message as { type: string }).type));
    return { reading: await reading, events };
  }
  const long = (paragraph: string) => Array.from({ length: 2 * 1024 }, () => paragraph).join('\u2029');

  it('says so after the first piece when more text is to come, and the page hears it once', async () => {
    const text = long(FILLER).replace(FILLER, PARAGRAPH);
    expect(text.length).toBeGreaterThan(2 * PIECE_CHARS);
    const { reading, events } = await heard([text]);
    expect(isQuiet(reading!.verdict)).toBe(false);
    expect(events.slice(0, 3)).toEqual(['onShows', 'analysis/shows', 'analysis/verdict']);
    expect(events.filter((event) => event === 'onShows')).toHaveLength(1);
  });

  it('says nothing early about a page that shows nothing, and the page hears nothing', async () => {
    const { reading, events } = await heard([long(FILLER)]);
    expect(isQuiet(reading!.verdict)).toBe(true);
    expect(events).not.toContain('analysis/shows');
    expect(events).not.toContain('onShows');
  });

  it('leaves a page of one piece to hear it from the verdict', async () => {
    const { events } = await heard([PARAGRAPH]);
    expect(events.slice(0, 2)).toEqual(['onShows', 'analysis/verdict']);
    expect(events).not.toContain('analysis/shows');
  });

  it('says nothing early when the verdict is given (text added to a page already judged)', async () => {
    const text = long(PARAGRAPH);
    const verdict = annotate(matcher, PARAGRAPH).verdict;
    const { events } = await heard([text], verdict);
    expect(events).toContain('analysis/verdict');
    expect(events).not.toContain('analysis/shows');
  });
});
