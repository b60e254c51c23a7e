import { describe, expect, it } from 'vitest';
import storyJson from '../../data/story.json';
import { buildCards, formatDate } from './cards';
import { parseStory } from './dataset';

const story = parseStory(storyJson);
const cards = buildCards(story);

describe('cards', () => {
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
  it('does not name the same source twice', () => {
    expect(cards['claim:border-length']!.attribution).toBe('Reported by The New York Times reporters');
    for (const card of Object.values(cards))
      expect(card.attribution ?? '').not.toMatch(/reporters, according to the reporters/);
  });
});
