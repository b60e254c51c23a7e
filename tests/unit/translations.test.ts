/**
 * Translations of the packs: the schema refuses a malformed file with the path of the bad field,
 * the build shows only current lines (the English where a translation is stale), quotations show
 * as translations, and the check fails on a wrong number, a missing person or a stale line.
 */
import { describe, expect, it } from 'vitest';
import { SUMMIT_ID } from '../../scripts/load-dataset';
import { compileDataset } from '../../src/core/compiled-dataset';
import { DatasetError } from '../../src/core/dataset';
import { storyLines, translateDataset } from '../../src/core/translate';
import { checkTranslation, numbersOf, personNames } from '../../src/core/translation-check';
import { parseTranslation, type TranslationFile } from '../../src/core/translations';
import { datasetWith, type RawJson, realLexicon } from './helpers';

const dataset = datasetWith();
const summit = dataset.stories.find((s) => s.id === SUMMIT_ID)!;
const english = storyLines(summit);
const en = (path: string) => {
  const line = english.get(path);
  expect(line, path).toBeDefined();
  return line!;
};
const FILE = 'data/stories/xi-putin-video-summit-2021/translations/ru.json';

/** A small Russian translation of real lines of the summit pack, as a file would hold it. */
function sample(): RawJson {
  return {
    schemaVersion: 1,
    locale: 'ru',
    names: { 'person:xi-jinping': ['Си'], 'person:vladimir-putin': ['Путин'] },
    lines: {
      'facts.claim:37th-meeting.title': {
        en: en('facts.claim:37th-meeting.title'),
        text: 'Их 37-я встреча с 2013 года',
      },
      'facts.claim:37th-meeting.card': {
        en: en('facts.claim:37th-meeting.card'),
        text: 'По словам Си, видеозвонок стал 37-й встречей его и Путина с 2013 года.',
      },
      'facts.quote:old-friend.quote': {
        en: en('facts.quote:old-friend.quote'),
        text: 'Си: Старый друг. / Путин: Дорогой друг… уважаемый друг.',
        quotation: 'translated',
      },
      'summary.when': { en: en('summary.when'), text: 'Среда, 15 декабря 2021 года' },
    },
  };
}

const parse = (json: RawJson) => parseTranslation(json, FILE, 'ru');
const people = (translation: TranslationFile) =>
  personNames([...summit.facts, ...dataset.entities], translation, () => undefined);
const check = (json: RawJson) => {
  const translation = parse(json);
  return checkTranslation(translation, english, people(translation));
};

describe('the translation schema', () => {
  it('takes a well-formed file', () => {
    expect(Object.keys(parse(sample()).lines)).toHaveLength(4);
  });

  it('refuses a quotation not marked as translated, naming the field', () => {
    const json = sample();
    delete json.lines['facts.quote:old-friend.quote'].quotation;
    expect(() => parse(json)).toThrow(DatasetError);
    expect(() => parse(json)).toThrow(`${FILE}: lines.facts.quote:old-friend.quote.quotation:`);
  });

  it('takes an original-language wording only with its source, and only if the text holds it', () => {
    const json = sample();
    const line = json.lines['facts.quote:old-friend.quote'];
    delete line.quotation;
    line.original = { wording: 'Дорогой друг', source: 'the Kremlin transcript' };
    expect(() => parse(json)).not.toThrow();
    line.original = { wording: 'Старый товарищ', source: 'the Kremlin transcript' };
    expect(() => parse(json)).toThrow('lines.facts.quote:old-friend.quote.original.wording');
    line.original = { wording: 'Дорогой друг' };
    expect(() => parse(json)).toThrow('lines.facts.quote:old-friend.quote.original.source');
  });

  it('refuses a file named for another locale', () => {
    expect(() => parseTranslation(sample(), FILE, 'zh_CN')).toThrow(`${FILE}: locale:`);
  });
});

describe('the translated cards and stories', () => {
  const localize = (json: RawJson) =>
    compileDataset(dataset, realLexicon(), [
      {
        translations: { locale: 'ru', stories: { [SUMMIT_ID]: parse(json) } },
        text: (key) => (key === 'locale' ? 'ru' : `ru:${key}`),
      },
    ]);

  it('show the current translations, with translated quotations marked, and keep the English as it was', () => {
    const compiled = localize(sample());
    const ru = compiled.localized.ru!;
    expect(ru.cards['claim:37th-meeting']!.title).toBe('Их 37-я встреча с 2013 года');
    expect(ru.cards['quote:old-friend']!.quote).toMatch(/^Си: Старый друг/);
    expect(ru.cards['quote:old-friend']!.quotationsTranslated).toBe(true);
    expect(ru.cards['claim:37th-meeting']!.quotationsTranslated).toBeUndefined();
    expect(ru.stories[0]!.summary.when.text).toBe('Среда, 15 декабря 2021 года');
    expect(ru.stories[0]!.translated).toBe(true);
    expect(compiled.cards['claim:37th-meeting']!.title).toBe(en('facts.claim:37th-meeting.title'));
    expect(compiled.stories[0]!.translated).toBeUndefined();
  });

  it('show the English line where the translation is of an English line that has changed since', () => {
    const json = sample();
    json.lines['facts.claim:37th-meeting.title'].en = 'Their 36th meeting since 2013';
    const { dataset: shown } = translateDataset(dataset, {
      locale: 'ru',
      stories: { [SUMMIT_ID]: parse(json) },
    });
    const facts = shown.stories.find((s) => s.id === SUMMIT_ID)!.facts;
    expect(facts.find((f) => f.id === 'claim:37th-meeting')!.title).toBe(en('facts.claim:37th-meeting.title'));
    expect(facts.find((f) => f.id === 'claim:37th-meeting')!.card).toMatch(/^По словам Си/);
  });
});

describe('the translation check', () => {
  it('reads numbers and months alike in each language', () => {
    expect(numbersOf('Wednesday 15 December 2021')).toEqual(numbersOf('в среду, 15 декабря 2021 года'));
    expect(numbersOf('Wednesday 15 December 2021')).toEqual(numbersOf('2021年12月15日（星期三）'));
    expect(numbersOf('more than 2,600 miles')).toEqual(['2600']);
    expect(numbersOf('более 2 600 миль')).toEqual(['2600']);
    expect(numbersOf('in February of next year')).toEqual(numbersOf('в феврале следующего года'));
  });

  it('passes a faithful translation', () => {
    expect(check(sample())).toEqual([]);
  });

  it('fails a wrong number, naming the line', () => {
    const json = sample();
    json.lines['facts.claim:37th-meeting.card'].text =
      'По словам Си, видеозвонок стал 38-й встречей его и Путина с 2013 года.';
    expect(check(json)).toEqual([
      {
        path: 'lines.facts.claim:37th-meeting.card.text',
        message: expect.stringContaining('numbers differ'),
      },
    ]);
  });

  it('fails a line that leaves out a person the English names, in any case ending', () => {
    const json = sample();
    json.lines['facts.claim:37th-meeting.card'].text =
      'По словам Си, видеозвонок стал 37-й встречей лидеров с 2013 года.';
    expect(check(json)).toEqual([
      { path: 'lines.facts.claim:37th-meeting.card.text', message: expect.stringContaining('person:vladimir-putin') },
    ]);
  });

  it('fails a line whose English is gone, and the build leaves it out', () => {
    const json = sample();
    json.lines['summary.outcomes.99'] = { en: 'A removed outcome.', text: 'Удалённый итог.' };
    expect(check(json)).toEqual([{ path: 'lines.summary.outcomes.99', message: 'no English line at this path' }]);
    const { dataset: shown } = translateDataset(dataset, { locale: 'ru', stories: { [SUMMIT_ID]: parse(json) } });
    expect(JSON.stringify(shown)).not.toContain('Удалённый итог');
  });

  it('fails a line whose English has changed since', () => {
    const json = sample();
    json.lines['summary.when'].en = 'Thursday 16 December 2021';
    expect(check(json)).toEqual([{ path: 'lines.summary.when.en', message: expect.stringContaining('stale') }]);
  });
});
