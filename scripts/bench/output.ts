/**
 * What a run prints and writes: the method and the tables (stdout and
 * docs/benchmark.md), the JSON figures, and, on the console only, the targets
 * beside the measured figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../chrome';
import { writeDocsSection } from '../docs-section';
import type { ExtensionResults, LanguagePageResult, PairedLoads, QuietName, StormResult } from './extension-runs';
import type { FollowedResults } from './followed';
import { fmtMs, fmtRatio, round } from './format';
import type { HarnessResults, SizeResults } from './harness-runs';
import { rescanLongestTask } from './harness-session';
import { harnessTable, type RunContext } from './harness-table';
import { type LanguageBenchResult, languagesLine } from './languages';
import { log, type SizeName } from './options';
import type { PacksBenchResult } from './packs';
import { STORM } from './pages';
import type { OpResult } from './stats';

export interface Results {
  context: RunContext;
  harness?: HarnessResults;
  extension?: ExtensionResults;
  packs?: PacksBenchResult;
  languages?: LanguageBenchResult[];
  followed?: FollowedResults;
}

/** How the figures are made: the text above the tables. */
function method(context: RunContext): string {
  return [
    '`npm run bench` runs in headless Chromium on generated pages served from 127.0.0.1: news pages of about ' +
      '100 KB, 1 MB and 5 MB of text, 15 % of whose sentences are the story\'s ("story pages"); unrelated news pages of ' +
      'about 50 KB and 300 KB that name China, Russia, Beijing or Moscow in passing ("quiet pages"), and the same news ' +
      'with none of the stories\' words ("wordless-"); a live blog and a dense live page. ' +
      'Every page is generated from a fixed seed, so every run sees the same text.',
    '',
    '**The built extension.** Chromium loads the extension as `npm run build` writes it (`dist/chrome/`, or `dist/` ' +
      'where the build writes no per-browser folders), and a second Chromium with the same ' +
      'switches runs without it. Each page is loaded in both, in pairs (alternating which goes first), each time in a new ' +
      "foreground tab under a light trace (the scheduler's task events, the script events of `devtools.timeline` and the " +
      "page's marks). Main-thread time is the " +
      "thread (CPU) time of the page's main-thread tasks from the end of its `DOMContentLoaded` to the moment it has " +
      "settled (the trace's thread clock, so time the cores spent on other processes does not count; the wall time of " +
      'the same tasks is given beside it); the main-thread row gives the median over the pairs of (with − without): what the ' +
      'extension costs the page, drawing included. ' +
      "The content script's own time is the sum over the extension's tasks in the run with it: a task is the " +
      "extension's when an event nested in it runs or compiles a script of the extension (`EvaluateScript`, " +
      "`FunctionCall`, `v8.compile` with a `chrome-extension://` URL) or is a mojo message of the renderer's extension " +
      'system (`extensions.mojom.*`: the replies of the extension API and the messages of its ports, whose callbacks, ' +
      'and the microtasks that resume the content script after them, V8 reports without a URL); such a task counts ' +
      "whole (the style and layout the content script forces in it too), unless it also runs the page's own script, " +
      "in which case only the extension's events in it count. Frames drawn after the content script changed the page " +
      "are tasks of their own and do not count there (the with − without figure has them). On a trace with V8's " +
      'sampling profiler, this attribution agreed with the JS samples of the reader and the annotator: every task ' +
      "holding a sample of their code was one of the extension's. Its blind spot: some replies of the extension API " +
      "(`storage.local.get`'s among them) come in a task with none of these events, and script that an `await` resumes " +
      'there goes unseen; so both readers measured here read and send in tasks of their own (a `MessageChannel` message ' +
      "to a handler of their script). The quiet pages' figure is the median of the content script's time. Beside it, " +
      'a third Chromium loads the same extension with its content script (the pre-check) replaced by the least a reader can do (`quietFloorMs`, ' +
      '`scripts/bench/floor-reader.ts`): load `webextension-polyfill`, read the settings, listen for the popup and for ' +
      "setting changes, then, in a task of its own, read the text nodes' text with a bare `TreeWalker`, send it to the " +
      'worker as the reader does and wait for the verdict; it is loaded once in each pair and measured the same way, as are ' +
      'two more: a content script that does nothing (`quietEmptyMs`, `scripts/bench/empty-reader.ts`: what any content ' +
      "script costs) and one that only reads the body's `textContent` (`quietTextMs`, `scripts/bench/text-reader.ts`: " +
      'the least a pre-check that reads the text pays). The ' +
      'longest extension task is the longest of those tasks in any run (in wall time, as a reader waits; the most thread ' +
      'time one took is given beside it, since other processes on the machine lengthen the wall time). ' +
      'Extension tasks count from the start of the trace (a content script at `document_start` would run before the mark). A quiet page settles after a fixed time (1.5 s after its load event); a story page after a fixed time (2 s at ' +
      '100 KB, 3 s at 1 MB, 6 s at 5 MB) and, with the extension, not before its highlights have stopped changing for 1 s. ' +
      `The live blog prepends ${STORM.paragraphsPerTick} entries (every other one with a sentence of the story) every ` +
      `${STORM.intervalMs} ms from its own timer, keeps the newest ${STORM.cap}, for ${STORM.seconds} s, and counts its ` +
      "timer's ticks and the longest gap between two of them; the tick share is ticks with the extension over ticks " +
      'without, median of the pairs. The dense live page does the same with every entry naming Putin, Xi, the Beijing ' +
      'Olympics and NATO, and each tick also rewrites the text of an older entry in place. Once a storm is over, the page ' +
      'watches its frames for the first one that paints a highlight on its newest entry (the longest wait over the runs ' +
      'is given). First highlight: from the start of the pre-check (the first `EvaluateScript` of precheck.js ' +
      "in the page's main thread: `document_idle`) to the first animation frame whose callback sees a highlight " +
      'registered (that frame paints it, and sets a mark), both read from a trace of the load; the same frame from the ' +
      "end of `DOMContentLoaded` (the page's clock) is given beside it; every other run first stops the extension's service worker (CDP `ServiceWorker.stopAllWorkers`), so " +
      'that page load wakes it.',
    '',
    "**In-page rows.** Chromium without the extension, each run in a fresh browser context; the extension's page-side " +
      'modules are bundled with mark.js into a harness injected into the loaded page, with the matcher compiled in Node from ' +
      'the dataset. (a) is the floor, a bare `TreeWalker` pass reading every text node, and (a′) the same plus joining, NFKC-' +
      'normalising and lower-casing the text (the least any normalising matcher does). (b) awaits `PageAnnotator.rescan()` ' +
      '(default settings, so the element-free renderer with its highlight list; matcher built beforehand); its unsliced rows run ' +
      '`buildTextIndex(body)`, `annotate` and `HighlightRenderer.render` in one task on another fresh page. ' +
      `(c) and (d) get the ${context.aliases} ${context.expandedAliases ? 'expanded alias forms' : 'aliases listed'} of the entity facts: ` +
      '(c) is `mark(aliases, { acrossElements: true, separateWordSearch: false })` with mark.js defaults otherwise (so ' +
      'matches inside words count), run once at the largest size it runs on, never above 1 MB; (d) is `markRegExp` of one ' +
      'escaped, longest-first alternation between non-letters, case-insensitive, with `acrossElements: true`. ' +
      `A run over ${context.capSeconds} s is abandoned. Longest task: from the call until two frames after it ends ` +
      "(so style, layout and paint of the highlights count): the longest the Long Tasks API saw (it sees tasks of 50 ms and more), or the call's own length" +
      `${context.traced ? `; for (b) also every task of one extra run under a ${context.devtoolsTrace ? 'full DevTools trace (with JS samples: it lengthens tasks)' : 'light Chromium trace'} (tracing slows some DOM work, so that run is not timed, and its tasks may be a little longer)` : ''}. ` +
      'Heap: `performance.memory.usedJSHeapSize` right after the call. Dataset scale: the 1 MB page indexed and annotated ' +
      'with the real dataset and with 10,000 generated entities and 2,000 generated claims added. Appending a paragraph: ' +
      '`PageAnnotator.refresh([p])` for one paragraph of about 300 characters naming Putin and Xi, appended to the annotated 1 MB page.',
  ].join('\n');
}

const pairCell = (p: PairedLoads | undefined, pick: (p: PairedLoads) => string): string => (p ? pick(p) : '–');

function extensionTable(results: ExtensionResults): string {
  const sizes = [
    ...new Set([...Object.keys(results.mainThread), ...Object.keys(results.firstHighlight)]),
  ] as SizeName[];
  const lines: string[] = [];
  if (sizes.length > 0) {
    const rows: [string, (s: SizeName) => string][] = [
      [
        '**main thread**, CPU time with the extension − without, ms (`mainThreadMs`)',
        (s) => pairCell(results.mainThread[s], (p) => `**${fmtMs(p.extraMs)}**`),
      ],
      [
        '  ↳ with / without, ms (pairs)',
        (s) => pairCell(results.mainThread[s], (p) => `${fmtMs(p.withMs)} / ${fmtMs(p.withoutMs)} (${p.pairs})`),
      ],
      [
        '  ↳ the same in wall time: with − without, ms',
        (s) => pairCell(results.mainThread[s], (p) => fmtMs(p.extraWallMs)),
      ],
      [
        '  ↳ longest task, with / without, ms',
        (s) =>
          pairCell(results.mainThread[s], (p) => `${fmtMs(p.longestTaskWithMs)} / ${fmtMs(p.longestTaskWithoutMs)}`),
      ],
      [
        "  ↳ the content script's own tasks: CPU / wall time, ms (median)",
        (s) => pairCell(results.mainThread[s], (p) => `${fmtMs(p.scriptMs)} / ${fmtMs(p.scriptWallMs)}`),
      ],
      [
        '  ↳ longest extension task, ms (any run; the most CPU time one took)',
        (s) =>
          pairCell(
            results.mainThread[s],
            (p) => `${fmtMs(p.longestExtensionTaskMs)} (${fmtMs(p.longestExtensionTaskCpuMs)} CPU)`,
          ),
      ],
      ['  ↳ highlights registered at the end', (s) => pairCell(results.mainThread[s], (p) => String(p.highlights))],
      [
        '**first highlight**, ms after the content script starts (`document_idle`), worker woken (`firstHighlightMs`)',
        (s) => {
          const f = results.firstHighlight[s];
          return f ? `**${fmtMs(f.coldMs)}**` : '–';
        },
      ],
      [
        '  ↳ worker already running, ms',
        (s) => {
          const f = results.firstHighlight[s];
          return f ? fmtMs(f.warmMs) : '–';
        },
      ],
      [
        '  ↳ the same frame after `DOMContentLoaded`, worker woken / running, ms',
        (s) => {
          const f = results.firstHighlight[s];
          return f ? `${fmtMs(f.coldFromDomContentLoadedMs)} / ${fmtMs(f.warmFromDomContentLoadedMs)}` : '–';
        },
      ],
    ];
    lines.push(`| built extension | ${sizes.join(' | ')} |`);
    lines.push(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
    for (const [label, cell] of rows) lines.push(`| ${label} | ${sizes.map(cell).join(' | ')} |`);
    lines.push('');
  }
  const quiet = Object.entries(results.quiet) as [QuietName, PairedLoads][];
  if (quiet.length > 0) {
    lines.push(
      `**Quiet pages** (\`quietPageMs\`), the content script's own main-thread CPU time: ${quiet
        .map(
          ([name, p]) =>
            `${name} **${fmtMs(p.scriptMs)} ms** (wall time ${fmtMs(p.scriptWallMs)} ms; longest extension task ` +
            `${fmtMs(p.longestExtensionTaskMs)} ms, at most ${fmtMs(p.longestExtensionTaskCpuMs)} ms CPU; main-thread CPU time with the extension − without ${fmtMs(p.extraMs)} ms: ` +
            `${fmtMs(p.withMs)} with, ${fmtMs(p.withoutMs)} without, wall time +${fmtMs(p.extraWallMs)} ms; ` +
            `longest task ${fmtMs(p.longestTaskWithMs)} / ${fmtMs(p.longestTaskWithoutMs)} ms; ${p.highlights} highlights; ` +
            `the floor reader ${fmtMs(p.floorScriptMs ?? Number.NaN)} ms; a content script that does nothing ` +
            `${fmtMs(p.emptyScriptMs ?? Number.NaN)} ms, one that only reads \`textContent\` ${fmtMs(p.textScriptMs ?? Number.NaN)} ms)`,
        )
        .join('; ')}; medians of ${quiet[0]![1].pairs} pairs.`,
    );
    lines.push('');
  }
  const storms: [string, string, StormResult | undefined][] = [
    ['Live blog', 'stormTickShare', results.storm],
    ['Dense live page', 'stormDenseTickShare', results.stormDense],
  ];
  for (const [title, key, storm] of storms) {
    if (!storm) continue;
    lines.push(
      `**${title}** (\`${key}\`): the page's own timer kept **${storm.share.toFixed(2)}** of its ticks with the ` +
        `extension against without (ticks ${storm.ticksWith.join(', ')} with; ${storm.ticksWithout.join(', ')} without); ` +
        `longest gap between ticks **${fmtMs(storm.longestGapWithMs)} ms** with, ${fmtMs(storm.longestGapWithoutMs)} ms without; ` +
        `the newest entry highlighted at most ${fmtMs(storm.newestHighlightedMs)} ms after the storm ended; ` +
        `${storm.highlightsAtEnd} highlights once the storm was over.`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

/** The matching cost of many story packs against one (core only, CPU time). */
function packsLine(p: PacksBenchResult): string {
  return (
    `**Story packs** (Node, core only, a generated ${Math.round(p.pageChars / 1024)} K-character page, median annotate CPU time): ` +
    `${p.packs.one} pack (${p.facts.one} facts, ${p.phrases.one} phrases) ${fmtMs(p.oneMs)} ms; ${p.packs.many} packs ` +
    `(${p.facts.many} facts, ${p.phrases.many} phrases) ${fmtMs(p.manyMs)} ms: **${fmtRatio(p.ratio)}** ` +
    `(wall time ${fmtRatio(p.manyWallMs / p.oneWallMs)}). The real pack's verdicts alone: ${p.realVerdicts.one}; among the ` +
    `${p.packs.many}: ${p.realVerdicts.many}.`
  );
}

/** 50 followed stories against none, in the built extension; and the compile of followed stories. */
function followedLine(f: FollowedResults): string {
  const pages = [
    ...f.quiet.map((r) => ({ ...r, name: `quiet ${r.name}` })),
    ...f.story.map((r) => ({ ...r, name: `story ${r.name}` })),
  ]
    .map((r) => `${r.name} ${fmtMs(r.noneMs)} → ${fmtMs(r.followedMs)} ms`)
    .join(', ');
  return (
    `**Followed stories** (the built extension; its own main-thread CPU time per page, median, with none followed → ${f.stories} followed): ` +
    `${pages}: **scaleFollowed50Ratio ${fmtRatio(f.ratio)}** (the largest). First highlight with the page's navigation waking the worker: ` +
    `${fmtMs(f.wakeNoneMs)} → ${fmtMs(f.wakeFollowedMs)} ms. Compiling the followed stories beside the shipped packs' build-time matcher, ` +
    `with the pre-check's gate for them (in the popup or the story manager, once per change; the worker reads the result from storage), with one: ` +
    `**${fmtMs(f.compileOneMs)} ms** (first run ${fmtMs(f.compileOneFirstMs)} ms); with ${f.stories}: ${fmtMs(f.compileAllMs)} ms (Node, median).`
  );
}

/** The 1 MB story page in English, Russian and Chinese in the built extension, side by side; ratios to English. */
export function languagePagesTable(pages: readonly LanguagePageResult[]): string {
  const english = pages.find((p) => p.language === 'English');
  const ratio = (value: number, base: number | undefined) =>
    base && Number.isFinite(value) && base > 0 ? ` (${fmtRatio(value / base)})` : '';
  const rounds = pages[0]?.pairs.length ?? 0;
  return [
    `**Story pages by language in the browser** (the built extension in Chromium; the bench's 1 MB story page, its text ` +
      `in each language, 15 % of its sentences from the labelled reports in that language; ${rounds} rounds, each loading ` +
      'every language in turn; medians, × English in brackets)',
    '',
    '| 1 MB story page | text / HTML | first highlight, worker woken / running, ms (`firstHighlightMs`) | content script main-thread CPU, ms (`contentScriptMs`) | main thread with − without, ms (`mainThreadMs`) | longest extension task, ms | highlights |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...pages.map(
      (p) =>
        `| ${p.language} | ${(p.textChars / 1024).toFixed(0)} K chars / ${(p.htmlBytes / 1024 / 1024).toFixed(1)} MB | ` +
        `**${fmtMs(p.firstHighlightColdMs)}**${ratio(p.firstHighlightColdMs, english?.firstHighlightColdMs)} / ` +
        `${fmtMs(p.firstHighlightWarmMs)}${ratio(p.firstHighlightWarmMs, english?.firstHighlightWarmMs)} | ` +
        `**${fmtMs(p.scriptMs)}**${ratio(p.scriptMs, english?.scriptMs)} | ` +
        `${fmtMs(p.extraMs)}${ratio(p.extraMs, english?.extraMs)} | ${fmtMs(p.longestExtensionTaskMs)} | ` +
        `${p.highlights.toLocaleString('en')} |`,
    ),
  ].join('\n');
}

/** The language-pages table into its section of docs/languages.md, when the run measured it. */
export function writeLanguagesDocs(results: Results): void {
  const pages = results.extension?.languagePages;
  if (!pages) {
    log('no language-pages rows in this run: docs/languages.md not updated');
    return;
  }
  const text = `${languagePagesTable(pages)}\n\nChromium ${results.context.chromium}, headless, load average ${results.context.load}.`;
  writeDocsSection(ROOT, 'docs/languages.md', 'bench-language-pages', text);
  log('docs/languages.md updated');
}

/** The method, then the tables: what stdout and docs/benchmark.md show. */
export function report(results: Results): string {
  const parts = [method(results.context), ''];
  if (results.extension) parts.push(extensionTable(results.extension));
  if (results.harness) parts.push(harnessTable(results.harness, results.context));
  if (results.packs) parts.push(packsLine(results.packs), '');
  if (results.languages) parts.push(languagesLine(results.languages), '');
  if (results.extension?.languagePages) parts.push(languagePagesTable(results.extension.languagePages), '');
  if (results.followed) parts.push(followedLine(results.followed), '');
  parts.push(
    `Chromium ${results.context.chromium}, headless, load average ${results.context.load}. Dataset: ${results.context.dataset} ` +
      `(${results.context.facts} facts, ${results.context.phrases} matcher phrases).`,
  );
  return parts.join('\n');
}

const value = (r: OpResult | undefined): number | null =>
  !r || r.skipped || r.timedOut || !Number.isFinite(r.ms) ? null : round(r.ms);
const num = (n: number | undefined): number | null => (n !== undefined && Number.isFinite(n) ? round(n) : null);

export function jsonFigures(results: Results, details: Record<string, unknown>): Record<string, unknown> {
  const sizes = results.harness?.sizes ?? new Map<SizeName, SizeResults>();
  const bySize = (pick: (r: SizeResults) => number | null): Record<string, number | null> =>
    Object.fromEntries([...sizes].map(([size, r]) => [size, pick(r)]));
  const ext = results.extension;
  const byKey = <T>(record: Partial<Record<string, T>> | undefined, pick: (t: T) => number) =>
    Object.fromEntries(Object.entries(record ?? {}).map(([k, t]) => [k, num(pick(t as T))]));
  return {
    floorMs: bySize((r) => value(r.floor)),
    annotateMs: bySize((r) => value(r.rescan)),
    markKeywordsMs: bySize((r) => value(r.markKeywords)),
    markRegExpMs: bySize((r) => value(r.markRegExp)),
    longestTaskMs: bySize((r) => (r.rescan ? num(rescanLongestTask(r.rescan)) : null)),
    heapMB: bySize((r) => num(r.rescan?.heapMB)),
    scale10kRatio: num(results.harness?.scale?.ratio),
    scale50PacksRatio: num(results.packs?.ratio),
    languageAnnotateMs: Object.fromEntries((results.languages ?? []).map((r) => [r.language, num(r.ms)])),
    languageFirstHighlightMs: Object.fromEntries(
      (ext?.languagePages ?? []).map((r) => [r.language, num(r.firstHighlightColdMs)]),
    ),
    languageContentScriptMs: Object.fromEntries((ext?.languagePages ?? []).map((r) => [r.language, num(r.scriptMs)])),
    scaleFollowed50Ratio: num(results.followed?.ratio),
    followedCompileMs: num(results.followed?.compileOneMs),
    followedCompileFirstMs: num(results.followed?.compileOneFirstMs),
    appendParagraphMs: num(results.harness?.append?.ms),
    quietPageMs: byKey(ext?.quiet, (p) => p.scriptMs),
    quietFloorMs: byKey(ext?.quiet, (p) => p.floorScriptMs ?? Number.NaN),
    quietEmptyMs: byKey(ext?.quiet, (p) => p.emptyScriptMs ?? Number.NaN),
    quietTextMs: byKey(ext?.quiet, (p) => p.textScriptMs ?? Number.NaN),
    mainThreadMs: byKey(ext?.mainThread, (p) => p.extraMs),
    contentScriptMs: byKey(ext?.mainThread, (p) => p.scriptMs),
    longestExtensionTaskMs: num(longestExtensionTask(ext)),
    stormTickShare: num(ext?.storm?.share),
    stormLongestGapMs: num(ext?.storm?.longestGapWithMs),
    stormDenseTickShare: num(ext?.stormDense?.share),
    stormDenseLongestGapMs: num(ext?.stormDense?.longestGapWithMs),
    stormDenseNewestHighlightedMs: num(ext?.stormDense?.newestHighlightedMs),
    firstHighlightMs: byKey(ext?.firstHighlight, (f) => f.coldMs),
    details: {
      note:
        'annotateMs, longestTaskMs and heapMB are those of PageAnnotator.rescan() in the page (default, element-free renderer; ' +
        'longestTaskMs: the longer of the longest task in its traced run and the median longest task the Long Tasks API saw in ' +
        'the timed runs); null = skipped or over the cap. sizes.*.stages is the same work unsliced, stage by stage. ' +
        "quietPageMs and contentScriptMs: median over runs of the content script's own main-thread CPU time (the tasks the " +
        "trace shows to be the extension's); quietFloorMs: the same for the least a reader can do (scripts/bench/floor-reader.ts); longestExtensionTaskMs: the longest of those tasks (wall time) in any run, quiet " +
        'and story pages (longestExtensionTaskCpuMs: the most thread time one took); mainThreadMs and quietPageExtraMs: median over pairs of main-thread CPU time with the built extension minus ' +
        'without (extension.*.*.runs has each pair); firstHighlightMs: from the start of the content script (document_idle) ' +
        'to the first painted highlight, with the service worker woken by the page load (extension.firstHighlight has the warm ' +
        'runs, and both from the end of DOMContentLoaded: firstHighlightFromDomContentLoadedMs).',
      quietPageExtraMs: byKey(ext?.quiet, (p) => p.extraMs),
      longestExtensionTaskCpuMs: num(longestExtensionTask(ext, true)),
      firstHighlightFromDomContentLoadedMs: byKey(ext?.firstHighlight, (f) => f.coldFromDomContentLoadedMs),
      ...results.context,
      sizes: Object.fromEntries(sizes),
      scale: results.harness?.scale,
      append: results.harness?.append,
      extension: ext,
      ...details,
    },
  };
}

/** The longest of the extension's own tasks over every traced load (quiet and story pages), NaN for none. */
function longestExtensionTask(ext: ExtensionResults | undefined, cpu = false): number {
  const rows = [...Object.values(ext?.quiet ?? {}), ...Object.values(ext?.mainThread ?? {})];
  return rows.length
    ? Math.max(...rows.map((p) => (cpu ? p.longestExtensionTaskCpuMs : p.longestExtensionTaskMs)))
    : Number.NaN;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Rewrites the generated part of docs/benchmark.md; false when its markers are missing. */
export function writeDocs(text: string): boolean {
  const path = join(ROOT, 'docs/benchmark.md');
  const doc = readFileSync(path, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) {
    log(`docs/benchmark.md has no ${START} … ${END} section: not updated`);
    return false;
  }
  writeFileSync(path, `${doc.slice(0, from + START.length)}\n${text}\n${doc.slice(to)}`);
  log('docs/benchmark.md updated');
  return true;
}

/** The comparison with a baseline build into its own section of docs/benchmark.md (bench-baseline-NAME). */
export function writeBaselineDocs(name: string, text: string): void {
  writeDocsSection(ROOT, 'docs/benchmark.md', `bench-baseline-${name}`, text);
  log(`docs/benchmark.md updated (bench-baseline-${name})`);
}

/** The targets beside the measured figures (console only: the docs describe, they do not grade). */
export function targetsSummary(results: Results): string {
  const ext = results.extension;
  const harness = results.harness;
  const floor1MB = harness?.sizes.get('1MB')?.floor;
  const main1MB = ext?.mainThread['1MB'];
  const longest = [...(harness?.sizes ?? new Map<SizeName, SizeResults>())]
    .map(([, r]) => (r.rescan ? rescanLongestTask(r.rescan) : Number.NaN))
    .filter(Number.isFinite);
  const fmt = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? fmtMs(n) : '–');
  const withFloor = (p: PairedLoads | undefined) =>
    p ? `${fmt(p.scriptMs)} (the least a reader can do: ${fmt(p.floorScriptMs)})` : '–';
  const againstEmpty = (p: PairedLoads | undefined) =>
    p
      ? `${fmt(p.scriptMs)} (an empty script ${fmt(p.emptyScriptMs)}; reading textContent alone ${fmt(p.textScriptMs)})`
      : '–';
  const rows: [string, string, string][] = [
    ['quietPageMs (a) wordless-50KB', '≤ empty + 1 ms', againstEmpty(ext?.quiet['wordless-50KB'])],
    ['quietPageMs (a) wordless-300KB', '≤ empty + 1 ms', againstEmpty(ext?.quiet['wordless-300KB'])],
    ['quietPageMs (b) 50KB', '≤ 5 ms', withFloor(ext?.quiet['50KB'])],
    ['quietPageMs (b) 300KB', '≤ 10 ms', withFloor(ext?.quiet['300KB'])],
    [
      'mainThreadMs 1MB / floorMs 1MB',
      '≤ ×10',
      main1MB && floor1MB && Number.isFinite(floor1MB.ms)
        ? `×${(main1MB.extraMs / floor1MB.ms).toFixed(1)} (${fmtMs(main1MB.extraMs)} ms CPU / ${fmtMs(floor1MB.ms)} ms wall: ` +
          'alike only on an idle machine)'
        : '–',
    ],
    ['stormTickShare', '≥ 0.9', ext?.storm ? ext.storm.share.toFixed(2) : '–'],
    ['storm: longest gap between ticks', '≤ 100 ms', fmt(ext?.storm?.longestGapWithMs)],
    ['stormDenseTickShare', '≥ 0.9', ext?.stormDense ? ext.stormDense.share.toFixed(2) : '–'],
    [
      'dense storm: longest gap between ticks, with / without',
      '≤ 100 ms',
      ext?.stormDense ? `${fmt(ext.stormDense.longestGapWithMs)} / ${fmt(ext.stormDense.longestGapWithoutMs)}` : '–',
    ],
    [
      'firstHighlightMs 100KB (worker woken, from document_idle)',
      '≤ 300 ms',
      fmt(ext?.firstHighlight['100KB']?.coldMs),
    ],
    [
      'no extension task over 50 ms (longest, any traced load)',
      '< 50 ms',
      ext
        ? `${fmt(longestExtensionTask(ext))} (the most CPU time one took: ${fmt(longestExtensionTask(ext, true))})`
        : '–',
    ],
    ['longest task of (b), any size', '< 50 ms', longest.length ? fmt(Math.max(...longest)) : '–'],
    [
      // The page's own tasks (parsing a 1 MB page) count here too: the row without the extension says how long they are.
      'longest task on story pages, with / without the extension',
      '< 50 ms (extension)',
      `${fmt(Math.max(...Object.values(ext?.mainThread ?? {}).map((p) => p.longestTaskWithMs)))} / ${fmt(
        Math.max(...Object.values(ext?.mainThread ?? {}).map((p) => p.longestTaskWithoutMs)),
      )}`,
    ],
    ['scale10kRatio', '≤ 1.5', harness?.scale ? harness.scale.ratio.toFixed(2) : '–'],
    ['appendParagraphMs', '≤ 5 ms', fmt(harness?.append?.ms)],
    ['scale50PacksRatio', '≤ 1.5', results.packs ? results.packs.ratio.toFixed(2) : '–'],
    ['scaleFollowed50Ratio', '≤ 1.5', results.followed ? results.followed.ratio.toFixed(2) : '–'],
    ['compiling a followed story', '≤ 200 ms', results.followed ? fmt(results.followed.compileOneMs) : '–'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [
    'Targets (measured):',
    ...rows.map(([name, target, measured]) => `  ${name.padEnd(width)}  ${target.padEnd(8)}  ${measured}`),
  ].join('\n');
}
