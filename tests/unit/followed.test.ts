/**
 * Following a story: drafted from an article as the extension drafts it,
 * compiled with the shipped packs, its cards made of the article's own
 * words, recognised on another outlet's report and on nothing else, and
 * served by the worker even to a page that asks before the worker has read
 * the followed stories.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { followPair, readPairs, scorePairs } from '../../scripts/eval-followed';
import { pageText } from '../../scripts/eval-page';
import { loadDataset, loadLexicon, loadLocalizations, readCatalogue } from '../../scripts/load-dataset';
import { type AnalysisSource, serveAnalysis } from '../../src/background/analysis';
import { draftFollowed } from '../../src/builder/follow';
import { builderNlp } from '../../src/builder/nlp';
import { WorkerAnalyst } from '../../src/content/analyst';
import { annotate } from '../../src/core/annotate';
import { buildCards, followedSourceText } from '../../src/core/cards';
import { compileMatcher } from '../../src/core/compile';
import { compileDataset } from '../../src/core/compiled-dataset';
import { type Dataset, type Lexicon, parseDataset, type Story } from '../../src/core/dataset';
import { englishText } from '../../src/core/english';
import { followedInLocale, storedBytes, withFollowed } from '../../src/core/followed';
import { compileWithFollowed, followedMatcherData } from '../../src/core/followed-compile';
import { Matcher } from '../../src/core/matcher';
import { statementCounts } from '../../src/core/matcher-data';
import { normalizeText } from '../../src/core/normalize';
import { catalogueLookup } from '../../src/core/ui-text';
import { FOLLOW_FIXTURES, fixtureText, readPlainArticle } from '../fixtures/follow/render';
import { ROOT } from './helpers';
import { portPair } from './port-pair';

describe('a followed story', { timeout: 120_000 }, () => {
  let shipped: Dataset;
  let lexicon: Lexicon;
  let story: Story;

  beforeAll(() => {
    shipped = loadDataset();
    lexicon = loadLexicon();
    story = followPair(readPairs()[0]!, { shipped, lexicon, nlp: builderNlp() });
  });

  it('is a valid draft pack that says where it was followed from', () => {
    expect(story.draft).toBe(true);
    expect(story.followed).toMatchObject({ site: 'Harbour Ledger', date: '2025-03-12' });
    expect(story.followed!.address).toMatch(/^https:\/\//);
    expect(storedBytes(story)).toBeGreaterThan(JSON.stringify(story).length - 1);
  });

  it('has cards of the article\'s own words: title, sentence as evidence, "followed by you, not reviewed"', () => {
    const article = normalizeText(fixtureText('port-strike')).text.toLowerCase();
    const cards = buildCards(withFollowed(shipped, [story]));
    for (const fact of story.facts) {
      const card = cards[fact.id]!;
      const mine = card.stories.find((s) => s.storyId === story.id)!;
      expect(mine.sourceLine).toBe('From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed');
      expect(mine.followed).toEqual({
        address: story.followed!.address,
        evidence: fact.evidence,
        site: 'Harbour Ledger',
        date: '2025-03-12',
      });
      expect(fixtureText('port-strike')).toContain(fact.evidence);
      // Nothing on the card the article does not hold: the title is its words, and no plain-English card.
      expect(article).toContain(normalizeText(card.title.replace(/ …$/, '')).text.toLowerCase());
      if (card.quote) expect(article).toContain(normalizeText(card.quote).text.toLowerCase());
      expect(card.text).toBeUndefined();
    }
  });

  it("says where its cards come from in the reader's language, the date as the language writes it", () => {
    const line = (locale: string) =>
      followedSourceText(catalogueLookup(readCatalogue(locale)), 'Harbour Ledger', story.followed!.date);
    expect(line('en')).toBe('From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed');
    expect(line('ru')).toMatch(/^Из Harbour Ledger, 12 мар\.? 2025.*: вы следите за сюжетом, не проверено$/);
    expect(line('zh_CN')).toBe('来自 Harbour Ledger，2025年3月12日：由你关注，未经审核');
    expect(followedSourceText(englishText, 'Harbour Ledger', undefined)).toBe(
      'From Harbour Ledger: followed by you, not reviewed',
    );
  });

  it('shares a card with a shipped story under a translated interface: both parts, each in its own words', () => {
    const article = readPlainArticle(readFileSync(resolve(FOLLOW_FIXTURES, 'shared/zoo-exchange.txt'), 'utf8'));
    const zoo = draftFollowed(
      {
        address: 'https://example.org/zoo',
        title: article.title,
        text: article.paragraphs.join('\n'),
        siteName: 'Example',
      },
      { shipped, followed: [], lexicon, nlp: builderNlp(), now: '2025-01-01T00:00:00.000Z' },
    );
    expect(zoo.entityRefs.map((r) => r.id)).toContain('place:moscow');
    const shippedCompiled = compileDataset(shipped, lexicon, loadLocalizations(shipped));
    const merged = compileWithFollowed(shipped, lexicon, [zoo]);
    const summitId = shipped.stories[0]!.id;
    for (const locale of ['ru', 'zh_CN', 'zh_TW']) {
      const translated = shippedCompiled.localized[locale]!;
      const texts = followedInLocale(merged, translated);
      const moscow = texts.cards['place:moscow']!;
      // The card's own text and the summit's part translated, the followed story's part in its article's words.
      expect(moscow.text, locale).toBe(translated.cards['place:moscow']!.text);
      expect(moscow.text, locale).not.toBe(merged.cards['place:moscow']!.text);
      expect(moscow.stories.map((s) => s.storyId).sort()).toEqual([summitId, zoo.id].sort());
      expect(moscow.stories.find((s) => s.storyId === summitId)).toEqual(translated.cards['place:moscow']!.stories[0]);
      const followedPart = moscow.stories.find((s) => s.storyId === zoo.id)!;
      expect(followedPart).toEqual(merged.cards['place:moscow']!.stories.find((s) => s.storyId === zoo.id));
      expect(article.paragraphs.join('\n')).toContain(followedPart.followed!.evidence);
      // The followed story's own facts and its story, as the English compile has them; the summit translated.
      for (const fact of zoo.facts) expect(texts.cards[fact.id]).toEqual(merged.cards[fact.id]);
      expect(texts.stories.find((s) => s.id === zoo.id)).toEqual(merged.stories.find((s) => s.id === zoo.id));
      expect(texts.stories.find((s) => s.id === summitId)).toEqual(translated.stories[0]);
      expect(texts.stories.map((s) => s.id)).toEqual(merged.stories.map((s) => s.id));
      // Every shipped card is there, translated, with its shipped parts.
      for (const [id, card] of Object.entries(translated.cards))
        expect(texts.cards[id]!.stories.filter((s) => s.storyId !== zoo.id)).toEqual(card.stories);
    }
  });

  it("compiles the same with the shipped packs' compile reused as compiled from scratch", () => {
    const nlp = builderNlp();
    const follow = (title: string, text: string, followed: readonly Story[]) =>
      draftFollowed(
        { address: `https://example.org/${followed.length}`, title, text, siteName: 'Example' },
        { shipped, followed, lexicon, nlp, now: '2025-01-01T00:00:00.000Z' },
      );
    // Stories on either side of the summit's id, one of them the summit itself (its people and places are
    // the shipped pack's), so the merged compile interleaves reused and new facts.
    const summit = follow(
      'Zz: the summit on the wire',
      pageText(readFileSync(resolve(ROOT, 'tests/eval/pages/wire-style.html'), 'utf8')),
      [story],
    );
    const comet = readPlainArticle(fixtureText('comet'));
    const followed = [story, summit, follow(comet.title, comet.paragraphs.join('\n'), [story, summit])];
    expect(followed.map((s) => s.id < shipped.stories[0]!.id)).toEqual([true, false, true]);
    expect(summit.entityRefs.length).toBeGreaterThan(0);
    const shippedMatcher = compileMatcher(shipped, lexicon);
    for (let n = 1; n <= followed.length; n++) {
      const stories = followed.slice(0, n);
      expect(followedMatcherData(shipped, lexicon, stories, shippedMatcher)).toEqual(
        followedMatcherData(shipped, lexicon, stories),
      );
    }
    expect(compileWithFollowed(shipped, lexicon, followed, shippedMatcher)).toEqual(
      compileWithFollowed(shipped, lexicon, followed),
    );
  });

  it('is refused with the path of the bad field when malformed', () => {
    const entities = { path: 'entities.json', json: { schemaVersion: 1, entities: shipped.entities } };
    const file = (json: unknown) => [{ path: `stories/${story.id}/story.json`, json }];
    expect(() => parseDataset(entities, file({ ...story, draft: false }))).toThrow(
      /draft: a followed story is a draft/,
    );
    expect(() => parseDataset(entities, file({ ...story, followed: { ...story.followed, address: 'x' } }))).toThrow(
      /followed\.address/,
    );
  });

  it('leaves the shipped stories as they were: the summit demo page annotates the same', () => {
    const demo = pageText(readFileSync(resolve(ROOT, 'demo/index.html'), 'utf8'));
    const alone = annotate(new Matcher(compileMatcher(shipped, lexicon)), demo);
    const withIt = annotate(new Matcher(followedMatcherData(shipped, lexicon, [story])), demo);
    expect(withIt.annotations).toEqual(alone.annotations);
    expect(withIt.verdict.stories.filter((v) => v.storyId !== story.id)).toEqual(alone.verdict.stories);
    expect(withIt.verdict.stories.find((v) => v.storyId === story.id)!.kind).toBe('nothing');
  });

  it("across outlets: most of B's entities and shared statements, nothing on near-misses or unrelated pages", () => {
    const scores = scorePairs();
    const sum = (pick: (s: (typeof scores)[number]) => number) => scores.reduce((n, s) => n + pick(s), 0);
    expect(scores.length).toBeGreaterThanOrEqual(5);
    for (const s of scores) expect(s.verdictB, s.pair).toBe('this-summit');
    expect(sum((s) => s.entities.found) / sum((s) => s.entities.total)).toBeGreaterThanOrEqual(0.85);
    expect(sum((s) => s.statements.found) / sum((s) => s.statements.total)).toBeGreaterThanOrEqual(0.65);
    expect(sum((s) => s.nearMissStatements)).toBe(0);
    expect(sum((s) => s.nearMissHighlights)).toBe(0);
    expect(sum((s) => s.unrelatedHighlights)).toBe(0);
  });

  it('is served to a page that asks while the worker still reads the followed stories', async () => {
    const matcher = new Matcher(followedMatcherData(shipped, lexicon, [story]));
    let resolveSource!: (source: AnalysisSource) => void;
    const later = new Promise<AnalysisSource>((resolve) => {
      resolveSource = resolve;
    });
    const analyst = new WorkerAnalyst(
      () => {
        const [page, worker] = portPair();
        serveAnalysis(worker, later);
        return page;
      },
      () => true,
    );
    const text = pageText(
      `<p>${readPlainArticle(fixtureText('port-strike-b')).paragraphs.join('</p><p>')}</p><p>March 12, 2025</p>`,
    );
    const reading = analyst.annotate([text], undefined, async () => true);
    setTimeout(
      () => resolveSource({ matcher: () => matcher, cards: {}, statementsTotal: statementCounts(matcher.data) }),
      20,
    );
    const result = await reading;
    expect(result!.verdict.stories.find((v) => v.storyId === story.id)!.kind).toBe('this-summit');
  });
});
