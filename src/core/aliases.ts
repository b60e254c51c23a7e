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
