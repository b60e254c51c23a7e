import { describe, expect, it } from 'vitest';
import { loadDataset, SUMMIT_ID } from '../../scripts/load-dataset';
import { buildCards, formatDate } from '../../src/core/cards';
import { storyFacts } from '../../src/core/packs';
import { defaultSettings, repairSettings, siteEnabled, withSite } from '../../src/core/settings';
import { isContentRequest, isFromThisExtension, isWorkerRequest } from '../../src/messages';

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
  const dataset = loadDataset();
  const summit = dataset.stories.find((s) => s.id === SUMMIT_ID)!;
  const cards = buildCards(dataset);

  it('give every fact of the summit a card with its text and the source line dated 15 Dec 2021', () => {
    expect(formatDate('2021-12-15')).toBe('15 Dec 2021');
    for (const fact of storyFacts(dataset, summit)) {
      const card = cards[fact.id]!;
      expect(card.title).toBe(fact.title);
      expect(card.text).toBe(fact.card);
      expect(card.stories.find((s) => s.storyId === SUMMIT_ID)!.sourceLine).toMatch(/15 Dec 2021$/);
    }
  });

  it('list, for a person, the statements they figure in, and their role in the story', () => {
    const [xi] = cards['person:xi-jinping']!.stories;
    expect(xi!.role).toBeTruthy();
    expect(xi!.figuresIn.map((f) => f.id)).toContain('quote:exceeds-alliance');
  });

  it('say who said a quote and according to whom', () => {
    expect(cards['quote:exceeds-alliance']!.attribution).toMatch(/Xi/);
    expect(cards['quote:exceeds-alliance']!.attribution).toMatch(/Ushakov/);
  });
});

describe('card attribution wording', () => {
  const cards = buildCards(loadDataset());

  it('does not name the same source twice', () => {
    expect(cards['claim:border-length']!.attribution).toBe('Reported by The New York Times reporters');
    for (const card of Object.values(cards))
      expect(card.attribution ?? '').not.toMatch(/reporters, according to the reporters/);
  });
});
