/**
 * Statement scoring: which sentences state which claims, quotes and limits.
 *
 * A sentence is scored only for the facts it could state: those with a hit
 * of their first required concept (or of any concept, for a fact that
 * requires none or whose first required concept an entity may meet). Every
 * other concept hit is only noted per automaton node, so a common word that
 * many facts use costs one note per occurrence, not one per fact.
 *
 * A fact held on generic words alone is not evidence that a page reports its
 * story: only one whose sentence has something specific is, a concept met by
 * a specific phrase (a word of low frequency in ordinary English) or a
 * specific entity named in the sentence (a person, an event, a rare name);
 * see specificity.ts and verdict.ts.
 */
import type { Category } from './categories';
import { type MatcherData, PHRASE_CONCEPT } from './matcher-data';

/** Concept hits of one stretch of text, in the order the automaton reports them. */
export interface ConceptHits {
  /** Automaton node that ends concept phrases. */
  node: number[];
  sentence: number[];
}

/** One sentence's statements: fact ids per category, in the order of their first concept hit. */
export interface SentenceStatements {
  sentence: number;
  byCategory: Map<Category, string[]>;
  /** The facts among them found on specific evidence: a specific concept phrase, or a specific entity in the sentence. */
  specific: string[];
}

export class StatementIndex {
  /** Per automaton node: the length of the concept phrases ending there (they share its words), or 0. */
  readonly conceptDepth: Int32Array;
  /** Per node: 1 where a concept phrase ending there is specific evidence. */
  private readonly specificNode: Uint8Array;
  /** Per node: the facts a hit there makes worth scoring. */
  private readonly triggers: Groups;
  /** Concept c of fact f is number conceptStart[f] + c; per concept number, its nodes. */
  private readonly conceptStart: Int32Array;
  private readonly conceptNodes: Groups;
  /** Per node and per fact: stamp of the last run of hits that touched it (0: none yet). */
  private readonly nodeStamp: Int32Array;
  /** Per node: index of its first hit in the run stamped. */
  private readonly nodeFirst: Int32Array;
  private readonly factStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly data: MatcherData) {
    const { automaton, facts } = data;
    const nodeCount = automaton.fail.length;
    this.conceptStart = new Int32Array(facts.length + 1);
    facts.forEach((fact, f) => {
      this.conceptStart[f + 1] = this.conceptStart[f]! + fact.concepts.length;
    });
    this.conceptDepth = new Int32Array(nodeCount);
    this.specificNode = new Uint8Array(nodeCount);
    const concepts: number[] = [];
    const nodes: number[] = [];
    for (let node = 1; node < nodeCount; node++) {
      for (let k = automaton.outputStart[node]!; k < automaton.outputStart[node + 1]!; k++) {
        const phrase = automaton.outputs[k]!;
        if (data.phraseKind[phrase] !== PHRASE_CONCEPT) continue;
        this.conceptDepth[node] = automaton.phraseLength[phrase]!;
        if (data.phraseSpecific[phrase]) this.specificNode[node] = 1;
        concepts.push(this.conceptStart[data.phraseTarget[phrase]!]! + data.phraseConcept[phrase]!);
        nodes.push(node);
      }
    }
    this.conceptNodes = groupBy(this.conceptStart[facts.length]!, concepts, nodes);

    const triggerNodes: number[] = [];
    const triggerFacts: number[] = [];
    facts.forEach((fact, f) => {
      const first = fact.concepts.findIndex((c) => c.required);
      const base = this.conceptStart[f]!;
      const [from, to] =
        first >= 0 && fact.concepts[first]!.entities.length === 0
          ? [base + first, base + first + 1]
          : [base, base + fact.concepts.length];
      for (let k = this.conceptNodes.start[from]!; k < this.conceptNodes.start[to]!; k++) {
        triggerNodes.push(this.conceptNodes.items[k]!);
        triggerFacts.push(f);
      }
    });
    this.triggers = groupBy(nodeCount, triggerNodes, triggerFacts);
    this.nodeStamp = new Int32Array(nodeCount);
    this.nodeFirst = new Int32Array(nodeCount);
    this.factStamp = new Int32Array(facts.length);
  }

  /**
   * Scores each run of hits of one sentence. A fact holds when its required
   * concepts are present and enough of its weight is; a concept is present
   * when one of its phrases is hit or one of its entities is mentioned.
   */
  score(hits: ConceptHits, entitiesBySentence: Map<number, Set<number>>): SentenceStatements[] {
    const { data, conceptStart, nodeStamp, nodeFirst, factStamp, specificNode } = this;
    const { start: triggerStart, items: triggerFacts } = this.triggers;
    const { start: nodeStart, items: conceptNodes } = this.conceptNodes;
    const out: SentenceStatements[] = [];
    const candidates: number[] = [];
    const holding: { fact: number; first: number; specific: boolean }[] = [];
    for (let h = 0; h < hits.node.length; ) {
      const sentence = hits.sentence[h]!;
      const stamp = ++this.stamp;
      candidates.length = 0;
      for (; h < hits.node.length && hits.sentence[h] === sentence; h++) {
        const node = hits.node[h]!;
        if (nodeStamp[node] === stamp) continue;
        nodeStamp[node] = stamp;
        nodeFirst[node] = h;
        for (let k = triggerStart[node]!; k < triggerStart[node + 1]!; k++) {
          const f = triggerFacts[k]!;
          if (factStamp[f] !== stamp) {
            factStamp[f] = stamp;
            candidates.push(f);
          }
        }
      }
      if (candidates.length === 0) continue;
      const entities = entitiesBySentence.get(sentence);
      let namesSpecific = false;
      for (const e of entities ?? []) if (data.facts[e]!.specific) namesSpecific = true;
      holding.length = 0;
      for (const f of candidates) {
        const fact = data.facts[f]!;
        let total = 0;
        let present = 0;
        let first = Infinity;
        let holds = true;
        let specific = namesSpecific;
        for (let c = 0; c < fact.concepts.length; c++) {
          const concept = fact.concepts[c]!;
          total += concept.weight;
          let hit = false;
          const g = conceptStart[f]! + c;
          for (let k = nodeStart[g]!; k < nodeStart[g + 1]!; k++) {
            const node = conceptNodes[k]!;
            if (nodeStamp[node] !== stamp) continue;
            hit = true;
            first = Math.min(first, nodeFirst[node]!);
            if (specificNode[node]) specific = true;
          }
          hit ||= concept.entities.some((e) => entities?.has(e));
          if (hit) present += concept.weight;
          else if (concept.required) {
            holds = false;
            break;
          }
        }
        if (holds && total > 0 && present / total >= fact.threshold) holding.push({ fact: f, first, specific });
      }
      if (holding.length === 0) continue;
      // Facts in the order of their first concept hit; facts first hit at one node, in fact order.
      holding.sort((a, b) => a.first - b.first || a.fact - b.fact);
      const byCategory = new Map<Category, string[]>();
      const specificFacts: string[] = [];
      for (const { fact: f, specific } of holding) {
        const fact = data.facts[f]!;
        const ids = byCategory.get(fact.category) ?? [];
        ids.push(fact.id);
        byCategory.set(fact.category, ids);
        if (specific) specificFacts.push(fact.id);
      }
      out.push({ sentence, byCategory, specific: specificFacts });
    }
    return out;
  }
}

/** Flat lists per key, as typed arrays: what the matcher builds once from its data and reads per hit. */
interface Groups {
  /** The items of key k are items[start[k] .. start[k + 1]). */
  start: Int32Array;
  items: Int32Array;
}

/** Groups `values[i]` under `keys[i]` (keys below `keyCount`), keeping their order within each key. */
function groupBy(keyCount: number, keys: readonly number[], values: readonly number[]): Groups {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keyCount);
  const items = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) items[fill[keys[i]!]!++] = values[i]!;
  return { start, items };
}
