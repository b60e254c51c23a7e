/**
 * The cost of following stories: with 50 followed stories in storage, what
 * quiet pages and story pages cost the page (the extension's own main-thread
 * CPU time, as the extension rows measure it) against the same with none
 * (`scaleFollowed50Ratio`, the larger of the two ratios), the first
 * highlight when the page's navigation wakes the worker, and, in Node, how
 * long the extension's pages take to compile one followed story and 50
 * beside the shipped packs' build-time matcher. The 50 stories are drafted as the extension drafts them,
 * each beside the ones before, from the follow fixtures' articles and pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { draftFollowed } from '../../src/builder/follow';
import { builderNlp } from '../../src/builder/nlp';
import { compileMatcher } from '../../src/core/compile';
import type { Story } from '../../src/core/dataset';
import { FOLLOWED_KEY, type FollowedStore } from '../../src/core/followed';
import { followedCompiledItems, type ShippedBuild } from '../../src/core/followed-compile';
import { buildGate, gateCharacters } from '../../src/core/precheck-gate';
import { FOLLOW_FIXTURES, readPlainArticle } from '../../tests/fixtures/follow/render';
import { ROOT } from '../chrome';
import { compiledDatasetModules } from '../compiled-dataset-module';
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
  /** The compile of the shipped packs with one followed story, and with all of them (Node, median). */
  compileOneMs: number;
  /** The first of those runs with one. */
  compileOneFirstMs: number;
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

/**
 * The compile of the shipped packs with `stories` as the extension's pages make it: beside the shipped
 * packs' matcher as the build compiled it, whose facts are reused, with the pre-check's gate for them.
 * The first run (code not yet optimised, the generic-word table not yet read in a fresh process) and the
 * median of the runs.
 */
function timeCompile(stories: readonly Story[], runs: number): { firstMs: number; medianMs: number } {
  const shipped = shippedBuild();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    followedCompiledItems(shipped, { revision: i, stories: [...stories] });
    times.push(performance.now() - started);
  }
  return { firstMs: times[0]!, medianMs: median(times) };
}

let shipped: ShippedBuild | undefined;

/** The shipped packs as the build of data/ that the bench loads compiled them, with its gate's characters. */
function shippedBuild(): ShippedBuild {
  if (!shipped) {
    const dataset = loadDataset();
    const lexicon = loadLexicon();
    const matcher = compileMatcher(dataset, lexicon);
    const build = compiledDatasetModules(ROOT, join(ROOT, 'data')).buildId;
    shipped = { dataset, lexicon, matcher, build, characters: gateCharacters(buildGate(matcher)) };
  }
  return shipped;
}

/**
 * Stores the followed stories in the extension's storage with what is stored beside them, made by the same
 * function as the extension's pages (src/follow/store.ts: one write of the stories, the compiled copy and
 * the pre-check's gate), for the build of data/ that the bench loads.
 */
async function follow(context: BrowserContext, stories: readonly Story[]): Promise<void> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no extension service worker');
  const store: FollowedStore = { revision: Date.now(), stories: [...stories] };
  const items = followedCompiledItems(shippedBuild(), store);
  await worker.evaluate(
    async (all) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: LocalStorage } } }).chrome.storage.local;
      await storage.set(all);
    },
    { [FOLLOWED_KEY]: store, ...items },
  );
}

export async function measureFollowed(input: ExtensionInput, count = 50): Promise<FollowedResults> {
  const stories = draftFollowedStories(count);
  const one = timeCompile(stories.slice(0, 1), input.quick ? 3 : 7);
  const compileOneMs = one.medianMs;
  const compileAllMs = timeCompile(stories, input.quick ? 1 : 3).medianMs;
  log(
    `followed: ${count} stories drafted; compile with 1 ${compileOneMs.toFixed(0)} ms (first ${one.firstMs.toFixed(0)} ms), with ${count} ${compileAllMs.toFixed(0)} ms`,
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
    compileOneFirstMs: one.firstMs,
    compileAllMs,
    quiet,
    story,
    wakeNoneMs: wakeOf(none.wake),
    wakeFollowedMs: wakeOf(followed.wake),
    ratio,
  };
}
