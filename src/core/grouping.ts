/** Flat lists per key, as typed arrays: what the matcher builds once from its data and reads per hit. */
export interface Groups {
  /** The items of key k are items[start[k] .. start[k + 1]). */
  start: Int32Array;
  items: Int32Array;
}

/** Groups `values[i]` under `keys[i]` (keys below `keyCount`), keeping their order within each key. */
export function groupBy(keyCount: number, keys: readonly number[], values: readonly number[]): Groups {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keyCount);
  const items = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) items[fill[keys[i]!]!++] = values[i]!;
  return { start, items };
}
