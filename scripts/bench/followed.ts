/**
 * The cost of following stories: with 50 followed stories in storage, what
 * quiet pages and story pages cost the page (the extension's own main-thread
 * CPU time, as the extension rows measure it) against the same with none
 * (`scaleFollowed50Ratio`, the larger of the two ratios), the first
 * highlight when the page's navigation wakes the worker, and, in Node, how
 * long the worker takes to compile one followed story and 50 with the
 * shipped packs. The 50 stories are drafted as the extension drafts them,
 * each beside the ones before, from the follow fixtures' articles and pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { draftFollowed } from '../../src/builder/follow';
import { builderNlp } from '../../src/builder/nlp';
import type { Story } from '../../src/core/dataset';
import { compileWithFollowed, FOLLOWED_COMPILED_KEY, FOLLOWED_KEY } from '../../src/core/followed';
import { FOLLOW_FIXTURES, readPlainArticle } from '../../tests/fixtures/follow/render';
import { loadDataset, loadLexicon } from '../load-dataset';
import {
  type ExtensionInput,
  type PairedLoads,
  runFirstHighlight,
  runQuietPages,
  runStoryPages,
} from './extension-runs';
import { log } from './options';
import { median } from './stats';

/** The bit of the extension API the worker is asked to run. */
interface LocalStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface FollowedResults {
  stories: number;
  /** The worker's compile of the shipped packs with one followed story, and with all of them (Node, median). */
  compileOneMs: number;
  compileAllMs: number;
  /** Extension main-thread CPU per page, median: none followed → 50 followed. */
  quiet: { name: string; noneMs: number; followedMs: number }[];
  story: { name: string; noneMs: number; followedMs: number }[];
  /** First highlight with the worker woken by the page's navigation, median. */
  wakeNoneMs: number;
  wakeFollowedMs: number;
  ratio: number;
}

/** `count` followed stories, drafted one after another beside the shipped packs and the ones before. */
export function draftFollowedStories(count: number): Story[] {
  const shipped = loadDataset();
  const lexicon = loadLexicon();
  const nlp = builderNlp();
  const texts = ['articles', 'pages'].flatMap((folder) =>
    readdirSync(join(FOLLOW_FIXTURES, folder))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(FOLLOW_FIXTURES, folder, f), 'utf8')),
  );
  const stories: Story[] = [];
  for (let i = 0; i < count; i++) {
    const article = readPlainArticle(texts[i % texts.length]!);
    // A second round of the same texts reads as other days' follow-ups: its own title and date.
    const round = Math.floor(i / texts.length);
    stories.push(
      draftFollowed(
        {
          address: `https://news${round}.example/${i}`,
          title: round === 0 ? article.title : `${article.title} (${round + 1})`,
          text: article.paragraphs.join('\n'),
          ...(article.byline ? { byline: article.byline } : {}),
          siteName: `News ${round + 1}`,
          ...(article.date ? { publishedTime: article.date } : {}),
        },
        { shipped, followed: stories, lexicon, nlp, now: '2025-01-01T00:00:00.000Z' },
      ),
    );
  }
  return stories;
}

function timeCompile(stories: readonly Story[], runs: number): number {
  const shipped = loadDataset();
  const lexicon = loadLexicon();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    compileWithFollowed(shipped, lexicon, stories);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Stores the followed stories in the extension's storage and waits until the worker has compiled them. */
async function follow(context: BrowserContext, stories: readonly Story[]): Promise<void> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no extension service worker');
  await worker.evaluate(
    async ([key, cacheKey, list]) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: LocalStorage } } }).chrome.storage.local;
      await storage.remove(cacheKey);
      await storage.set({ [key]: { revision: Date.now(), stories: list } });
    },
    [FOLLOWED_KEY, FOLLOWED_COMPILED_KEY, stories] as const,
  );
  const started = Date.now();
  for (;;) {
    const compiled = await worker.evaluate(
      async (cacheKey) =>
        !!(
          await (globalThis as unknown as { chrome: { storage: { local: LocalStorage } } }).chrome.storage.local.get(
            cacheKey,
          )
        )[cacheKey],
      FOLLOWED_COMPILED_KEY,
    );
    if (compiled) return;
    if (Date.now() - started > 120_000) throw new Error('the worker did not compile the followed stories');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureFollowed(input: ExtensionInput, count = 50): Promise<FollowedResults> {
  const stories = draftFollowedStories(count);
  const compileOneMs = timeCompile(stories.slice(0, 1), input.quick ? 3 : 7);
  const compileAllMs = timeCompile(stories, input.quick ? 1 : 3);
  log(
    `followed: ${count} stories drafted; compile with 1 ${compileOneMs.toFixed(0)} ms, with ${count} ${compileAllMs.toFixed(0)} ms`,
  );
  const runs = async () => ({
    quiet: await runQuietPages(input),
    story: await runStoryPages(input),
    wake: await runFirstHighlight(input),
  });
  const none = await runs();
  await follow(input.browsers.with.context, stories);
  const followed = await runs();
  const rows = (a: Partial<Record<string, PairedLoads>>, b: Partial<Record<string, PairedLoads>>) =>
    Object.keys(a).map((name) => ({ name, noneMs: a[name]!.scriptMs, followedMs: b[name]!.scriptMs }));
  const quiet = rows(none.quiet, followed.quiet);
  const story = rows(none.story, followed.story);
  const wakeOf = (w: typeof none.wake) => median(Object.values(w).map((r) => r!.coldMs));
  const ratio = Math.max(...[...quiet, ...story].map((r) => r.followedMs / r.noneMs));
  return {
    stories: count,
    compileOneMs,
    compileAllMs,
    quiet,
    story,
    wakeNoneMs: wakeOf(none.wake),
    wakeFollowedMs: wakeOf(followed.wake),
    ratio,
  };
}
