/** The Firefox harness itself: Firefox is found, the build's add-on id and popup are read from its manifest. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addonIdOf, FIREFOX_DIST, findFirefox, popupPathOf } from './harness';

const scratch = mkdtempSync(join(tmpdir(), 'nic-firefox-harness-'));

function build(name: string, manifest: object | null): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  if (manifest) writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Firefox harness', () => {
  it('finds Firefox, and names what to install when FIREFOX_PATH is wrong', () => {
    expect(findFirefox()).toMatch(/firefox/i);
    const saved = process.env.FIREFOX_PATH;
    try {
      process.env.FIREFOX_PATH = '/nonexistent/firefox';
      expect(() => findFirefox()).toThrow(/FIREFOX_PATH=\/nonexistent\/firefox/);
    } finally {
      if (saved === undefined) delete process.env.FIREFOX_PATH;
      else process.env.FIREFOX_PATH = saved;
    }
  });

  it("reads the add-on id and the popup from the Firefox build's manifest", () => {
    expect(addonIdOf()).toMatch(/^[^@\s]+@[^@\s]+$|^\{[0-9a-f-]{36}\}$/);
    expect(popupPathOf()).toMatch(/\.html$/);
    expect(FIREFOX_DIST).toMatch(/dist[/\\]firefox$/);
    const dir = build('ok', {
      action: { default_popup: '/popup.html' },
      browser_specific_settings: { gecko: { id: 'x@example.org' } },
    });
    expect(addonIdOf(dir)).toBe('x@example.org');
    expect(popupPathOf(dir)).toBe('popup.html');
  });

  it('refuses a missing build or a manifest without a gecko id, saying which', () => {
    expect(() => addonIdOf(build('none', null))).toThrow(/No Firefox build at .*none: run `npm run build`/);
    expect(() => addonIdOf(build('no-id', { browser_specific_settings: {} }))).toThrow(
      /no-id[/\\]manifest\.json: browser_specific_settings\.gecko\.id is missing/,
    );
    expect(() => popupPathOf(build('no-popup', { action: {} }))).toThrow(/action\.default_popup is missing/);
  });
});
