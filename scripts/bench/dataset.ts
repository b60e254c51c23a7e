/**
 * The dataset the benchmark runs on (the real one, or the test fixtures), what
 * mark.js is given to search for, and the dataset grown to 10,000 entities.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandAliases } from '../../src/core/aliases';
import { isStatementCategory, type Lexicon, parseLexicon, parseStory, type Story } from '../../src/core/dataset';
import { flattenStory } from '../../src/core/packs';
import { ROOT } from '../chrome';
import { loadLexicon, loadDataset as loadPacks, SUMMIT_ID } from '../load-dataset';
import { capitalize, FILLER_WORDS, syllableWord } from './corpus';
import { log } from './options';
import { Random } from './random';

export interface Dataset {
  source: string;
  story: Story;
  lexicon: Lexicon;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function loadDataset(fixtures: boolean): Dataset {
  if (!fixtures && existsSync(join(ROOT, 'data/stories', SUMMIT_ID, 'story.json'))) {
    try {
      // The summit with its shared entities copied in: the bench measures one story's matcher.
      return {
        source: `data/stories/${SUMMIT_ID} + data/entities.json + data/spin-lexicon.json`,
        story: flattenStory(loadPacks(ROOT), SUMMIT_ID),
        lexicon: loadLexicon(ROOT),
      };
    } catch (error) {
      log(
        `data/ is not usable yet (${error instanceof Error ? error.message : String(error)}); using the test fixtures`,
      );
    }
  }
  return {
    source: 'tests/fixtures/mini-story.json + mini-lexicon.json',
    story: parseStory(readJson(join(ROOT, 'tests/fixtures/mini-story.json'))),
    lexicon: parseLexicon(readJson(join(ROOT, 'tests/fixtures/mini-lexicon.json'))),
  };
}

/** The names mark.js is asked to find: entity facts' listed aliases, or every expanded form. */
export function aliasList(story: Story, expanded: boolean): string[] {
  const names = new Set<string>();
  for (const fact of story.facts) {
    if (isStatementCategory(fact.category)) continue;
    if (expanded) for (const form of expandAliases(fact)) names.add(form.text);
    else for (const alias of fact.aliases) names.add(typeof alias === 'string' ? alias : alias.text);
  }
  return [...names];
}

/** One alternation of every alias: escaped, longest first, whole words, any case. */
export function aliasRegExp(aliases: readonly string[]): { source: string; flags: string } {
  const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { source: `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, flags: 'giu' };
}

/**
 * The real story plus `entities` generated people, places and organizations
 * (names of random syllables, 1–3 words, with aliases) and `claims` generated
 * claims (3–4 concepts of random word variants, some of them words the
 * generated pages use, so concepts do hit).
 */
export function scaledStory(real: Story, entities: number, claims: number, seed: number): Story {
  const random = new Random(seed);
  const facts: unknown[] = [...real.facts];
  // Speakers of the generated claims: the story's people and the generated ones.
  const people = real.facts.filter((f) => f.category === 'person').map((f) => ({ id: f.id, name: f.title }));
  const categories = ['person', 'place', 'organization'] as const;
  for (let i = 0; i < entities; i++) {
    const category = categories[i % 3]!;
    const id = `${category}:gen-${i}`;
    const words = Array.from({ length: random.int(1, 3) }, () => capitalize(syllableWord(random)));
    const name = words.join(' ');
    const aliases: string[] = [name];
    if (words.length > 1 && category === 'person') aliases.push(words[words.length - 1]!);
    if (words.length > 1 && category === 'organization') aliases.push(words.map((w) => w[0]).join(''));
    if (random.chance(0.3)) aliases.push(`${name} ${capitalize(syllableWord(random, 1, 2))}`);
    if (category === 'person') people.push({ id, name });
    facts.push({
      id,
      category,
      title: name,
      card: `${name}, generated for the benchmark.`,
      ...(category === 'person' ? { role: 'A generated person.' } : {}),
      aliases,
      evidence: name,
    });
  }
  for (let i = 0; i < claims; i++) {
    const speaker = random.pick(people);
    const concepts = Array.from({ length: random.int(3, 4) }, (_, c) => ({
      name: `concept ${c}`,
      // Like real claims, the required concept is distinctive; the others often use the page's common words,
      // so sentences collect candidate hits to score without the page's output growing.
      variants: Array.from({ length: random.int(1, 3) }, () => {
        const word = c > 0 && random.chance(0.6) ? random.pick(FILLER_WORDS) : syllableWord(random);
        return random.chance(0.2) ? `${word.slice(0, Math.max(3, word.length - 2))}*` : word;
      }),
      required: c === 0,
    }));
    facts.push({
      id: `claim:gen-${i}`,
      category: 'claim',
      title: `Generated claim ${i}`,
      card: 'A generated claim.',
      attribution: { speaker: speaker.name, speakerId: speaker.id, accordingTo: speaker.name },
      signature: { concepts },
      evidence: 'generated',
    });
  }
  return parseStory({ ...real, facts });
}
