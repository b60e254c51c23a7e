import { describe, expect, it } from 'vitest';
import { liveBlogPage, quietPage, READY_STAMP, STORM, storyPage } from '../../scripts/bench/pages';
import { tasksFromTrace } from '../../scripts/bench/trace';

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

  it('the live blog carries its storm settings and escapes its text', () => {
    const html = liveBlogPage(['A </script> in a sentence, said Putin.'], 1);
    expect(html).toContain(`}, ${STORM.intervalMs});`);
    expect(html).toContain(`> ${STORM.cap})`);
    expect(html.match(/<\/script>/g)?.length).toBe(2);
  });
});
