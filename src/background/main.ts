/**
 * The background worker (an event page in Firefox): analyses pages for the
 * content scripts, answers the popup, keeps the badge and passes the keyboard
 * shortcut on. The browser may stop it at any time, so it keeps no state of
 * its own: settings live in extension storage, badge text on the tab, a
 * page's verdict in the page.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { FOLLOWED_COMPILED_KEY, FOLLOWED_KEY } from '../core/followed';
import {
  ANALYSIS_PORT,
  ANNOTATOR_SCRIPT,
  askTab,
  dispatch,
  type Handlers,
  isFromThisExtension,
  isWorkerRequest,
  LIFELINE_PORT,
  type WorkerMessages,
} from '../messages';
import { serveAnalysis } from './analysis';
import { listenForCommands } from './commands';
import { reloadServed, served } from './dataset';
import { acceptPorts } from './ports';
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
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || frameId === undefined) throw new Error("annotator/inject comes from a tab's frame");
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ANNOTATOR_SCRIPT] });
    return undefined;
  },
};

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

// A story followed or unfollowed, or compiled again: every open page is judged again.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(FOLLOWED_KEY in changes || FOLLOWED_COMPILED_KEY in changes)) return;
  void reloadServed().then(async () => {
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      await askTab(browser.tabs, tab.id, { type: 'page/stories-changed' }, 'all').catch(() => undefined);
    }
  });
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
