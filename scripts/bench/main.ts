/**
 * `npm run bench`: what the extension costs the pages a reader opens, in real
 * Chromium. The built extension on story pages, quiet pages and a live blog
 * (extension-runs.ts), then the extension's page-side modules measured inside
 * the page against a floor and against mark.js (harness-runs.ts). The method is
 * written out in output.ts; the options in options.ts (`--help`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCards } from '../../src/core/cards';
import { compileMatcher, type MatcherData } from '../../src/core/compile';
import { serve } from '../serve';
import { type BaselineResults, baselineReport, buildName, runBaseline } from './baseline';
import { bundleHarness } from './bundle';
import { storySentences } from './corpus';
import { aliasList, aliasRegExp, loadDataset } from './dataset';
import { EXTENSION_DIR, openBrowsers } from './extension-browsers';
import {
  type ExtensionResults,
  QUIET_SIZES,
  runFirstHighlight,
  runLanguagePages,
  runQuietPages,
  runStorm,
  runStoryPages,
} from './extension-runs';
import { type FollowedResults, measureFollowed } from './followed';
import { round } from './format';
import { type HarnessResults, runAppendRow, runScaleRow, runSizeRows } from './harness-runs';
import { launchPlain } from './harness-session';
import type { RunContext } from './harness-table';
import { BENCH_LANGUAGES, languageStoryPage, measureLanguages } from './languages';
import { log, type Part, parseArgs, SIZE_NAMES, SIZES, type SizeName, UsageError } from './options';
import { jsonFigures, report, targetsSummary, writeBaselineDocs, writeDocs, writeLanguagesDocs } from './output';
import { measurePacks } from './packs';
import {
  DENSE_LIVE_BLOG,
  denseEntrySentences,
  type GeneratedPage,
  liveBlogPage,
  quietPage,
  storyPage,
  wordlessPage,
} from './pages';
import { Random } from './random';

const LIVE_BLOG_FILE = 'live-blog.html';
const DENSE_LIVE_BLOG_FILE = 'live-blog-dense.html';

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  if (loadBefore > 0.5 * cpus().length)
    log(`the machine is busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores): expect noisy numbers`);
  const runsFor = (size: SizeName): number => options.runs ?? (options.quick ? 1 : size === '5MB' ? 3 : 5);
  if (options.traceDir) mkdirSync(resolve(options.traceDir), { recursive: true });
  if (options.profileDir) mkdirSync(resolve(options.profileDir), { recursive: true });

  const dataset = loadDataset(options.fixtures);
  log(`dataset: ${dataset.source} (${dataset.story.facts.length} facts)`);
  const t = performance.now();
  const matcherData: MatcherData = compileMatcher(dataset.story, dataset.lexicon);
  const compileMs = performance.now() - t;
  const matcherJson = JSON.stringify(matcherData);
  const aliases = aliasList(dataset.story, options.expandedAliases);
  log(
    `matcher: ${matcherData.phraseKind.length} phrases, compiled in ${compileMs.toFixed(0)} ms, ${(matcherJson.length / 1024).toFixed(0)} KB JSON; ` +
      `mark.js gets ${aliases.length} ${options.expandedAliases ? 'expanded' : 'listed'} aliases`,
  );

  // Every page in one temporary folder, served by scripts/serve.ts.
  const folder = mkdtempSync(join(tmpdir(), 'nic-bench-pages-'));
  const sentences = storySentences();
  const pages = new Map<SizeName, GeneratedPage>();
  const sizesNeeded = new Set<SizeName>(options.sizes);
  if (!options.skip.has('harness') && (!options.skip.has('scale') || !options.skip.has('append')))
    sizesNeeded.add('1MB');
  for (const size of SIZE_NAMES.filter((s) => sizesNeeded.has(s))) {
    const page = storyPage(SIZES[size], sentences, 20211215 + SIZES[size]);
    pages.set(size, page);
    writeFileSync(join(folder, `${size}.html`), page.html);
    log(
      `page ${size}: ${page.textChars} chars of text, ${(page.html.length / 1024).toFixed(0)} KB of HTML, ${(page.specialShare * 100).toFixed(0)} % of the text from story sentences`,
    );
  }
  for (const [name, target] of Object.entries(QUIET_SIZES)) {
    const page = name.startsWith('wordless-')
      ? wordlessPage(target, 1_000 + target)
      : quietPage(target, 1_000 + target);
    writeFileSync(join(folder, `quiet-${name}.html`), page.html);
    log(
      `quiet page ${name}: ${page.textChars} chars of text, ${(page.specialShare * 100).toFixed(1)} % in sentences naming China, Russia, Beijing or Moscow`,
    );
  }
  // The 1 MB story page in each language (English: the same page as 1MB.html), for the language-pages rows.
  const languagePages = options.skip.has('language-pages')
    ? []
    : BENCH_LANGUAGES.map((language) => {
        const page = languageStoryPage(language, SIZES['1MB'], 20211215 + SIZES['1MB']);
        const file = `story-${language.toLowerCase()}-1MB.html`;
        writeFileSync(join(folder, file), page.html);
        const htmlBytes = Buffer.byteLength(page.html);
        log(`page ${file}: ${page.textChars} chars of text, ${(htmlBytes / 1024).toFixed(0)} KB of HTML`);
        return { language, file, textChars: page.textChars, htmlBytes };
      });
  writeFileSync(join(folder, LIVE_BLOG_FILE), liveBlogPage(sentences, 50));
  writeFileSync(
    join(folder, DENSE_LIVE_BLOG_FILE),
    liveBlogPage(denseEntrySentences(new Random(51), 200, sentences), 51, DENSE_LIVE_BLOG),
  );
  const served = await serve(folder);

  let chromium = '';
  let extension: ExtensionResults | undefined;
  let harness: HarnessResults | undefined;
  let followed: FollowedResults | undefined;
  let baseline: BaselineResults | undefined;
  try {
    if (options.baseline) {
      const baselineDir = resolve(options.baseline);
      const baselineName = options.baselineName ?? buildName(baselineDir);
      log(`against the baseline ${baselineName}: ${baselineDir}; this build: ${EXTENSION_DIR}`);
      baseline = await runBaseline({
        currentDir: EXTENSION_DIR,
        baselineDir,
        baselineName,
        currentName: options.currentName ?? 'this build',
        baseUrl: served.url,
        sizes: options.sizes,
        rounds: options.baselineRounds ?? (options.quick ? 3 : 12),
        rows: options.baselineRows,
      });
    }
    if (!options.skip.has('extension')) {
      log(`built extension: ${EXTENSION_DIR}`);
      const browsers = await openBrowsers();
      chromium = browsers.without.browser.version();
      try {
        const input = { browsers, baseUrl: served.url, sizes: options.sizes, quick: options.quick };
        const run = (part: Part) => !options.skip.has(part);
        extension = {
          quiet: run('quiet') ? await runQuietPages(input) : {},
          mainThread: run('stories') ? await runStoryPages(input) : {},
          storm: run('storm') ? await runStorm(input, LIVE_BLOG_FILE, 'storm') : undefined,
          stormDense: run('storm') ? await runStorm(input, DENSE_LIVE_BLOG_FILE, 'dense storm') : undefined,
          firstHighlight: run('first-highlight') ? await runFirstHighlight(input) : {},
          languagePages: run('language-pages') ? await runLanguagePages(input, languagePages, '1MB') : undefined,
        };
        // Last: it leaves 50 followed stories in this browser's storage.
        if (!options.skip.has('followed')) followed = await measureFollowed(input);
      } finally {
        await browsers.close();
      }
    }
    if (!options.skip.has('harness')) {
      const session = await launchPlain(served.url, JSON.stringify(buildCards(dataset.story)), await bundleHarness());
      chromium = session.browser.version();
      log(`harness: Chromium ${chromium}${options.trace ? ', one traced rescan() per size' : ''}`);
      try {
        const input = {
          options,
          session,
          pages,
          runsFor,
          story: dataset.story,
          lexicon: dataset.lexicon,
          matcherJson,
          aliases,
          regExp: aliasRegExp(aliases),
        };
        harness = {
          sizes: await runSizeRows(input),
          scale: options.skip.has('scale') ? undefined : await runScaleRow(input),
          append: options.skip.has('append') ? undefined : await runAppendRow(input),
        };
      } finally {
        await session.browser.close().catch(() => undefined);
      }
    }
  } finally {
    await served.close();
    rmSync(folder, { recursive: true, force: true });
  }

  // Matching cost with 50 story packs against the real one: core only, in Node, on a generated 1 MB page.
  const packs = options.skip.has('packs')
    ? undefined
    : measurePacks({
        packs: 50,
        runs: options.quick ? 3 : 7,
        kb: 1024,
        seed: 42,
        everyStoryReported: false,
        conceptsOffPage: false,
      });
  if (packs) log(`packs: 50 packs against 1, annotate CPU time ×${packs.ratio.toFixed(2)}`);
  // Matching cost of a 1 MB story page in English, Russian and Chinese: core only, in Node, alternating.
  const languages = options.skip.has('languages')
    ? undefined
    : measureLanguages({ runs: options.quick ? 3 : 7, chars: 1024 * 1024 });

  const context: RunContext = {
    dataset: dataset.source,
    facts: dataset.story.facts.length,
    phrases: matcherData.phraseKind.length,
    aliases: aliases.length,
    expandedAliases: options.expandedAliases,
    chromium,
    capSeconds: options.capSeconds,
    traced: options.trace,
    devtoolsTrace: !!options.traceDir,
    load: `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  };
  const results = { context, harness, extension, packs, languages, followed };
  const text = report(results);
  const totalSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`${text}\n\n${targetsSummary(results)}\n`);
  const baselineText = baseline
    ? baselineReport(
        baseline,
        `${process.env.EXTENSION_DIR ? `EXTENSION_DIR=${process.env.EXTENSION_DIR} ` : ''}npx tsx scripts/bench/main.ts ${process.argv.slice(2).join(' ')}`,
      )
    : undefined;
  if (baselineText) process.stdout.write(`\n${baselineText}\n`);

  if (options.json) {
    const runs = Object.fromEntries(options.sizes.map((s) => [s, runsFor(s)]));
    const figures = jsonFigures(results, {
      runs,
      totalSeconds: round(totalSeconds),
      extensionDir: EXTENSION_DIR,
      ...(baseline ? { baseline } : {}),
    });
    writeFileSync(resolve(options.json), `${JSON.stringify(figures, null, 2)}\n`);
    log(`wrote ${options.json}`);
  }
  // With --baseline, --docs writes the comparison alone: the other rows of such a run are partial.
  if (options.docs && baseline && baselineText)
    writeBaselineDocs(
      options.currentName ? `${options.currentName}-${baseline.baselineName}` : baseline.baselineName,
      baselineText,
    );
  else {
    if (options.docs && !writeDocs(text)) process.exitCode = 1;
    if (options.docs || options.languagesDocs) writeLanguagesDocs(results);
  }
  log(`done in ${totalSeconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) log(`${error.message}; see --help`);
  else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
