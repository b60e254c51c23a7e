/** The message catalogues under _locales/: the same messages in every language, within the stores' limits. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, ROOT, readCatalogue } from '../../scripts/load-dataset';
import { sourceManifest } from '../../scripts/manifest';
import { traditionalFiles } from '../../scripts/traditional-chinese';
import { englishText } from '../../src/core/english';
import { type Catalogue, formatDate, formatMessage, listNames } from '../../src/core/ui-text';

const locales = readdirSync(join(ROOT, LOCALES_DIR)).sort();
const english = readCatalogue('en');
const placeholdersOf = (catalogue: Catalogue, key: string) =>
  Object.keys(catalogue[key]?.placeholders ?? {})
    .map((name) => name.toLowerCase())
    .sort();
const namedIn = (message: string) =>
  [...message.matchAll(/\$([\w@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort((a, b) => a.localeCompare(b));

describe('message catalogues', () => {
  it('exist for English, Russian and simplified Chinese', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ru', 'zh_CN']));
  });

  it.each(locales)('%s has every English message and no other, with the same placeholders, each used', (locale) => {
    const catalogue = readCatalogue(locale);
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholdersOf(catalogue, key), `${locale} ${key}`).toEqual(placeholdersOf(english, key));
      expect([...new Set(namedIn(entry.message))].sort(), `${locale} ${key}`).toEqual(placeholdersOf(english, key));
    }
  });

  it.each(locales)('%s names its own locale and keeps the stores limits', (locale) => {
    const catalogue = readCatalogue(locale);
    expect(catalogue.locale!.message).toBe(locale);
    // Chrome Web Store: a name of at most 75 characters, a summary of at most 132.
    expect(catalogue.extensionName!.message.length).toBeLessThanOrEqual(75);
    expect(catalogue.extensionDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('the manifest takes its name, description and shortcut description from them', () => {
    const manifest = sourceManifest();
    expect(manifest.default_locale).toBe('en');
    for (const field of [manifest.name, manifest.description] as string[]) {
      const key = /^__MSG_(\w+)__$/.exec(field)?.[1];
      expect(key && english[key]).toBeTruthy();
    }
    expect(JSON.stringify(manifest.commands)).toContain('__MSG_toggleCommand__');
  });

  it.each(locales.filter((l) => l !== 'en'))('%s translates every message that has words', (locale) => {
    const catalogue = readCatalogue(locale);
    // Only a message of placeholders and punctuation (" ($WHEN$)", "“$TEXT$”") may read as the English one.
    const untranslated = Object.keys(english).filter(
      (key) =>
        catalogue[key]!.message === english[key]!.message &&
        /\p{L}/u.test(english[key]!.message.replace(/\$[\w@]+\$/g, '')),
    );
    expect(untranslated).toEqual([]);
  });

  it.each([
    ['popup', 'src/popup/index.html', 10],
    ['story manager', 'src/manager/index.html', 3],
  ])('every label the %s page names is an English message, and it has no other words', (_page, path, least) => {
    const html = readFileSync(join(ROOT, path), 'utf8');
    const keys = [...html.matchAll(/data-message="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(least);
    for (const key of keys) expect(english[key], key).toBeDefined();
    // Text in the body outside an element with data-message would stay English in every language.
    const body = html.slice(html.indexOf('<body'));
    const bare = [...body.matchAll(/<(\w+)(?![^>]*data-message)[^>]*>([^<]*\p{L}[^<]*)</gu)].map((m) => m[2]!.trim());
    expect(bare).toEqual([]);
  });

  it.each([
    'src/popup/follow.ts',
    'src/popup/view.ts',
    'src/popup/main.ts',
    'src/manager/main.ts',
    'src/content/card.ts',
  ])('%s writes no English of its own: its words come from the catalogues', (path) => {
    const code = readFileSync(join(ROOT, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // A string literal holding a capital word and another is a sentence someone will read (class names are lower case).
    const sentences = [...code.matchAll(/(['`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)]
      .map((m) => m[2]!)
      .filter((text) => /\b[A-Z][a-z]+ [a-z]+\b/.test(text.replace(/\$\{[^}]*\}/g, ' ')));
    expect(sentences).toEqual([]);
  });

  it.each(locales)('docs/store.md lists the %s name and summary', (locale) => {
    const store = readFileSync(join(ROOT, 'docs/store.md'), 'utf8');
    const catalogue = readCatalogue(locale);
    expect(store).toContain(catalogue.extensionName!.message);
    expect(store).toContain(catalogue.extensionDescription!.message);
  });
});

describe('formatting', () => {
  it('fills named placeholders from the substitutions, as browser.i18n does', () => {
    const catalogue: Catalogue = {
      found: {
        message: '$FOUND$ of $Total$ ($$)',
        placeholders: { found: { content: '$1' }, total: { content: '$2' } },
      },
    };
    expect(formatMessage(catalogue, 'found', ['3', '7'])).toBe('3 of 7 ($)');
    expect(() => formatMessage(catalogue, 'missing')).toThrow(/no message "missing"/);
    expect(englishText('cardSource', 'X')).toBe('Source: X');
  });

  it('writes dates and lists of names as each language does', () => {
    expect(formatDate('2021-12-15')).toBe('15 Dec 2021');
    expect(formatDate('2021-12-15', 'ru')).toMatch(/^15 дек\.? 2021/);
    expect(formatDate('2021-12-15', 'zh_CN')).toBe('2021年12月15日');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listNames(['A', 'B'], 'ru')).toBe('A и B');
  });
});

describe('traditional Chinese', () => {
  it('is what npm run translate:zh-TW makes from the simplified-Chinese files', () => {
    const files = traditionalFiles();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['_locales/zh_TW/messages.json', 'data/translations/zh_TW.json']),
    );
    for (const [path, content] of files) expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
    expect(files.get('_locales/zh_TW/messages.json')).toContain('新聞背景');
  });
});
