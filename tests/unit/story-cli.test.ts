import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const ARTICLE = resolve(ROOT, 'tests/fixtures/stories/floating-solar-article.txt');

function story(data: string, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'scripts/story/cli.ts'), ...args, '--data', data],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run story', { timeout: 180_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), 'story-packs-'));
  copyFileSync(resolve(ROOT, 'data/spin-lexicon.json'), join(data, 'spin-lexicon.json'));
  for (const shared of ['entities.json', 'story.json']) {
    if (existsSync(resolve(ROOT, 'data', shared))) copyFileSync(resolve(ROOT, 'data', shared), join(data, shared));
  }
  const pack = join(data, 'stories', 'floating-solar', 'story.json');
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('drafts a pack, refuses to overwrite it, and checks it', () => {
    const drafted = story(data, 'draft', ARTICLE, '--id', 'floating-solar');
    expect(drafted.err).toBe('');
    expect(drafted.code).toBe(0);
    expect(JSON.parse(readFileSync(pack, 'utf8'))).toMatchObject({ id: 'floating-solar', draft: true });

    const again = story(data, 'draft', ARTICLE, '--id', 'floating-solar');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists: pass --force/);

    const checked = story(data, 'check', 'floating-solar', '--article', ARTICLE);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/schema: valid/);
    expect(checked.out).toMatch(/sentences no claim, quote or limit covers: none/);
    expect(checked.out).toMatch(/person:maria-delgado/);
  });

  it('refuses an article with no text, writing nothing', () => {
    const empty = join(data, 'empty.txt');
    writeFileSync(empty, '\n \n');
    const drafted = story(data, 'draft', empty, '--id', 'empty');
    expect(drafted.code).toBe(2);
    expect(drafted.err).toMatch(/has no text to draft from/);
    expect(existsSync(join(data, 'stories', 'empty'))).toBe(false);
  });

  it('refuses a malformed pack with the path of the bad field, and loses nothing', () => {
    const broken = JSON.parse(readFileSync(pack, 'utf8'));
    broken.facts[1].aliases = [];
    const text = `${JSON.stringify(broken, null, 2)}\n`;
    writeFileSync(pack, text);
    const checked = story(data, 'check', 'floating-solar');
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(/invalid: dataset: facts\.1\.aliases/);
    expect(readFileSync(pack, 'utf8')).toBe(text);
    expect(existsSync(pack)).toBe(true);
  });
});
