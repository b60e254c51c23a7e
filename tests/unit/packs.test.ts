import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageText } from '../../scripts/eval';
import { loadDataset, SUMMIT_ID } from '../../scripts/load-dataset';
import { analyseText, annotate } from '../../src/core/annotate';
import { buildCards, cardStories } from '../../src/core/cards';
import { compileMatcher } from '../../src/core/compile';
import { isStatementCategory } from '../../src/core/dataset';
import { Matcher } from '../../src/core/matcher';
import { storiesInView } from '../../src/core/verdict';
import { datasetWith, type RawJson, ROOT, realLexicon } from './helpers';

const BRIDGE = 'amur-lantern-bridge';
/** A short made-up article about the test pack's story. */
const BRIDGE_PAGE = [
  'Xi Jinping cut the ribbon on the Amur Lantern Bridge on Monday, 6 May 2030.',
  'The bridge is 2,400 meters long and took nine years to build. The bridge links China to the far bank of the river.',
  '“It will carry grain, not people,” said Lin Qiaomu, the chief engineer. No passenger trains will use it.',
  // Worded like one of the summit's limits: found, but not shown on a page about another story.
  'The bridge does not mean that China and Russia have a formal alliance, officials said.',
].join('\u2029');

const lexicon = realLexicon();
const summitOnly = datasetWith();
const both = datasetWith([{ id: BRIDGE }]);
const matcherOne = new Matcher(compileMatcher(summitOnly, lexicon));
const matcherTwo = new Matcher(compileMatcher(both, lexicon));
const summitPage = pageText(readFileSync(resolve(ROOT, 'tests/eval/pages/plain-english.html'), 'utf8'));

const verdictOf = (result: ReturnType<typeof annotate>, storyId: string) =>
  result.verdict.stories.find((v) => v.storyId === storyId)!;
const statementIds = (result: ReturnType<typeof annotate>) =>
  new Set(result.annotations.filter((a) => isStatementCategory(a.category)).flatMap((a) => a.factIds));

describe('one matcher over several story packs', () => {
  it('compiles a shared entity once and gives each story its own facts', () => {
    const data = matcherTwo.data;
    expect(data.stories.map((s) => s.id)).toEqual([BRIDGE, SUMMIT_ID]);
    expect(data.facts.filter((f) => f.id === 'person:xi-jinping')).toHaveLength(1);
    const ids = (s: number) => data.stories[s]!.facts.map((f) => data.facts[f]!.id);
    expect(ids(0)).toContain('person:xi-jinping');
    expect(ids(1)).toContain('person:xi-jinping');
    expect(ids(0)).not.toContain('claim:37th-meeting');
    expect(ids(1)).not.toContain('claim:lantern-length');
  });

  it("gives a page about the second story that story's statements and none of the summit's", () => {
    expect(analyseText(matcherTwo, BRIDGE_PAGE).statements.flatMap((a) => a.factIds)).toContain(
      'limit:no-formal-alliance',
    );
    const result = annotate(matcherTwo, BRIDGE_PAGE);
    expect(verdictOf(result, BRIDGE).kind).toBe('this-summit');
    expect(verdictOf(result, SUMMIT_ID).statementsShown).toBe(false);
    const found = statementIds(result);
    expect([...found].sort()).toEqual(['claim:lantern-length', 'limit:lantern-freight-only', 'quote:grain-not-people']);
    const bridgeFacts = new Set(matcherTwo.data.stories[0]!.facts.map((f) => matcherTwo.data.facts[f]!.id));
    expect(result.annotations.flatMap((a) => a.factIds).filter((id) => !bridgeFacts.has(id))).toEqual([]);
    expect(result.annotations.some((a) => a.factIds.includes('person:xi-jinping'))).toBe(true);
  });

  it('leaves a page about the summit exactly as it was with the summit alone', () => {
    const alone = annotate(matcherOne, summitPage);
    const withBridge = annotate(matcherTwo, summitPage);
    expect(withBridge.annotations).toEqual(alone.annotations);
    expect(withBridge.similar).toEqual(alone.similar);
    expect(verdictOf(withBridge, SUMMIT_ID)).toEqual(verdictOf(alone, SUMMIT_ID));
    expect(verdictOf(withBridge, SUMMIT_ID).kind).toBe('this-summit');
    expect(verdictOf(withBridge, BRIDGE).kind).toBe('nothing');
    expect(statementIds(withBridge).size).toBeGreaterThan(10);
  });

  it('stays quiet on a page about neither story', () => {
    const result = annotate(matcherTwo, 'Cricket fans in China cheered as the bridge club met on Monday.');
    expect(result.annotations).toEqual([]);
    expect(result.verdict.stories.every((v) => v.kind === 'nothing')).toBe(true);
  });

  it('gives a shared entity the card of the story the page is about, with that story’s role', () => {
    const cards = buildCards(both);
    const xi = cards['person:xi-jinping']!;
    expect(xi.text).toBe(both.entities.find((e) => e.id === 'person:xi-jinping')!.card);
    expect(xi.stories.map((s) => s.storyId).sort()).toEqual([BRIDGE, SUMMIT_ID]);

    const onBridgePage = cardStories(xi, storiesInView(annotate(matcherTwo, BRIDGE_PAGE).verdict));
    expect(onBridgePage.map((s) => s.role)).toEqual(['Cut the ribbon at the opening of the bridge.']);
    expect(onBridgePage[0]!.sourceLine).toMatch(/Test Gazette \(T. Writer\), 6 May 2030$/);

    const onSummitPage = cardStories(xi, storiesInView(annotate(matcherTwo, summitPage).verdict));
    expect(onSummitPage.map((s) => s.storyId)).toEqual([SUMMIT_ID]);
    expect(onSummitPage[0]!.role).toMatch(/leaders at the summit/);
  });
});

describe('draft packs', () => {
  const draft = datasetWith([
    {
      id: BRIDGE,
      edit: (story) => {
        story.draft = true;
        delete story.facts[0].card; // Lin Qiaomu: no "who is this" yet
        delete story.facts[0].role;
        delete story.entityRefs[0].role; // Xi Jinping: no role in this story yet
      },
    },
  ]);

  it('is highlighted like any pack', () => {
    const result = annotate(new Matcher(compileMatcher(draft, lexicon)), BRIDGE_PAGE);
    expect(verdictOf(result, BRIDGE).kind).toBe('this-summit');
    expect(result.annotations.some((a) => a.factIds.includes('person:lin-qiaomu'))).toBe(true);
  });

  it('has cards marked as drafts, with gaps where nothing was written, never invented text', () => {
    const cards = buildCards(draft);
    const lin = cards['person:lin-qiaomu']!;
    expect(lin.text).toBeUndefined();
    expect(lin.stories).toEqual([expect.objectContaining({ storyId: BRIDGE, draft: true, roleGap: true })]);
    expect(lin.stories[0]!.role).toBeUndefined();
    const xiInDraft = cards['person:xi-jinping']!.stories.find((s) => s.storyId === BRIDGE)!;
    expect(xiInDraft).toMatchObject({ draft: true, roleGap: true });
    const xiInSummit = cards['person:xi-jinping']!.stories.find((s) => s.storyId === SUMMIT_ID)!;
    expect(xiInSummit.draft).toBe(false);
    expect(cards['claim:lantern-length']!.stories[0]!.draft).toBe(true);
  });

  it('refuses the same gaps outside a draft, naming the file and the field', () => {
    const refuse = (edit: (story: RawJson) => void) => () => datasetWith([{ id: BRIDGE, edit }]);
    expect(refuse((s) => delete s.facts[0].card)).toThrow(
      `dataset: tests/fixtures/packs/${BRIDGE}/story.json: facts.0.card: a card is required`,
    );
    expect(refuse((s) => delete s.facts[0].role)).toThrow(/story\.json: facts\.0\.role: a person needs a role/);
    expect(refuse((s) => delete s.entityRefs[0].role)).toThrow(
      /story\.json: entityRefs\.0\.role: a person needs a role/,
    );
  });
});

describe('pack checks', () => {
  const refuse = (edit: (story: RawJson) => void) => () => datasetWith([{ id: BRIDGE, edit }]);

  it('refuses a fact id defined in two places, naming both', () => {
    expect(
      refuse((s) => {
        s.facts[1].id = 'place:moscow';
      }),
    ).toThrow(
      `fact id place:moscow is defined twice: data/entities.json entities.${summitOnly.entities.findIndex((e) => e.id === 'place:moscow')}.id and tests/fixtures/packs/${BRIDGE}/story.json facts.1.id`,
    );
    expect(
      refuse((s) => {
        s.facts[3].id = 'quote:exceeds-alliance';
        s.facts[3].attribution.speakerId = 'person:lin-qiaomu';
      }),
    ).toThrow(
      /quote:exceeds-alliance is defined twice: data\/stories\/xi-putin-video-summit-2021\/story\.json facts\.\d+\.id/,
    );
  });

  it('refuses unknown ids in entityRefs, concepts and attributions', () => {
    expect(refuse((s) => (s.entityRefs[1].id = 'place:atlantis'))).toThrow(
      /entityRefs\.1\.id: unknown shared entity place:atlantis/,
    );
    expect(refuse((s) => (s.facts[3].attribution.speakerId = 'person:nobody'))).toThrow(
      /facts\.3\.attribution\.speakerId: unknown fact id person:nobody/,
    );
    expect(refuse((s) => (s.facts[2].signature.concepts[0].entities = ['place:atlantis']))).toThrow(
      /facts\.2\.signature\.concepts\.0\.entities\.0: unknown fact id place:atlantis/,
    );
  });

  it('resolves basis ids like any reference: own facts and shared entities pass, others are refused', () => {
    expect(() =>
      datasetWith([{ id: BRIDGE, edit: (s) => (s.entityRefs[0].basis = ['claim:lantern-length']) }]),
    ).not.toThrow();
    expect(refuse((s) => (s.summary.who[0].basis = ['person:nobody']))).toThrow(
      /summary\.who\.0\.basis\.0: unknown fact id person:nobody/,
    );
    expect(refuse((s) => (s.entityRefs[0].basis = ['claim:37th-meeting']))).toThrow(
      /entityRefs\.0\.basis\.0: unknown fact id claim:37th-meeting/,
    );
    expect(refuse((s) => (s.facts[2].basis = ['place:atlantis']))).toThrow(
      /facts\.2\.basis\.0: unknown fact id place:atlantis/,
    );
  });

  it("refuses a summit statement cited by another story (statements are each story's own)", () => {
    expect(refuse((s) => (s.facts[2].related = ['claim:37th-meeting']))).toThrow(
      /facts\.2\.related\.0: unknown fact id claim:37th-meeting/,
    );
  });

  it('refuses a story whose id is not its folder name', () => {
    expect(refuse((s) => (s.id = 'another-name'))).toThrow(/id: "another-name" must equal the pack's folder name/);
  });
});

describe('the pack folders', () => {
  it('are all read: adding a folder with a story.json is all it takes', () => {
    const root = mkdtempSync(join(tmpdir(), 'packs-'));
    try {
      cpSync(resolve(ROOT, 'data'), join(root, 'data'), { recursive: true });
      cpSync(resolve(ROOT, 'tests/fixtures/packs', BRIDGE), join(root, 'data/stories', BRIDGE), { recursive: true });
      mkdirSync(join(root, 'data/stories/empty-folder'));
      expect(loadDataset(root).stories.map((s) => s.id)).toEqual([BRIDGE, SUMMIT_ID]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
