/**
 * Content script: runs on every http(s) page. It asks the worker for the
 * compiled matcher, annotates the page, and follows setting changes from
 * storage, so a switch in the popup reaches every open tab at once.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { Matcher } from '../core/annotate';
import { SETTINGS_KEY, repairSettings, siteEnabled } from '../core/settings';
import { isContentRequest, isFromThisExtension, type GetMatcherResponse } from '../messages';
import { HoverCard } from './card';
import { HoverController, type HighlightTarget } from './hover';
import { PageAnnotator } from './page';
import { MARK_CLASS } from './render-marks';

function markTarget(event: Event): HighlightTarget | null {
  const start = event.target instanceof Element ? event.target.closest(`mark.${MARK_CLASS}`) : null;
  if (!start) return null;
  // Innermost first: an entity inside a highlighted sentence shows both.
  const factIds: string[] = [];
  for (let mark: Element | null = start; mark; mark = mark.parentElement?.closest(`mark.${MARK_CLASS}`) ?? null) {
    for (const id of (mark.getAttribute('data-fact-id') ?? '').split(' ')) if (id && !factIds.includes(id)) factIds.push(id);
  }
  return { factIds, rect: start.getBoundingClientRect(), key: start };
}

async function main(): Promise<void> {
  if (!document.body) return;
  const settings = repairSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const response = (await browser.runtime.sendMessage({ type: 'matcher/get' })) as GetMatcherResponse;
  const matcher = new Matcher(response.matcher);
  const page = new PageAnnotator(matcher, response.cards, settings, (count) => {
    browser.runtime.sendMessage({ type: 'badge/set', count }).catch(() => undefined);
  });
  const card = new HoverCard(response.cards);
  new HoverController(card, markTarget);

  if (siteEnabled(settings, page.host)) {
    page.analyse();
    page.draw();
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    card.hide();
    page.updateSettings(repairSettings(changes[SETTINGS_KEY]!.newValue));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isFromThisExtension(sender, browser.runtime.id) || !isContentRequest(message)) return undefined;
    if (message.type === 'page/get-state') return Promise.resolve(page.state());
    return undefined;
  });
}

main().catch((error: unknown) => console.warn('[news-in-context]', error));
