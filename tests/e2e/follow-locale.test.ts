/**
 * A followed story under a Russian interface, in Chromium (`--lang=ru`): the story names Moscow, an
 * entity it shares with the shipped summit story, and Moscow's card on the article's page shows the
 * shipped part translated (the title and what Moscow is) and the followed story's part in the
 * article's words (its sentence), with where it was followed from in Russian; and a card only the
 * followed story has (a person the article names) carries its category label in Russian.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadLexicon, readCatalogue } from '../../scripts/load-dataset';
import { type Served, serve } from '../../scripts/serve';
import { draftFollowed } from '../../src/builder/follow';
import { builderNlp } from '../../src/builder/nlp';
import type { Story } from '../../src/core/dataset';
import { formatMessage } from '../../src/core/ui-text';
import { FOLLOW_FIXTURES, readPlainArticle, renderPage } from '../fixtures/follow/render';
import { launch, openPage, ROOT, visibleCardText } from './harness';

const work = mkdtempSync(join(tmpdir(), 'follow-locale-'));
const SITE = 'Zoo Gazette';
let site: Served | undefined;
let story: Story;

beforeAll(async () => {
  const text = readFileSync(join(FOLLOW_FIXTURES, 'shared/zoo-exchange.txt'), 'utf8');
  mkdirSync(join(work, 'site'));
  writeFileSync(join(work, 'site/zoo.html'), renderPage(text, SITE));
  site = await serve(join(work, 'site'));
  const article = readPlainArticle(text);
  story = draftFollowed(
    { address: `${site.url}zoo.html`, title: article.title, text: article.paragraphs.join('\n'), siteName: SITE },
    { shipped: loadDataset(), followed: [], lexicon: loadLexicon(), nlp: builderNlp(), now: '2025-04-08T00:00:00Z' },
  );
  writeFileSync(join(work, 'story.json'), JSON.stringify(story));
});

afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('Chromium with --lang=ru: a followed story naming a shared entity', () => {
  it("shows the entity's card with the shipped part translated and the followed part in the article's words", async () => {
    const moscow = story.entityRefs.find((ref) => ref.id === 'place:moscow');
    expect(moscow?.evidence).toBeTruthy();
    const translations = JSON.parse(readFileSync(join(ROOT, 'data/translations/ru.json'), 'utf8')) as {
      lines: Record<string, { text: string }>;
    };
    const browser = await launch({ renderer: 'marks', args: ['--lang=ru'] });
    try {
      const manager = await browser.context.newPage();
      await manager.goto(`chrome-extension://${browser.extensionId}/src/manager/index.html`);
      await manager.locator('#import-file').setInputFiles(join(work, 'story.json'));
      await expect.poll(() => manager.locator(`li[data-story-id="${story.id}"]`).count(), { timeout: 20_000 }).toBe(1);

      const page = await openPage(browser.context, `${site!.url}zoo.html`);
      const mark = page.locator('body mark[data-fact-id~="place:moscow"][tabindex]').first();
      await mark.waitFor({ timeout: 30_000 });
      await mark.focus();
      await expect.poll(() => visibleCardText(page), { timeout: 10_000 }).toContain(moscow!.evidence);
      const card = await visibleCardText(page);
      expect(card).toContain(translations.lines['entities.place:moscow.title']!.text);
      expect(card).toContain(translations.lines['entities.place:moscow.card']!.text);
      const followedLine = formatMessage(readCatalogue('ru'), 'cardFollowedSourceUndated', [SITE]);
      expect(card).toContain(followedLine);

      // A card only the followed story has: the category label in Russian, the name as the article writes it.
      const person = story.facts.find((f) => f.category === 'person')!;
      const personMark = page.locator(`body mark[data-fact-id~="${person.id}"][tabindex]`).first();
      await personMark.focus();
      await expect.poll(() => visibleCardText(page), { timeout: 10_000 }).toContain(person.evidence);
      // Each fact of the card (the name's highlight may stand in a statement's too): its label and its title.
      const facts = await page.evaluate(() => {
        const card = document.querySelector('[data-annotator-ui]')!.shadowRoot!.querySelector('.card')!;
        return [...card.querySelectorAll('.fact')].map((fact) =>
          [...fact.querySelectorAll('.category, .title')].map((el) => el.textContent),
        );
      });
      expect(facts).toContainEqual([formatMessage(readCatalogue('ru'), 'categoryPerson'), person.title]);
    } finally {
      await browser.context.close();
    }
  }, 120_000);
});
