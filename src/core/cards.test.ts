import { describe, expect, it } from 'vitest';
import russianCatalogue from '../../_locales/ru/messages.json';
import entitiesJson from '../../data/entities.json';
import summitJson from '../../data/stories/xi-putin-video-summit-2021/story.json';
import { attributionText, buildCards, type CardModel, REPORT_VOICE, sourceLine } from './cards';
import { parseDataset } from './dataset';
import { englishText } from './english';
import { storyFacts } from './packs';
import { catalogueLookup, formatDate } from './ui-text';

const SUMMIT = 'data/stories/xi-putin-video-summit-2021/story.json';
const dataset = parseDataset({ path: 'data/entities.json', json: entitiesJson }, [{ path: SUMMIT, json: summitJson }]);
const summit = dataset.stories[0]!;
const cards = buildCards(dataset);
/** A card's attribution as the English card view words it. */
const said = (card: CardModel) => (card.attribution ? attributionText(card.attribution, englishText) : '');

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
    expect(said(cards['quote:exceeds-alliance']!)).toMatch(/Xi/);
    expect(said(cards['quote:exceeds-alliance']!)).toMatch(/Ushakov/);
  });
});

describe('card attribution wording', () => {
  it('does not name the same source twice', () => {
    expect(said(cards['claim:border-length']!)).toBe('Reported by The New York Times reporters');
    for (const card of Object.values(cards)) expect(said(card)).not.toMatch(/reporters, according to the reporters/);
  });

  it('writes descriptions of speakers in running-text case', () => {
    expect(said(cards['claim:personal-chemistry']!)).toBe('Said by analysts, according to the reporters');
    expect(said(cards['quote:close-strategic-coordination']!)).toBe(
      'Said by a Chinese Foreign Ministry spokesman, according to the reporters',
    );
    for (const card of Object.values(cards)) expect(said(card)).not.toMatch(/by (A|An|Analysts) /);
  });

  it("says a speaker's own public remarks are where it was said, not an 'according to'", () => {
    expect(said(cards['quote:new-model-of-cooperation']!)).toBe('Said by Vladimir Putin in televised remarks');
    expect(attributionText({ speaker: 'X', accordingTo: 'a speech', firstHand: true }, englishText)).toBe(
      'Said by X in a speech',
    );
    expect(attributionText({ speaker: 'X', accordingTo: 'Y' }, englishText)).toBe('Said by X, according to Y');
    for (const card of Object.values(cards)) expect(said(card)).not.toMatch(/according to \S+’s televised/);
  });

  it("words the builder's report voice in the catalogue's language, and the names as they are", () => {
    const russian = catalogueLookup(russianCatalogue);
    expect(attributionText({ speaker: REPORT_VOICE, accordingTo: REPORT_VOICE }, russian)).toBe('Сообщают: журналисты');
    expect(attributionText({ speaker: 'Lidia Granova', accordingTo: REPORT_VOICE }, russian)).toBe(
      'Говорит: Lidia Granova; источник: журналисты',
    );
    expect(attributionText({ speaker: REPORT_VOICE, accordingTo: REPORT_VOICE }, englishText)).toBe(
      'Reported by the reporters',
    );
  });
});

describe('source line', () => {
  it('names the outlet, the reporters and the date, and no headline', () => {
    expect(sourceLine(summit)).toBe('The New York Times (Anton Troianovski and Steven Lee Myers), 15 Dec 2021');
    for (const seen of summit.source.headlinesSeen) expect(sourceLine(summit)).not.toContain(seen.text);
  });
});
