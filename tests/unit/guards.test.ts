/**
 * The checks that keep the code's shape: `src/core` compiles without DOM or Node types, and the lint
 * refuses imports across the extension's parts. Each is shown to fail on a planted defect and to pass
 * on the same file without it, so a broken configuration cannot pass silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Each case runs the real compiler or linter once: seconds, more on a loaded machine. */
const TOOL_TIMEOUT_MS = 60_000;

const root = join(import.meta.dirname, '..', '..');
const scratch = join(root, '.scratch');

function typecheckAsCore(source: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(scratch, 'core-'));
  writeFileSync(join(dir, 'planted.ts'), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: relative(dir, join(root, 'tsconfig.core.json')), include: ['planted.ts'] }),
  );
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', dir], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

/** Lints `source` as if it were the file at `path` (written there for the moment of the check). */
function lintAs(path: string, source: string): { ok: boolean; output: string } {
  const file = join(root, path.replace(/\.ts$/, `-${process.pid}-${Date.now()}.ts`));
  writeFileSync(file, source);
  try {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['lint', file], { cwd: root, encoding: 'utf8' });
    return { ok: run.status === 0, output: run.stdout + run.stderr };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('typecheck of src/core', { timeout: TOOL_TIMEOUT_MS }, () => {
  const coreImport = `import { normalizeText } from '${join(root, 'src/core/normalize')}';\n`;
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes on core code', () => {
    mkdirScratch();
    const result = typecheckAsCore(`${coreImport}export const length: number = normalizeText('a').text.length;\n`);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails when core code reaches for the DOM', () => {
    mkdirScratch();
    const result = typecheckAsCore(`${coreImport}export const title: string = document.title;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find name 'document'/);
  });

  it('fails when core code reaches for Node', () => {
    mkdirScratch();
    const result = typecheckAsCore(`${coreImport}export const cwd: string = process.cwd();\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find name 'process'/);
  });

  it('fails on a plain type error', () => {
    mkdirScratch();
    const result = typecheckAsCore(`${coreImport}export const n: number = normalizeText('a').text;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/not assignable to type 'number'/);
  });
});

describe('lint: import boundaries', { timeout: TOOL_TIMEOUT_MS }, () => {
  it('lets core import core', () => {
    expect(
      lintAs('src/core/planted.ts', "import { normalizeText } from './normalize';\nnormalizeText('a');\n").ok,
    ).toBe(true);
  });

  it.each([
    ['src/core/planted.ts', '../content/page'],
    ['src/core/planted.ts', '../messages'],
    ['src/core/planted.ts', 'webextension-polyfill'],
    ['src/content/planted.ts', '../background/dataset'],
    ['src/content/planted.ts', '../popup/view'],
    ['src/background/planted.ts', '../content/page'],
    ['src/popup/planted.ts', '../content/card'],
  ])('refuses %s importing %s', (path, target) => {
    const result = lintAs(path, `import * as other from '${target}';\nexport { other };\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/noRestrictedImports/);
  });
});

function mkdirScratch(): void {
  mkdirSync(scratch, { recursive: true });
}

describe('lint: duplicate imports', { timeout: TOOL_TIMEOUT_MS }, () => {
  it('refuses a module imported twice (the import organizer would merge them)', () => {
    const stamp = `${process.pid}-${Date.now()}`;
    const file = join(root, `src/core/duplicate-${stamp}.ts`);
    writeFileSync(
      file,
      "import { normalizeText } from './normalize';\nimport type { NormalizedText } from './normalize';\n" +
        'export const read = (t: NormalizedText) => normalizeText(t.text);\n',
    );
    try {
      const run = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['check', file], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/organizeImports/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('lint: import cycles', { timeout: TOOL_TIMEOUT_MS }, () => {
  it('refuses two core modules that import each other, even for types only', () => {
    const stamp = `${process.pid}-${Date.now()}`;
    const first = join(root, `src/core/cycle-a-${stamp}.ts`);
    const second = join(root, `src/core/cycle-b-${stamp}.ts`);
    writeFileSync(first, `import type { B } from './cycle-b-${stamp}';\nexport interface A { b?: B }\n`);
    writeFileSync(second, `import type { A } from './cycle-a-${stamp}';\nexport interface B { a?: A }\n`);
    try {
      const run = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['lint', first, second], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/noImportCycles/);
    } finally {
      rmSync(first, { force: true });
      rmSync(second, { force: true });
    }
  });
});

/**
 * Code, not comments, that reaches the browser's own extension API rather than the polyfill's: the
 * `chrome` or `browser` namespace, named or read off `globalThis`.
 */
const DIRECT_API =
  /^(?!\s*(\*|\/\/|\/\*)).*(\bchrome\.[a-z]|globalThis\.(chrome|browser)\b|globalThis, ['"](chrome|browser)['"])/m;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('browser calls', () => {
  it('go through webextension-polyfill, but in the followed stories’ gate reader', () => {
    const direct = sources('src').filter((path) => DIRECT_API.test(readFileSync(join(root, path), 'utf8')));
    expect(direct).toEqual(['src/content/followed-gate.ts']);
    // The check sees a call planted anywhere else, and not one in a comment.
    expect(DIRECT_API.test("const stored = await chrome.storage.local.get('settings');")).toBe(true);
    expect(DIRECT_API.test('/** chrome.offscreen (Chrome 109+), which the polyfill passes through */')).toBe(false);
  });
});
