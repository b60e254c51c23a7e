import { describe, expect, it } from 'vitest';
import { DatasetError, parseStory } from '../../src/core/dataset';
import { parseLexicon } from '../../src/core/dataset';
import { readJson } from './helpers';

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
    expect(() => parseLexicon({ schemaVersion: 1, entries: [{ plain: 'a', spun: ['x'] }, { plain: 'b', spun: ['X'] }] })).toThrow(
      /lexicon\.entries\.1\.spun\.0/,
    );
  });
});
