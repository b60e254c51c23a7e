/**
 * Where the build's pre-check cannot decide for a page, something more runs on every page:
 *
 * - while names are shown everywhere (any name shows), or a story is followed whose gate is not stored for
 *   this build and revision, the reader, registered as a content script of its own and injected into the
 *   pages already open;
 * - while stories are followed and their gate is stored (src/follow/store.ts writes it with the compiled
 *   copy), only the gate reader (followed-gate.js) at document_start, with which the pre-check judges the
 *   page against the shipped and followed stories: pages about none of them still run the pre-check alone.
 *
 * When neither holds any more, both are unregistered and pages go back to the build's pre-check.
 */
import { buildId } from 'virtual:compiled-dataset';
import browser from 'webextension-polyfill';
import { FOLLOWED_GATE_KEY, FOLLOWED_KEY, readFollowed, usableGateLook } from '../core/followed';
import { repairSettings, SETTINGS_KEY } from '../core/settings';
import { FOLLOWED_GATE_SCRIPT, READER_SCRIPT } from '../messages';

/** Each script that may run on every page, by the id of its registration. */
const REGISTRATIONS = {
  reader: { id: 'reader-everywhere', js: [READER_SCRIPT], runAt: 'document_idle' },
  gate: { id: 'followed-gate', js: [FOLLOWED_GATE_SCRIPT], runAt: 'document_start' },
} as const;
type Everywhere = keyof typeof REGISTRATIONS;

/** One update at a time: two at once would register the same script twice. */
let updating: Promise<void> = Promise.resolve();

/**
 * Registers what every page needs now. `storiesChanged`: the followed stories changed, so pages already
 * open, judged against the stories before, are read again by the reader.
 */
export function readEverywhere(storiesChanged = false): Promise<void> {
  const run = () => update(storiesChanged);
  updating = updating.then(run, run);
  return updating;
}

async function wanted(): Promise<Everywhere | undefined> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, FOLLOWED_KEY, FOLLOWED_GATE_KEY]);
  if (repairSettings(stored[SETTINGS_KEY]).namesEverywhere) return 'reader';
  const store = readFollowed(stored[FOLLOWED_KEY]);
  if (store.stories.length === 0) return undefined;
  // A gate for another build or an older revision would miss followed stories: the reader judges every page.
  return usableGateLook(stored[FOLLOWED_GATE_KEY], buildId, store.revision) ? 'gate' : 'reader';
}

async function update(storiesChanged: boolean): Promise<void> {
  const want = await wanted();
  const ids = Object.values(REGISTRATIONS).map((r) => r.id);
  const registered = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  const stale = ids.filter((id) => registered.has(id) && id !== (want && REGISTRATIONS[want].id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (want === undefined) return;
  const { id, js, runAt } = REGISTRATIONS[want];
  if (!registered.has(id))
    await browser.scripting.registerContentScripts([
      { id, js: [...js], runAt, matches: ['http://*/*', 'https://*/*'], allFrames: true, persistAcrossSessions: true },
    ]);
  if (!registered.has(id) || storiesChanged) await injectReaderEverywhere();
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
