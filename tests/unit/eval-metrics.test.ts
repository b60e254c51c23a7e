import { describe, expect, it } from 'vitest';
import { addTally, emptyTally, precision, recall, tallyCounts, tallySets } from '../../scripts/eval-metrics';

describe('evaluation metrics', () => {
  it('counts mentions per id', () => {
    const t = tallyCounts({ a: 3, b: 1, c: 2 }, { a: 2, b: 1, d: 4 });
    expect(t).toEqual({ truePositives: 3, found: 6, expected: 7 });
    expect(precision(t)).toBeCloseTo(0.5);
    expect(recall(t)).toBeCloseTo(3 / 7);
  });

  it('compares statement sets', () => {
    const t = tallySets(['x', 'y'], ['y', 'z', 'w']);
    expect(t).toEqual({ truePositives: 1, found: 2, expected: 3 });
  });

  it('adds up and treats empty sides as perfect', () => {
    const total = addTally(addTally(emptyTally(), { truePositives: 1, found: 2, expected: 2 }), {
      truePositives: 0,
      found: 0,
      expected: 0,
    });
    expect(total).toEqual({ truePositives: 1, found: 2, expected: 2 });
    expect(precision(emptyTally())).toBe(1);
    expect(recall(emptyTally())).toBe(1);
  });
});
