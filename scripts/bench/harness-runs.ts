/**
 * The in-page rows: (a) the floor, (a′) the floor normalised, (b) the
 * extension's page-side modules (`PageAnnotator.rescan()`, its stages unsliced,
 * the marks renderer), (c) and (d) mark.js; then the dataset at scale and one
 * appended paragraph. All of them bundle the extension's page-side modules into
 * the page (harness-page.ts): (b), the scale and the append rows run the
 * matcher in the page, so they measure that code, wherever the extension runs it.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileMatcher } from '../../src/core/compile';
import type { Lexicon, Story } from '../../src/core/dataset';
import { scaledStory } from './dataset';
import { fmtTime } from './format';
import type { AppendDetail, ScaleDetail } from './harness-page';
import {
  call,
  type HarnessSession,
  onFreshPage,
  run,
  runRescan,
  runTraced,
  SLOW_RUN_MS,
  TimedOut,
} from './harness-session';
import { log, type Options, SIZES, type SizeName } from './options';
import { appendedParagraph, type GeneratedPage } from './pages';
import { Random } from './random';
import { median, type OpResult, type Outcome, reduce, skippedResult } from './stats';
import { profiled } from './trace';

export interface SizeResults {
  text: { chars: number; nodes: number; storyShare: number; htmlBytes: number };
  floor?: OpResult;
  /** (a) plus joining, NFKC and lower-casing the text. */
  floorNormalised?: OpResult;
  /** (b) PageAnnotator.rescan(). */
  rescan?: OpResult;
  /** (b) stage by stage, unsliced. */
  stages?: OpResult;
  /** (b) with the <mark> renderer instead of the default CSS Custom Highlights. */
  rescanMarks?: OpResult;
  markKeywords?: OpResult;
  markRegExp?: OpResult;
}

type ScaleKey = 'generated' | 'entitiesOnly' | 'claimsOnly';

export interface ScaleResult {
  real: OpResult;
  /** Real + 10,000 entities + 2,000 claims; and each half alone. */
  generated: OpResult;
  entitiesOnly: OpResult;
  claimsOnly: OpResult;
  /** generated / real, index + annotate. */
  ratio: number;
  entitiesOnlyRatio: number;
  claimsOnlyRatio: number;
  facts: number;
  phrases: number;
  compileMs: number;
  jsonKB: number;
}

export interface AppendResult {
  ms: number;
  runs: number;
  longestTaskMs: number;
  rescanMs: number;
  highlightsOnPage: number;
  highlightsInParagraph: number;
}

export interface HarnessInput {
  options: Options;
  session: HarnessSession;
  /** The story pages, by size. */
  pages: Map<SizeName, GeneratedPage>;
  runsFor: (size: SizeName) => number;
  story: Story;
  lexicon: Lexicon;
  matcherJson: string;
  aliases: string[];
  regExp: { source: string; flags: string };
}

export interface HarnessResults {
  sizes: Map<SizeName, SizeResults>;
  scale?: ScaleResult;
  append?: AppendResult;
}

/** Runs one operation `runs` times, each on a fresh page; stops at the first run over the cap. */
async function repeat<T>(
  input: HarnessInput,
  size: SizeName,
  label: string,
  runs: number,
  fn: (page: Page) => Promise<Outcome<T>>,
  extra: (d: T[]) => Record<string, number | string>,
): Promise<OpResult> {
  const { session, matcherJson, options } = input;
  const cap = options.capSeconds * 1000;
  const measured: Outcome<T>[] = [];
  for (let i = 0; i < runs; i++) {
    try {
      const m = await onFreshPage(session, `${size}.html`, matcherJson, cap, fn);
      measured.push(m);
      log(`${size} ${label} run ${i + 1}/${runs}: ${fmtTime(m.ms)}, longest task ${fmtTime(m.longestTaskMs)}`);
      if (m.ms > SLOW_RUN_MS && i + 1 < runs) {
        log(`${size} ${label}: one run took over ${SLOW_RUN_MS / 1000} s, so it is measured once`);
        break;
      }
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error;
      log(`${size} ${label} run ${i + 1}/${runs}: over the cap of ${options.capSeconds} s, abandoned`);
      return { ...skippedResult(''), skipped: undefined, runs: i + 1, timedOut: true };
    }
  }
  return reduce(measured, extra);
}

/** (a)–(d) at every size of `options.sizes`. */
export async function runSizeRows(input: HarnessInput): Promise<Map<SizeName, SizeResults>> {
  const { options, session, matcherJson, aliases, regExp, runsFor } = input;
  const cap = options.capSeconds * 1000;
  const results = new Map<SizeName, SizeResults>();
  let keywordStop: string | undefined;
  const keywordSizes = options.sizes.filter((s) => SIZES[s] <= SIZES['1MB']);
  const keywordLargest = keywordSizes[keywordSizes.length - 1];
  for (const size of options.sizes) {
    const page = input.pages.get(size)!;
    const runs = runsFor(size);
    const r: SizeResults = {
      text: { chars: page.textChars, nodes: 0, storyShare: page.specialShare, htmlBytes: page.html.length },
    };
    results.set(size, r);

    r.floor = await repeat(
      input,
      size,
      '(a) floor',
      runs,
      (p) => run(session, p, 'floor'),
      (d) => {
        r.text.nodes = d[0]?.nodes ?? 0;
        return { chars: d[0]?.chars ?? 0, nodes: d[0]?.nodes ?? 0 };
      },
    );
    r.floorNormalised = await repeat(
      input,
      size,
      "(a') floor + NFKC + lower case",
      runs,
      (p) => run(session, p, 'floorNormalised'),
      () => ({}),
    );
    r.rescan = await repeat(
      input,
      size,
      '(b) PageAnnotator.rescan()',
      runs,
      (p) => runRescan(session, p, 'highlights'),
      (d) => ({ drawn: d[0]?.drawn ?? 0 }),
    );
    if (options.trace && !r.rescan.timedOut) {
      // One more run under a trace: the length of every task, not only those over 50 ms.
      const traced = await onFreshPage(session, `${size}.html`, matcherJson, cap, (p) =>
        runTraced(
          session,
          p,
          options.traceDir ? join(resolve(options.traceDir), `rescan-${size}.json`) : undefined,
          'rescan',
        ),
      );
      r.rescan.traced = traced.traced;
      r.rescan.tracedMs = traced.ms;
      const t = traced.traced;
      log(
        `${size} (b) PageAnnotator.rescan() traced: ${fmtTime(traced.ms)}, ` +
          (t
            ? `longest task ${fmtTime(t.longestTaskMs)}, ${t.tasks} tasks of 1 ms or more, main thread busy ${fmtTime(t.busyMs)} of ${fmtTime(t.windowMs)}`
            : 'no markers in the trace'),
      );
    }
    if (options.profileDir && !r.rescan.timedOut) {
      const file = join(resolve(options.profileDir), `rescan-${size}.cpuprofile`);
      const top = await onFreshPage(session, `${size}.html`, matcherJson, cap, (p) =>
        profiled(p, file, () => call(p, 'rescan')),
      );
      r.rescan.profileTop = top;
      log(
        `${size} (b) PageAnnotator.rescan() profiled, saved to ${file}; most self time:\n${top.map((t) => `    ${t}`).join('\n')}`,
      );
    }
    r.rescanMarks = await repeat(
      input,
      size,
      '(b) rescan(), marks renderer',
      runs,
      (p) => runRescan(session, p, 'marks'),
      (d) => ({
        highlights: d[0]?.highlights ?? 0,
        marks: d[0]?.marks ?? 0,
      }),
    );
    log(
      `${size} (b) rescan(), marks renderer: ${r.rescanMarks.extra.marks} <mark> elements, ${r.rescanMarks.extra.highlights} ranges`,
    );
    r.stages = await repeat(
      input,
      size,
      '(b) stages, unsliced',
      runs,
      (p) => run(session, p, 'stages'),
      (d) => ({
        indexMs: median(d.map((x) => x.indexMs)),
        annotateMs: median(d.map((x) => x.annotateMs)),
        renderMs: median(d.map((x) => x.renderMs)),
        annotations: d[0]?.annotations ?? 0,
        highlights: d[0]?.highlights ?? 0,
        verdict: d[0]?.verdict ?? '',
        textNodes: d[0]?.textNodes ?? 0,
      }),
    );
    const st = r.stages.extra;
    log(
      `${size} (b) stages: verdict ${st.verdict}, ${st.annotations} annotations, ${st.highlights} ranges drawn; ` +
        `index ${fmtTime(Number(st.indexMs))} / annotate ${fmtTime(Number(st.annotateMs))} / render ${fmtTime(Number(st.renderMs))}`,
    );

    // (c) mark.js keyword search: not above 1 MB, once at the largest size, abandoned after the cap.
    if (options.skip.has('keywords')) r.markKeywords = skippedResult('--skip');
    else if (keywordStop) r.markKeywords = skippedResult(keywordStop);
    else if (SIZES[size] > SIZES['1MB']) r.markKeywords = skippedResult('not run above 1 MB');
    else {
      r.markKeywords = await repeat(
        input,
        size,
        '(c) mark.js mark(aliases)',
        size === keywordLargest ? 1 : runs,
        (p) => run(session, p, 'markKeywords', aliases, { acrossElements: true, separateWordSearch: false }),
        (d) => ({ marks: d[0]?.marks ?? 0 }),
      );
      if (r.markKeywords.timedOut) keywordStop = `a smaller page took over ${options.capSeconds} s`;
    }
    // (d) mark.js with one regular expression.
    if (options.skip.has('regexp')) r.markRegExp = skippedResult('--skip');
    else
      r.markRegExp = await repeat(
        input,
        size,
        '(d) mark.js markRegExp',
        runs,
        (p) => run(session, p, 'markRegExp', regExp.source, regExp.flags, { acrossElements: true }),
        (d) => ({ marks: d[0]?.marks ?? 0 }),
      );
  }
  return results;
}

/**
 * Dataset scale: the 1 MB page with the real dataset, then with 10,000 entities and 2,000 claims more
 * (and, to tell the two apart, with only the entities and with only the claims).
 */
export async function runScaleRow(input: HarnessInput): Promise<ScaleResult> {
  const { session, matcherJson, options, runsFor } = input;
  const cap = options.capSeconds * 1000;
  let t: number;
  const runs = runsFor('1MB');
  const variants: { key: ScaleKey; entities: number; claims: number }[] = [
    { key: 'generated', entities: 10_000, claims: 2_000 },
    { key: 'entitiesOnly', entities: 10_000, claims: 0 },
    { key: 'claimsOnly', entities: 0, claims: 2_000 },
  ];
  const datasets: { key: ScaleKey | 'real'; json: string; runs: Outcome<ScaleDetail>[] }[] = [
    { key: 'real', json: matcherJson, runs: [] },
  ];
  let big: { facts: number; phrases: number; compileMs: number; jsonKB: number } | undefined;
  for (const variant of variants) {
    t = performance.now();
    const scaled = scaledStory(input.story, variant.entities, variant.claims, 42);
    const data = compileMatcher(scaled, input.lexicon);
    const ms = performance.now() - t;
    const json = JSON.stringify(data);
    if (variant.key === 'generated')
      big = {
        facts: scaled.facts.length,
        phrases: data.phraseKind.length,
        compileMs: ms,
        jsonKB: json.length / 1024,
      };
    log(
      `scale ${variant.key}: ${scaled.facts.length} facts, ${data.phraseKind.length} phrases, parsed + compiled in ${ms.toFixed(0)} ms, ` +
        `${(json.length / 1024 / 1024).toFixed(1)} MB of matcher JSON`,
    );
    datasets.push({ key: variant.key, json, runs: [] });
  }
  for (let i = 0; i < runs; i++) {
    for (const d of datasets) {
      const m = await onFreshPage(session, '1MB.html', d.json, cap, (p) => run(session, p, 'indexAndAnnotate'));
      d.runs.push(m);
      log(
        `scale ${d.key} run ${i + 1}/${runs}: new Matcher ${fmtTime(m.detail.matcherMs)}, index ${fmtTime(m.detail.indexMs)}, ` +
          `annotate ${fmtTime(m.detail.annotateMs)} (${m.detail.annotations} annotations, ${m.detail.verdict})`,
      );
    }
  }
  const scaleExtra = (d: ScaleDetail[]) => ({
    matcherMs: median(d.map((x) => x.matcherMs)),
    indexMs: median(d.map((x) => x.indexMs)),
    annotateMs: median(d.map((x) => x.annotateMs)),
    indexAnnotateMs: median(d.map((x) => x.indexMs + x.annotateMs)),
    annotations: d[0]?.annotations ?? 0,
    verdict: d[0]?.verdict ?? '',
  });
  const reduced = Object.fromEntries(datasets.map((d) => [d.key, reduce(d.runs, scaleExtra)])) as Record<
    ScaleKey | 'real',
    OpResult
  >;
  const ratioOf = (key: ScaleKey) =>
    Number(reduced[key].extra.indexAnnotateMs) / Number(reduced.real.extra.indexAnnotateMs);
  const scale: ScaleResult = {
    real: reduced.real,
    generated: reduced.generated,
    entitiesOnly: reduced.entitiesOnly,
    claimsOnly: reduced.claimsOnly,
    ratio: ratioOf('generated'),
    entitiesOnlyRatio: ratioOf('entitiesOnly'),
    claimsOnlyRatio: ratioOf('claimsOnly'),
    ...big!,
  };
  return scale;
}

/** Incremental cost: one 1 MB page annotated by PageAnnotator.rescan(), then paragraphs appended one at a time. */
export async function runAppendRow(input: HarnessInput): Promise<AppendResult> {
  const { session, matcherJson, options } = input;
  const cap = options.capSeconds * 1000;
  const appends = options.quick ? 3 : 7;
  const random = new Random(7);
  return onFreshPage(session, '1MB.html', matcherJson, cap * 2, async (p) => {
    const rescan = await runRescan(session, p, 'highlights');
    log(
      `append: PageAnnotator.rescan() of the 1MB page took ${fmtTime(rescan.ms)} (${rescan.detail.drawn} highlights)`,
    );
    const times: Outcome<AppendDetail>[] = [];
    for (let i = 0; i < appends; i++) {
      const m = await run(session, p, 'appendParagraph', appendedParagraph(random, i + 1));
      times.push(m);
      log(
        `append ${i + 1}/${appends}: refresh([p]) ${fmtTime(m.ms)}, ${m.detail.highlightsInParagraph} highlights in the ${m.detail.paragraphChars}-char paragraph`,
      );
    }
    return {
      ms: median(times.map((m) => m.ms)),
      runs: times.length,
      longestTaskMs: median(times.map((m) => m.longestTaskMs)),
      rescanMs: rescan.ms,
      highlightsOnPage: rescan.detail.drawn,
      highlightsInParagraph: median(times.map((m) => m.detail.highlightsInParagraph)),
    };
  });
}
