/**
 * The pre-check while a story is followed, in Firefox: with a story imported in the story manager (which
 * stores the gate of the shipped and followed stories), a quiet page runs no reader (no content script
 * answers it), a page about the followed story opened since is highlighted, and a live page that starts
 * quiet and later reports the followed story is highlighted too.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';
import { followPair, readPairs } from '../../../scripts/eval-followed';
import { loadDataset, loadLexicon } from '../../../scripts/load-dataset';
import { type Served, serve } from '../../../scripts/serve';
import { builderNlp } from '../../../src/builder/nlp';
import type { Story } from '../../../src/core/dataset';
import { fixtureText, renderPage } from '../../fixtures/follow/render';
import {
  type ExtensionApi,
  importStoryFile,
  installAddon,
  launchFirefox,
  openExtensionPage,
  openPage,
  until,
} from './harness';

const work = mkdtempSync(join(tmpdir(), 'followed-gate-firefox-'));
let site: Served | undefined;
let firefox: Browser | undefined;
let api: ExtensionApi | undefined;
let story: Story;

/** The followed story's own facts highlighted on the page (the highlight list's entries carry the ids). */
function storyIdsOn(page: Page): Promise<string[]> {
  const own = story.facts.map((f) => f.id);
  return page.evaluate(
    (ids) =>
      [...document.querySelectorAll('[data-fact-id]')]
        .flatMap((e) => e.getAttribute('data-fact-id')!.split(' '))
        .filter((id) => ids.includes(id)),
    own,
  );
}

/** Whether a reader runs in the tab at `url`: it answers the popup's question; the pre-check has no listener. */
async function readerAnswers(url: string): Promise<boolean> {
  const tabId = await api!.tabIdOf(url);
  return api!.sendToTab(tabId, { type: 'page/get-state' }).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  story = followPair(readPairs()[0]!, { shipped: loadDataset(), lexicon: loadLexicon(), nlp: builderNlp() });
  writeFileSync(join(work, 'story.json'), JSON.stringify(story));
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/b.html'), renderPage(fixtureText('port-strike-b'), 'Coastal Wire'));
  for (const page of ['news-unrelated.html', 'quiet-live.html'])
    copyFileSync(join(ROOT, 'tests/e2e/fixtures', page), join(work, 'site', page));
  copyFileSync(join(ROOT, 'tests/e2e/fixtures/news-unrelated.html'), join(work, 'site/open-before.html'));
  site = await serve(join(work, 'site'));
  firefox = await launchFirefox();
  api = await installAddon(firefox);
  // A page open while the story is followed: the worker, once it has registered the gate reader, puts the
  // reader into every page then open. The tests' pages open only after it has reached this one, so that
  // they are judged by the pre-check alone and not caught by that pass.
  const openBefore = await openPage(firefox, `${site.url}open-before.html`);
  const manager = await openExtensionPage(firefox, 'src/manager/index.html');
  await importStoryFile(manager, join(work, 'story.json'));
  await until(
    () => readerAnswers(`${site!.url}open-before.html`),
    (answers) => answers,
  );
  await openBefore.close();
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('Firefox: the pre-check with a story followed', () => {
  it('runs no reader on a quiet page; a page about the followed story opened since is highlighted', async () => {
    const quietUrl = `${site!.url}news-unrelated.html`;
    const quiet = await openPage(firefox!, quietUrl);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await readerAnswers(quietUrl)).toBe(false);
    await quiet.close();

    // The build's gate knows only the shipped stories: this page is highlighted only through the followed gate.
    const b = await openPage(firefox!, `${site!.url}b.html`);
    await until(
      () => storyIdsOn(b),
      (ids) => ids.includes('person:rosa-ferreira'),
    );
    expect(await readerAnswers(`${site!.url}b.html`)).toBe(true);
    await b.close();
  }, 90_000);

  it('highlights a live page that starts quiet and later reports the followed story', async () => {
    const url = `${site!.url}quiet-live.html`;
    const page = await openPage(firefox!, url);
    await page.evaluate(() =>
      (window as unknown as { churn: (t: number, ms: number) => Promise<number> }).churn(4, 500),
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await readerAnswers(url)).toBe(false);
    const report = fixtureText('port-strike-b').split('\n').slice(0, 12).join(' ');
    await page.evaluate((text) => (window as unknown as { add: (text: string) => void }).add(text), report);
    await until(
      () => storyIdsOn(page),
      (ids) => ids.includes('person:rosa-ferreira'),
    );
    await page.close();
  }, 90_000);
});
