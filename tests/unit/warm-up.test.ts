/**
 * The worker's warm-up (src/background/warm-up.ts): the cards' own text, run
 * through the matcher once per worker, a short slice per task.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisSource } from '../../src/background/analysis';
import { warmUpOnce, warmUpText } from '../../src/background/warm-up';
import { buildCards } from '../../src/core/cards';
import { compileMatcher } from '../../src/core/compile';
import { Matcher } from '../../src/core/matcher';
import { statementCounts } from '../../src/core/matcher-data';
import { BLOCK_SEPARATOR } from '../../src/core/normalize';
import { datasetWith, realLexicon } from './helpers';

const dataset = datasetWith();
const cards = buildCards(dataset);
const data = compileMatcher(dataset, realLexicon());

/** The real dataset as the worker sees it, counting the matchers built. */
function source(): AnalysisSource & { built: number } {
  let matcher: Matcher | undefined;
  const counted = {
    built: 0,
    matcher() {
      if (!matcher) counted.built++;
      matcher ??= new Matcher(data);
      return matcher;
    },
    cards,
    statementsTotal: statementCounts(data),
  };
  return counted;
}

/** A scheduler run by hand: each call to `run` runs one scheduled task. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => tasks.push(task),
    pending: () => tasks.length,
    run: () => tasks.shift()!(),
  };
}

describe('the warm-up', () => {
  it("is the cards' titles, texts and quotes, a block each", () => {
    const text = warmUpText(source());
    const putin = Object.values(cards).find((card) => card.title === 'Vladimir Putin')!;
    expect(text.split(BLOCK_SEPARATOR)).toContain(putin.title);
    expect(text.split(BLOCK_SEPARATOR)).toContain(putin.text);
    const quoted = Object.values(cards).find((card) => card.quote)!;
    expect(text).toContain(quoted.quote);
  });

  it('runs one short slice per task, so a page waits behind one slice at most', async () => {
    const counted = source();
    const { schedule, pending, run } = manualSchedule();
    const warming = warmUpOnce(counted, schedule).start();
    let tasks = 0;
    let done = false;
    void warming.then(() => {
      done = true;
    });
    while (pending() > 0) {
      expect(pending()).toBe(1);
      run();
      tasks++;
      await Promise.resolve();
    }
    const slices = await warming;
    expect(done).toBe(true);
    expect(slices).toBeGreaterThan(5);
    // A task per slice, and one to finish.
    expect(tasks).toBe(slices + 1);
    expect(warmUpText(counted).length / slices).toBeLessThan(2_048);
    expect(counted.built).toBe(1);
  });

  it('runs once per worker, however many tabs start loading', async () => {
    const counted = source();
    const { schedule, pending, run } = manualSchedule();
    const warmUp = warmUpOnce(counted, schedule);
    const first = warmUp.start();
    expect(warmUp.start()).toBe(first);
    while (pending() > 0) run();
    await first;
    await warmUp.start();
    expect(pending()).toBe(0);
    expect(counted.built).toBe(1);
  });

  it("gives way once a page's text comes: the slice under way ends it", async () => {
    const counted = source();
    const { schedule, pending, run } = manualSchedule();
    const warmUp = warmUpOnce(counted, schedule);
    const warming = warmUp.start();
    run();
    run();
    warmUp.giveWay();
    run();
    expect(pending()).toBe(0);
    expect(await warming).toBe(2);
  });
});
