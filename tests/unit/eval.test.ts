import { describe, expect, it } from 'vitest';
import { scoreAll } from '../../scripts/eval';
import { addTally, emptyTally, precision, recall } from '../../scripts/eval-metrics';

/** The quality targets, checked on the labelled pages (tests/eval/). */
describe('evaluation set', () => {
  const scores = scoreAll();
  const entities = scores.reduce((t, s) => addTally(t, s.entities), emptyTally());
  const statements = scores
    .filter((s) => s.kind !== 'unrelated' && s.kind !== 'other-meeting')
    .reduce((t, s) => addTally(t, s.statements), emptyTally());

  it('covers every kind of page', () => {
    const kinds = new Set(scores.map((s) => s.kind));
    for (const kind of ['seed', 'plain', 'same-summit', 'spun', 'other-meeting', 'unrelated'])
      expect(kinds).toContain(kind);
  });

  it('finds entities with precision ≥ 0.97 and recall ≥ 0.95 per mention', () => {
    expect(precision(entities)).toBeGreaterThanOrEqual(0.97);
    expect(recall(entities)).toBeGreaterThanOrEqual(0.95);
  });

  it('finds claims, quotes and limits with precision ≥ 0.95 and recall ≥ 0.85 on pages about the summit', () => {
    expect(precision(statements)).toBeGreaterThanOrEqual(0.95);
    expect(recall(statements)).toBeGreaterThanOrEqual(0.85);
  });

  it('shows no claim, quote or limit on unrelated pages or pages about other meetings', () => {
    expect(scores.flatMap((s) => s.strayStatements.map((id) => `${s.page}: ${id}`))).toEqual([]);
  });

  it('gives every page its expected verdict', () => {
    expect(
      scores.filter((s) => s.verdictFound !== s.verdictExpected).map((s) => `${s.page}: ${s.verdictFound}`),
    ).toEqual([]);
  });
});
