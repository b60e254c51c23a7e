/**
 * Firefox: following a story. Article A is followed from the popup; B, another outlet's report of the
 * same event already open, shows the story's highlights without a reload and its card says the story is
 * followed and not reviewed; an unrelated page shows nothing; unfollowing in the story manager takes the
 * highlights away without a reload; the exported story, imported into a fresh profile, gives the same
 * highlights; a malformed file is refused with the bad field named and the stories unchanged; a rename
 * shows in the popup, and a drafted fact removed in the manager leaves B without a reload.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';
import { type Served, serve } from '../../../scripts/serve';
import { FOLLOWED_KEY } from '../../../src/core/followed';
import { fixtureText, renderPage } from '../../fixtures/follow/render';
import { AXE_SOURCE, type AxeOutcome, type AxeRequest, describeViolations, runAxeInPage } from '../axe';
import { visibleCardTextInPage } from '../page-reads';
import {
  type ExtensionApi,
  hoverPersonRange,
  importStoryFile,
  installAddon,
  launchFirefox,
  openExtensionPage,
  openPage,
  popupPathOf,
  until,
} from './harness';

declare const browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const MANAGER = 'src/manager/index.html';
const work = mkdtempSync(join(tmpdir(), 'follow-firefox-'));
let site: Served | undefined;
const browsers: Browser[] = [];

interface StoredStory {
  id: string;
  summary: { gist: { text: string } };
  facts: { id: string }[];
}

async function followed(api: ExtensionApi): Promise<StoredStory[]> {
  const stored = await api.page.evaluate(
    async (key) => ((await browser.storage.local.get(key))[key] as { stories: unknown[] } | undefined)?.stories ?? [],
    FOLLOWED_KEY,
  );
  return stored as StoredStory[];
}

/** The followed story's facts highlighted on the page (the highlight list's entries carry the ids). */
function storyIdsOn(page: Page, story: StoredStory): Promise<string[]> {
  const own = story.facts.map((f) => f.id);
  return page.evaluate(
    (ids) =>
      [
        ...new Set(
          [...document.querySelectorAll('[data-fact-id]')].flatMap((e) => e.getAttribute('data-fact-id')!.split(' ')),
        ),
      ]
        .filter((id) => ids.includes(id))
        .sort(),
    own,
  );
}

async function fresh(): Promise<{ firefox: Browser; api: ExtensionApi }> {
  const firefox = await launchFirefox();
  browsers.push(firefox);
  return { firefox, api: await installAddon(firefox) };
}

beforeAll(async () => {
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/a.html'), renderPage(fixtureText('port-strike'), 'Harbour Ledger'));
  writeFileSync(join(work, 'site/b.html'), renderPage(fixtureText('port-strike-b'), 'Coastal Wire'));
  copyFileSync(join(ROOT, 'tests/eval/pages/cricket-india.html'), join(work, 'site/unrelated.html'));
  site = await serve(join(work, 'site'));
});

afterAll(async () => {
  for (const firefox of browsers) await firefox.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('Firefox: following a story', () => {
  let exported = '';
  let onB: string[] = [];

  it('follows A from the popup; B shows it without a reload; unrelated pages nothing; unfollow clears B', async () => {
    const { firefox, api } = await fresh();
    const b = await openPage(firefox, `${site!.url}b.html`);
    await b.evaluate(() => Reflect.set(window, '__noReload', true));
    const a = await openPage(firefox, `${site!.url}a.html`);
    const popup = await openExtensionPage(firefox, `${popupPathOf()}?tabId=${await api.tabIdOf(a.url())}`);
    const label = await until(
      () => popup.evaluate(() => (document.getElementById('follow-button') as HTMLButtonElement).textContent),
      (text) => text === 'Follow this story',
    );
    expect(label).toBe('Follow this story');
    await popup.click('#follow-button');
    await until(
      () => popup.evaluate(() => document.getElementById('follow-status')!.textContent ?? ''),
      (text) => text.startsWith('Following: '),
      90_000,
    );
    const [story] = await followed(api);
    expect(story).toBeDefined();

    onB = await until(
      () => storyIdsOn(b, story!),
      (ids) => ids.includes('person:rosa-ferreira') && ids.some((id) => /^(claim|quote|limit):/.test(id)),
    );
    expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
    await hoverPersonRange(b, 'Ferreira');
    const card = await until(
      () => b.evaluate(visibleCardTextInPage),
      (text) => text.includes('followed by you, not reviewed'),
      10_000,
    );
    expect(card).toContain('From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed');

    const unrelated = await openPage(firefox, `${site!.url}unrelated.html`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storyIdsOn(unrelated, story!)).toEqual([]);

    // Export (the file's contents as the manager hands them to the download), then unfollow.
    const manager = await openExtensionPage(firefox, MANAGER);
    await manager.evaluate(() => {
      const made: Blob[] = [];
      Reflect.set(window, '__exports', made);
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        made.push(blob);
        return create(blob);
      };
    });
    const buttonIn = (name: string) =>
      manager.evaluateHandle(
        (id, text) =>
          [...document.querySelectorAll(`li[data-story-id="${id}"] .actions button`)].find(
            (e) => e.textContent === text,
          ),
        story!.id,
        name,
      );
    await until(
      () => manager.evaluate(() => document.querySelectorAll('#followed li.story').length),
      (n) => n === 1,
    );
    await ((await buttonIn('Export')).asElement() as ElementHandle<Element>).click();
    exported = await until(
      () => manager.evaluate(() => (Reflect.get(window, '__exports') as Blob[])[0]?.text() ?? ''),
      (text) => text.length > 0,
    );
    expect(JSON.parse(exported).id).toBe(story!.id);
    await ((await buttonIn('Unfollow')).asElement() as ElementHandle<Element>).click();
    await until(
      () => storyIdsOn(b, story!),
      (ids) => ids.length === 0,
    );
    expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
    expect(await followed(api)).toEqual([]);
  }, 180_000);

  it('imports the exported story into a fresh profile: the same highlights; a bad file changes nothing; rename, remove a fact', async () => {
    expect(exported).not.toBe('');
    const { firefox, api } = await fresh();
    const manager = await openExtensionPage(firefox, MANAGER);
    writeFileSync(join(work, 'story.json'), exported);
    await importStoryFile(manager, join(work, 'story.json'));
    const [story] = await followed(api);
    const b = await openPage(firefox, `${site!.url}b.html`);
    await until(
      () => storyIdsOn(b, story!),
      (ids) => JSON.stringify(ids) === JSON.stringify(onB),
    );

    const before = await followed(api);
    const bad = JSON.parse(exported);
    bad.id = 'another-copy';
    bad.facts[0].id = 'not an id';
    writeFileSync(join(work, 'bad.json'), JSON.stringify(bad));
    const input = (await manager.$('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(work, 'bad.json'));
    const error = await until(
      () => manager.evaluate(() => document.getElementById('error')!.textContent ?? ''),
      (text) => text.length > 0,
    );
    expect(error).toContain('facts.0.id');
    expect(await followed(api)).toEqual(before);

    await manager.evaluate(AXE_SOURCE);
    const outcome = (await manager.evaluate(runAxeInPage, {
      include: null,
      disabledRules: [],
    } as AxeRequest)) as AxeOutcome;
    expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);

    // A new name: the popup on B reports the story under it.
    await b.evaluate(() => Reflect.set(window, '__noReload', true));
    const name = 'Port strike, as I call it';
    await manager.evaluate(
      (id, value) => {
        (document.querySelector(`li[data-story-id="${id}"] input`) as HTMLInputElement).value = value;
      },
      story!.id,
      name,
    );
    const rename = await manager.evaluateHandle(
      (id) =>
        [...document.querySelectorAll(`li[data-story-id="${id}"] .actions button`)].find(
          (e) => e.textContent === 'Rename',
        ),
      story!.id,
    );
    await (rename.asElement() as ElementHandle<Element>).click();
    await until(
      async () => (await followed(api))[0]?.summary.gist.text,
      (text) => text === name,
    );
    const popup = await openExtensionPage(firefox, `${popupPathOf()}?tabId=${await api.tabIdOf(b.url())}`);
    await until(
      () => popup.evaluate(() => document.getElementById('verdict')!.textContent ?? ''),
      (text) => text.includes(name),
    );
    await popup.close();

    // A drafted fact removed: its highlight leaves B without a reload, the person's stays.
    const removed = onB.find((id) => /^(organization|place):/.test(id)) ?? onB[0]!;
    expect(removed).not.toBe('person:rosa-ferreira');
    await manager.click(`li[data-fact-id="${removed}"] button`);
    const left = await until(
      () => storyIdsOn(b, story!),
      (ids) => !ids.includes(removed) && ids.length > 0,
    );
    expect(left).toContain('person:rosa-ferreira');
    expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
  }, 150_000);
});
