/**
 * Firefox: after an update, the followed stories' compiled copy is the version before's, and the
 * extension compiles them again by itself (a frame of its event page), so a page about a followed story
 * is highlighted without the reader opening the popup or the story manager. The update is a real one:
 * the temporary add-on is installed again from its folder, now holding the next version (another build
 * id, a higher version number), which fires `runtime.onInstalled` with reason `update`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../../scripts/serve';
import type { Story } from '../../../src/core/dataset';
import { FOLLOWED_COMPILED_KEY } from '../../../src/core/followed';
import { copyBuild, updateBuild, updateFixtures } from '../updated-build';
import {
  ADDON_ORIGIN,
  FIREFOX_DIST,
  importStoryFile,
  installAddon,
  launchFirefox,
  openExtensionPage,
  openPage,
  popupPathOf,
  until,
} from './harness';

declare const browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const work = mkdtempSync(join(tmpdir(), 'follow-update-firefox-'));
let site: Served | undefined;
let story: Story;
let firefox: Browser | undefined;

beforeAll(async () => {
  ({ site, story } = await updateFixtures(work));
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The build the stored compiled copy was made for, read in an extension page. */
const compiledFor = (page: Page) =>
  page.evaluate(
    async (key) => ((await browser.storage.local.get(key))[key] as { build?: string } | undefined)?.build,
    FOLLOWED_COMPILED_KEY,
  );

describe('Firefox: after an update', () => {
  it('compiles the followed stories again by itself: a page about one is highlighted, no popup opened', async () => {
    const dir = copyBuild(FIREFOX_DIST, join(work, 'extension'));
    firefox = await launchFirefox(dir);
    const api = await installAddon(firefox, dir);
    const manager = await openExtensionPage(firefox, 'src/manager/index.html');
    await importStoryFile(manager, join(work, 'story.json'));
    const before = await compiledFor(api.page);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    // Every page of the extension closed: none of them may compile the stories after the update.
    await manager.close();
    await api.page.close();

    const after = updateBuild(dir, before!);
    await firefox.installExtension(dir);
    const b = await openPage(firefox, `${site!.url}b.html`);
    const own = story.facts.map((f) => f.id);
    const shown = await until(
      () =>
        b.evaluate(
          (ids) =>
            [...document.querySelectorAll('[data-fact-id]')]
              .flatMap((e) => e.getAttribute('data-fact-id')!.split(' '))
              .filter((id) => ids.includes(id)),
          own,
        ),
      (ids) => ids.includes('person:rosa-ferreira'),
    );
    expect(shown).toContain('person:rosa-ferreira');
    const extensionPages = (await firefox.pages()).filter((p) => p.url().startsWith(ADDON_ORIGIN));
    expect(extensionPages).toEqual([]);

    // The copy the update compiled is the new version's.
    const popup = await openExtensionPage(firefox, popupPathOf(dir));
    expect(await compiledFor(popup)).toBe(after);
  }, 180_000);
});
