import { describe, expect, it } from 'vitest';
import { attributionText, buildCards, formatDate, sourceLine } from '../../src/core/cards';
import { parseStory } from '../../src/core/dataset';
import { defaultSettings, repairSettings, siteEnabled, withSite } from '../../src/core/settings';
import { isContentRequest, isFromThisExtension, isWorkerRequest } from '../../src/messages';
import { readJson } from './helpers';

describe('message guards', () => {
  it('accept the known messages and refuse anything else', () => {
    expect(isWorkerRequest({ type: 'matcher/get' })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: 3 })).toBe(true);
    expect(isWorkerRequest({ type: 'badge/set', count: -1 })).toBe(false);
    expect(isWorkerRequest({ type: 'badge/set', count: '3' })).toBe(false);
    expect(isWorkerRequest({ type: 'page/get-state' })).toBe(false);
    expect(isWorkerRequest(null)).toBe(false);
    expect(isContentRequest({ type: 'annotations/export' })).toBe(true);
    expect(isContentRequest({ type: 'matcher/get' })).toBe(false);
    expect(isContentRequest('page/get-state')).toBe(false);
  });

  it('only trust this extension as a sender', () => {
    expect(isFromThisExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromThisExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(isFromThisExtension({}, 'abc')).toBe(false);
  });
});

describe('settings', () => {
  it('repairs whatever storage holds, keeping every valid field', () => {
    expect(repairSettings(undefined)).toEqual(defaultSettings());
    const repaired = repairSettings({
      categories: { person: false, place: 'no' },
      disabledSites: ['a.com', 7],
      renderer: 'canvas',
      showSimilar: true,
    });
    expect(repaired.categories.person).toBe(false);
    expect(repaired.categories.place).toBe(true);
    expect(repaired.disabledSites).toEqual(['a.com']);
    // An unknown renderer falls back to the default: element-free.
    expect(repaired.renderer).toBe('highlights');
    expect(repaired.showSimilar).toBe(true);
    expect(repairSettings({ renderer: 'marks' }).renderer).toBe('marks');
  });

  it('switches sites off and on', () => {
    const off = withSite(defaultSettings(), 'news.example', false);
    expect(siteEnabled(off, 'news.example')).toBe(false);
    expect(siteEnabled(off, 'other.example')).toBe(true);
    expect(siteEnabled(withSite(off, 'news.example', true), 'news.example')).toBe(true);
  });
});

describe('cards', () => {
  const story = parseStory(readJson('data/story.json'));
  const cards = buildCards(story);

  it('give every fact a card with the source line dated 15 Dec 2021', () => {
    expect(formatDate('2021-12-15')).toBe('15 Dec 2021');
    for (const fact of story.facts) {
      expect(cards[fact.id]!.title).toBe(fact.title);
      expect(cards[fact.id]!.sourceLine).toMatch(/15 Dec 2021$/);
    }
  });

  it('list, for a person, the statements they figure in', () => {
    const xi = cards['person:xi-jinping']!;
    expect(xi.role).toBeTruthy();
    expect(xi.figuresIn.map((f) => f.id)).toContain('quote:exceeds-alliance');
  });

  it('say who said a quote and according to whom', () => {
    expect(cards['quote:exceeds-alliance']!.attribution).toMatch(/Xi/);
    expect(cards['quote:exceeds-alliance']!.attribution).toMatch(/Ushakov/);
  });
});

describe('card attribution wording', () => {
  const story = parseStory(readJson('data/story.json'));
  const cards = buildCards(story);

  it('does not name the same source twice', () => {
    expect(cards['claim:border-length']!.attribution).toBe('Reported by The New York Times reporters');
    for (const card of Object.values(cards))
      expect(card.attribution ?? '').not.toMatch(/reporters, according to the reporters/);
  });

  it('writes descriptions of speakers in running-text case', () => {
    expect(cards['claim:personal-chemistry']!.attribution).toBe('Said by analysts, according to the reporters');
    expect(cards['quote:close-strategic-coordination']!.attribution).toBe(
      'Said by a Chinese Foreign Ministry spokesman, according to the reporters',
    );
    for (const card of Object.values(cards)) expect(card.attribution ?? '').not.toMatch(/by (A|An|Analysts) /);
  });

  it("says a speaker's own public remarks are where it was said, not an 'according to'", () => {
    expect(cards['quote:new-model-of-cooperation']!.attribution).toBe('Said by Vladimir Putin in televised remarks');
    expect(attributionText({ speaker: 'X', accordingTo: 'a speech', firstHand: true })).toBe('Said by X in a speech');
    expect(attributionText({ speaker: 'X', accordingTo: 'Y' })).toBe('Said by X, according to Y');
    for (const card of Object.values(cards)) expect(card.attribution ?? '').not.toMatch(/according to \S+’s televised/);
  });
});

describe('source line', () => {
  const story = parseStory(readJson('data/story.json'));

  it('names the outlet, the reporters and the date, and no headline', () => {
    expect(sourceLine(story)).toBe('The New York Times (Anton Troianovski and Steven Lee Myers), 15 Dec 2021');
    for (const seen of story.source.headlinesSeen) expect(sourceLine(story)).not.toContain(seen.text);
  });
});
