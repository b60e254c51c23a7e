import { describe, expect, it } from 'vitest';
import { buildCards, formatDate } from '../../src/core/cards';
import { parseStory } from '../../src/core/dataset';
import { defaultSettings, repairSettings, siteEnabled, withSite } from '../../src/core/settings';
import { readJson } from './helpers';

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
});
