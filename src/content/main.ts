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
import { PageObserver } from './observe';
import { PageAnnotator } from './page';
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
  const settings = repairSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const response = (await browser.runtime.sendMessage({ type: 'matcher/get' })) as GetMatcherResponse;
  let observer: PageObserver | undefined;
  const host = new UiHost();
  const page = new PageAnnotator(
    new Matcher(response.matcher),
    response.cards,
    settings,
    // The top frame owns the badge; frames would overwrite each other's counts.
    (count) => isTop && void browser.runtime.sendMessage({ type: 'badge/set', count }).catch(() => undefined),
    new HighlightList(host),
    (write) => (observer ? observer.ownWrite(write) : write()),
  );
  observer = new PageObserver(page);
  const card = new HoverCard(response.cards, host, () => page.storiesInView());
  new HoverController(
    card,
    (event) => page.targetOf(event),
    () => page.elementFreeTargets(),
  );

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    card.hide();
    page.updateSettings(repairSettings(changes[SETTINGS_KEY]!.newValue));
    if (page.enabled) observer!.start();
    else observer!.stop();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isFromThisExtension(sender, browser.runtime.id) || !isContentRequest(message)) return undefined;
    return Promise.resolve(message.type === 'page/get-state' ? page.state() : page.export());
  });

  if (page.enabled) {
    observer.start();
    await page.rescan();
  }
}

main().catch((error: unknown) => console.warn('[news-in-context]', error));
