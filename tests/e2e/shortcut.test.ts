/**
 * The keyboard shortcut (manifest `commands`): Alt+Shift+H switches highlighting off and on again
 * on the current page only. A key press cannot reach the browser's own shortcut handling in
 * headless Chromium (input sent to the page skips it), so the test fires the command event the
 * browser would fire, in the worker, and everything from there on is the extension's own path:
 * the worker's listener, the message to the tab, the content script's switch.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import { countOf, HIGHLIGHT, inWorker, launch, openPage, serveDemo, tabIdOf, waitForStableHighlights } from './harness';

interface Command {
  name?: string;
  shortcut?: string;
}
declare const chrome: {
  commands: {
    getAll(): Promise<Command[]>;
    /** Chromium's own dispatch of the event its shortcut handling fires. */
    onCommand: { dispatch(command: string, tab?: { id: number }): void };
  };
};

let browser: Launched | undefined;
let site: Served | undefined;

beforeAll(async () => {
  site = await serveDemo();
  browser = await launch();
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
});

function registeredSizes(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('nic-'))
      .reduce((sum, [, highlight]) => sum + (highlight as unknown as Set<Range>).size, 0),
  );
}

async function pressShortcut(page: Page): Promise<void> {
  const { context, extensionId } = browser!;
  const tabId = await tabIdOf(context, extensionId, page);
  await inWorker(
    context,
    extensionId,
    (id: number) => chrome.commands.onCommand.dispatch('toggle-highlights', { id }),
    tabId,
  );
}

describe('keyboard shortcut', () => {
  it('is declared as Alt+Shift+H and assigned by the browser', async () => {
    const commands = await inWorker(browser!.context, browser!.extensionId, () => chrome.commands.getAll(), undefined);
    expect(commands.find((c) => c.name === 'toggle-highlights')?.shortcut).toBe('Alt+Shift+H');
  });

  it('switches highlighting off and on again on the current page, and leaves other pages alone', async () => {
    const other = await openPage(browser!.context, site!.url);
    const page = await openPage(browser!.context, site!.url);
    const shown = await waitForStableHighlights(page);
    const otherShown = await waitForStableHighlights(other);
    expect(await registeredSizes(page)).toBeGreaterThan(0);

    await pressShortcut(page);
    await expect.poll(() => countOf(page, HIGHLIGHT), { timeout: 5_000 }).toBe(0);
    expect(await registeredSizes(page)).toBe(0);
    expect(await countOf(other, HIGHLIGHT)).toBe(otherShown);

    await pressShortcut(page);
    await expect.poll(() => countOf(page, HIGHLIGHT), { timeout: 10_000 }).toBe(shown);
    expect(await registeredSizes(page)).toBeGreaterThan(0);
    await page.close();
    await other.close();
  });
});
