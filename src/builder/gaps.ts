/**
 * A draft's gaps: what its article could not supply and an editor must
 * write before the draft mark goes. Shared by `npm run story -- check` and
 * `npm run check:facts`, which report them as gaps in a draft and refuse
 * them in a reviewed pack.
 */

/** What a draft writes where the article cannot say and an editor must. */
export const GAP = '[to be written by an editor]';

type RawPack = {
  source?: Record<string, unknown>;
  limits?: unknown[];
  eventCues?: unknown[];
  facts?: { category?: unknown; card?: unknown; role?: unknown }[];
  entityRefs?: { id?: unknown; role?: unknown }[];
};

/** Paths of the fields that still hold the gap marker. */
export function gapMarkers(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes(GAP)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) gapMarkers(v, `${path}.${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) gapMarkers(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** Paths of the fields a draft left out that a reviewed pack must have. */
export function leftOut(input: unknown): string[] {
  const pack = (input ?? {}) as RawPack;
  const out = ['outlet', 'reporters', 'date'].filter((f) => pack.source?.[f] === undefined).map((f) => `source.${f}`);
  if (pack.limits?.length === 0) out.push('limits');
  if (pack.eventCues?.length === 0) out.push('eventCues');
  for (const [i, fact] of (pack.facts ?? []).entries()) {
    if (fact.card === undefined) out.push(`facts.${i}.card`);
    if (fact.category === 'person' && fact.role === undefined) out.push(`facts.${i}.role`);
  }
  for (const [i, ref] of (pack.entityRefs ?? []).entries())
    if (String(ref.id).startsWith('person:') && ref.role === undefined) out.push(`entityRefs.${i}.role`);
  return out;
}

/** Every gap of a pack: marked fields, then left-out ones. */
export function packGaps(pack: unknown): string[] {
  return [...gapMarkers(pack), ...leftOut(pack)];
}
