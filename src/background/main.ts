/**
 * The background worker (an event page in Firefox): analyses pages for the
 * content scripts, answers the popup, keeps the badge and passes the keyboard
 * shortcut on. The browser may stop it at any time, so it keeps no state of
 * its own: settings live in extension storage, badge text on the tab, a
 * page's verdict in the page.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { FOLLOWED_KEYS } from '../core/followed';
import { SETTINGS_KEY } from '../core/settings';
import {
  ANALYSIS_PORT,
  ANNOTATOR_SCRIPT,
  askTab,
  dispatch,
  type Handlers,
  isFromThisExtension,
  isWorkerRequest,
  LIFELINE_PORT,
  READER_SCRIPT,
  type WorkerMessages,
} from '../messages';
import { serveAnalysis } from './analysis';
import { listenForCommands } from './commands';
import { closeCompilerPage } from './compile-page';
import { reloadServed, served } from './dataset';
import { acceptPorts } from './ports';
import { readEverywhere } from './reader-everywhere';
import { type WarmUp, warmUpOnce } from './warm-up';

const handlers: Handlers<WorkerMessages, Runtime.MessageSender> = {
  'story/get': async () => (await served()).stories,
  'badge/set': async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' }),
    ]);
    return undefined;
  },
  'annotator/inject': async (_request, sender) => {
    await browser.scripting.executeScript({
      target: senderFrame(sender, 'annotator/inject'),
      files: [ANNOTATOR_SCRIPT],
    });
    return undefined;
  },
  'reader/inject': async (_request, sender) => {
    await browser.scripting.executeScript({ target: senderFrame(sender, 'reader/inject'), files: [READER_SCRIPT] });
    return undefined;
  },
  'compiler/storage-get': ({ keys }, sender) => {
    extensionPage(sender, 'compiler/storage-get');
    return browser.storage.local.get(keys);
  },
  'compiler/storage-set': async ({ items }, sender) => {
    extensionPage(sender, 'compiler/storage-set');
    await browser.storage.local.set(items);
    return undefined;
  },
  'compiler/done': async ({ error }) => {
    if (error) console.error('[news-in-context] the followed stories could not be compiled again:', error);
    await closeCompilerPage();
    return undefined;
  },
};

/** Storage goes through the worker only for the extension's own pages, never for a tab's scripts. */
function extensionPage(sender: Runtime.MessageSender, request: string): void {
  if (sender.tab !== undefined || !sender.url?.startsWith(browser.runtime.getURL('')))
    throw new Error(`${request} is answered to the extension's own pages only`);
}

function senderFrame(sender: Runtime.MessageSender, request: string): { tabId: number; frameIds: number[] } {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) throw new Error(`${request} comes from a tab's frame`);
  return { tabId, frameIds: [frameId] };
}

listenForCommands();

// A tab that starts loading a page wakes a sleeping worker there and then, so it has started, and warmed
// its matcher up (warm-up.ts), by the time the reader sends the page's text at document_idle.
let warmUp: WarmUp | undefined;
let pageCame = false;
const startWarmUp = async () => {
  const source = await served();
  warmUp ??= warmUpOnce(source);
  if (pageCame) warmUp.giveWay();
  return warmUp.start();
};
browser.tabs.onUpdated.addListener(() => void startWarmUp());

// A story followed or unfollowed, or compiled again: every open page is judged again (their pre-checks used
// the gate of the stories before, so the reader goes wherever it did not run yet). Names shown everywhere:
// the reader goes to every open page too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (FOLLOWED_KEYS.some((key) => key in changes))
    void reloadServed().then(async () => {
      await readEverywhere(true);
      for (const tab of await browser.tabs.query({})) {
        if (tab.id === undefined) continue;
        await askTab(browser.tabs, tab.id, { type: 'page/stories-changed' }, 'all').catch(() => undefined);
      }
    });
  else if (SETTINGS_KEY in changes) void readEverywhere();
});
void readEverywhere();

// An update leaves the followed stories compiled for the version before: reading them finds the copy stale
// and has it compiled again (dataset.ts), so pages about them are highlighted before the popup is opened.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'update') void served();
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isFromThisExtension(sender, browser.runtime.id) || !isWorkerRequest(message)) return undefined;
  return dispatch(handlers, message, sender);
});

acceptPorts({
  // Held open by each content script only to learn, by its closing, that the extension went away.
  [LIFELINE_PORT]: () => {},
  [ANALYSIS_PORT]: (port) => {
    pageCame = true;
    warmUp?.giveWay();
    serveAnalysis(port, served());
  },
});
