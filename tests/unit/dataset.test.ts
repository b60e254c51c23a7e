import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageText } from '../../scripts/eval';
import { loadDataset, SUMMIT_ID } from '../../scripts/load-dataset';
import { type DatasetError, parseLexicon, parseStory } from '../../src/core/dataset';
import { storyFacts } from '../../src/core/packs';
import { ROOT, readJson } from './helpers';

// biome-ignore lint/suspicious/noExplicitAny: tests plant defects by editing the raw JSON freely
const mini = () => structuredClone(readJson('tests/fixtures/mini-story.json')) as Record<string, any>;

function errorOf(input: unknown): DatasetError {
  try {
    parseStory(input);
  } catch (error) {
    return error as DatasetError;
  }
  throw new Error('expected the dataset to be refused');
}

describe('dataset schema', () => {
  it('accepts a well-formed story', () => {
    expect(parseStory(mini()).facts.length).toBeGreaterThan(3);
  });

  it('names the path of a bad field', () => {
    const story = mini();
    story.facts[1].title = '';
    expect(errorOf(story).path).toBe('facts.1.title');
  });

  it('refuses an id whose prefix is not its category', () => {
    const story = mini();
    story.facts[0].category = 'place';
    expect(errorOf(story).path).toBe('facts.0.id');
  });

  it('refuses a claim without a signature or attribution', () => {
    const story = mini();
    const claim = story.facts.findIndex((f: { category: string }) => f.category === 'claim');
    delete story.facts[claim].signature;
    expect(errorOf(story).path).toBe(`facts.${claim}.signature`);
  });

  it('refuses references to unknown facts', () => {
    const story = mini();
    story.limits = ['limit:does-not-exist'];
    expect(errorOf(story).message).toMatch(/limits\.0: unknown fact id/);
  });

  it('refuses duplicate ids and unknown fields', () => {
    const story = mini();
    story.facts.push(story.facts[0]);
    expect(errorOf(story).message).toMatch(/duplicate id person:xi-jinping/);
    const extra = mini();
    extra.facts[0].colour = 'red';
    expect(errorOf(extra).path).toBe('facts.0');
  });

  it('refuses a lexicon that lists a spun form twice', () => {
    expect(() =>
      parseLexicon({
        schemaVersion: 1,
        entries: [
          { plain: 'a', spun: ['x'] },
          { plain: 'b', spun: ['X'] },
        ],
      }),
    ).toThrow(/lexicon\.entries\.1\.spun\.0/);
  });
});

describe('the summit pack', () => {
  const dataset = loadDataset();
  const summit = dataset.stories.find((s) => s.id === SUMMIT_ID)!;
  const facts = storyFacts(dataset, summit);
  const lexicon = parseLexicon(readJson('data/spin-lexicon.json'));
  const seedText = pageText(readFileSync(resolve(ROOT, 'demo/index.html'), 'utf8')).replace(/\s+/g, ' ');

  it('is reviewed, and takes the people and places other stories share from data/entities.json', () => {
    expect(summit.draft).toBe(false);
    const shared = summit.entityRefs.map((r) => r.id);
    for (const id of ['person:xi-jinping', 'person:vladimir-putin', 'place:china', 'place:russia', 'organization:nato'])
      expect(shared).toContain(id);
    expect(summit.facts.map((f) => f.id)).not.toContain('person:xi-jinping');
  });

  it('holds every required fact id', () => {
    const ids = new Set(facts.map((f) => f.id));
    const required = readFileSync(resolve(ROOT, 'tests/fixtures/required-fact-ids.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(required.length).toBeGreaterThan(50);
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('quotes its evidence verbatim from the source article', () => {
    const missing = facts.filter((f) => !seedText.includes(f.evidence.replace(/\s+/g, ' '))).map((f) => f.id);
    expect(missing).toEqual([]);
  });

  it("writes its cards in plain English, not in the rewriter's words", () => {
    const tellTale = lexicon.entries.filter((e) => e.weight >= 3).flatMap((e) => e.spun);
    const texts = facts
      .flatMap((f) => [f.title, f.card ?? '', f.role ?? '', f.quote ?? ''])
      .concat(
        Object.values(summit.summary)
          .flat()
          .map((line) => line.text),
      );
    const spun = texts.flatMap((text) =>
      tellTale
        .filter((form) => new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text))
        .map((form) => `${form} in "${text}"`),
    );
    expect(spun).toEqual([]);
  });
});
