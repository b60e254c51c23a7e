import { describe, expect, it } from 'vitest';
import { isUnrelated, SITE_KIND, scoreAll, verdictRight } from '../../scripts/eval';
import { addTally, emptyTally, precision, recall } from '../../scripts/eval-metrics';

/** The quality targets, checked on the labelled pages (tests/eval/). */
describe('evaluation set', () => {
  const scores = scoreAll();
  const entities = scores.reduce((t, s) => addTally(t, s.entities), emptyTally());
  const statements = scores
    .filter((s) => !isUnrelated(s.kind) && s.kind !== 'other-meeting')
    .reduce((t, s) => addTally(t, s.statements), emptyTally());

  it('covers every kind of page', () => {
    const kinds = new Set(scores.map((s) => s.kind));
    for (const kind of ['seed', 'plain', 'same-summit', 'spun', 'other-meeting', 'unrelated', SITE_KIND])
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
    expect(scores.filter((s) => !verdictRight(s)).map((s) => `${s.page}: ${s.verdictFound}`)).toEqual([]);
  });

  it('shows nothing at all on at least 40 unrelated pages laid out like real sites', () => {
    const sites = scores.filter((s) => s.kind === SITE_KIND);
    expect(sites.length).toBeGreaterThanOrEqual(40);
    expect(sites.filter((s) => s.highlights > 0).map((s) => `${s.page}: ${s.highlights}`)).toEqual([]);
  });

  it('finds in a busy real-site layout exactly the statements the plain page has', () => {
    const plain = scores.find((s) => s.page === 'plain-english.html')!;
    const inLayout = scores.find((s) => s.page === 'site-summit-in-layout.html')!;
    expect(inLayout.statements).toEqual(plain.statements);
    expect(inLayout.missed).toEqual([]);
    expect(inLayout.extra).toEqual([]);
  });
});
