/**
 * `npm run package`: a clean build, then the store packages
 *   release/news-in-context-<version>-chrome.zip   (dist/chrome)
 *   release/news-in-context-<version>-firefox.zip  (dist/firefox, through `web-ext build`)
 *
 * Reproducible: two runs on the same commit write the same bytes. Every entry is stored in name
 * order with the last commit's time (SOURCE_DATE_EPOCH wins when set) and no directory entries.
 * `web-ext build` picks and checks the Firefox files but stamps each entry with the time of the
 * run, in the order its reads finish; its archive is therefore written again the same way.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { packageFileName } from './manifest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const RELEASE_DIR = join(ROOT, 'release');

function packagePath(browser: 'chrome' | 'firefox'): string {
  return join(RELEASE_DIR, packageFileName(browser));
}

/** The time every entry carries: SOURCE_DATE_EPOCH, else the last commit's, else 1980-01-01 (the zip epoch). */
function sourceDate(): Date {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv && /^\d+$/.test(fromEnv)) return new Date(Number(fromEnv) * 1000);
  try {
    const seconds = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (/^\d+$/.test(seconds)) return new Date(Number(seconds) * 1000);
  } catch {
    // Not a git checkout (an unpacked source archive): fall through.
  }
  return new Date(Date.UTC(1980, 0, 1));
}

/** A zip of `files` (path → bytes) with sorted entries, one date, no directory entries. */
async function reproducibleZip(files: Map<string, Uint8Array>, date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name)!, { date, createFolders: false, binary: true });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function filesOf(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
  }
  return files;
}

async function filesOfZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
  }
  return files;
}

/** `web-ext build` of dist/firefox: its archive's files (web-ext's choice of files, checked by it). */
async function webExtBuild(sourceDir: string): Promise<Map<string, Uint8Array>> {
  const artifacts = mkdtempSync(join(tmpdir(), 'nic-web-ext-'));
  try {
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      [
        'build',
        '--source-dir',
        sourceDir,
        '--artifacts-dir',
        artifacts,
        '--filename',
        'firefox.zip',
        '--no-config-discovery',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    return await filesOfZip(readFileSync(join(artifacts, 'firefox.zip')));
  } finally {
    rmSync(artifacts, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const date = sourceDate();
  mkdirSync(RELEASE_DIR, { recursive: true });
  const packages = [
    ['chrome', filesOf(join(ROOT, 'dist', 'chrome'))],
    ['firefox', await webExtBuild(join(ROOT, 'dist', 'firefox'))],
  ] as const;
  for (const [browser, files] of packages) {
    const bytes = await reproducibleZip(files, date);
    writeFileSync(packagePath(browser), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    console.log(
      `${relative(ROOT, packagePath(browser))}  ${files.size} files  ${bytes.length} bytes  sha256 ${sha256}`,
    );
  }
  console.log(`Entry time: ${date.toISOString()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
