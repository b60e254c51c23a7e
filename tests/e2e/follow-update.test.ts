/**
 * After an update, in Chromium: the followed stories' compiled copy is the version before's, and the
 * extension compiles them again by itself (an offscreen document), so a page about a followed story is
 * highlighted without the reader opening the popup or the story manager. The update is a real one: the
 * unpacked build's folder gets the next version (another build id, a higher version number) and the
 * extension is reloaded from it, which fires `runtime.onInstalled` with reason `update`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../scripts/serve';
import type { Story } from '../../src/core/dataset';
import { FOLLOWED_COMPILED_KEY } from '../../src/core/followed';
import { DIST, factIdsOn, launch, openPage } from './harness';
import { copyBuild, updateBuild, updateFixtures } from './updated-build';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { reload(): void };
};

const work = mkdtempSync(join(tmpdir(), 'follow-update-'));
let site: Served | undefined;
let story: Story;

beforeAll(async () => {
  ({ site, story } = await updateFixtures(work));
});

afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('after an update', () => {
  it('compiles the followed stories again by itself: a page about one is highlighted, no popup opened', async () => {
    const extensionDir = copyBuild(DIST, join(work, 'extension'));
    const browser = await launch({ extensionDir, developerMode: true, userDataDir: join(work, 'profile') });
    try {
      const manager = await browser.context.newPage();
      await manager.goto(`chrome-extension://${browser.extensionId}/src/manager/index.html`);
      await manager.getByLabel('Import a story file').setInputFiles(join(work, 'story.json'));
      await expect.poll(() => manager.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/^Imported: /);
      await manager.close();
      const compiledFor = (worker = browser.serviceWorker) =>
        worker.evaluate(
          async (key) => ((await chrome.storage.local.get(key))[key] as { build?: string } | undefined)?.build,
          FOLLOWED_COMPILED_KEY,
        );
      const before = await compiledFor();
      expect(before).toMatch(/^[0-9a-f]{16}$/);

      // The update: the next version in the extension's folder, loaded as Chromium loads an update.
      const after = updateBuild(extensionDir, before!);
      const nextWorker = browser.context.waitForEvent('serviceworker', { timeout: 15_000 });
      await browser.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      const worker = await nextWorker;

      await new Promise((r) => setTimeout(r, 3000));
      expect(worker).not.toBe(browser.serviceWorker);

      // Compiled again before any page asked: the update itself set it off.
      await expect.poll(() => compiledFor(worker), { timeout: 30_000 }).toBe(after);
      const b = await openPage(browser.context, `${site!.url}b.html`);
      const own = new Set(story.facts.map((f) => f.id));
      await expect
        .poll(async () => (await factIdsOn(b)).filter((id) => own.has(id)), { timeout: 30_000 })
        .toContain('person:rosa-ferreira');
      // Neither the popup nor the story manager was opened after the update.
      const extensionPages = browser.context.pages().filter((p) => p.url().startsWith('chrome-extension://'));
      expect(extensionPages).toEqual([]);
    } finally {
      await browser.context.close();
    }
  }, 180_000);
});
