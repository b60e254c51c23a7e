import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import { renderIcons } from './scripts/icons';
import { datasetFiles, ROOT } from './scripts/load-dataset';
import { chromeManifest, firefoxManifest, type Manifest, sourceManifest } from './scripts/manifest';
import { polyfillAsModule } from './scripts/polyfill-as-module';
import { compileDataset } from './src/core/compiled-dataset';
import { parseDataset, parseLexicon } from './src/core/dataset';
import { ANNOTATOR_SCRIPT, ARTICLE_SCRIPT } from './src/messages';

/**
 * `npm run build` writes one folder per browser; the Firefox one is the Chrome one with its own manifest.
 * NIC_OUT_DIR and NIC_DATA_DIR build elsewhere from another data folder (same layout as data/), e.g. a
 * test's copy of data/ with a pack added; both default to the project's own (dist/, data/).
 */
const DIST = process.env.NIC_OUT_DIR ? resolve(process.env.NIC_OUT_DIR) : 'dist';
const DATA_DIR = resolve(ROOT, process.env.NIC_DATA_DIR ?? 'data');
const CHROME_DIR = `${DIST}/chrome`;
const FIREFOX_DIR = `${DIST}/firefox`;
/** Each content script's source (as the manifest template names it) and its built file. */
const CONTENT_SCRIPTS: Record<string, string> = {
  'src/content/main.ts': 'content.js',
  'src/content/annotator.ts': ANNOTATOR_SCRIPT,
  'src/content/article.ts': ARTICLE_SCRIPT,
};
const CONTENT_CSS = 'content.css';

const manifest = sourceManifest();

const COMPILED_DATASET = 'virtual:compiled-dataset';

/**
 * The dataset, validated and compiled once at build time for the worker
 * (`import compiled from 'virtual:compiled-dataset'`): the shared entities
 * and every story pack under data/stories/, checked together and compiled
 * into one matcher, so a worker waking up parses the result instead of
 * compiling the packs. A malformed dataset stops the build, naming the file
 * and the bad field.
 */
function compiledDataset(): Plugin {
  const resolvedId = `\0${COMPILED_DATASET}`;
  return {
    name: 'compiled-dataset',
    resolveId(id) {
      return id === COMPILED_DATASET ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      try {
        const files = datasetFiles(ROOT, DATA_DIR);
        for (const file of [files.entities, ...files.stories]) this.addWatchFile(join(ROOT, file.path));
        const lexiconFile = join(DATA_DIR, 'spin-lexicon.json');
        this.addWatchFile(lexiconFile);
        // Pack errors name their file and field; the lexicon's name its field.
        const dataset = parseDataset(files.entities, files.stories);
        const lexicon = parseLexicon(JSON.parse(readFileSync(lexiconFile, 'utf8')));
        // JSON.parse of a string literal is faster to load than the same data as an object literal.
        const compiled = JSON.stringify(compileDataset(dataset, lexicon));
        // The packs themselves, parsed only where stories are followed: compiled again with them.
        const shipped = JSON.stringify({ dataset, lexicon });
        const buildId = createHash('sha256').update(compiled).digest('hex').slice(0, 16);
        return [
          `export default JSON.parse(${JSON.stringify(compiled)});`,
          `export const shippedSource = ${JSON.stringify(shipped)};`,
          `export const buildId = ${JSON.stringify(buildId)};`,
        ].join('\n');
      } catch (error) {
        return this.error((error as Error).message);
      }
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
 * reader (content.js), which every page runs, and the annotator (annotator.js), which the worker injects where a reading shows
 * something. Through crxjs they would be ES modules loaded by a loader from
 * web-accessible chunks that any site could probe for; as single files
 * nothing needs to be web-accessible, and they start without extra requests.
 */
async function buildContentScripts(): Promise<void> {
  for (const [entry, file] of Object.entries(CONTENT_SCRIPTS)) {
    await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [noCodeFromStrings(), polyfillAsModule(), readabilityWithoutInnerHtml()],
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
  return {
    name: 'browser-builds',
    apply: 'build',
    buildStart() {
      rmSync(DIST, { recursive: true, force: true });
    },
    async closeBundle() {
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
      writeFileSync(`${FIREFOX_DIR}/manifest.json`, `${JSON.stringify(firefoxManifest(chrome), null, 2)}\n`);
    },
  };
}

/** crxjs bundles the worker and the popup; the content script is built by `browserBuilds`. */
const { content_scripts: _contentScripts, ...crxManifest } = manifest;

export default defineConfig({
  plugins: [
    noCodeFromStrings(),
    polyfillAsModule(),
    compiledDataset(),
    crx({ manifest: crxManifest as unknown as ManifestV3Export }),
    browserBuilds(),
  ],
  build: { outDir: CHROME_DIR, emptyOutDir: true, target: 'chrome111', sourcemap: false },
});
