/**
 * The first index of `items` whose item is not `before` (binary search),
 * for lists where every `before` item precedes every other one: sorted
 * offsets, highlights in document order against the viewport.
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean, from = 0): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(items[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}
