/**
 * The annotator (annotator.js): injected by the worker into a frame whose
 * reader found something of a story (or that the popup asked about). It
 * draws the highlights, opens the cards, follows the page as it changes and
 * answers the popup, with the analyst, the lifeline and the settings handed
 * over by the reader (handoff.ts). It makes no extension call of its own.
 */
import type { CardModel } from '../core/cards';
import { useLookup } from '../core/ui-text';
import { HoverCard } from './card';
import { type ReaderHandoff, type RunningAnnotator, registerAnnotator, type StartAnnotator } from './handoff';
import { HighlightList } from './highlight-list';
import { HoverController } from './hover';
import { PageObserver } from './observe';
import { PageAnnotator } from './page';
import { UiHost } from './ui-host';

const start: StartAnnotator = (handoff: ReaderHandoff): RunningAnnotator => {
  const { lifeline } = handoff;
  useLookup(handoff.text);
  // Something is about to be drawn: it must go the moment the extension does.
  lifeline.watch();
  let observer: PageObserver | undefined;
  let badge = 0;
  const cards: Record<string, CardModel> = {};
  const host = new UiHost();
  const page = new PageAnnotator(handoff.analyst, cards, handoff.settings(), new HighlightList(host), {
    minTextChars: handoff.minTextChars,
    onDrawn: (count) => {
      if (count === badge || lifeline.ended) return;
      badge = count;
      handoff.setBadge(count);
    },
    guard: (write) => (observer ? observer.ownWrite(write) : write()),
  });
  observer = new PageObserver(page);
  const card = new HoverCard(cards, host, () => page.storiesInView());
  new HoverController(
    card,
    (event) => page.targetOf(event),
    () => page.elementFreeTargets(),
    lifeline.signal,
  );
  lifeline.onEnd(() => {
    observer!.stop();
    page.dispose();
    host.element.remove();
  });

  if (page.enabled) {
    observer.start();
    const drawn = handoff.reading ? page.adopt(handoff.reading) : page.rescan();
    drawn.catch((error: unknown) => lifeline.check() && console.warn('[news-in-context]', error));
  }
  return {
    settingsChanged() {
      card.hide();
      page.updateSettings(handoff.settings());
      if (page.enabled) observer!.start();
      else observer!.stop();
    },
    storiesChanged() {
      card.hide();
      if (page.enabled) void page.rescan();
    },
    handlers: {
      'page/get-state': () => page.state(),
      'annotations/export': () => page.export(),
    },
  };
};

registerAnnotator(start);
