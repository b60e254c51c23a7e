/**
 * The translations the project ships pass check:facts, and the check fails on a copy of them with
 * a wrong number planted, or a malformed field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTranslations } from '../../scripts/check-facts';
import { loadLocalizations, readCatalogue, SUMMIT_ID } from '../../scripts/load-dataset';
import { attributionText } from '../../src/core/cards';
import { compileDataset } from '../../src/core/compiled-dataset';
import { englishText } from '../../src/core/english';
import { catalogueLookup } from '../../src/core/ui-text';
import { datasetWith, type RawJson, ROOT, realLexicon } from './helpers';

const dataset = datasetWith();

describe('check:facts on the translation files', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  /** A copy of data/ whose Russian summit translation is `edit`ed. */
  function plantedData(edit: (json: RawJson) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'nic-translations-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    const file = join(dir, 'data', 'stories', SUMMIT_ID, 'translations', 'ru.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as RawJson;
    edit(json);
    writeFileSync(file, JSON.stringify(json));
    return join(dir, 'data');
  }

  it('passes the translations the project ships, in Russian and Chinese', () => {
    const localized = loadLocalizations(dataset).map((l) => l.translations);
    expect(localized.map((l) => l.locale)).toEqual(expect.arrayContaining(['ru', 'zh_CN']));
    for (const { stories } of localized) expect(Object.keys(stories[SUMMIT_ID]!.lines).length).toBeGreaterThan(100);
    expect(checkTranslations(dataset)).toEqual([]);
  });

  it('fails on a wrong number planted in a translation', () => {
    const data = plantedData((json) => {
      const [path, line] = Object.entries(json.lines as Record<string, { text: string }>).find(([, l]) =>
        /37/.test(l.text),
      )!;
      json.lines[path].text = line.text.replace('37', '73');
    });
    const failures = checkTranslations(dataset, ROOT, data);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      file: expect.stringContaining('ru.json'),
      path: expect.stringMatching(/\.text$/),
    });
    expect(failures[0]!.message).toMatch(/numbers differ.*37.*73/);
  });

  it('fails on a malformed translation file with the path of the bad field', () => {
    const data = plantedData((json) => {
      json.lines['summary.when'].text = '';
    });
    const failures = checkTranslations(dataset, ROOT, data);
    expect(failures).toEqual([expect.objectContaining({ path: 'lines.summary.when.text' })]);
  });
});

describe('the cards the build makes from them', () => {
  const compiled = compileDataset(dataset, realLexicon(), loadLocalizations(dataset));

  it('say in every language that the reporters report what the reporters report', () => {
    // As the card words it, with the interface's catalogue.
    const attribution = (locale: string) =>
      attributionText(
        compiled.localized[locale]!.cards['claim:border-length']!.attribution!,
        catalogueLookup(readCatalogue(locale)),
      );
    expect(attributionText(compiled.cards['claim:border-length']!.attribution!, englishText)).toBe(
      'Reported by The New York Times reporters',
    );
    expect(attribution('ru')).toBe('Сообщают: журналисты The New York Times');
    expect(attribution('zh_CN')).toBe('报道：《纽约时报》记者');
    expect(attribution('zh_TW')).toBe('報道：《紐約時報》記者');
  });

  it('date the source in each language', () => {
    const source = (locale: string) => compiled.localized[locale]!.cards['person:xi-jinping']!.stories[0]!.sourceLine;
    expect(source('ru')).toMatch(/, 15 дек\. 2021/);
    expect(source('zh_CN')).toMatch(/, 2021年12月15日$/);
  });
});
