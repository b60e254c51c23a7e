/**
 * `--baseline DIR`: the built extension against an earlier build, in one run. Three Chromiums with an
 * extension (this build, the baseline, and the baseline again as an A/A control) and one without load the
 * same English story pages in rounds; each round visits every browser once per row, in an order that
 * rotates from round to round, so the load of a shared machine falls on every build alike and the samples
 * of one round are paired. Each figure is reported as this build / the baseline (ratio of medians) with a
 * bootstrap interval over the rounds, and against the control; the control against the baseline is the
 * noise band the method shows between two copies of the same build (stats.ts, `verdict`).
 */
import { cpus, loadavg } from 'node:os';
import { basename, dirname } from 'node:path';
import { type ExtensionSide, launchPlainSide, launchSide, type Side, tracedLoad } from './extension-browsers';
import { firstHighlightOnce, SETTLE_MS, settleStory } from './extension-runs';
import { fmtMs, fmtRatio, fmtTime } from './format';
import { type BaselineRow, log, type SizeName } from './options';
import { median, type RatioInterval, ratioInterval, type Verdict, verdict } from './stats';
import { wakeOnce } from './worker-wake';

export const BUILDS = ['current', 'baseline', 'control'] as const;
export type Build = (typeof BUILDS)[number];

export interface BaselineInput {
  currentDir: string;
  baselineDir: string;
  /** How the builds are named in the output (commits, say): this build's default is "this build". */
  baselineName: string;
  currentName: string;
  baseUrl: string;
  sizes: SizeName[];
  rounds: number;
  rows: ReadonlySet<BaselineRow>;
}

/** One figure of every build in every round, under a name that says what it is. */
export interface Metric {
  key: string;
  label: string;
  samples: Record<Build, number[]>;
}

export interface MetricComparison {
  key: string;
  label: string;
  median: Record<Build, number>;
  /** Every round's figure (in the JSON, for a second look). */
  samples: Record<Build, number[]>;
  /** This build / the baseline, this build / the control (the baseline again), the control / the baseline. */
  change: RatioInterval;
  againstControl: RatioInterval;
  control: RatioInterval;
  verdict: Verdict;
}

export interface BaselineResults {
  baselineName: string;
  currentName: string;
  currentDir: string;
  baselineDir: string;
  rounds: number;
  chromium: string;
  metrics: MetricComparison[];
  /** The one-minute load average before each round. */
  load: number[];
  /** Module files the worker compiled as it woke: this build, the baseline. */
  workerModules?: Record<Build, number>;
}

/** A name for a built extension's folder: `…/<name>/chrome` → `<name>`. */
export function buildName(dir: string): string {
  const base = basename(dir);
  return base === 'chrome' || base === 'firefox' ? basename(dirname(dir)) : base;
}

/** The builds in round `round`'s order: each build goes first once every three rounds. */
const inOrder = <T>(items: readonly T[], round: number): T[] => items.map((_, i) => items[(i + round) % items.length]!);

export function compare(metric: Metric): MetricComparison {
  const { samples } = metric;
  const change = ratioInterval(samples.current, samples.baseline);
  const againstControl = ratioInterval(samples.current, samples.control, { seed: 2 });
  const control = ratioInterval(samples.control, samples.baseline, { seed: 3 });
  return {
    key: metric.key,
    label: metric.label,
    median: { current: median(samples.current), baseline: median(samples.baseline), control: median(samples.control) },
    samples,
    change,
    againstControl,
    control,
    verdict: verdict(change, againstControl),
  };
}

export async function runBaseline(input: BaselineInput): Promise<BaselineResults> {
  const dirs: Record<Build, string> = {
    current: input.currentDir,
    baseline: input.baselineDir,
    control: input.baselineDir,
  };
  const sides = {} as Record<Build, ExtensionSide>;
  let plain: Side | undefined;
  const metrics = new Map<string, Metric>();
  const sample = (key: string, label: string, build: Build, value: number) => {
    let metric = metrics.get(key);
    if (!metric) {
      metric = { key, label, samples: { current: [], baseline: [], control: [] } };
      metrics.set(key, metric);
    }
    metric.samples[build].push(value);
  };
  const load: number[] = [];
  const workerModules = {} as Record<Build, number>;
  let chromium = '';
  try {
    for (const build of BUILDS) sides[build] = await launchSide(dirs[build]);
    plain = await launchPlainSide();
    chromium = plain.browser.version();
    for (let round = 0; round < input.rounds; round++) {
      load.push(loadavg()[0]!);
      const order = inOrder(BUILDS, round);
      const label = `baseline round ${round + 1}/${input.rounds}`;
      if (input.rows.has('stories'))
        for (const size of input.sizes) {
          const url = `${input.baseUrl}${size}.html`;
          // The page without any extension once per round, in turn with the builds: what the page costs alone.
          const loads = inOrder([...BUILDS, undefined], round);
          const cpu = new Map<Build | undefined, number>();
          const script = new Map<Build, number>();
          for (const build of loads) {
            const side = build ? sides[build] : plain;
            const run = await tracedLoad(side, url, (page) => settleStory(page, SETTLE_MS[size], !!build));
            cpu.set(build, run.tasks.cpuMs);
            if (build) script.set(build, run.tasks.extension!.cpuMs);
          }
          const first = new Map<Build, number>();
          for (const build of order)
            first.set(
              build,
              (await firstHighlightOnce(sides[build], input.baseUrl, `${size}.html`, true)).fromScriptMs,
            );
          for (const build of BUILDS) {
            sample(`contentScriptMs ${size}`, `${size}: content script CPU, ms`, build, script.get(build)!);
            sample(
              `mainThreadMs ${size}`,
              `${size}: main thread with − without, CPU ms`,
              build,
              cpu.get(build)! - cpu.get(undefined)!,
            );
            sample(`firstHighlightMs ${size}`, `${size}: first highlight, worker woken, ms`, build, first.get(build)!);
          }
          log(
            `${label} ${size}: content script ${BUILDS.map((b) => fmtTime(script.get(b)!)).join(' / ')}; ` +
              `first highlight ${BUILDS.map((b) => fmtTime(first.get(b)!)).join(' / ')} (${BUILDS.join(' / ')})`,
          );
        }
      if (input.rows.has('wake')) {
        const wakes = new Map<Build, Awaited<ReturnType<typeof wakeOnce>>>();
        for (const build of order) wakes.set(build, await wakeOnce(sides[build]));
        for (const build of BUILDS) {
          const wake = wakes.get(build)!;
          sample('workerWakeCpuMs', "worker's wake-up, CPU ms", build, wake.cpuMs);
          sample('workerWakeWallMs', "worker's wake-up, wall ms", build, wake.wallMs);
          workerModules[build] = wake.modules;
        }
        log(
          `${label} worker wake-up: ${BUILDS.map((b) => `${fmtTime(wakes.get(b)!.cpuMs)} CPU, ${fmtTime(wakes.get(b)!.wallMs)} wall`).join(' / ')}`,
        );
      }
    }
  } finally {
    for (const side of Object.values(sides)) await side.context.close().catch(() => undefined);
    await plain?.browser.close().catch(() => undefined);
  }
  return {
    baselineName: input.baselineName,
    currentName: input.currentName,
    currentDir: input.currentDir,
    baselineDir: input.baselineDir,
    rounds: input.rounds,
    chromium,
    metrics: [...metrics.values()].map(compare),
    load,
    ...(input.rows.has('wake') ? { workerModules } : {}),
  };
}

const interval = (r: RatioInterval) =>
  `${fmtRatio(r.ratio)} (${fmtRatio(r.low).slice(1)}–${fmtRatio(r.high).slice(1)})`;

const VERDICT_TEXT: Record<Verdict, string> = {
  slower: '**slower, beyond noise**',
  faster: '**faster, beyond noise**',
  'within noise': 'within noise',
};

/** The comparison as the docs show it: method, table, load and the command that made it. */
export function baselineReport(results: BaselineResults, command: string): string {
  const load = [...results.load].sort((a, b) => a - b);
  const name = results.baselineName;
  const current = results.currentName;
  const rows = results.metrics.map(
    (m) =>
      `| ${m.label} | ${fmtMs(m.median.current)} | ${fmtMs(m.median.baseline)} | ${interval(m.change)} | ` +
      `${interval(m.againstControl)} | ${interval(m.control)} | ${VERDICT_TEXT[m.verdict]} |`,
  );
  const modules = results.workerModules
    ? ` The worker compiled ${results.workerModules.current} module files as it woke in ${current}, ` +
      `${results.workerModules.baseline} in ${name}.`
    : '';
  return [
    `**${current[0]!.toUpperCase()}${current.slice(1)} against ${name}** (\`${command}\`): ${results.rounds} rounds; in each, ${current}, ${name} and ` +
      `${name} again (the A/A control) take each measurement in turn, in an order that rotates from round to round` +
      `${results.metrics.some((m) => m.key.startsWith('mainThreadMs')) ? ' (the story pages beside a Chromium without the extension)' : ''}` +
      '. Medians over the rounds; the ratio is of the medians, with its 95 % ' +
      "bootstrap interval (4,000 resamplings of the rounds, a round's figures kept together). A change is beyond " +
      'noise only when it shows against both copies: its intervals against the baseline and against the control ' +
      "both lie wholly above 1 (or both below); the control against the baseline is the method's own noise band." +
      modules,
    '',
    `| figure | ${current} | ${name} | ${current} / ${name} (95 % interval) | ${current} / ${name} again | A/A: ${name} again / ${name} | verdict |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `Chromium ${results.chromium}, headless; one-minute load average before each round ${fmtMs(load[0] ?? Number.NaN)} to ` +
      `${fmtMs(load[load.length - 1] ?? Number.NaN)} (median ${fmtMs(median(load))}) on ${cpus().length} cores shared with other work.`,
  ].join('\n');
}
