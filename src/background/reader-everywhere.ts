/**
 * Where the pre-check cannot decide for a page, the reader runs on every page: while a story is
 * followed (the pre-check's gate is built from the shipped packs) or names are shown everywhere (any
 * name shows). It is then registered as a content script of its own, and goes into the pages already
 * open; when neither holds any more, it is unregistered and pages go back to the pre-check.
 */
import browser from 'webextension-polyfill';
import { FOLLOWED_KEY, readFollowed } from '../core/followed';
import { repairSettings, SETTINGS_KEY } from '../core/settings';
import { READER_SCRIPT } from '../messages';

const REGISTRATION = 'reader-everywhere';

/** One update at a time: two at once would register the same script twice. */
let updating: Promise<void> = Promise.resolve();

export function readEverywhere(): Promise<void> {
  updating = updating.then(update, update);
  return updating;
}

async function update(): Promise<void> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, FOLLOWED_KEY]);
  const wanted =
    repairSettings(stored[SETTINGS_KEY]).namesEverywhere || readFollowed(stored[FOLLOWED_KEY]).stories.length > 0;
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [REGISTRATION] })).length > 0;
  if (wanted === registered) return;
  if (!wanted) {
    await browser.scripting.unregisterContentScripts({ ids: [REGISTRATION] });
    return;
  }
  await browser.scripting.registerContentScripts([
    {
      id: REGISTRATION,
      js: [READER_SCRIPT],
      matches: ['http://*/*', 'https://*/*'],
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
  await injectReaderEverywhere();
}

/** The reader into every frame of every open tab (where it runs already, it does nothing). */
export async function injectReaderEverywhere(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    // Browser pages, the stores and discarded tabs refuse scripts: nothing to read there.
    await browser.scripting
      .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [READER_SCRIPT] })
      .catch(() => undefined);
  }
}
