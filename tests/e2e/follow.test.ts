/**
 * Following a story, in Chromium: article A is followed from the popup; B, another outlet's report of the
 * same event already open in a tab, shows the story's highlights without a reload, and its cards say the
 * story is followed and not reviewed; an unrelated page shows nothing; unfollowing in the story manager
 * takes the highlights away without a reload; an exported story imported into a fresh profile gives the
 * same highlights; a malformed story file is refused with the bad field named and nothing stored changes;
 * a rename shows in the popup, and a drafted fact removed in the manager leaves B without a reload.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import { type Served, serve } from '../../scripts/serve';
import { FOLLOWED_COMPILED_KEY, FOLLOWED_KEY } from '../../src/core/followed';
import { fixtureText, renderPage } from '../fixtures/follow/render';
import { AXE_SOURCE, type AxeOutcome, type AxeRequest, describeViolations, runAxeInPage } from './axe';
import { factIdsOn, launch, openPage, openPopup, personHighlightPoint, ROOT, visibleCardText } from './harness';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

const work = mkdtempSync(join(tmpdir(), 'follow-'));
let site: Served | undefined;

interface StoredStory {
  id: string;
  summary: { gist: { text: string } };
  facts: { id: string; category: string }[];
  entityRefs: { id: string }[];
}

async function followedStories(browser: Launched): Promise<StoredStory[]> {
  const stored = await browser.serviceWorker.evaluate(
    (key) => chrome.storage.local.get(key).then((stored) => stored[key] as { stories: unknown[] } | undefined),
    FOLLOWED_KEY,
  );
  return (stored?.stories ?? []) as StoredStory[];
}

const idsOf = (story: StoredStory) => new Set([...story.facts.map((f) => f.id), ...story.entityRefs.map((r) => r.id)]);

/** The followed story's facts highlighted on the page. */
async function storyIdsOn(page: Page, story: StoredStory): Promise<string[]> {
  const own = new Set(story.facts.map((f) => f.id));
  return (await factIdsOn(page)).filter((id) => own.has(id));
}

function managerUrl(browser: Launched): string {
  return `chrome-extension://${browser.extensionId}/src/manager/index.html`;
}

beforeAll(async () => {
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/a.html'), renderPage(fixtureText('port-strike'), 'Harbour Ledger'));
  writeFileSync(join(work, 'site/b.html'), renderPage(fixtureText('port-strike-b'), 'Coastal Wire'));
  writeFileSync(join(work, 'site/near.html'), renderPage(fixtureText('port-strike-near'), 'Coastal Wire'));
  copyFileSync(join(ROOT, 'tests/eval/pages/cricket-india.html'), join(work, 'site/unrelated.html'));
  site = await serve(join(work, 'site'));
});

afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('following a story', () => {
  let exported = '';
  let highlightedOnB: string[] = [];

  it('follows A from the popup; B, already open, shows it; unrelated pages show nothing; unfollow clears B', async () => {
    const browser = await launch();
    try {
      const b = await openPage(browser.context, `${site!.url}b.html`);
      await b.evaluate(() => Reflect.set(window, '__noReload', true));
      const a = await openPage(browser.context, `${site!.url}a.html`);
      const popup = await openPopup(browser.context, browser.extensionId, a);
      const follow = popup.getByRole('button', { name: 'Follow this story', exact: true });
      await follow.click({ timeout: 20_000 });
      await expect
        .poll(() => popup.locator('#follow-status').textContent(), { timeout: 90_000 })
        .toMatch(/^Following: /);
      const [story] = await followedStories(browser);
      expect(story).toBeDefined();

      // B judged again, without a reload: the story's people and statements.
      await expect.poll(() => storyIdsOn(b, story!), { timeout: 30_000 }).toContain('person:rosa-ferreira');
      await expect
        .poll(async () => (await storyIdsOn(b, story!)).some((id) => /^(claim|quote|limit):/.test(id)), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
      highlightedOnB = (await storyIdsOn(b, story!)).sort();
      const point = await personHighlightPoint(b);
      await b.mouse.move(point.x, point.y);
      await expect
        .poll(() => visibleCardText(b), { timeout: 10_000 })
        .toContain('From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed');
      expect(await visibleCardText(b)).toContain(`${site!.url}a.html`);

      // Nothing of it on an unrelated page.
      const unrelated = await openPage(browser.context, `${site!.url}unrelated.html`);
      await unrelated.waitForTimeout(1500);
      expect((await factIdsOn(unrelated)).filter((id) => idsOf(story!).has(id))).toEqual([]);

      // The manager: export, then unfollow; B's highlights go without a reload.
      const manager = await browser.context.newPage();
      await manager.goto(managerUrl(browser));
      const item = manager.locator(`li[data-story-id="${story!.id}"]`);
      const download = manager.waitForEvent('download');
      await item.getByRole('button', { name: 'Export', exact: true }).click();
      const file = await (await download).path();
      exported = readFileSync(file, 'utf8');
      expect(JSON.parse(exported).id).toBe(story!.id);
      await item.getByRole('button', { name: 'Unfollow', exact: true }).click();
      await expect.poll(() => storyIdsOn(b, story!), { timeout: 20_000 }).toEqual([]);
      expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
      expect(await followedStories(browser)).toEqual([]);
    } finally {
      await browser.context.close();
    }
  }, 180_000);

  /** Imports the exported story in the manager, then opens B and waits for the highlights A's story gave it. */
  async function importExported(browser: Launched): Promise<{ manager: Page; story: StoredStory; b: Page }> {
    const manager = await browser.context.newPage();
    await manager.goto(managerUrl(browser));
    writeFileSync(join(work, 'story.json'), exported);
    await manager.getByLabel('Import a story file').setInputFiles(join(work, 'story.json'));
    await expect.poll(() => manager.locator('#status').textContent(), { timeout: 10_000 }).toMatch(/^Imported: /);
    const [story] = await followedStories(browser);
    const b = await openPage(browser.context, `${site!.url}b.html`);
    await expect.poll(async () => (await storyIdsOn(b, story!)).sort(), { timeout: 30_000 }).toEqual(highlightedOnB);
    return { manager, story: story!, b };
  }

  it('imports the exported story into a fresh profile: the same highlights; a malformed file changes nothing', async () => {
    expect(exported).not.toBe('');
    const browser = await launch();
    try {
      const { manager } = await importExported(browser);

      // A bad file: the error names the field, the stored stories stay as they were.
      const before = await followedStories(browser);
      const bad = JSON.parse(exported);
      bad.id = 'another-copy';
      bad.facts[0].id = 'not an id';
      writeFileSync(join(work, 'bad.json'), JSON.stringify(bad));
      await manager.getByLabel('Import a story file').setInputFiles(join(work, 'bad.json'));
      await expect.poll(() => manager.locator('#error').textContent(), { timeout: 10_000 }).toContain('facts.0.id');
      expect(await followedStories(browser)).toEqual(before);

      // The manager page passes axe.
      await manager.evaluate(AXE_SOURCE);
      const outcome = (await manager.evaluate(runAxeInPage, {
        include: null,
        disabledRules: [],
      } as AxeRequest)) as AxeOutcome;
      expect(outcome.violations, describeViolations(outcome.violations)).toEqual([]);
    } finally {
      await browser.context.close();
    }
  }, 120_000);

  it('renames in the manager: the popup says the new name; a removed fact leaves B without a reload', async () => {
    expect(exported).not.toBe('');
    const browser = await launch();
    try {
      const { manager, story, b } = await importExported(browser);
      await b.evaluate(() => Reflect.set(window, '__noReload', true));

      // A new name: stored, listed, and the popup on B reports the story under it.
      const item = manager.locator(`li[data-story-id="${story.id}"]`);
      const name = 'Port strike, as I call it';
      await item.getByRole('textbox').fill(name);
      await item.getByRole('button', { name: 'Rename', exact: true }).click();
      await expect.poll(async () => (await followedStories(browser))[0]?.summary.gist.text).toBe(name);
      await expect.poll(() => item.locator('h3').textContent()).toBe(name);
      const popup = await openPopup(browser.context, browser.extensionId, b);
      await expect.poll(() => popup.locator('#verdict').textContent(), { timeout: 10_000 }).toContain(name);
      expect(await popup.locator('#summary').textContent()).toContain(name);
      await popup.close();

      // A drafted fact removed: its highlight leaves B, the rest stay, and B was not reloaded.
      const removed = highlightedOnB.find((id) => /^(organization|place):/.test(id)) ?? highlightedOnB[0]!;
      expect(removed).not.toBe('person:rosa-ferreira');
      await item.locator(`li[data-fact-id="${removed}"]`).getByRole('button').click();
      await expect.poll(async () => idsOf((await followedStories(browser))[0]!).has(removed)).toBe(false);
      await expect.poll(() => storyIdsOn(b, story), { timeout: 20_000 }).not.toContain(removed);
      expect(await storyIdsOn(b, story)).toContain('person:rosa-ferreira');
      expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);

      // A compile made for an earlier version of the extension is not used; the manager, opened, makes it again.
      const onB = (await storyIdsOn(b, story)).sort();
      await browser.serviceWorker.evaluate(async (key) => {
        const stored = (await chrome.storage.local.get(key))[key] as { build: string };
        await chrome.storage.local.set({ [key]: { ...stored, build: 'an-earlier-version' } });
      }, FOLLOWED_COMPILED_KEY);
      await expect.poll(() => storyIdsOn(b, story), { timeout: 20_000 }).toEqual([]);
      await manager.reload();
      await expect.poll(async () => (await storyIdsOn(b, story)).sort(), { timeout: 30_000 }).toEqual(onB);
      expect(await b.evaluate(() => Reflect.get(window, '__noReload'))).toBe(true);
    } finally {
      await browser.context.close();
    }
  }, 120_000);
});
