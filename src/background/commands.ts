/**
 * The keyboard shortcut (the manifest's `commands`): switches highlighting on
 * or off on the current page by telling that tab's content script.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { askNewReader, askTab, READER_SCRIPT, TOGGLE_HIGHLIGHTS_COMMAND, type TogglePageResponse } from '../messages';

/**
 * Tells the readers in `tabId` (every frame) to switch; where none runs yet (the pre-check found no
 * story possible) one is brought first, so the switch holds if the page comes to name a story later.
 * Undefined where no script may run (a browser page, the store).
 */
export async function togglePage(tabId: number): Promise<TogglePageResponse | undefined> {
  try {
    return await askTab(browser.tabs, tabId, { type: 'page/toggle' }, 'all');
  } catch {
    // No reader there yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [READER_SCRIPT] });
    return await askNewReader(browser.tabs, tabId, { type: 'page/toggle' }, 'all');
  } catch {
    return undefined;
  }
}

/** The tab the command was pressed in: given by the browser, else the active tab of the focused window. */
async function commandTab(tab: Tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.id;
}

export function listenForCommands(): void {
  browser.commands.onCommand.addListener(async (command: string, tab?: Tabs.Tab) => {
    if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return;
    const tabId = await commandTab(tab);
    if (tabId !== undefined) await togglePage(tabId);
  });
}
