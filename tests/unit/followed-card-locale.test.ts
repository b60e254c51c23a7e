// @vitest-environment happy-dom
/**
 * A card only a followed story has, under a translated interface: the worker serves it as the English
 * compile has it (followedInLocale), and the card view words every label of its own (the category, the
 * attribution, the source line) from the interface's catalogue, while the article's words stay as written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadLexicon, loadLocalizations, readCatalogue } from '../../scripts/load-dataset';
import { draftFollowed } from '../../src/builder/follow';
import { builderNlp } from '../../src/builder/nlp';
import { HoverCard } from '../../src/content/card';
import { UiHost } from '../../src/content/ui-host';
import { CATEGORY_LABEL_KEYS, REPORT_VOICE } from '../../src/core/cards';
import { compileDataset, type ReaderTexts } from '../../src/core/compiled-dataset';
import type { Story } from '../../src/core/dataset';
import { englishText } from '../../src/core/english';
import { followedInLocale } from '../../src/core/followed';
import { compileWithFollowed } from '../../src/core/followed-compile';
import { catalogueLookup, type Lookup, useLookup } from '../../src/core/ui-text';
import { FOLLOW_FIXTURES, readPlainArticle } from '../fixtures/follow/render';

const SITE = 'Zoo Gazette';
const rect = { top: 10, bottom: 20, left: 10, right: 50, width: 40, height: 10 } as DOMRect;

describe("a followed story's own card under a translated interface", { timeout: 120_000 }, () => {
  let zoo: Story;
  const served = new Map<string, ReaderTexts>();

  beforeAll(() => {
    const shipped = loadDataset();
    const lexicon = loadLexicon();
    const article = readPlainArticle(readFileSync(resolve(FOLLOW_FIXTURES, 'shared/zoo-exchange.txt'), 'utf8'));
    zoo = draftFollowed(
      { address: 'https://example.org/zoo', title: article.title, text: article.paragraphs.join('\n'), siteName: SITE },
      { shipped, followed: [], lexicon, nlp: builderNlp(), now: '2025-01-01T00:00:00.000Z' },
    );
    const shippedCompiled = compileDataset(shipped, lexicon, loadLocalizations(shipped));
    const merged = compileWithFollowed(shipped, lexicon, [zoo]);
    // What the worker serves in each interface language (src/background/dataset.ts).
    for (const [locale, texts] of Object.entries(shippedCompiled.localized))
      served.set(locale, followedInLocale(merged, texts));
  });

  /** The card's sections as the card view lays them out, with the catalogue's lookup in use. */
  const open = (texts: ReaderTexts, text: Lookup, id: string) => {
    useLookup(text);
    const host = new UiHost();
    new HoverCard(texts.cards, host, () => [zoo.id]).show([id], rect);
    const card = host.shadow.querySelector('.card')!;
    const part = (selector: string) => [...card.querySelectorAll(selector)].map((el) => el.textContent);
    return {
      category: part('.category'),
      title: part('.title'),
      attribution: part('.attribution'),
      all: card.textContent!,
    };
  };

  it('labels its category, its attribution and its source in the catalogue of the interface', () => {
    const person = zoo.facts.find((f) => f.category === 'person')!;
    const spoken = zoo.facts.find(
      (f) => f.attribution?.speakerId === person.id && f.attribution.accordingTo === REPORT_VOICE,
    )!;
    const reported = zoo.facts.find(
      (f) => f.attribution?.speaker === REPORT_VOICE && f.attribution.accordingTo === REPORT_VOICE,
    )!;
    expect(spoken && reported).toBeTruthy();
    expect([...served.keys()].sort()).toEqual(['ru', 'zh_CN', 'zh_TW']);
    for (const [locale, texts] of served) {
      const text = catalogueLookup(readCatalogue(locale));
      // Only the followed story has these cards: the shipped translations hold none of them.
      expect(
        texts.cards[person.id]!.stories.map((s) => s.storyId),
        locale,
      ).toEqual([zoo.id]);

      const personCard = open(texts, text, person.id);
      expect(personCard.category, locale).toEqual([text('categoryPerson')]);
      expect(personCard.category[0], locale).not.toBe(englishText('categoryPerson'));
      // The article's words stay as the article writes them.
      expect(personCard.title, locale).toEqual([person.title]);
      expect(personCard.all, locale).toContain(person.evidence);
      expect(personCard.all, locale).toContain(text('cardFollowedSourceUndated', SITE));

      const spokenCard = open(texts, text, spoken.id);
      expect(spokenCard.category, locale).toEqual([text(CATEGORY_LABEL_KEYS[spoken.category])]);
      expect(spokenCard.attribution, locale).toContain(
        text('attributionAccordingTo', spoken.attribution!.speaker, text('reportVoice')),
      );
      expect(spokenCard.all, locale).not.toContain(REPORT_VOICE);

      const reportedCard = open(texts, text, reported.id);
      expect(reportedCard.attribution, locale).toContain(text('attributionReportedBy', text('reportVoice')));
      expect(reportedCard.all, locale).toContain(reported.evidence);
      expect(reportedCard.all, locale).not.toContain(REPORT_VOICE);
    }
  });

  it('reads as before in English', () => {
    const texts = compileWithFollowed(loadDataset(), loadLexicon(), [zoo]);
    const reported = zoo.facts.find((f) => f.attribution?.speaker === REPORT_VOICE)!;
    const card = open(texts, englishText, reported.id);
    expect(card.category).toEqual([englishText(CATEGORY_LABEL_KEYS[reported.category])]);
    expect(card.attribution).toContain(englishText('attributionReportedBy', REPORT_VOICE));
  });
});
