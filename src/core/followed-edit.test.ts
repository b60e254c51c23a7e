import { describe, expect, it } from 'vitest';
import { parseStory, type Story } from './dataset';
import { removeFact, renameStory } from './followed-edit';

const story = parseStory({
  schemaVersion: 1,
  id: 'strike',
  draft: true,
  source: { builtFrom: 'Drafted from a page.' },
  summary: {
    gist: { text: 'Dockworkers end strike', basis: [] },
    what: { text: 'x', basis: ['claim:vote'] },
    when: { text: 'x', basis: [] },
    format: { text: 'x', basis: [] },
    who: [{ text: 'x', basis: [] }],
    outcomes: [{ text: 'x', basis: [] }],
    context: [{ text: 'x', basis: [] }],
  },
  limits: ['limit:cranes'],
  eventCues: [],
  facts: [
    {
      id: 'person:rosa',
      category: 'person',
      title: 'Rosa Ferreira',
      aliases: ['Rosa Ferreira'],
      evidence: 'Rosa said.',
    },
    {
      id: 'claim:vote',
      category: 'claim',
      title: 'The union voted',
      attribution: { speaker: 'Rosa Ferreira', speakerId: 'person:rosa', accordingTo: 'the reporters' },
      signature: {
        concepts: [
          { name: 'vote', variants: ['vote'], weight: 2, required: true },
          { name: 'union', variants: ['union'] },
          { name: 'Rosa', entities: ['person:rosa'] },
        ],
      },
      evidence: 'The union voted, Rosa said.',
      related: ['person:rosa'],
    },
    {
      id: 'limit:cranes',
      category: 'limit',
      title: 'Cranes',
      signature: {
        concepts: [
          { name: 'Rosa', entities: ['person:rosa'] },
          { name: 'crane', variants: ['crane'] },
        ],
      },
      evidence: 'Rosa said the cranes are not settled.',
    },
  ],
}) as Story;

describe('editing a followed story', () => {
  it('renames it, and refuses an empty name', () => {
    expect(renameStory(story, '  Port strike ends ').summary.gist.text).toBe('Port strike ends');
    expect(() => renameStory(story, ' ')).toThrow(/needs a name/);
  });

  it('removes an entity and every mention of it; a statement left with one concept goes too', () => {
    const edited = removeFact(story, 'person:rosa');
    expect(edited.facts.map((f) => f.id)).toEqual(['claim:vote']);
    const vote = edited.facts[0]!;
    expect(vote.related).toEqual([]);
    expect(vote.attribution).toEqual({ speaker: 'Rosa Ferreira', accordingTo: 'the reporters' });
    expect(vote.signature!.concepts.map((c) => c.name)).toEqual(['vote', 'union']);
    // The limit had only "Rosa" and "crane": one concept left, so it went, and with it the limits list entry.
    expect(edited.limits).toEqual([]);
    expect(parseStory(edited).facts.map((f) => f.id)).toEqual(['claim:vote']);
  });

  it('removes a statement from the limits and the summary bases', () => {
    const edited = removeFact(story, 'claim:vote');
    expect(edited.summary.what.basis).toEqual([]);
    expect(parseStory(edited).facts.map((f) => f.id)).toEqual(['person:rosa', 'limit:cranes']);
  });
});
