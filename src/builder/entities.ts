/**
 * Entities of an article: proper names from the NLP libraries (on the
 * de-spun sentences), sorted into people, organisations, places and events
 * by the words around them, grouped so "Mr. Putin" and "Vladimir V. Putin"
 * are one person, plus the event and organisation phrases news writes in
 * lower case ("a video summit", "Russia's space program").
 */
import type { NameKind, NameMention } from './nlp';
import {
  EVENT_HEADS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  OWNED_ORGANIZATIONS,
  PERSON_TITLES,
  PLACE_HEADS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  WEEKDAYS,
} from './words';

export type EntityCategory = 'person' | 'organization' | 'place' | 'event';

export interface EntityCandidate {
  category: EntityCategory;
  title: string;
  /** Every form seen or derived, the title first. */
  aliases: string[];
  /** Indexes of the sentences that mention it, in order. */
  sentences: number[];
}

export interface NameSource {
  /** Whether a lower-case word is an ordinary English word (not a name): "press", "olympic", "dec". */
  isCommonWord(word: string): boolean;
  /** Untyped proper-noun runs (wink-nlp part-of-speech tags). */
  runs(plain: string): NameMention[];
  /** Typed names (compromise). */
  typed(plain: string): NameMention[];
  /** A name's kind on its own. */
  kindOf(name: string): NameKind;
}

interface Mention {
  text: string;
  category: EntityCategory;
  /** How sure the category is (SURE … GUESSED); an entity takes the category of its surest mention. */
  sureness: number;
  sentence: number;
  titled: boolean;
  /** The name with the office title the text gives it ("Councillor Maria Delgado"). */
  withOffice?: string;
  /** Named inside a quotation, or in a simile ("like Don Quixote"): a figure of speech more often than a party. */
  quoted?: boolean;
}

/** Whether the character at `at` is inside a quotation, or follows "like" / "as". */
function insideQuote(plain: string, at: number): boolean {
  if (at < 0) return false;
  const before = plain.slice(0, at);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1 || /\b(?:like|as|a modern-day|a latter-day)\s+$/i.test(before);
}

/**
 * Capitalised words that are not names: "the West", "Olympic", "Muslim",
 * "Press", "Dec": an ordinary English word (by the library's lexicon) or an
 * adjective before a lower-case noun; "Ukrainian peninsula": a name with a
 * lower-case word in it that is not a joiner.
 */
function notAName(name: string, plain: string, source: NameSource, typedKind: NameKind | undefined): boolean {
  const words = name.split(/\s+/);
  if (NOT_NAMES.has(name.replace(/\.$/, ''))) return true;
  if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_JOINERS.has(w))) return true;
  if (words.length > 1) return false;
  const bare = name.replace(/\.$/, '');
  if ((!typedKind || typedKind === 'unknown') && source.isCommonWord(bare.toLowerCase())) return true;
  // "Olympic boycott", "Islamic scholars": an adjective (-ic, -ian, -ese, -ish, -ern) before a lower-case word.
  const at = plain.indexOf(name);
  const next = at >= 0 ? /^\s+(\p{L}+)/u.exec(plain.slice(at + name.length))?.[1] : undefined;
  return /(?:ic|ian|ese|ish|ern|an)$/.test(bare) && next !== undefined && /^\p{Ll}/u.test(next);
}

const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'de', 'von', 'van', 'al', 'bin', 'da', 'du', 'la', 'le', 'y']);

const TITLE_PATTERN = new RegExp(
  `^(?:the\\s+)?((?:${PERSON_TITLES.map((t) => t.replace(/\./g, '\\.')).join('|')})\\s+)+`,
  'i',
);
const SKIPPED_WORDS = new Set([...WEEKDAYS, ...MONTHS, ...MONTH_ABBREVIATIONS, 'The', 'A', 'An']);
const DEMONYM = /^\p{Lu}\p{L}+(?:ian|an|ese|ish|ern|ians|ans|i)$/u;
const PREPOSITION_BEFORE =
  /\b(?:(?:in|within|near|from|to|across|at|into|outside|inside|around|throughout)\s+(?:the\s+)?|(?:village|town|city|region|province|county|state|island) of\s+)$/i;
/** "said Salif Ouedraogo", "told Maria": a name right after a speech verb is a person's. */
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS})\\s+$`);
/** "Marsh said", "Marsh, 29,": a name before a speech verb or an age is a person's. */
const PERSON_AFTER = new RegExp(`^(?:,\\s+\\d{1,3},|\\s+(?:${SPEECH_VERBS})\\b)`);
const TITLE_BEFORE = new RegExp(`\\b(?:${PERSON_TITLES.map((t) => t.replace(/\./g, '\\.')).join('|')})\\s+$`);
/** Titles that say what someone does (not "Mr." or "Dr."): worth keeping as an alias with the name. */
const OFFICE_BEFORE = new RegExp(
  `\\b((?:${PERSON_TITLES.filter((t) => !/^(Mr|Mrs|Ms|Dr|Prof|Gen)\.?$/.test(t)).join('|')}))\\s+$`,
);
const TITLES_ONLY = new RegExp(`^(?:(?:${PERSON_TITLES.map((t) => t.replace(/\./g, '\\.')).join('|')})\\s*)+$`, 'i');
/** A run of capitalised words, possibly joined by "of", "for", "and", "the" ("School of Advanced International Studies"). */
const TITLE_CASE_SPAN = /\p{Lu}[\p{L}.-]*(?:\s+(?:(?:of|for|and|the|de)\s+)*\p{Lu}[\p{L}.-]*)*/gu;
const YEAR_EVENT_NOUNS =
  'war|conflict|clash|clashes|earthquake|flood|floods|eruption|election|referendum|blackout|outbreak|fire|storm';

function lastWord(text: string): string {
  return text.split(/\s+/).pop()!.toLowerCase();
}

function hasHead(words: string[], heads: Set<string>): boolean {
  return words.some((w) => heads.has(w.toLowerCase()));
}

/** "Xi Jinping of China" is two names; "School of International Studies" and "Summit for Democracy" are one. */
function splitAtJoiners(name: string): string[] {
  if (/['’]s\s/.test(name)) return name.split(/['’]s\s+/).flatMap(splitAtJoiners);
  const parts = name.split(/\s+(?:of|for)\s+/);
  if (parts.length === 1) return [name];
  const before = parts[0]!.split(/\s+/);
  if (hasHead(before, ORGANIZATION_HEADS) || hasHead(before, EVENT_HEADS) || PLACE_HEADS.has(before[0]!.toLowerCase()))
    return [name];
  return parts;
}

/** How sure a mention's category is: a title or a head word, the libraries' types, a preposition, a guess. */
const SURE = 3;
const TYPED = 2;
const PLACED = 1;
const GUESSED = 0;

function categorise(
  name: string,
  plain: string,
  typedKind: NameKind | undefined,
  titled: boolean,
  kindOf: (name: string) => NameKind,
): [EntityCategory, number] | undefined {
  const words = name.split(/\s+/);
  const at = plain.indexOf(name);
  const after = at >= 0 ? plain.slice(at + name.length) : '';
  const before = at >= 0 ? plain.slice(0, at) : '';
  if (titled || TITLE_BEFORE.test(before) || ROLE_NOUNS.test(after)) return ['person', SURE];
  if (ORGANIZATION_HEADS.has(lastWord(name))) return ['organization', SURE];
  // "University of Nordhavn", "Lorne Institute of Tropical Medicine", "Port of Valmont": the head comes before "of".
  const head = / (?:of|for) /.test(name) ? lastWord(name.split(/ (?:of|for) /)[0]!) : '';
  if (ORGANIZATION_HEADS.has(head)) return ['organization', SURE];
  if (PLACE_HEADS.has(head)) return ['place', SURE];
  // "said Salif Ouedraogo", "Marsh said", "Marsh, 29,", "Ethiopia's Tigist Alemu".
  const possessedName = words.length > 1 && /\p{Lu}\p{L}+'s\s+$/u.test(before);
  if (words.length <= 3 && (SPEECH_BEFORE.test(before) || PERSON_AFTER.test(after) || possessedName))
    return ['person', SURE];
  if (hasHead(words, EVENT_HEADS)) return ['event', SURE];
  if (typedKind && typedKind !== 'unknown') return [typedKind, TYPED];
  if (PREPOSITION_BEFORE.test(before)) return ['place', PLACED];
  const own = kindOf(name);
  if (own !== 'unknown') return [own, TYPED];
  if (words.length === 1 && DEMONYM.test(name)) return undefined;
  return ['organization', GUESSED];
}

/** "Members of the Coastal Dockworkers Union": an ordinary word opening the sentence is not part of the name. */
function withoutOpener(name: string, plain: string, source: NameSource): string {
  const opener = /^(\p{Lu}\p{Ll}+)\s+(?:(?:of|for|and|the)\s+)*(?=\p{Lu})/u.exec(name);
  if (!opener || !plain.replace(/^[\s"'(]+/, '').startsWith(opener[1]!)) return name;
  return source.isCommonWord(opener[1]!.toLowerCase()) ? name.slice(opener[0].length) : name;
}

/** Names of one sentence with their category; titles stripped and remembered. */
function namesOf(plain: string, sentence: number, source: NameSource, seenMidSentence: Set<string>): Mention[] {
  const typed = new Map(source.typed(plain).map((m) => [m.text, m.kind] as const));
  const out: Mention[] = [];
  const texts = new Set([...source.runs(plain).map((m) => m.text), ...typed.keys()]);
  for (const text of texts) {
    for (const part of splitAtJoiners(text)) {
      const title = TITLE_PATTERN.exec(part);
      const name = withoutOpener(
        (title ? part.slice(title[0].length) : part).replace(/^the\s+/i, '').trim(),
        plain,
        source,
      );
      const words = name.split(/\s+/);
      if (!name || !/^\p{Lu}/u.test(name) || TITLES_ONLY.test(name) || words.every((w) => SKIPPED_WORDS.has(w)))
        continue;
      const typedKind = typed.get(part) ?? typed.get(name);
      // A capitalised word that only ever starts a sentence is most likely not a name.
      const opening = plain.replace(/^[\s"'(]+/, '').startsWith(name);
      if (words.length === 1 && opening && !typedKind && !seenMidSentence.has(name)) continue;
      if (words.length === 1 && DEMONYM.test(name) && typedKind !== 'place' && !title) continue;
      if (!title && notAName(name, plain, source, typedKind)) continue;
      // "C/2024 H7": a catalogue number, not a name.
      if (/\d/.test(name) || name.replace(/[^\p{L}]/gu, '').length < 2) continue;
      const categorised = categorise(name, plain, typedKind, Boolean(title), source.kindOf);
      if (!categorised) continue;
      const [category, sureness] = categorised;
      const at = plain.indexOf(name);
      const mention: Mention = {
        text: name,
        category,
        sureness,
        sentence,
        titled: Boolean(title),
        quoted: insideQuote(plain, at),
      };
      const office = category === 'person' && at >= 0 ? OFFICE_BEFORE.exec(plain.slice(0, at))?.[1] : undefined;
      if (office) mention.withOffice = `${office} ${name}`;
      out.push(mention);
    }
  }
  // Whole names of organisations and events, which the libraries often cut in two.
  for (const m of plain.matchAll(TITLE_CASE_SPAN)) {
    for (const part of m[0].split(/['’]s\s+/)) {
      const name = withoutOpener(
        part.replace(/^(?:the|The)\s+/, '').replace(/\s+(?:of|for|and|the|de)$/, ''),
        plain,
        source,
      );
      const words = name.split(/\s+/);
      if (words.length < 2) continue;
      if (hasHead(words, ORGANIZATION_HEADS))
        out.push({ text: name, category: 'organization', sureness: SURE, sentence, titled: false });
      else if (hasHead(words, EVENT_HEADS))
        out.push({ text: name, category: 'event', sureness: SURE, sentence, titled: false });
    }
  }
  return out;
}

/** A name inside a longer one of the same sentence ("South China" in "South China Sea") is a fragment. */
function withoutFragments(mentions: Mention[]): Mention[] {
  return mentions.filter(
    (m) =>
      !mentions.some(
        (o) => o !== m && o.text.length > m.text.length && o.text.includes(m.text) && /^\p{Lu}/u.test(o.text),
      ),
  );
}

/** Lower-case phrases that name an event or an organisation. */
function phrasesOf(plain: string, sentence: number): Mention[] {
  const out: Mention[] = [];
  const add = (text: string, category: EntityCategory) =>
    out.push({ text, category, sureness: SURE, sentence, titled: false });
  for (const m of plain.matchAll(
    /\b(?:video|virtual|online)[ -](?:summit|call|conference|meeting|talks|link)\b|\bvideoconference\b/gi,
  ))
    add(m[0].toLowerCase(), 'event');
  for (const m of plain.matchAll(/\b(annexation|invasion|occupation|siege|bombing) of (?:the )?/g)) {
    // The place is the first capitalised word that is not an adjective of nationality, within a few words.
    const rest = plain
      .slice(m.index + m[0].length)
      .split(/\s+/)
      .slice(0, 6);
    const at = rest.findIndex((w) => /^\p{Lu}/u.test(w) && !DEMONYM.test(w.replace(/[^\p{L}]+$/u, '')));
    if (at >= 0) add(`${m[0]}${rest.slice(0, at + 1).join(' ')}`.replace(/[^\p{L}]+$/u, ''), 'event');
  }
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(plain);
  if (year) {
    const pattern = new RegExp(`\\b(?:a|an|the) ((?:[a-z]+ )?(?:${YEAR_EVENT_NOUNS}))\\b`, 'g');
    for (const m of plain.matchAll(pattern)) add(`${year[1]} ${m[1]}`, 'event');
  }
  for (const m of plain.matchAll(/\b(\p{Lu}\p{L}+) (state (?:news )?media|state television|state broadcaster)\b/gu))
    add(m[0], 'organization');
  for (const m of plain.matchAll(new RegExp(`\\b(\\p{Lu}\\p{L}+)'s (${OWNED_ORGANIZATIONS})\\b`, 'gu')))
    add(m[0], 'organization');
  return out;
}

/** "Russia's space program" is also "Russian space program". */
function derivedForms(text: string): string[] {
  const forms = [text];
  const owned = /^(\p{Lu}\p{L}+a)'s (.+)$/u.exec(text);
  if (owned) forms.push(`${owned[1]}n ${owned[2]}`);
  const annexation =
    /^(annexation|invasion|occupation|siege|bombing) of .*?(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)$/u.exec(text);
  if (annexation) forms.push(`${annexation[2]} ${annexation[1]}`, `${annexation[1]} of ${annexation[2]}`);
  const initial = /^(\p{Lu}\p{L}+) \p{Lu}\. (\p{Lu}\p{L}+)$/u.exec(text);
  if (initial) forms.unshift(`${initial[1]} ${initial[2]}`);
  return forms;
}

export function findEntities(plainSentences: readonly string[], source: NameSource): EntityCandidate[] {
  const seenMidSentence = new Set<string>();
  for (const plain of plainSentences) {
    // Standing alone: "Dockworkers" inside "Coastal Dockworkers Union" does not make the word a name.
    for (const m of plain.slice(1).matchAll(/(?<=[\s(“"-])(?<!\p{Lu}\p{L}*\s)(\p{Lu}[\p{L}-]+)(?!\s+\p{Lu})/gu))
      seenMidSentence.add(m[1]!);
  }
  const mentions = plainSentences.flatMap((plain, i) =>
    withoutFragments([...namesOf(plain, i, source, seenMidSentence), ...phrasesOf(plain, i)]),
  );
  const byKey = new Map<string, EntityCandidate>();
  const key = (text: string) => text.toLowerCase();
  const order = [...mentions].sort((a, b) => b.text.split(/\s+/).length - a.text.split(/\s+/).length);
  const persons: EntityCandidate[] = [];
  const quotedOnly = new Map<EntityCandidate, boolean>();
  const best = new Map<EntityCandidate, number>();
  const videoEvents: EntityCandidate[] = [];

  for (const mention of order) {
    const forms = derivedForms(mention.text);
    let entity = forms.map((f) => byKey.get(key(f))).find(Boolean);
    const words = mention.text.split(/\s+/);
    if (!entity && mention.category === 'person' && words.length === 1) {
      // "Putin" after "Vladimir V. Putin"; "Xi" after "Xi Jinping" (family name first); "Marsh said" after a
      // "Lena Marsh" the first mention could not place.
      const partOf = (p: EntityCandidate) => {
        const full = p.title.split(/\s+/);
        return full.length > 1 && (full[0] === mention.text || full[full.length - 1] === mention.text);
      };
      entity =
        persons.find(partOf) ?? [...byKey.values()].find((e) => (best.get(e) ?? 0) < mention.sureness && partOf(e));
    }
    if (!entity && mention.category !== 'person' && words.length === 1) {
      // "Olympics" after "Beijing Olympics", "Delhi" after "New Delhi".
      entity = [...byKey.values()].find(
        (e) =>
          e.category === mention.category &&
          e.title.split(/\s+/).length > 1 &&
          (e.title.endsWith(` ${mention.text}`) ||
            (e.category === 'organization' && e.title.startsWith(`${mention.text} `))),
      );
    }
    if (!entity && mention.category === 'event' && /video|virtual|online/i.test(mention.text)) entity = videoEvents[0];
    if (!entity) {
      entity = { category: mention.category, title: forms[0]!, aliases: [], sentences: [] };
      if (mention.category === 'person') persons.push(entity);
      if (mention.category === 'event' && /video|virtual|online/i.test(mention.text)) videoEvents.push(entity);
    } else if (mention.titled && entity.category !== 'person' && words.length === 1) {
      entity.category = 'person';
    }
    if (mention.sureness > (best.get(entity) ?? -1)) {
      // The surest mention says what it is: "in Millhaven" over a bare "Millhaven" in a list.
      entity.category = mention.category;
      best.set(entity, mention.sureness);
      if (mention.category === 'person' && !persons.includes(entity)) persons.push(entity);
    }
    for (const form of forms) {
      if (!entity.aliases.some((a) => key(a) === key(form))) entity.aliases.push(form);
      byKey.set(key(form), entity);
    }
    if (mention.withOffice && !entity.aliases.includes(mention.withOffice)) entity.aliases.push(mention.withOffice);
    if (!entity.sentences.includes(mention.sentence)) entity.sentences.push(mention.sentence);
    if (mention.quoted && !mention.titled && !quotedOnly.has(entity)) quotedOnly.set(entity, true);
    if (!mention.quoted || mention.titled) quotedOnly.set(entity, false);
  }
  // A person named once, untitled, inside a quotation or a simile ("tilting at windmills like Don Quixote").
  const figureOfSpeech = new Set(
    [...quotedOnly].filter(([e, only]) => only && e.category === 'person' && e.sentences.length === 1).map(([e]) => e),
  );
  const grouped = [...new Set(byKey.values())].filter((e) => !figureOfSpeech.has(e));
  // "Marsh pulled away" before the text says she is a person: a surname alone joins the full name it ends.
  const entities = grouped.filter((single) => {
    if (single.title.includes(' ')) return true;
    const full = grouped.find(
      (e) =>
        e !== single &&
        e.title.endsWith(` ${single.title}`) &&
        (e.category === 'person' || single.category === 'person'),
    );
    if (!full) return true;
    if ((best.get(single) ?? 0) > (best.get(full) ?? 0)) full.category = single.category;
    for (const alias of single.aliases) if (!full.aliases.includes(alias)) full.aliases.push(alias);
    full.sentences.push(...single.sentences.filter((n) => !full.sentences.includes(n)));
    return false;
  });
  for (const e of entities) {
    e.sentences.sort((a, b) => a - b);
    e.aliases.sort((a, b) => (a === e.title ? -1 : b === e.title ? 1 : 0));
  }
  return entities.sort((a, b) => a.sentences[0]! - b.sentences[0]!);
}
