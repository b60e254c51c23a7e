/** Which browser `npm start` uses, and what it does with none. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseBrowser, type Installer } from '../../scripts/browser-choice';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function installer(canInstall: boolean): Installer & { installed: string[] } {
  const installed: string[] = [];
  return { installed, canInstall: () => canInstall, install: vi.fn((pkg: string) => void installed.push(pkg)) };
}

describe('the browser npm start chooses', () => {
  it('is Chromium where there is one', () => {
    process.env.CHROME_PATH = process.execPath;
    expect(chooseBrowser(installer(false))).toEqual({ browser: 'chromium', path: process.execPath, notes: [] });
  });

  it('is Firefox ESR where Chromium is nowhere, saying why', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    process.env.FIREFOX_PATH = process.execPath;
    const choice = chooseBrowser(installer(true));
    expect(choice).toMatchObject({ browser: 'firefox', path: process.execPath });
    expect(choice.notes).toEqual([expect.stringMatching(/CHROME_PATH=\/nowhere\/chromium is not an executable file/)]);
  });

  it('with neither, installs Chromium where it may, else says what to install', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    process.env.FIREFOX_PATH = '/nowhere/firefox';
    const root = installer(true);
    expect(chooseBrowser(root).browser).toBe('none');
    expect(root.installed).toEqual(['chromium']);

    const user = installer(false);
    const choice = chooseBrowser(user);
    expect(choice.browser).toBe('none');
    expect(user.installed).toEqual([]);
    expect(choice.notes.at(-1)).toMatch(/install Chromium \(`sudo apt-get install chromium`\) or Firefox ESR/);
  });
});
