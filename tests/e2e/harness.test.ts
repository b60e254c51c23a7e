/** The test harness itself: Chromium is found, the servers serve, the demo page has what the tests need. */

import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served, TwoOrigins } from '../../scripts/serve';
import { findChrome, highlightSpans, serveDemo, serveFixtures } from './harness';

let demo: Served | undefined;
let fixtures: TwoOrigins | undefined;
let plain: Browser | undefined;

beforeAll(async () => {
  demo = await serveDemo();
  fixtures = await serveFixtures();
  plain = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await plain?.close();
  await demo?.close();
  await fixtures?.close();
});

describe('harness', () => {
  it('finds Chromium, and names what to install when there is none', () => {
    expect(findChrome()).toMatch(/chrom/i);
    const saved = { CHROME_PATH: process.env.CHROME_PATH, PATH: process.env.PATH };
    try {
      process.env.CHROME_PATH = '/nonexistent/chrome';
      expect(() => findChrome()).toThrow(/CHROME_PATH/);
    } finally {
      if (saved.CHROME_PATH === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved.CHROME_PATH;
      process.env.PATH = saved.PATH;
    }
  });

  it('serves the demo page and the fixtures on 127.0.0.1, on two origins', async () => {
    expect(demo!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(demo!.url)).text();
    expect(html).toContain('By Anton Troianovski and Steven Lee Myers');
    expect((await fetch(`${demo!.url}style.css`)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await fetch(`${demo!.url}missing.html`)).status).toBe(404);
    expect((await fetch(`${demo!.url}..%2f..%2fpackage.json`)).status).not.toBe(200);
    expect(new URL(fixtures!.url).origin).not.toBe(new URL(fixtures!.otherUrl).origin);
    expect((await fetch(`${fixtures!.otherUrl}unrelated.html`)).status).toBe(200);
  });

  it('the demo page has the article, the split name and every protected region', async () => {
    const page = await plain!.newPage();
    await page.goto(demo!.url);
    const found = await page.evaluate(() => ({
      paragraphs: document.querySelectorAll('.story-body p').length,
      date: document.querySelector('time')?.textContent,
      split: document.querySelector('p.split-name')?.innerHTML,
      textarea: document.querySelector('textarea')?.value,
      input: document.querySelector('input')?.value,
      editable: document.querySelector('[contenteditable]')?.textContent,
      code: document.querySelector('pre code')?.textContent,
      svg: document.querySelector('svg text')?.textContent,
      script: [...document.scripts].some((s) => s.textContent?.includes("'Vladimir Putin'")),
    }));
    expect(found.paragraphs).toBe(34);
    expect(found.date).toBe('Dec. 15, 2021');
    expect(found.split).toBe('<a href="#">Vladimir V.</a> <b>Putin</b> spoke to Xi.');
    expect(found.textarea).toBe('Putin and Xi met again');
    expect(found.input).toBe('Xi Jinping');
    expect(found.editable).toContain('Xi Jinping');
    expect(found.code).toContain('Putin');
    expect(found.svg).toBe('Putin');
    expect(found.script).toBe(true);
    // The span reader runs in the page and sees the text with no highlights.
    const { text, spans } = await highlightSpans(page);
    expect(spans).toEqual([]);
    expect(text).toContain('Levada Middle');
    expect(text).not.toContain('pageAnalytics');
    await page.close();
  });
});
