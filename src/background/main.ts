/**
 * The background worker (an event page in Firefox): analyses pages for the
 * content scripts, answers the popup, and keeps the badge. The browser may
 * stop it at any time, so it keeps no state of its own: settings live in
 * extension storage, badge text on the tab, a page's verdict in the page.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { ANALYSIS_PORT, type Handlers, isFromThisExtension, isWorkerRequest, type WorkerMessages } from '../messages';
import { serveAnalysis } from './analysis';
import { dataset, story } from './dataset';

const handlers: Handlers<WorkerMessages, Runtime.MessageSender> = {
  'story/get': () => story,
  'badge/set': async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' }),
    ]);
    return undefined;
  },
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isFromThisExtension(sender, browser.runtime.id) || !isWorkerRequest(message)) return undefined;
  return Promise.resolve(
    message.type === 'story/get' ? handlers['story/get'](message, sender) : handlers['badge/set'](message, sender),
  );
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== ANALYSIS_PORT || !port.sender || !isFromThisExtension(port.sender, browser.runtime.id)) {
    port.disconnect();
    return;
  }
  serveAnalysis(port, dataset);
});
