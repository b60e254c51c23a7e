/**
 * Firefox ESR for the demo and the tests: found like Chromium (scripts/find-browser.ts) and driven by
 * puppeteer-core over WebDriver BiDi, with the Firefox build installed as a temporary add-on.
 */
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from './chrome';
import { findBrowser } from './find-browser';

export const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');

/** The Firefox to drive: `FIREFOX_PATH`, then /usr/bin/firefox-esr, then firefox-esr or firefox on PATH. */
export function findFirefox(): string {
  return findBrowser({
    name: 'Firefox',
    envVar: 'FIREFOX_PATH',
    debianPath: '/usr/bin/firefox-esr',
    pathNames: ['firefox-esr', 'firefox'],
    debianPackage: 'firefox-esr',
  });
}

/** Firefox with the build installed as a temporary add-on (it goes when Firefox closes). */
export async function launchFirefoxWithExtension(opts: { headless: boolean; dir?: string }): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: opts.headless,
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    await browser.installExtension(opts.dir ?? FIREFOX_DIST);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
