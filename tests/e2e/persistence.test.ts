/** Settings survive a browser restart: a category switched off stays off on the same profile. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { countOf, launch, maxCountDuring, openPage, openPopup, serveDemo, waitForStableHighlights } from './harness';

let site: Served | undefined;
let browser: Launched | undefined;
let profile: string;

beforeAll(async () => {
  site = await serveDemo();
  profile = mkdtempSync(join(tmpdir(), 'nic-e2e-profile-'));
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('persistence', () => {
  it('Places switched off stays off after the browser restarts on the same profile', async () => {
    browser = await launch({ userDataDir: profile });
    let page = await openPage(browser.context, site!.url);
    await waitForStableHighlights(page);
    expect(await countOf(page, '[data-category=place]')).toBeGreaterThan(0);
    let popup = await openPopup(browser.context, browser.extensionId, page);
    await popup.getByRole('checkbox', { name: 'Places', exact: true }).uncheck();
    await expect.poll(() => countOf(page, '[data-category=place]'), { timeout: 5_000 }).toBe(0);
    await browser.context.close();
    browser = undefined;

    browser = await launch({ userDataDir: profile });
    page = await openPage(browser.context, site!.url);
    await waitForStableHighlights(page);
    expect(await countOf(page, '[data-category=person]')).toBeGreaterThan(0);
    expect(
      await countOf(
        page,
        '[data-category=organization], [data-category=event], [data-category=claim], [data-category=quote], [data-category=limit]',
      ),
    ).toBeGreaterThan(0);
    expect(await maxCountDuring(page, '[data-category=place]', 1_000)).toBe(0);

    popup = await openPopup(browser.context, browser.extensionId, page);
    const places = popup.getByRole('checkbox', { name: 'Places', exact: true });
    await expect.poll(() => places.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => places.isChecked(), { timeout: 5_000 }).toBe(false);
    expect(await popup.getByRole('checkbox', { name: 'People', exact: true }).isChecked()).toBe(true);
  });
});
