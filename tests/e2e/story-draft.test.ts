/**
 * Any story, not one: an article the project has never seen is drafted into a copy of data/, built
 * (NIC_DATA_DIR, NIC_OUT_DIR) and loaded. A page of the article is highlighted with the draft's own ids
 * and cards that say they are a draft; it shows none of the summit's statements; the summit's demo
 * page shows the same facts as with the normal build (dist/chrome, `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../scripts/serve';
import { serve } from '../../scripts/serve';
import { englishText } from '../../src/core/english';
import {
  DIST,
  factIdsOn,
  launch,
  openPage,
  ROOT,
  serveDemo,
  visibleCardText,
  waitForStableHighlights,
} from './harness';

const ARTICLE = join(ROOT, 'tests/fixtures/stories/floating-solar-article.txt');
const DRAFT_ID = 'floating-solar-draft';
const SUMMIT_PACK = join(ROOT, 'data/stories/xi-putin-video-summit-2021/story.json');

interface RawPack {
  draft?: boolean;
  entityRefs: { id: string }[];
  facts: { id: string; category: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'story-draft-'));
let draft: RawPack;
let articleSite: Served | undefined;
let demoSite: Served | undefined;

function run(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page of the article: each non-empty line a paragraph, as a news site would lay it out. */
function articlePage(text: string): string {
  const [title, ...lines] = text.split('\n').filter((line) => line.trim());
  const body = lines.map((line) => `<p>${escapeHtml(line.trim())}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title!)}</title></head>
<body><article><h1>${escapeHtml(title!)}</h1>\n${body}</article></body></html>\n`;
}

/** Fact ids highlighted on `url` by the extension in `extensionDir`. */
async function highlightedIds(extensionDir: string, url: string): Promise<string[]> {
  const browser = await launch({ extensionDir, renderer: 'marks' });
  try {
    const page = await openPage(browser.context, url);
    await waitForStableHighlights(page);
    return await factIdsOn(page);
  } finally {
    await browser.context.close();
  }
}

beforeAll(async () => {
  cpSync(join(ROOT, 'data'), join(work, 'data'), { recursive: true });
  run(['--import', 'tsx', 'scripts/story/cli.ts', 'draft', ARTICLE, '--id', DRAFT_ID, '--data', join(work, 'data')]);
  draft = JSON.parse(readFileSync(join(work, 'data/stories', DRAFT_ID, 'story.json'), 'utf8')) as RawPack;
  run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    NIC_DATA_DIR: join(work, 'data'),
    NIC_OUT_DIR: join(work, 'dist'),
  });
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/index.html'), articlePage(readFileSync(ARTICLE, 'utf8')));
  articleSite = await serve(join(work, 'site'));
  demoSite = await serveDemo();
}, 240_000);

afterAll(async () => {
  await articleSite?.close();
  await demoSite?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a drafted story, built in', () => {
  it('is a draft pack of its own, not in data/', () => {
    expect(draft.draft).toBe(true);
    expect(draft.facts.some((f) => f.category === 'person')).toBe(true);
    expect(() => readFileSync(join(ROOT, 'data/stories', DRAFT_ID, 'story.json'))).toThrow();
  });

  it("highlights the article's page with the draft's own ids, none of the summit's statements, and draft cards", async () => {
    const browser = await launch({ extensionDir: join(work, 'dist/chrome'), renderer: 'marks' });
    try {
      const page = await openPage(browser.context, articleSite!.url);
      await waitForStableHighlights(page);
      const ids = await factIdsOn(page);
      const own = new Set([...draft.facts.map((f) => f.id), ...draft.entityRefs.map((r) => r.id)]);
      const people = draft.facts.filter((f) => f.category === 'person').map((f) => f.id);
      for (const id of people) expect(ids, id).toContain(id);
      expect(ids.filter((id) => !own.has(id))).toEqual([]);
      expect(ids.some((id) => /^(claim|quote|limit):/.test(id))).toBe(true);

      const summit = JSON.parse(readFileSync(SUMMIT_PACK, 'utf8')) as RawPack;
      const summitStatements = summit.facts.filter((f) => /^(claim|quote|limit)$/.test(f.category)).map((f) => f.id);
      expect(ids.filter((id) => summitStatements.includes(id))).toEqual([]);

      await page.locator(`[data-fact-id~="${people[0]}"]`).first().hover();
      await expect.poll(() => visibleCardText(page), { timeout: 10_000 }).toContain(englishText('draftNote'));
      expect(await visibleCardText(page)).toContain(englishText('cardGap'));
    } finally {
      await browser.context.close();
    }
  });

  it("leaves the summit's demo page as the normal build shows it", async () => {
    const withDraft = await highlightedIds(join(work, 'dist/chrome'), demoSite!.url);
    const normal = await highlightedIds(process.env.EXTENSION_DIR || DIST, demoSite!.url);
    expect(withDraft.length).toBeGreaterThan(20);
    expect(withDraft).toEqual(normal);
    expect(withDraft.filter((id) => draft.facts.some((f) => f.id === id))).toEqual([]);
  });
});
