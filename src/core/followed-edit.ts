/**
 * Edits a reader makes to a followed story in the story manager: a new name,
 * a drafted fact removed. Pure: each returns a new story, which the manager
 * checks with the schema before storing it.
 */
import { isStatementCategory } from './categories';
import type { Story } from './dataset';

/** The story under a new name (the line its cards and the popup show for it). */
export function renameStory(story: Story, name: string): Story {
  const text = name.trim();
  if (!text) throw new Error('a story needs a name');
  return { ...story, summary: { ...story.summary, gist: { ...story.summary.gist, text } } };
}

/**
 * The story without one fact (its own, or an entity it refers to), and without every mention of it: in
 * limits, related facts, bases, attributions and signatures. A statement left with fewer than two concepts
 * cannot be recognised any more and goes too.
 */
export function removeFact(story: Story, factId: string): Story {
  const gone = new Set([factId]);
  let facts = story.facts.filter((f) => f.id !== factId);
  for (;;) {
    const next = facts.flatMap((fact) => {
      const keep = (ids: string[]) => ids.filter((id) => !gone.has(id));
      const edited = { ...fact, related: keep(fact.related), basis: keep(fact.basis) };
      if (fact.attribution) {
        const { speakerId, accordingToId, ...attribution } = fact.attribution;
        edited.attribution = {
          ...attribution,
          ...(speakerId && !gone.has(speakerId) ? { speakerId } : {}),
          ...(accordingToId && !gone.has(accordingToId) ? { accordingToId } : {}),
        };
      }
      if (fact.signature && isStatementCategory(fact.category)) {
        const concepts = fact.signature.concepts
          .map((c) => ({ ...c, entities: keep(c.entities) }))
          .filter((c) => c.variants.length + c.entities.length > 0);
        if (concepts.length < 2) {
          gone.add(fact.id);
          return [];
        }
        edited.signature = { ...fact.signature, concepts };
      }
      return [edited];
    });
    const settled = next.length === facts.length;
    facts = next;
    if (settled) break;
  }
  const keep = (ids: string[]) => ids.filter((id) => !gone.has(id));
  const line = (l: Story['summary']['what']) => ({ ...l, basis: keep(l.basis) });
  const { summary } = story;
  return {
    ...story,
    facts,
    limits: keep(story.limits),
    entityRefs: story.entityRefs.filter((r) => !gone.has(r.id)).map((r) => ({ ...r, basis: keep(r.basis) })),
    summary: {
      gist: line(summary.gist),
      what: line(summary.what),
      when: line(summary.when),
      format: line(summary.format),
      who: summary.who.map(line),
      outcomes: summary.outcomes.map(line),
      remarks: summary.remarks.map(line),
      context: summary.context.map(line),
    },
  };
}
