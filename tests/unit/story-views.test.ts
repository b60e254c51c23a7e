// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SUMMIT_ID } from '../../scripts/load-dataset';
import { HoverCard } from '../../src/content/card';
import { UiHost } from '../../src/content/ui-host';
import { buildCards, sourceLine } from '../../src/core/cards';
import { englishText } from '../../src/core/english';
import type { Dataset } from '../../src/core/packs';
import { useLookup } from '../../src/core/ui-text';
import type { PageStateResponse, StoryInfo } from '../../src/messages';
import { renderPicker, reportedIds, verdictText } from '../../src/popup/view';
import { datasetWith, ROOT } from './helpers';

// The extension's pages read the catalogues through browser.i18n; here, the English one.
useLookup(englishText);
const DRAFT_NOTE = englishText('draftNote');
const CARD_GAP = englishText('cardGap');

const BRIDGE = 'amur-lantern-bridge';
const draftBridge = datasetWith([
  {
    id: BRIDGE,
    edit: (story) => {
      story.draft = true;
      delete story.facts[0].card;
      delete story.facts[0].role;
      delete story.facts[4].card; // the limit
    },
  },
]);

/** What the worker answers to story/get (src/background/dataset.ts), built the same way. */
function storyInfos(dataset: Dataset): StoryInfo[] {
  return dataset.stories.map((story) => ({
    id: story.id,
    draft: story.draft,
    source: story.source,
    sourceLine: sourceLine(story),
    summary: story.summary,
    limits: story.limits.map((id) => {
      const fact = story.facts.find((f) => f.id === id)!;
      return { id, title: fact.title, ...(fact.card ? { text: fact.card } : {}) };
    }),
  }));
}

const verdict = (storyId: string, kind: PageStateResponse['verdicts'][number]['kind']) => ({
  storyId,
  kind,
  statementsFound: 3,
  statementsTotal: 10,
  spinExamples: [],
});

describe('popup, per story', () => {
  const stories = storyInfos(draftBridge);
  beforeEach(() => {
    // Test fixture markup only: the popup's own page.
    const html = readFileSync(resolve(ROOT, 'src/popup/index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/, '');
  });
  const picker = () => document.getElementById('story-picker')!;
  const choices = () => [...document.querySelectorAll<HTMLButtonElement>('#stories button')];

  it('shows the one story the page reports, with no list', () => {
    renderPicker(stories, reportedIds([verdict(SUMMIT_ID, 'this-summit'), verdict(BRIDGE, 'other-topic')]));
    expect(picker().hidden).toBe(true);
    expect(document.getElementById('summary')!.dataset.storyId).toBe(SUMMIT_ID);
    expect(document.querySelectorAll('#limits li').length).toBeGreaterThanOrEqual(5);
    const source = (name: string) => document.querySelector(`#source [data-source="${name}"]`)?.textContent;
    expect([source('outlet'), source('date')]).toEqual(['The New York Times', '15 Dec 2021']);
  });

  it('lets the reader pick among several stories the page reports', () => {
    renderPicker(stories, reportedIds([verdict(SUMMIT_ID, 'this-summit'), verdict(BRIDGE, 'spun-copy')]));
    expect(picker().hidden).toBe(false);
    expect(picker().textContent).toMatch(/reports 2 stories: pick one/);
    expect(choices().map((b) => b.dataset.storyId)).toEqual([BRIDGE, SUMMIT_ID]);
    expect(choices()[0]!.getAttribute('aria-pressed')).toBe('true');
    choices()[1]!.click();
    expect(choices()[1]!.getAttribute('aria-pressed')).toBe('true');
    expect(choices()[0]!.getAttribute('aria-pressed')).toBe('false');
    expect(document.getElementById('summary')!.textContent).toMatch(/Xi and Putin hold a video summit/);
    expect(document.getElementById('summary')!.textContent).not.toContain('Amur Lantern');
  });

  it('lists every story the extension knows where the page reports none', () => {
    renderPicker(stories, reportedIds([verdict(SUMMIT_ID, 'other-event')]));
    expect(picker().hidden).toBe(false);
    expect(picker().textContent).toMatch(/stories this extension knows \(2\)/);
    expect(choices().map((b) => b.textContent)).toEqual([
      'Xi opens the Amur Lantern Bridge (Monday 6 May 2030, draft)',
      expect.stringMatching(/^Xi and Putin hold a video summit/),
    ]);
  });

  it('marks a draft story as unreviewed and its unwritten limit as a gap', () => {
    renderPicker(stories, [BRIDGE]);
    const summary = document.getElementById('summary')!;
    expect(summary.querySelector('.draft')!.textContent).toBe(DRAFT_NOTE);
    expect(document.querySelector('#limits li .gap')!.textContent).toBe(CARD_GAP);
  });

  it('says per story what the page is', () => {
    const state = (verdicts: PageStateResponse['verdicts'], named: string[] = []): PageStateResponse => ({
      host: 'example.org',
      counts: { person: 0, organization: 0, place: 0, event: 0, claim: 0, quote: 0, limit: 0 },
      found: [],
      named,
      verdicts,
    });
    expect(verdictText(state([verdict(BRIDGE, 'this-summit'), verdict(SUMMIT_ID, 'other-topic')]), stories)).toBe(
      "This page reports the story (Xi opens the Amur Lantern Bridge): 3 of the story's 10 claims, quotes and limits found.",
    );
    expect(verdictText(state([verdict(SUMMIT_ID, 'other-event')]), stories)).toMatch(
      /^This page is about another meeting of the people in the story \(Xi and Putin hold a video summit/,
    );
    expect(verdictText(state([]), stories)).toMatch(/^Nothing from the stories/);
  });

  it('says which stories a page names without being about them, and whether their names are shown', () => {
    const named: PageStateResponse = {
      host: 'example.org',
      counts: { person: 0, organization: 0, place: 0, event: 0, claim: 0, quote: 0, limit: 0 },
      found: [],
      named: [SUMMIT_ID],
      verdicts: [verdict(SUMMIT_ID, 'other-topic')],
    };
    const off = verdictText(named, stories);
    expect(off).toMatch(
      /^This page names people, places or organisations from the story \(Xi and Putin hold a video summit/,
    );
    expect(off).toMatch(/nothing is highlighted\. “Highlight my stories' names on every page” shows those names\.$/);
    expect(verdictText(named, stories, true)).toMatch(/their names are highlighted/);
  });
});

describe('hover card, per story', () => {
  const rect = { top: 10, bottom: 20, left: 10, right: 50, width: 40, height: 10 } as DOMRect;
  const open = (cards: ReturnType<typeof buildCards>, inView: string[], id: string) => {
    const host = new UiHost();
    new HoverCard(cards, host, () => inView).show([id], rect);
    return host.shadow.querySelector('.card')!.textContent!;
  };

  it('shows a shared person with the role from the story the page is about', () => {
    const cards = buildCards(datasetWith([{ id: BRIDGE }]));
    const onBridge = open(cards, [BRIDGE], 'person:xi-jinping');
    expect(onBridge).toContain('In this story: Cut the ribbon at the opening of the bridge.');
    expect(onBridge).not.toContain('leaders at the summit');
    expect(onBridge).toContain('Test Gazette (T. Writer), 6 May 2030');
    expect(onBridge).not.toContain(DRAFT_NOTE);
    const onSummit = open(cards, [SUMMIT_ID], 'person:xi-jinping');
    expect(onSummit).toContain('One of the two leaders at the summit');
    expect(onSummit).not.toContain('ribbon');
    const onBoth = open(cards, [SUMMIT_ID, BRIDGE], 'person:xi-jinping');
    expect(onBoth).toContain('In the story (Xi opens the Amur Lantern Bridge): Cut the ribbon');
  });

  it('says a draft has not been reviewed, and shows what it has not written as gaps', () => {
    const cards = buildCards(draftBridge);
    const lin = open(cards, [BRIDGE], 'person:lin-qiaomu');
    expect(lin).toContain(DRAFT_NOTE);
    expect(lin).toContain(CARD_GAP);
    expect(lin).toContain('In this story: role not written yet');
    const claim = open(cards, [BRIDGE], 'claim:lantern-length');
    expect(claim).toContain(DRAFT_NOTE);
    expect(claim).toContain('The bridge is 2,400 meters long and took nine years to build.');
    // A reviewed story's card for the same shared person says nothing of drafts.
    expect(open(cards, [SUMMIT_ID], 'person:xi-jinping')).not.toContain(DRAFT_NOTE);
  });
});
