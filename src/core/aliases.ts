/**
 * Expands an entity's listed names into the forms news text uses: titles
 * with surnames ("President Xi", "Mr. Putin"), middle initials ("Vladimir V.
 * Putin") and transliteration variants (Dmitri/Dmitry). Possessives, hyphens
 * and spacing need no expansion: the tokenizer already reads "Putin's" as
 * "Putin" + "s" and "Levada-Center" as "Levada Center".
 */
import type { Alias, Fact } from './dataset';

export interface AliasForm {
  text: string;
  /** Words that must appear with exactly this case (short names such as "Xi" or "US"). */
  caseSensitive: boolean;
  /** A mention only on pages that report the entity's story (a generic "video call"). */
  whereReported?: true;
}

const PERSON_TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'President',
  'Premier',
  'Prime Minister',
  'Professor',
  'Prof',
  'Minister',
  'Chairman',
  'Assistant Secretary',
  'Secretary',
  'Comrade',
];

/** Each set lists spellings of one name across transliteration systems. */
const TRANSLITERATIONS: readonly (readonly string[])[] = [
  ['Dmitri', 'Dmitry', 'Dmitriy'],
  ['Sergey', 'Sergei', 'Sergej'],
  ['Yuri', 'Yury', 'Yuriy', 'Iouri'],
  ['Vladimir', 'Wladimir'],
  ['Troianovski', 'Troyanovsky'],
  ['Radchenko', 'Radtchenko'],
  ['Rogozin', 'Rogosin'],
];

const SHORT_NAME_LENGTH = 3;

export function aliasForm(alias: Alias): AliasForm {
  if (typeof alias === 'string') {
    const letters = alias.replace(/[^\p{L}\p{N}]/gu, '');
    return { text: alias, caseSensitive: letters.length <= SHORT_NAME_LENGTH };
  }
  return alias;
}

function transliterations(text: string): string[] {
  const variants = new Set([text]);
  for (const set of TRANSLITERATIONS) {
    for (const variant of [...variants]) {
      for (const spelling of set) {
        const pattern = new RegExp(`\\b${spelling}\\b`, 'g');
        if (!pattern.test(variant)) continue;
        for (const other of set) variants.add(variant.replace(pattern, other));
      }
    }
  }
  return [...variants];
}

/**
 * Case endings of a Russian noun by its ending, for the oblique cases
 * (genitive, dative, accusative, instrumental, prepositional, in no fixed
 * order). Indeclinable words (Си, НАТО, Шойгу) and adjectives (left to the
 * stemmer) get none.
 */
function russianEndings(word: string): { cut: number; endings: readonly string[] } {
  if (/ия$/.test(word)) return { cut: 1, endings: ['и', 'ю', 'ей'] };
  if (/[гкхжшщч]а$/.test(word)) return { cut: 1, endings: ['и', 'е', 'у', 'ой'] };
  if (/а$/.test(word)) return { cut: 1, endings: ['ы', 'е', 'у', 'ой'] };
  if (/я$/.test(word)) return { cut: 1, endings: ['и', 'е', 'ю', 'ей'] };
  if (/[^аеёиоуыэюякц]ий$/.test(word) && /^\p{Lu}/u.test(word)) return { cut: 2, endings: ['ия', 'ию', 'ием', 'ии'] };
  if (/[ыои]й$|[иы]е$|ое$|[ыи]х$/.test(word)) return { cut: 0, endings: [] };
  if (/[йь]$/.test(word)) return { cut: 1, endings: ['я', 'ю', 'ем', 'е', 'и', 'ью'] };
  if (/[бвгдзклмнпрстфхцжшщч]$/.test(word)) return { cut: 0, endings: ['а', 'у', 'ом', 'ым', 'е', 'ем'] };
  return { cut: 0, endings: [] };
}

/**
 * Russian names decline: "Ушаков", "Ушакова", "Ушакову", "Ушаковым". The
 * Snowball stemmer brings most forms of a word together, but not all of a
 * name's (it takes "Ушаков" to "ушак" and "Ушакова" to "ушаков"), so the
 * oblique forms are listed too: every word of the name in the same case slot.
 */
export function russianCaseForms(text: string): string[] {
  if (!/[\u0400-\u04ff]/.test(text)) return [];
  const words = text.split(' ');
  const declined = words.map((w) => (/^[\u0400-\u04ff]+$/.test(w) ? russianEndings(w) : { cut: 0, endings: [] }));
  const slots = Math.max(...declined.map((d) => d.endings.length));
  const forms: string[] = [];
  for (let k = 0; k < slots; k++) {
    forms.push(
      words
        .map((w, i) => {
          const { cut, endings } = declined[i]!;
          const ending = endings[Math.min(k, endings.length - 1)];
          return ending === undefined ? w : w.slice(0, w.length - cut) + ending;
        })
        .join(' '),
    );
  }
  return forms;
}

function isName(text: string): boolean {
  return /^\p{Lu}[\p{L}'-]+$/u.test(text);
}

/** All text forms that identify an entity. */
export function expandAliases(fact: Fact): AliasForm[] {
  const forms = new Map<string, AliasForm>();
  for (const alias of fact.aliases) {
    const base = aliasForm(alias);
    const add = (form: { text: string; caseSensitive: boolean }) => {
      const key = `${form.caseSensitive ? 'cs' : 'ci'}:${form.text}`;
      if (!forms.has(key)) forms.set(key, base.whereReported ? { ...form, whereReported: true } : form);
    };
    for (const form of russianCaseForms(base.text)) add({ text: form, caseSensitive: base.caseSensitive });
    for (const text of transliterations(base.text)) {
      add({ text, caseSensitive: base.caseSensitive });
      if (fact.category !== 'person') continue;
      const words = text.split(/\s+/);
      if (!words.every(isName) || words.length > 2) continue;
      // "President Xi", and "President Xi Jinping" too, so the title never leaves the name half-covered.
      for (const title of PERSON_TITLES) add({ text: `${title} ${text}`, caseSensitive: base.caseSensitive });
      if (words.length === 2) {
        // "Vladimir V. Putin": any single initial between given name and surname.
        for (let code = 65; code <= 90; code++) {
          add({ text: `${words[0]} ${String.fromCharCode(code)}. ${words[1]}`, caseSensitive: base.caseSensitive });
        }
      }
    }
  }
  return [...forms.values()];
}
