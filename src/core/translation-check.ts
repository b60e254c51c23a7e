/**
 * The translations' part of `check:facts`: a translated line must translate
 * the English line as it is now, carry the same numbers (months counted as
 * numbers: "15 December" = "15 декабря" = "12月15日") and name the same
 * people. Numbers in translations are written in digits; a person is named
 * by a translation's title for them, its last word ("Путин" of
 * "Владимир Путин"), or the forms the file lists under `names`, in Russian
 * with any case ending ("Путина", "Путину").
 */
import type { Fact, SharedEntity } from './dataset';
import { MONTH_NAMES } from './dates';
import type { TranslationFile } from './translations';

export interface TranslationFailure {
  /** The line's path in the translation file: "lines.summary.outcomes.2". */
  path: string;
  message: string;
}

/** A person as the English lines name them (aliases and title), and as the translation does. */
export interface PersonNames {
  id: string;
  english: string[];
  translated: string[];
}

/** Russian month stems, any case ending ("декабря", "декабре"); May whole ("мая", not "маяк"). */
const RUSSIAN_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма(?:й|я|е|ем)(?!\\p{L})',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

/**
 * The numbers a line states, sorted: digit runs (thousands separators dropped: "2,600", "2 600")
 * and month names as their numbers. Chinese months are digits already ("12月").
 */
export function numbersOf(text: string): string[] {
  const numbers = [...text.matchAll(/\d+(?:[,\u00A0\u202F ]\d{3}(?!\d))*/g)].map((m) => m[0].replace(/\D/g, ''));
  MONTH_NAMES.forEach((month, i) => {
    const short = month.slice(0, 3);
    for (const _ of text.matchAll(new RegExp(`\\b(?:${month}|${short})\\b`, 'g'))) numbers.push(String(i + 1));
  });
  RUSSIAN_MONTHS.forEach((stem, i) => {
    for (const _ of text.matchAll(new RegExp(`(?<![\\p{L}])${stem}\\p{L}*`, 'giu'))) numbers.push(String(i + 1));
  });
  return numbers.map((n) => String(Number(n))).sort();
}

/** Russian case endings a name may take (Путин → Путина, Путину, Путиным, Путине). */
const CASE_ENDING = /^(?:а|я|у|ю|ом|ем|ым|им|е|ой|ей|ы|и|ою|ею)?$/u;

function namesEnglish(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** A name in a translation: anywhere in Chinese (no spaces), at a word's start with a case ending elsewhere. */
function namesTranslated(text: string, name: string): boolean {
  if (/\p{Script=Han}/u.test(name)) return text.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(\\p{L}*)`, 'gu')))
    if (CASE_ENDING.test(match[1]!)) return true;
  return false;
}

/** The people a line names, by id, sorted. */
function peopleIn(text: string, people: readonly PersonNames[], translated: boolean): string[] {
  return people
    .filter((p) =>
      (translated ? p.translated : p.english).some((name) =>
        translated ? namesTranslated(text, name) : namesEnglish(text, name),
      ),
    )
    .map((p) => p.id)
    .sort();
}

/** The people of the dataset with the names the English lines and this translation's lines use for them. */
export function personNames(
  people: readonly (Fact | SharedEntity)[],
  translation: TranslationFile,
  translatedTitle: (id: string) => string | undefined,
): PersonNames[] {
  return people
    .filter((p) => p.category === 'person')
    .map((person) => {
      const title = translatedTitle(person.id);
      const lastWord = title?.split(/[\s·•・]+/).pop();
      return {
        id: person.id,
        english: [person.title, ...person.aliases.map((a) => (typeof a === 'string' ? a : a.text))],
        translated: [
          ...new Set([title, lastWord, ...(translation.names[person.id] ?? [])].filter((n): n is string => !!n)),
        ],
      };
    });
}

/** Every failure of one translation file against the English lines now (by path) and the people. */
export function checkTranslation(
  translation: TranslationFile,
  english: ReadonlyMap<string, string>,
  people: readonly PersonNames[],
): TranslationFailure[] {
  const failures: TranslationFailure[] = [];
  for (const [path, line] of Object.entries(translation.lines)) {
    const at = `lines.${path}`;
    const now = english.get(path);
    if (now === undefined) {
      failures.push({ path: at, message: 'no English line at this path' });
      continue;
    }
    if (line.en !== now) {
      failures.push({ path: `${at}.en`, message: `stale: the English line is now “${now}”` });
      continue;
    }
    const [want, got] = [numbersOf(line.en), numbersOf(line.text)];
    if (want.join() !== got.join())
      failures.push({
        path: `${at}.text`,
        message: `numbers differ from the English line: [${want.join(', ')}] in English, [${got.join(', ')}] here`,
      });
    const [named, namedHere] = [peopleIn(line.en, people, false), peopleIn(line.text, people, true)];
    if (named.join() !== namedHere.join())
      failures.push({
        path: `${at}.text`,
        message: `people named differ from the English line: ${named.join(', ') || 'none'} in English, ${namedHere.join(', ') || 'none'} here`,
      });
  }
  return failures;
}
