import { describe, expect, it } from 'vitest';
import entitiesJson from '../../data/entities.json';
import summitJson from '../../data/stories/xi-putin-video-summit-2021/story.json';
import { attributionText, buildCards, sourceLine } from './cards';
import { parseDataset } from './dataset';
import { storyFacts } from './packs';
import { formatDate } from './ui-text';

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
  it('names the outlet, the reporters and the date, and no headline', () => {
    expect(sourceLine(summit)).toBe('The New York Times (Anton Troianovski and Steven Lee Myers), 15 Dec 2021');
    for (const seen of summit.source.headlinesSeen) expect(sourceLine(summit)).not.toContain(seen.text);
  });
});
