/**
 * The command line of `npm run bench` (scripts/bench/main.ts).
 *
 *   tsx scripts/bench/main.ts [options]
 *     --quick              for development: 1 run of each in-page row, fewer pairs, no 5 MB page
 *                          (default: 5 runs, 3 at 5 MB)
 *     --runs N             runs per size of the in-page rows
 *     --sizes 100KB,1MB    which story page sizes
 *     --json FILE          also write the results as JSON (floorMs, annotateMs, markKeywordsMs, markRegExpMs,
 *                          longestTaskMs, heapMB, mainThreadMs, contentScriptMs, firstHighlightMs by size;
 *                          quietPageMs, quietFloorMs, quietEmptyMs, quietTextMs by page; longestExtensionTaskMs; stormTickShare,
 *                          stormLongestGapMs;
 *                          scale10kRatio; scale50PacksRatio; appendParagraphMs; details). quietPageMs and
 *                          contentScriptMs: the content script's own main-thread CPU time (the extension's
 *                          tasks in the trace); longestExtensionTaskMs: the longest of those tasks in any
 *                          load; firstHighlightMs: from the content script's start (document_idle); details
 *                          has quietPageExtraMs (with − without) and firstHighlightFromDomContentLoadedMs
 *     --docs               rewrite the method and the table between <!-- bench:start --> and
 *                          <!-- bench:end --> in docs/benchmark.md
 *     --cap-seconds S      abandon a run after S seconds (default 120)
 *     --expanded-aliases   give mark.js every expanded alias form instead of the listed aliases
 *     --skip PARTS         leave out any of keywords,regexp,scale,append,harness,extension,quiet,stories,storm,
 *                          first-highlight,packs,languages,language-pages,followed (harness: every in-page row;
 *                          extension: every row of the built extension; quiet, stories, storm, first-highlight,
 *                          language-pages: one kind of its rows (language-pages: the 1 MB story page in English,
 *                          Russian and Chinese, side by side); followed: the built extension with 50 followed
 *                          stories against none)
 *     --languages-docs     write the language-pages table between <!-- bench-language-pages:start --> and
 *                          <!-- bench-language-pages:end --> in docs/languages.md, and nothing else (--docs
 *                          writes it too)
 *     --baseline DIR       also load an earlier build (DIR: its built Chrome extension, e.g. built with
 *                          NIC_OUT_DIR=<out> npx vite build in a worktree of that commit, then <out>/chrome) beside
 *                          this one, and the same build again as an A/A control, in the same rounds: the English
 *                          story pages of --sizes (content script CPU, main thread with − without, first highlight
 *                          with the worker woken) and the worker's wake-up (its thread's CPU and wall time from its
 *                          start to its report that it started, CDP ServiceWorker.startWorker under a browser trace);
 *                          each figure as this build / the baseline and / the control, 95 % bootstrap intervals,
 *                          the control / the baseline as the noise band, and a verdict: beyond noise only when both
 *                          of this build's intervals lie wholly above 1, or both below (scripts/bench/baseline.ts).
 *                          With --docs, writes that table alone, between <!-- bench-baseline-NAME:start --> and
 *                          its end in docs/benchmark.md
 *     --baseline-name NAME what the baseline is called (default: DIR's folder, the one above chrome/)
 *     --current-name NAME  what this build is called beside it (default: this build); the docs section is then
 *                          bench-baseline-NAME-BASELINENAME
 *     --baseline-rounds N  rounds of the comparison (default 12; 3 with --quick)
 *     --baseline-rows ROWS stories, wake or both (default)
 *     --fixtures           use tests/fixtures even when data/ has the real dataset
 *     --no-trace           no extra traced run of (b) (which sees tasks under 50 ms)
 *     --trace-dir DIR      save that traced run of each size as DIR/rescan-<size>.json, with DevTools
 *                          categories and JS samples (open it in DevTools' Performance panel)
 *     --cpu-profile DIR    run (b) once more per size under V8's sampling profiler, save
 *                          DIR/rescan-<size>.cpuprofile and print the functions with the most self time
 *
 * The rows of the built extension load it from EXTENSION_DIR, else dist/chrome (`npm run build`).
 * Progress goes to stderr; the table and the targets to stdout.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PARTS = [
  'keywords',
  'regexp',
  'scale',
  'append',
  'harness',
  'extension',
  'quiet',
  'stories',
  'storm',
  'first-highlight',
  'packs',
  'languages',
  'language-pages',
  'followed',
] as const;
export type Part = (typeof PARTS)[number];

/** What `--baseline` compares: the English story pages' rows, and the worker's wake-up (baseline.ts). */
export const BASELINE_ROWS = ['stories', 'wake'] as const;
export type BaselineRow = (typeof BASELINE_ROWS)[number];

export const SIZES = { '100KB': 100 * 1024, '1MB': 1024 * 1024, '5MB': 5 * 1024 * 1024 } as const;
export type SizeName = keyof typeof SIZES;
export const SIZE_NAMES = Object.keys(SIZES) as SizeName[];

export interface Options {
  quick: boolean;
  runs: number | undefined;
  json: string | undefined;
  docs: boolean;
  /** Write the language rows into docs/languages.md (and nothing else). */
  languagesDocs: boolean;
  expandedAliases: boolean;
  capSeconds: number;
  sizes: SizeName[];
  trace: boolean;
  /** Where to save the traced rescan runs (DevTools categories, with JS samples), if anywhere. */
  traceDir: string | undefined;
  /** Where to save a CPU profile of one more rescan run per size, if anywhere. */
  profileDir: string | undefined;
  skip: Set<Part>;
  /** Use the test fixtures even when data/ has the real dataset. */
  fixtures: boolean;
  /** An earlier build to compare this one with (baseline.ts), and what to call it. */
  baseline: string | undefined;
  baselineName: string | undefined;
  currentName: string | undefined;
  baselineRounds: number | undefined;
  baselineRows: Set<BaselineRow>;
}

/** A bad command line: reported without a stack. */
export class UsageError extends Error {}

export function parseArgs(argv: string[]): Options {
  const options: Options = {
    quick: false,
    runs: undefined,
    json: undefined,
    docs: false,
    languagesDocs: false,
    expandedAliases: false,
    capSeconds: 120,
    sizes: [...SIZE_NAMES],
    trace: true,
    traceDir: undefined,
    profileDir: undefined,
    skip: new Set(),
    fixtures: false,
    baseline: undefined,
    baselineName: undefined,
    currentName: undefined,
    baselineRounds: undefined,
    baselineRows: new Set(BASELINE_ROWS),
  };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--runs') options.runs = positiveInt(arg, value());
    else if (arg === '--json') options.json = value();
    else if (arg === '--docs') options.docs = true;
    else if (arg === '--languages-docs') options.languagesDocs = true;
    else if (arg === '--expanded-aliases') options.expandedAliases = true;
    else if (arg === '--no-trace') options.trace = false;
    else if (arg === '--trace-dir') options.traceDir = value();
    else if (arg === '--fixtures') options.fixtures = true;
    else if (arg === '--cpu-profile') options.profileDir = value();
    else if (arg === '--baseline') options.baseline = value();
    else if (arg === '--baseline-name') options.baselineName = value();
    else if (arg === '--current-name') options.currentName = value();
    else if (arg === '--baseline-rounds') options.baselineRounds = positiveInt(arg, value());
    else if (arg === '--baseline-rows') {
      options.baselineRows = new Set(
        value()
          .split(',')
          .map((row) => {
            if (!(BASELINE_ROWS as readonly string[]).includes(row))
              throw new UsageError(`--baseline-rows: unknown row ${row} (use ${BASELINE_ROWS.join(', ')})`);
            return row as BaselineRow;
          }),
      );
    } else if (arg === '--skip') {
      for (const part of value().split(',')) {
        if (!(PARTS as readonly string[]).includes(part))
          throw new UsageError(`--skip: unknown part ${part} (use ${PARTS.join(', ')})`);
        options.skip.add(part as Part);
      }
    } else if (arg === '--cap-seconds') options.capSeconds = positiveInt(arg, value());
    else if (arg === '--sizes') {
      sizesGiven = true;
      options.sizes = value()
        .split(',')
        .map((s) => {
          if (!(s in SIZES)) throw new UsageError(`--sizes: unknown size ${s} (use ${SIZE_NAMES.join(', ')})`);
          return s as SizeName;
        });
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.quick && !sizesGiven) options.sizes = ['100KB', '1MB'];
  if (options.traceDir) options.trace = true;
  return options;
}

/** The options, as the comment at the top of this file lists them. */
function usage(): string {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const text = source.slice(source.indexOf(' *   tsx scripts/bench'), source.indexOf(' * Progress goes to stderr'));
  return `${text.replace(/^ \* ?/gm, '').trimEnd()}\n`;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} needs a positive integer, got ${text}`);
  return n;
}

export const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
