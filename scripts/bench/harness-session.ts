/**
 * The browser side of the in-page rows: a plain Chromium (no extension), each
 * run on a fresh page with the harness (harness-page.ts) injected, and one
 * harness operation called and measured per run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { RendererKind } from '../../src/core/settings';
import { findChrome, ROOT } from '../chrome';
import type { BenchApi, Measured, RescanDetail } from './harness-page';
import { log } from './options';
import { END_STAMP, START_STAMP } from './stamps';
import type { OpResult, Outcome } from './stats';
import { DEVTOOLS_TRACE, LIGHT_TRACE, type TraceTasks, tasksFromTrace } from './trace';

/** The CSS files the manifest's content scripts inject, concatenated ('' if there are none). */
export function contentCss(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
      content_scripts?: { css?: string[] }[];
    };
    const files = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []);
    return files.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
  } catch (error) {
    log(`no content-script CSS (${error instanceof Error ? error.message : String(error)})`);
    return '';
  }
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

export class TimedOut extends Error {}

/** An operation whose first run takes longer than this is not repeated (keeps the default run under ~8 min). */
export const SLOW_RUN_MS = 30_000;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface HarnessSession {
  browser: Browser;
  baseUrl: string;
  harness: string;
  /** The content script's CSS (manifest.json content_scripts[].css), styling the highlights. */
  css: string;
  cardsJson: string;
  /** True while a trace is being recorded (so an abandoned run can stop it). */
  tracing: boolean;
}

/**
 * Loads `path` in a fresh browser context (its own renderer: a fresh heap and
 * an unmarked DOM), injects the harness, hands it `matcherJson`, and runs `body`.
 * A run over `capMs` is abandoned by closing the context (which ends its renderer).
 */
export async function onFreshPage<T>(
  session: HarnessSession,
  path: string,
  matcherJson: string,
  capMs: number,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(session.baseUrl + path, { waitUntil: 'load', timeout: 120_000 });
    if (session.css) await page.addStyleTag({ content: session.css });
    await page.addScriptTag({ content: session.harness });
    await page.evaluate(([m, c]) => (window as unknown as { nicBench: BenchApi }).nicBench.setup(m, c), [
      matcherJson,
      session.cardsJson,
    ] as const);
    return await withTimeout(body(page), capMs, path);
  } finally {
    await withTimeout(context.close(), 30_000, 'closing a context').catch(() => undefined);
    if (session.tracing) {
      session.tracing = false;
      await session.browser.stopTracing().catch(() => undefined);
    }
  }
}

type Operation = Exclude<keyof BenchApi, 'setup'>;

/** Runs `window.nicBench[name](...args)` in the page (by name: page.evaluate ships a function's text, not its closure). */
export function call<K extends Operation>(
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): ReturnType<BenchApi[K]> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { nicBench: Record<string, (...x: unknown[]) => unknown> }).nicBench[n]!(...a),
    [name, args as unknown[]] as const,
  ) as ReturnType<BenchApi[K]>;
}

export type Detail<K extends Operation> = Awaited<ReturnType<BenchApi[K]>>['detail'];

/** Runs one harness operation; its longest task from the Long Tasks API (50 ms and more) or the call's own length. */
export function run<K extends Operation>(
  session: HarnessSession,
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  return runWith(false, session, page, name, ...args);
}

/**
 * The same under a Chromium trace, for the exact length of every task (short ones too). Kept apart from
 * the timed runs: even this light trace makes some DOM work (the text index's TreeWalker) about twice as slow.
 */
export function runTraced<K extends Operation>(
  session: HarnessSession,
  page: Page,
  saveAs: string | undefined,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  return runWith(saveAs ?? true, session, page, name, ...args);
}

/** `trace`: false for none, true for a light trace, a file name for a DevTools trace saved there. */
async function runWith<K extends Operation>(
  trace: boolean | string,
  session: HarnessSession,
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Outcome<Detail<K>>> {
  if (trace) {
    await session.browser.startTracing(page, { categories: typeof trace === 'string' ? DEVTOOLS_TRACE : LIGHT_TRACE });
    session.tracing = true;
  }
  const measured = (await call(page, name, ...args)) as Measured<Detail<K>>;
  let tasks: TraceTasks | undefined;
  if (trace) {
    session.tracing = false;
    const buffer = await session.browser.stopTracing();
    if (typeof trace === 'string') {
      writeFileSync(trace, buffer);
      log(`trace saved to ${trace}`);
    }
    tasks = tasksFromTrace(buffer, START_STAMP, END_STAMP);
  }
  if (tasks) return { ...measured, longestTaskMs: tasks.longestTaskMs, tasksOver50: tasks.tasksOver50, traced: tasks };
  return { ...measured, longestTaskMs: measured.longTaskApiMs, tasksOver50: measured.longTaskCount };
}

/** (b)'s longest task: the longer of its traced run's (which sees every task) and the Long Tasks API's (50 ms and more). */
export function rescanLongestTask(r: OpResult): number {
  const api = r.tasksOver50 > 0 ? r.longestTaskMs : NaN;
  const traced = r.traced?.longestTaskMs ?? NaN;
  if (Number.isFinite(api) && Number.isFinite(traced)) return Math.max(api, traced);
  if (Number.isFinite(traced)) return traced;
  return Number.isFinite(api) ? api : r.longestTaskMs;
}

/** PageAnnotator.rescan() with the given renderer. */
export function runRescan(session: HarnessSession, page: Page, renderer: RendererKind): Promise<Outcome<RescanDetail>> {
  return run(session, page, 'rescan', renderer);
}

/** A plain Chromium for the in-page rows. */
export async function launchPlain(baseUrl: string, cardsJson: string, harness: string): Promise<HarnessSession> {
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: LAUNCH_ARGS });
  return { browser, baseUrl, harness, css: contentCss(), cardsJson, tracing: false };
}
