/**
 * The pre-check while a story is followed, in Chromium: the story is imported in the story manager, which
 * stores the gate of the shipped and followed stories with its compiled copy; from then on a quiet page
 * loads only the pre-check and the gate reader (no reader), a page about the followed story is
 * highlighted, and a live page that starts quiet and later reports the followed story is highlighted too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import { followPair, readPairs } from '../../scripts/eval-followed';
import { loadDataset, loadLexicon } from '../../scripts/load-dataset';
import { type Served, serve, type TwoOrigins } from '../../scripts/serve';
import { builderNlp } from '../../src/builder/nlp';
import type { Story } from '../../src/core/dataset';
import { FOLLOWED_GATE_KEY } from '../../src/core/followed';
import { fixtureText, renderPage } from '../fixtures/follow/render';
import {
  collectPageErrors,
  countOf,
  extensionScriptsOf,
  factIdsOn,
  HIGHLIGHT,
  launch,
  serveFixtures,
  waitForHighlights,
} from './harness';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; js?: string[] }[]> };
};

const work = mkdtempSync(join(tmpdir(), 'followed-gate-'));
let fixtures: TwoOrigins | undefined;
let site: Served | undefined;
let browser: Launched | undefined;
let story: Story;

beforeAll(async () => {
  story = followPair(readPairs()[0]!, { shipped: loadDataset(), lexicon: loadLexicon(), nlp: builderNlp() });
  writeFileSync(join(work, 'story.json'), JSON.stringify(story));
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/b.html'), renderPage(fixtureText('port-strike-b'), 'Coastal Wire'));
  site = await serve(join(work, 'site'));
  fixtures = await serveFixtures();
  browser = await launch();
  // Followed as a reader follows a story file: imported in the story manager.
  const manager = await browser.context.newPage();
  await manager.goto(`chrome-extension://${browser.extensionId}/src/manager/index.html`);
  await manager.getByLabel('Import a story file').setInputFiles(join(work, 'story.json'));
  await manager.waitForFunction(() => /^Imported: /.test(document.querySelector('#status')?.textContent ?? ''), null, {
    timeout: 20_000,
  });
  await manager.close();
}, 120_000);

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
  await fixtures?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The followed story's own facts highlighted on the page. */
async function storyIdsOn(page: Parameters<typeof factIdsOn>[0]): Promise<string[]> {
  const own = new Set(story.facts.map((f) => f.id));
  return (await factIdsOn(page)).filter((id) => own.has(id));
}

describe('the pre-check with a story followed', () => {
  it('stores the gate and registers its reader, not the reader, on every page', async () => {
    const worker = browser!.serviceWorker;
    const gate = await worker.evaluate((key) => chrome.storage.local.get(key).then((s) => s[key]), FOLLOWED_GATE_KEY);
    expect(gate).toMatchObject({ build: expect.any(String), revision: expect.any(Number), look: expect.any(Object) });
    await expect
      .poll(async () => (await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => s.js))
      .toEqual([['followed-gate.js']]);
  });

  it('keeps a quiet page to the pre-check; a page about the followed story opened since is highlighted', async () => {
    const quiet = await extensionScriptsOf(browser!.context, `${fixtures!.url}news-unrelated.html`);
    const errors = collectPageErrors(quiet.page);
    await quiet.page.waitForTimeout(1_500);
    expect([...quiet.scripts].sort()).toEqual(['followed-gate.js', 'precheck.js']);
    expect(await countOf(quiet.page, HIGHLIGHT)).toBe(0);
    expect(errors).toEqual([]);
    await quiet.page.close();

    // The build's gate knows only the shipped stories: this page is highlighted only through the followed gate.
    const b = await extensionScriptsOf(browser!.context, `${site!.url}b.html`);
    await expect.poll(() => storyIdsOn(b.page), { timeout: 30_000 }).toContain('person:rosa-ferreira');
    expect([...b.scripts].sort()).toEqual(['annotator.js', 'content.js', 'followed-gate.js', 'precheck.js']);
    await b.page.close();
  }, 90_000);

  it('highlights a live page that starts quiet and later reports the followed story', async () => {
    const { page, scripts } = await extensionScriptsOf(browser!.context, `${fixtures!.url}quiet-live.html`);
    await page.evaluate(() =>
      (window as unknown as { churn: (t: number, ms: number) => Promise<number> }).churn(4, 500),
    );
    await page.waitForTimeout(1_500);
    expect([...scripts].sort()).toEqual(['followed-gate.js', 'precheck.js']);
    const report = fixtureText('port-strike-b').split('\n').slice(0, 12).join(' ');
    await page.evaluate((text) => (window as unknown as { add: (text: string) => void }).add(text), report);
    await waitForHighlights(page);
    await expect.poll(() => storyIdsOn(page), { timeout: 30_000 }).toContain('person:rosa-ferreira');
    expect([...scripts].sort()).toEqual(['annotator.js', 'content.js', 'followed-gate.js', 'precheck.js']);
    await page.close();
  }, 90_000);
});
