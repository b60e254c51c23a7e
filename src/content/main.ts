/**
 * Content script: runs on every http(s) page and same-origin frame. It reads
 * the page's text, hands it to the extension's worker (which holds the
 * matcher), draws what comes back, follows the page as it changes, and
 * follows setting changes from storage, so a switch in the popup reaches
 * every open tab at once. Page text goes to the worker and nowhere else.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { CardModel } from '../core/cards';
import { repairSettings, SETTINGS_KEY } from '../core/settings';
import { MIN_FRAME_TEXT_CHARS } from '../core/timing';
import {
  ANALYSIS_PORT,
  askWorker,
  type ContentMessages,
  dispatch,
  type Handlers,
  isContentRequest,
  isFromThisExtension,
} from '../messages';
import { WorkerAnalyst } from './analyst';
import { HoverCard } from './card';
import { HighlightList } from './highlight-list';
import { HoverController } from './hover';
import { contextAlive, ExtensionLifecycle } from './lifecycle';
import { PageObserver } from './observe';
import { PageAnnotator } from './page';
import { PageSwitch } from './page-switch';
import { UiHost } from './ui-host';

/** Frames from another origin than the page (ads, embeds) are skipped quietly. */
function sameOriginAsTop(): boolean {
  if (window.top === window) return true;
  try {
    return window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!document.body || !sameOriginAsTop()) return;
  const isTop = window.top === window;
  const lifecycle = new ExtensionLifecycle();
  const stored = repairSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const pageSwitch = new PageSwitch(stored, location.hostname);
  let observer: PageObserver | undefined;
  let badge = 0;
  const cards: Record<string, CardModel> = {};
  const host = new UiHost();
  const page = new PageAnnotator(
    new WorkerAnalyst(
      () => browser.runtime.connect({ name: ANALYSIS_PORT }),
      () => lifecycle.check(),
    ),
    cards,
    pageSwitch.settings,
    new HighlightList(host),
    {
      minTextChars: isTop ? 0 : MIN_FRAME_TEXT_CHARS,
      // The top frame owns the badge; frames would overwrite each other's counts.
      onDrawn: (count) => {
        if (!isTop || count === badge || lifecycle.ended) return;
        badge = count;
        void askWorker(browser.runtime, { type: 'badge/set', count }).catch(() => undefined);
      },
      guard: (write) => (observer ? observer.ownWrite(write) : write()),
    },
  );
  observer = new PageObserver(page);
  const card = new HoverCard(cards, host, () => page.storiesInView());
  new HoverController(
    card,
    (event) => page.targetOf(event),
    () => page.elementFreeTargets(),
    lifecycle.signal,
  );
  lifecycle.onEnd(() => {
    observer!.stop();
    page.dispose();
    host.element.remove();
  });

  const applySettings = () => {
    card.hide();
    page.updateSettings(pageSwitch.settings);
    if (page.enabled) observer!.start();
    else observer!.stop();
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes) || !lifecycle.check()) return;
    pageSwitch.update(repairSettings(changes[SETTINGS_KEY]!.newValue));
    applySettings();
  });

  const handlers: Handlers<ContentMessages, undefined> = {
    'page/get-state': () => page.state(),
    'annotations/export': () => page.export(),
    'page/toggle': () => {
      pageSwitch.toggle();
      applySettings();
      return { enabled: page.enabled };
    },
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isFromThisExtension(sender, browser.runtime.id) || !isContentRequest(message)) return undefined;
    return dispatch(handlers, message, undefined);
  });

  if (page.enabled) {
    observer.start();
    await page.rescan();
  }
}

// Once the extension is gone (reloaded mid-start), failing calls are expected: nothing to report.
main().catch((error: unknown) => contextAlive() && console.warn('[news-in-context]', error));
