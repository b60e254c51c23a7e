import { describe, expect, it } from 'vitest';
import {
  DENSE_LIVE_BLOG,
  denseEntrySentences,
  liveBlogPage,
  quietPage,
  READY_STAMP,
  STORM,
  storyPage,
  wordlessPage,
} from '../../scripts/bench/pages';
import { Random } from '../../scripts/bench/random';
import { msFromContentScript, tasksFromTrace } from '../../scripts/bench/trace';

const MAIN = { pid: 1, tid: 10 };
const mark = (name: string, ts: number, where = MAIN) => ({ name, cat: 'blink.user_timing', ph: 'R', ts, ...where });
const task = (ts: number, dur: number, tdur?: number, where = MAIN, name = 'ThreadControllerImpl::RunTask') => ({
  name,
  cat: 'toplevel',
  ph: 'X',
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
  ...where,
});
const trace = (events: object[]) => Buffer.from(JSON.stringify({ traceEvents: events }));

describe('tasksFromTrace', () => {
  it("sums the marking thread's top-level tasks between the marks, clipped to the window", () => {
    const tasks = tasksFromTrace(
      trace([
        mark('start', 1_000),
        mark('end', 101_000),
        task(0, 2_000, 1_000), // half inside the window
        task(10_000, 60_000, 30_000),
        task(20_000, 5_000, 5_000), // nested in the task before: counted once
        task(90_000, 5_000, 4_000),
        task(95_000, 5_000, 4_000, { pid: 1, tid: 11 }), // another thread
        task(200_000, 5_000, 4_000), // after the end
      ]),
      'start',
      'end',
    );
    expect(tasks).toBeDefined();
    expect(tasks!.busyMs).toBeCloseTo(1 + 60 + 5, 6);
    expect(tasks!.cpuMs).toBeCloseTo(0.5 + 30 + 4, 6);
    expect(tasks!.windowMs).toBe(100);
    expect(tasks!.longestTaskMs).toBe(60);
    expect(tasks!.tasksOver50).toBe(1);
  });

  it('counts a task seen by both kinds of task event once', () => {
    const tasks = tasksFromTrace(
      trace([mark('a', 0), mark('b', 50_000), task(1_000, 10_000), task(1_000, 10_000, undefined, MAIN, 'RunTask')]),
      'a',
      'b',
    );
    expect(tasks!.busyMs).toBe(10);
    expect(tasks!.tasks).toBe(1);
    expect(Number.isNaN(tasks!.cpuMs)).toBe(true);
  });

  it('gives nothing when a mark is missing', () => {
    expect(tasksFromTrace(trace([mark('a', 0), task(0, 1_000)]), 'a', 'b')).toBeUndefined();
  });
});

const EXT = 'chrome-extension://abcdefghijklmnop/content.js';
const PAGE = 'http://127.0.0.1:8000/page.html';
/** A devtools.timeline event nested in a task, with the URL of its script ('' for a callback V8 reports without one). */
const script = (name: string, ts: number, dur: number, url: string, where = MAIN) => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts,
  dur,
  tdur: dur,
  args: { data: { url } },
  ...where,
});
const mojo = (ts: number, dur: number, tag: string, where = MAIN) => ({
  name: 'Receive mojo message',
  cat: 'toplevel,mojom',
  ph: 'X',
  ts,
  dur,
  tdur: dur,
  args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
  ...where,
});

describe("the extension's tasks", () => {
  const events = [
    mark('start', 0),
    mark('end', 1_000_000),
    // Before the window: a content script at document_start counts, but not the parsing it runs inside.
    task(-300_000, 200_000, 200_000),
    task(-50_000, 40_000, 40_000),
    { ...script('ParseHTML', -49_500, 39_000, PAGE), cat: 'devtools.timeline' },
    script('EvaluateScript', -49_000, 10_000, EXT),
    // The page's own layout: no script event.
    task(10_000, 90_000, 80_000),
    // The content script's evaluation (whole task, style and layout included).
    task(200_000, 30_000, 25_000),
    script('EvaluateScript', 201_000, 20_000, EXT),
    script('v8.compile', 201_500, 5_000, EXT),
    // A MessageChannel slice of the content script.
    task(300_000, 12_000, 11_000),
    script('FunctionCall', 300_500, 11_000, EXT),
    // An extension API reply: a callback without a URL, and the awaiting content script's microtasks after it.
    task(400_000, 40_000, 20_000),
    mojo(400_100, 39_000, 'extensions.mojom.MessagePort'),
    script('FunctionCall', 401_000, 5_000, ''),
    // The page's own timer, whose DOM change ran the content script's MutationObserver callback: 4 ms of 60.
    task(500_000, 60_000, 50_000),
    script('FunctionCall', 500_100, 50_000, PAGE),
    script('FunctionCall', 551_000, 4_000, EXT),
    // Another mojo interface, and a callback without a URL in the page's own task: not the extension's.
    task(600_000, 5_000, 5_000),
    mojo(600_100, 4_000, 'blink.mojom.ImageDownloader'),
    script('FunctionCall', 600_200, 1_000, ''),
    // The extension's script on another thread: not this page's main thread.
    task(700_000, 70_000, 70_000, { pid: 1, tid: 11 }),
    script('FunctionCall', 700_100, 60_000, EXT, { pid: 1, tid: 11 }),
    // An extension event after this task's end belongs to the next task only.
    task(800_000, 2_000, 2_000),
    task(802_500, 3_000, 3_000),
    script('FunctionCall', 803_000, 1_000, EXT),
  ];

  it('counts whole tasks with an extension script or extension mojo message, and only its part of a shared task', () => {
    const tasks = tasksFromTrace(trace(events), 'start', 'end', { extension: true })!;
    expect(tasks.extension).toBeDefined();
    const ext = tasks.extension!;
    expect(ext.tasks).toBe(6);
    expect(ext.sharedTasks).toBe(2);
    expect(ext.wallMs).toBeCloseTo(10 + 30 + 12 + 40 + 4 + 3, 6);
    expect(ext.cpuMs).toBeCloseTo(10 + 25 + 11 + 20 + 4 + 3, 6);
    expect(ext.longestTaskMs).toBe(40);
    expect(ext.longestTaskCpuMs).toBe(25);
    // The page's tasks in the window are all still counted, and the longest is the page's.
    expect(tasks.longestTaskMs).toBe(90);
    expect(tasks.cpuMs).toBeCloseTo(80 + 25 + 11 + 20 + 50 + 5 + 2 + 3, 6);
  });

  it('is left out unless asked for', () => {
    expect(tasksFromTrace(trace(events), 'start', 'end')!.extension).toBeUndefined();
  });

  it('measures from the start of the pre-check (precheck.js), the first content script, to a mark', () => {
    const precheck = EXT.replace('content.js', 'precheck.js');
    const load = [
      script('EvaluateScript', 5_000, 1_000, PAGE),
      script('EvaluateScript', 6_000, 1_000, EXT.replace('content.js', 'annotator.js')),
      script('EvaluateScript', 100_000, 20_000, precheck, { pid: 1, tid: 11 }), // another frame's thread
      script('EvaluateScript', 120_000, 20_000, precheck),
      script('EvaluateScript', 150_000, 2_000, precheck),
      script('EvaluateScript', 200_000, 2_000, EXT), // the reader, injected after it
      mark('painted', 270_000),
    ];
    expect(msFromContentScript(trace(load), 'painted')).toBe(150);
    expect(msFromContentScript(trace(load), 'missing')).toBeUndefined();
    // Without the pre-check's evaluation, another of the extension's scripts (the reader, the annotator) is no start.
    expect(msFromContentScript(trace(load.slice(0, 3).concat(load.slice(5))), 'painted')).toBeUndefined();
  });
});

describe('generated pages', () => {
  const story = ['Vladimir Putin and Xi Jinping spoke by video link on Wednesday.'];

  it('are the same for the same seed, near the size asked for, with the ready mark', () => {
    const a = storyPage(50_000, story, 7);
    expect(storyPage(50_000, story, 7).html).toBe(a.html);
    expect(a.textChars).toBeGreaterThanOrEqual(50_000);
    expect(a.textChars).toBeLessThan(60_000);
    expect(a.specialShare).toBeGreaterThan(0.05);
    expect(a.html).toContain(READY_STAMP);
  });

  it('quiet pages name the countries in passing and never the story', () => {
    const page = quietPage(50_000, 3);
    expect(page.html).toMatch(/China|Russia|Beijing|Moscow/);
    expect(page.html).not.toMatch(/Putin|Xi Jinping/);
    expect(page.specialShare).toBeGreaterThan(0);
    expect(page.specialShare).toBeLessThan(0.1);
  });

  it("wordless quiet pages are the same news with none of the stories' words", () => {
    const page = wordlessPage(50_000, 3);
    expect(page.html).not.toMatch(/China|Russia|Beijing|Moscow|Putin|Xi\b/);
    expect(page.specialShare).toBe(0);
    expect(page.textChars).toBeGreaterThanOrEqual(50_000);
  });

  it('the live blog carries its storm settings and escapes its text', () => {
    const html = liveBlogPage(['A </script> in a sentence, said Putin.'], 1);
    expect(html).toContain(`}, ${STORM.intervalMs});`);
    expect(html).toContain(`> ${STORM.cap})`);
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    expect(html).not.toContain('(corrected)');
  });

  it('the dense live page names the story in every entry and rewrites an older entry each tick', () => {
    const story = ['In a video summit, Xi Jinping told Vladimir Putin that relations exceed an alliance.'];
    const sentences = denseEntrySentences(new Random(5), 40, story);
    for (const s of sentences) expect(s).toMatch(/Putin[\s\S]*Xi|Xi[\s\S]*Putin/);
    for (const s of sentences) expect(s).toMatch(/Beijing Olympics/);
    for (const s of sentences) expect(s).toMatch(/NATO/);
    for (const s of sentences) expect(s.startsWith(story[0]!)).toBe(true);
    const html = liveBlogPage(sentences, 5, DENSE_LIVE_BLOG);
    const entries = JSON.parse(/const entries = (\[.*\]);/.exec(html)![1]!) as string[];
    expect(entries.every((e) => sentences.some((s) => e.startsWith(s)))).toBe(true);
    expect(html).toContain("+ ' (corrected)'");
  });
});
