/**
 * Sentences and names from registry NLP libraries, behind one interface so
 * the builder and its measurement run the same code over either library.
 * Both ship their model inside the npm package: nothing is fetched.
 */
import nlp from 'compromise';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export type NameKind = 'person' | 'place' | 'organization' | 'unknown';

export interface NameMention {
  text: string;
  kind: NameKind;
}

export interface NlpEngine {
  readonly name: string;
  sentences(text: string): string[];
  /** Proper names in one sentence, in text order. */
  names(sentence: string): NameMention[];
}

/** Drops surrounding punctuation and a possessive: "Putin’s," -> "Putin". */
export function cleanName(text: string): string {
  return text
    .replace(/^[\s"'“”‘’([—–-]+/u, '')
    .replace(/[\s"'“”‘’)\],.;:!?—–-]+$/u, '')
    .replace(/['’]s$/u, '')
    .replace(/['’]$/u, '');
}

export function compromiseEngine(): NlpEngine {
  return {
    name: 'compromise',
    sentences: (text) => nlp(text).sentences().out('array') as string[],
    names(sentence) {
      const doc = nlp(sentence);
      const found: { text: string; kind: NameKind; at: number }[] = [];
      const collect = (view: { out(format: 'array'): unknown }, kind: NameKind) => {
        for (const text of view.out('array') as string[]) {
          const name = cleanName(text);
          if (/\p{Lu}/u.test(name)) found.push({ text: name, kind, at: sentence.indexOf(name) });
        }
      };
      collect(doc.people(), 'person');
      collect(doc.places(), 'place');
      collect(doc.organizations(), 'organization');
      return found.sort((a, b) => a.at - b.at).map(({ text, kind }) => ({ text, kind }));
    },
  };
}

/** Words that may join two proper nouns inside one name ("Summit for Democracy"). */
const NAME_JOINERS = new Set(['of', 'for', 'de']);

export function winkEngine(): NlpEngine {
  const wink = winkNLP(model);
  const its = wink.its;
  return {
    name: 'wink-nlp',
    sentences: (text) => wink.readDoc(text).sentences().out() as string[],
    names(sentence) {
      const tokens = wink.readDoc(sentence).tokens();
      const words = tokens.out() as string[];
      const tags = tokens.out(its.pos) as string[];
      const names: NameMention[] = [];
      let run: string[] = [];
      const flush = () => {
        while (run.length > 0 && NAME_JOINERS.has(run[run.length - 1]!)) run.pop();
        const name = cleanName(run.join(' ').replace(/ (['’]s)\b/gu, '$1'));
        if (name) names.push({ text: name, kind: 'unknown' });
        run = [];
      };
      words.forEach((word, i) => {
        if (tags[i] === 'PROPN') run.push(word);
        else if (run.length > 0 && NAME_JOINERS.has(word) && tags[i + 1] === 'PROPN') run.push(word);
        else if (run.length > 0) flush();
      });
      if (run.length > 0) flush();
      return names;
    },
  };
}

/** compromise lexicon tags of ordinary words (its name tags are City, Country, FirstName, LastName, …). */
const COMMON_WORD_TAGS = new Set([
  'Singular',
  'Plural',
  'Noun',
  'Uncountable',
  'Adjective',
  'Comparable',
  'Adverb',
  'Verb',
  'Infinitive',
  'PastTense',
  'Gerund',
  'Abbreviation',
  'Month',
  'WeekDay',
  'Demonym',
  'Actor',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
]);

/** compromise's lexicon: lower-case word → tag or tags. */
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one
  .lexicon;

export interface BuilderNlp {
  sentences(text: string): string[];
  runs(sentence: string): NameMention[];
  typed(sentence: string): NameMention[];
  /** What a name is on its own, by compromise's lexicon ("Crimea" is a place). */
  kindOf(name: string): NameKind;
  /** A lower-case word compromise's lexicon knows as an ordinary word, and not as a name. */
  isCommonWord(word: string): boolean;
  isStopWord(word: string): boolean;
}

/**
 * What the builder uses, by the measurements in docs/stories.md: compromise
 * splits sentences and types names; wink-nlp's part-of-speech tags find the
 * proper-noun runs compromise misses, and its lexicon knows the stop words.
 */
export function builderNlp(): BuilderNlp {
  const compromise = compromiseEngine();
  const wink = winkEngine();
  const winkNlp = winkNLP(model);
  const stop = new Map<string, boolean>();
  return {
    sentences: compromise.sentences,
    runs: wink.names,
    typed: compromise.names,
    kindOf(name) {
      const doc = nlp(name);
      if (doc.people().found) return 'person';
      if (doc.places().found) return 'place';
      if (doc.organizations().found) return 'organization';
      return 'unknown';
    },
    isCommonWord(word) {
      // The lexicon lists singulars: "members" is "member".
      const tags = lexicon[word] ?? (word.length > 3 ? lexicon[word.replace(/s$/, '')] : undefined);
      if (tags === undefined) return false;
      const list = Array.isArray(tags) ? tags : [tags];
      return list.every((tag) => COMMON_WORD_TAGS.has(tag));
    },
    isStopWord(word) {
      let flag = stop.get(word);
      if (flag === undefined) {
        flag = (winkNlp.readDoc(word).tokens().out(winkNlp.its.stopWordFlag) as boolean[])[0] ?? false;
        stop.set(word, flag);
      }
      return flag;
    },
  };
}
