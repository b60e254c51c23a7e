/**
 * The extension's own words: the message catalogues under _locales/ (en, the
 * default, and its translations), read through one lookup. In the extension
 * the lookup is `browser.i18n.getMessage`, which picks the catalogue of the
 * browser's interface language and falls back to English; the build, the
 * tests and the tools read a catalogue file with `catalogueLookup`, which
 * formats messages as the browsers do.
 */
import type englishCatalogue from '../../_locales/en/messages.json';

/** A message of the catalogues: every catalogue has the English one's keys (a unit test checks). */
export type MessageKey = keyof typeof englishCatalogue;

/** A message with its substitutions ($1, $2… in the placeholders' content). */
export type Lookup = (key: MessageKey, ...substitutions: string[]) => string;

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/**
 * One message as `i18n.getMessage` formats it: named placeholders ($COUNT$, any case) become
 * their content, then $1…$9 become the substitutions and $$ a dollar sign.
 */
export function formatMessage(catalogue: Catalogue, key: string, substitutions: readonly string[] = []): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`no message "${key}" in the catalogue`);
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p]));
  return entry.message
    .replace(/\$([\w@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase())?.content ?? whole)
    .replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

export function catalogueLookup(catalogue: Catalogue): Lookup {
  return (key, ...substitutions) => formatMessage(catalogue, key, substitutions);
}

let current: Lookup | undefined;

/** Sets the lookup `uiText` reads through: the popup and the annotator give it `browser.i18n.getMessage`. */
export function useLookup(lookup: Lookup): void {
  current = lookup;
}

/** One message in the interface language. */
export function uiText(key: MessageKey, ...substitutions: string[]): string {
  if (!current) throw new Error('no message lookup: call useLookup() first');
  return current(key, ...substitutions);
}

/** The catalogue's locale as a BCP 47 tag, for `lang` attributes and `Intl` ("zh_CN" → "zh-CN"). */
export function languageTag(locale: string): string {
  return locale.replace('_', '-');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-12-15" as the locale writes a short date: "15 Dec 2021", "15 дек. 2021 г.", "2021年12月15日". */
export function formatDate(isoDate: string, locale = 'en'): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  // English keeps its own three-letter months (Intl's en-GB writes "Sept").
  if (locale === 'en') return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(languageTag(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "A and B", "A, B and C" in the locale's words ("A и B", "A和B"). */
export function listNames(names: readonly string[], locale = 'en'): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : languageTag(locale), { type: 'conjunction' }).format(names);
}
