/**
 * The background worker: owns the dataset, answers content scripts and the
 * popup, and keeps the badge. Chrome may stop it at any time, so it keeps no
 * state of its own: settings live in extension storage, badge text on the tab.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isFromThisExtension, isWorkerRequest } from '../messages';
import { listenForCommands } from './commands';
import { matcherResponse, storyResponse } from './dataset';
import { acceptLifelines } from './lifeline';

acceptLifelines();
listenForCommands();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isFromThisExtension(sender, browser.runtime.id) || !isWorkerRequest(message)) return undefined;
  switch (message.type) {
    case 'matcher/get':
      return Promise.resolve(matcherResponse());
    case 'story/get':
      return Promise.resolve(storyResponse());
    case 'badge/set': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      return Promise.all([
        browser.action.setBadgeText({ tabId, text: message.count > 0 ? String(message.count) : '' }),
        browser.action.setBadgeBackgroundColor({ tabId, color: '#4a5568' }),
      ]).then(() => undefined);
    }
  }
});
