/**
 * Precision and recall for the evaluation set: entities per mention (counts
 * per fact id), statements per fact per page.
 */
export interface Tally {
  truePositives: number;
  found: number;
  expected: number;
}

export const emptyTally = (): Tally => ({ truePositives: 0, found: 0, expected: 0 });

export function addTally(into: Tally, more: Tally): Tally {
  into.truePositives += more.truePositives;
  into.found += more.found;
  into.expected += more.expected;
  return into;
}

/** Per mention: for each id, min(found, expected) mentions are right. */
export function tallyCounts(found: Record<string, number>, expected: Record<string, number>): Tally {
  const tally = emptyTally();
  for (const id of new Set([...Object.keys(found), ...Object.keys(expected)])) {
    const f = found[id] ?? 0;
    const e = expected[id] ?? 0;
    tally.truePositives += Math.min(f, e);
    tally.found += f;
    tally.expected += e;
  }
  return tally;
}

export function tallySets(found: Iterable<string>, expected: Iterable<string>): Tally {
  const f = new Set(found);
  const e = new Set(expected);
  return { truePositives: [...f].filter((id) => e.has(id)).length, found: f.size, expected: e.size };
}

/** Precision of nothing found is 1 (nothing wrong was said); recall of nothing expected is 1. */
export function precision(t: Tally): number {
  return t.found === 0 ? 1 : t.truePositives / t.found;
}

export function recall(t: Tally): number {
  return t.expected === 0 ? 1 : t.truePositives / t.expected;
}
