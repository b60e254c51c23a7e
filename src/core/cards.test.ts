import { describe, expect, it } from 'vitest';
import entitiesJson from '../../data/entities.json';
import summitJson from '../../data/stories/xi-putin-video-summit-2021/story.json';
import { buildCards, formatDate } from './cards';
import { parseDataset } from './dataset';
import { storyFacts } from './packs';

const SUMMIT = 'data/stories/xi-putin-video-summit-2021/story.json';
const dataset = parseDataset({ path: 'data/entities.json', json: entitiesJson }, [{ path: SUMMIT, json: summitJson }]);
const summit = dataset.stories[0]!;
const cards = buildCards(dataset);

describe('cards', () => {
  it('give every fact of the summit a card with its text and the source line dated 15 Dec 2021', () => {
    expect(formatDate('2021-12-15')).toBe('15 Dec 2021');
    for (const fact of storyFacts(dataset, summit)) {
      const card = cards[fact.id]!;
      expect(card.title).toBe(fact.title);
      expect(card.text).toBe(fact.card);
      expect(card.stories.map((s) => s.storyId)).toEqual([summit.id]);
      expect(card.stories[0]!.sourceLine).toMatch(/15 Dec 2021$/);
    }
  });

  it('give a shared entity its story-independent text, and the story its role there', () => {
    const xi = cards['person:xi-jinping']!;
    expect(xi.text).toBe(dataset.entities.find((e) => e.id === 'person:xi-jinping')!.card);
    expect(xi.stories[0]!.role).toBe(summit.entityRefs.find((r) => r.id === 'person:xi-jinping')!.role);
  });

  it('list, for a person, the statements they figure in', () => {
    expect(cards['person:xi-jinping']!.stories[0]!.figuresIn.map((f) => f.id)).toContain('quote:exceeds-alliance');
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
