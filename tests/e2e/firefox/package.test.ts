/**
 * The Firefox store package, as a reader installs it: `npm run package` makes the zip, which is
 * unpacked and installed in Firefox ESR; the demo page is highlighted and hovering "Putin" opens
 * his card. (The Chromium package gets the same check in tests/e2e/release.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/chrome';
import { packageFileName } from '../../../scripts/manifest';
import { type Served, serve } from '../../../scripts/serve';
import { visibleCardTextInPage } from '../page-reads';
import { unzipTo } from '../zip';
import {
  highlightSizes,
  hoverPersonRange,
  installAddon,
  launchFirefox,
  openPage,
  waitForStableRanges,
} from './harness';

let unpacked: string;
let site: Served | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  unpacked = mkdtempSync(join(tmpdir(), 'nic-firefox-package-'));
  await unzipTo(join(ROOT, 'release', packageFileName('firefox')), unpacked);
  site = await serve(join(ROOT, 'demo'));
  browser = await launchFirefox(unpacked);
  await installAddon(browser, unpacked);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(unpacked, { recursive: true, force: true });
});

it('the Firefox package, unpacked, loads in Firefox: the demo page is highlighted and a hover opens the card', async () => {
  const page = await openPage(browser!, site!.url);
  await waitForStableRanges(page);
  const sizes = await highlightSizes(page);
  expect(sizes.person ?? 0).toBeGreaterThan(0);
  await hoverPersonRange(page, 'Putin');
  await expect.poll(() => page.evaluate(visibleCardTextInPage), { timeout: 5_000 }).toContain('Vladimir Putin');
});
