/**
 * The release: both builds from one manifest template, printing no warning, the icons, and the
 * store packages made by `npm run package` (twice: the same bytes each time). The Firefox package
 * passes `web-ext lint` with nothing to report; the Chrome package, unpacked, loads in Chromium,
 * highlights the demo page and opens a card on hover.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { launchWithExtension } from '../../scripts/chrome';
import { GECKO_ID, ICON_SIZES, missingFromBuilds, packageFileName, ROOT_MANIFEST } from '../../scripts/manifest';
import { openPage, personHighlightPoint, ROOT, serveDemo, visibleCardText, waitForStableHighlights } from './harness';
import { unzipTo } from './zip';

type Manifest = Record<string, unknown> & {
  version: string;
  background: Record<string, unknown>;
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
  browser_specific_settings?: { gecko: Record<string, unknown> };
};

const readManifest = (browser: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, 'dist', browser, 'manifest.json'), 'utf8')) as Manifest;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const CHROME_BUILD = join(ROOT, 'dist', 'chrome');

/** Every file of the Chrome build that `file` reaches through static imports, itself included. */
function staticallyReached(file: string): string[] {
  const reached = new Set<string>();
  const visit = (path: string) => {
    if (reached.has(path)) return;
    reached.add(path);
    const code = readFileSync(join(CHROME_BUILD, path), 'utf8');
    for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
      visit(posix.normalize(posix.join(posix.dirname(path), spec!)));
  };
  visit(file);
  return [...reached];
}

const packagePath = (browser: 'chrome' | 'firefox') => join(ROOT, 'release', packageFileName(browser));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function runPackage(): Record<'chrome' | 'firefox', string> {
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  return { chrome: sha256(packagePath('chrome')), firefox: sha256(packagePath('firefox')) };
}

let unpacked: string;
let hashes: Record<'chrome' | 'firefox', string>[];

beforeAll(() => {
  unpacked = mkdtempSync(join(tmpdir(), 'nic-release-'));
  hashes = [runPackage(), runPackage()];
}, 180_000);

afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

describe('builds', () => {
  it('both manifests carry the version of package.json and their own background', () => {
    const chrome = readManifest('chrome');
    const firefox = readManifest('firefox');
    expect(chrome.version).toBe(pkg.version);
    expect((chrome.description as string).length).toBeLessThanOrEqual(132);
    expect(firefox.version).toBe(pkg.version);
    expect(chrome.background.service_worker).toBeTruthy();
    expect(chrome.minimum_chrome_version).toBeTruthy();
    expect(firefox.background.scripts).toEqual([chrome.background.service_worker]);
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.browser_specific_settings?.gecko).toMatchObject({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    for (const manifest of [chrome, firefox]) expect(manifest.web_accessible_resources).toBeUndefined();
    // Both are derived from manifest.json at the root: every field of it reaches both.
    expect(missingFromBuilds(ROOT_MANIFEST, { chrome, firefox })).toEqual([]);
  });

  it('the build prints no warning', () => {
    // What `npm run build` runs, into a folder of its own; both streams, as `npm run build 2>&1` shows them.
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NIC_OUT_DIR: join(unpacked, 'build') },
    });
    expect(result.status, result.stderr).toBe(0);
    const lines = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    // Vite marks its warnings "(!)" (the chunk-size one among them); every warning names itself.
    expect(lines.filter((line) => /warn|^\s*\(!\)/i.test(line))).toEqual([]);
  }, 120_000);

  it("the worker's modules are four files that carry neither the shipped packs, the generic words, the compiler nor the builder", () => {
    // Every file the worker's entry reaches through static imports (an MV3 service worker has no other kind).
    const names = staticallyReached(readManifest('chrome').background.service_worker as string).map((file) =>
      posix.basename(file),
    );
    expect(names.some((name) => name.startsWith('dataset-matcher-'))).toBe(true);
    // The loader, the worker's own chunk, the code it shares with the pages, the matcher's data (vite.config.ts):
    // each file more is fetched, compiled and evaluated on every wake-up.
    expect(names).toHaveLength(4);
    // The compiler's own chunk, wherever the bundler puts it, imports the generic words (specificity.ts).
    const followOnly = names.filter((name) =>
      /^(dataset-shipped-packs|generic-words|store|nlp|wink-nlp|wink-model|draft|follow)-/.test(name),
    );
    expect(followOnly).toEqual([]);
  });

  it('the compiler page compiles in a module Web Worker of its own, which reaches the compiler', () => {
    const page = readFileSync(join(CHROME_BUILD, 'src/compiler/index.html'), 'utf8');
    const entry = /<script type="module"[^>]* src="\/([^"]+)"/.exec(page)?.[1];
    expect(entry).toBeTruthy();
    const spawned = [
      ...readFileSync(join(CHROME_BUILD, entry!), 'utf8').matchAll(
        /new Worker\(new URL\(`\/([^`]+\.js)`,[^)]*\),\s*\{\s*type:\s*`module`\s*\}\)/g,
      ),
    ].map((match) => match[1]!);
    expect(spawned).toHaveLength(1);
    const names = staticallyReached(spawned[0]!).map((file) => posix.basename(file));
    // The compiler's code (with specificity.ts's generic words) and the shipped packs it compiles beside.
    for (const chunk of ['generic-words-', 'dataset-matcher-', 'dataset-shipped-packs-'])
      expect(
        names.some((name) => name.startsWith(chunk)),
        chunk,
      ).toBe(true);
  });

  it('declares an icon at 16, 32, 48 and 128 px, each a PNG of its size', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = readManifest(browser);
      expect(Object.keys(manifest.icons).map(Number)).toEqual([...ICON_SIZES]);
      expect(manifest.action.default_icon).toEqual(manifest.icons);
      for (const [size, file] of Object.entries(manifest.icons)) {
        expect(pngSize(readFileSync(join(ROOT, 'dist', browser, file)))).toEqual([Number(size), Number(size)]);
      }
    }
  });
});

describe('packages', () => {
  it('two runs of npm run package write the same bytes', () => {
    expect(hashes[0]!.chrome).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[1]).toEqual(hashes[0]);
  });

  it('the Firefox package passes web-ext lint with no error, warning or notice', async () => {
    const dir = join(unpacked, 'firefox');
    await unzipTo(packagePath('firefox'), dir);
    const output = execFileSync(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    const report = JSON.parse(output) as {
      summary: { errors: number; warnings: number; notices: number };
      metadata: { id: string; version: string };
      [kind: string]: unknown;
    };
    const messages = (['errors', 'warnings', 'notices'] as const).flatMap((kind) =>
      (report[kind] as { code: string; message: string }[]).map((m) => `${m.code}: ${m.message}`),
    );
    expect(messages).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
    expect(report.metadata).toMatchObject({ id: GECKO_ID, version: pkg.version });
  }, 120_000);

  it('the Chrome package, unpacked, loads in Chromium: the demo page is highlighted and a hover opens the card', async () => {
    const dir = join(unpacked, 'chrome');
    await unzipTo(packagePath('chrome'), dir);
    const site = await serveDemo();
    const browser = await launchWithExtension({ extensionDir: dir });
    try {
      const page = await openPage(browser.context, site.url);
      expect(await waitForStableHighlights(page)).toBeGreaterThan(0);
      const point = await personHighlightPoint(page);
      await page.mouse.move(point.x, point.y);
      await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toMatch(/source/i);
    } finally {
      await browser.context.close();
      await site.close();
    }
  });
});
