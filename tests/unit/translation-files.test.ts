/**
 * The translations the project ships pass check:facts, and the check fails on a copy of them with
 * a wrong number planted, or a malformed field.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTranslations } from '../../scripts/check-facts';
import { loadLocalizations, SUMMIT_ID } from '../../scripts/load-dataset';
import { datasetWith, type RawJson, ROOT } from './helpers';

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
