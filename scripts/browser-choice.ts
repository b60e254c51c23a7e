/**
 * Which browser `npm start` runs the demo in: Chromium, else Firefox ESR; with neither, Chromium
 * installed the way .ci/run installs it where that is possible (root, with apt-get); else nothing,
 * with what to install and how to load the built extension by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './chrome';
import { findFirefox } from './firefox';

export type BrowserChoice =
  | { browser: 'chromium' | 'firefox'; path: string; notes: string[] }
  | { browser: 'none'; notes: string[] };

/** What to do when neither browser is found: install Chromium if this process may, else say so. */
export interface Installer {
  /** Whether this process can install packages (root, with apt-get). */
  canInstall(): boolean;
  install(pkg: string): void;
}

export const APT: Installer = {
  canInstall: () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get'),
  install(pkg) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', pkg], { stdio: 'inherit', env });
  },
};

function attempt(find: () => string): { path: string } | { error: string } {
  try {
    return { path: find() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function chooseBrowser(installer: Installer = APT): BrowserChoice {
  const notes: string[] = [];
  const chromium = attempt(findChrome);
  if ('path' in chromium) return { browser: 'chromium', path: chromium.path, notes };
  notes.push(chromium.error);
  const firefox = attempt(findFirefox);
  if ('path' in firefox) return { browser: 'firefox', path: firefox.path, notes };
  notes.push(firefox.error);
  if (installer.canInstall()) {
    notes.push('Installing Chromium with apt-get');
    installer.install('chromium');
    const installed = attempt(findChrome);
    if ('path' in installed) return { browser: 'chromium', path: installed.path, notes };
    notes.push(installed.error);
  } else {
    notes.push(
      'To run the demo, install Chromium (`sudo apt-get install chromium`) or Firefox ESR (`sudo apt-get install firefox-esr`), or set CHROME_PATH or FIREFOX_PATH.',
    );
  }
  return { browser: 'none', notes };
}
