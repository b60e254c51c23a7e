/**
 * Protected regions stay byte-identical: script, textarea, input, contenteditable, inline SVG and
 * pre/code on the demo page are the same with and without the extension.
 */

import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { findChrome, launch, openPage, serveDemo, waitForStableHighlights } from './harness';

const PROTECTED = {
  script: 'script#page-data',
  textarea: 'textarea#comment-text',
  input: 'input#comment-name',
  contenteditable: '#comment-draft[contenteditable]',
  svg: 'svg#chart-svg',
  pre: 'pre#data-snippet',
} as const;

type Snapshot = { html: Record<string, string | null>; textareaValue: string; inputValue: string };

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((selectors) => {
    const html: Record<string, string | null> = {};
    for (const [name, sel] of Object.entries(selectors)) html[name] = document.querySelector(sel)?.outerHTML ?? null;
    return {
      html,
      textareaValue: document.querySelector<HTMLTextAreaElement>('textarea#comment-text')?.value ?? '',
      inputValue: document.querySelector<HTMLInputElement>('input#comment-name')?.value ?? '',
    };
  }, PROTECTED);
}

let site: Served | undefined;
let browser: Launched | undefined;
let baseline: Snapshot;

beforeAll(async () => {
  site = await serveDemo();
  // Without the extension: a plain Chromium.
  const plain = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await plain.newPage();
    await page.goto(site.url);
    baseline = await snapshot(page);
  } finally {
    await plain.close();
  }
  browser = await launch({ renderer: 'marks' });
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

describe('protected regions', () => {
  it('the baseline found every protected element', () => {
    for (const [name, html] of Object.entries(baseline.html)) expect(html, name).not.toBeNull();
    expect(baseline.textareaValue).toBe('Putin and Xi met again');
    expect(baseline.inputValue).toBe('Xi Jinping');
    expect(baseline.html.script).toContain('Vladimir Putin');
    expect(baseline.html.pre).toContain('Putin');
    expect(baseline.html.svg).toContain('Putin');
    expect(baseline.html.contenteditable).toContain('Xi Jinping');
  });

  it('are byte-identical once the extension has highlighted the page', async () => {
    const page = await openPage(browser!.context, site!.url);
    await waitForStableHighlights(page);
    const after = await snapshot(page);
    for (const name of Object.keys(PROTECTED)) {
      expect(after.html[name], `${name} outerHTML`).toBe(baseline.html[name]);
    }
    expect(after.textareaValue).toBe(baseline.textareaValue);
    expect(after.inputValue).toBe(baseline.inputValue);
    // No highlight, nor the extension's UI, anywhere inside a protected region.
    const intruders = await page.evaluate(
      (sels) =>
        Object.values(sels).flatMap((sel) =>
          [...document.querySelectorAll(`${sel} [data-fact-id], ${sel} [data-annotator-ui]`)].map((e) => e.outerHTML),
        ),
      PROTECTED,
    );
    expect(intruders).toEqual([]);
    await page.close();
  });

  it('stay untouched when the user types into the textarea and the contenteditable', async () => {
    const page = await openPage(browser!.context, site!.url);
    await waitForStableHighlights(page);
    await page.fill('textarea#comment-text', 'Putin and Xi Jinping met again in Beijing');
    await page.click('#comment-draft');
    await page.keyboard.type(' Vladimir Putin');
    await waitForStableHighlights(page);
    const state = await page.evaluate(() => ({
      value: document.querySelector<HTMLTextAreaElement>('textarea#comment-text')!.value,
      draftMarks: document.querySelectorAll('#comment-draft [data-fact-id]').length,
      draftText: document.querySelector('#comment-draft')!.textContent,
    }));
    expect(state.value).toBe('Putin and Xi Jinping met again in Beijing');
    expect(state.draftMarks).toBe(0);
    expect(state.draftText).toContain('Vladimir Putin');
    await page.close();
  });
});
