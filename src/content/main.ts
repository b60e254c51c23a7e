/**
 * Content script: runs on every http(s) page. It asks the worker for the
 * compiled matcher, annotates the page, follows the page as it changes, and
 * follows setting changes from storage, so a switch in the popup reaches
 * every open tab at once.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { Matcher } from '../core/annotate';
import { repairSettings, SETTINGS_KEY } from '../core/settings';
import { type GetMatcherResponse, isContentRequest, isFromThisExtension } from '../messages';
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
  const response = (await browser.runtime.sendMessage({ type: 'matcher/get' })) as GetMatcherResponse;
  const pageSwitch = new PageSwitch(stored, location.hostname);
  let observer: PageObserver | undefined;
  const host = new UiHost();
  const page = new PageAnnotator(
    new Matcher(response.matcher),
    response.cards,
    pageSwitch.settings,
    // The top frame owns the badge; frames would overwrite each other's counts.
    (count) =>
      isTop &&
      !lifecycle.ended &&
      void browser.runtime.sendMessage({ type: 'badge/set', count }).catch(() => undefined),
    new HighlightList(host),
    (write) => (observer ? observer.ownWrite(write) : write()),
  );
  observer = new PageObserver(page);
  const card = new HoverCard(response.cards, host, () => page.storiesInView());
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

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isFromThisExtension(sender, browser.runtime.id) || !isContentRequest(message)) return undefined;
    switch (message.type) {
      case 'page/get-state':
        return Promise.resolve(page.state());
      case 'annotations/export':
        return Promise.resolve(page.export());
      case 'page/toggle':
        pageSwitch.toggle();
        applySettings();
        return Promise.resolve({ enabled: page.enabled });
    }
  });

  if (page.enabled) {
    observer.start();
    await page.rescan();
  }
}

// Once the extension is gone (reloaded mid-start), failing calls are expected: nothing to report.
main().catch((error: unknown) => contextAlive() && console.warn('[news-in-context]', error));
