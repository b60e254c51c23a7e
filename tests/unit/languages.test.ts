/** Russian and Chinese pages with the real dataset: names in their forms and scripts, and nothing inside longer words. */
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../scripts/eval';
import { annotate } from '../../src/core/annotate';

const matcher = loadMatcher();

/** `id|text` of every highlight of a page. */
function highlights(page: string): string[] {
  return annotate(matcher, page).annotations.flatMap((a) =>
    a.factIds.map((id) => `${id}|${page.slice(a.start, a.end)}`),
  );
}

const RUSSIAN_REPORT = [
  'МОСКВА, 15 декабря. Владимир Путин и Си Цзиньпин провели переговоры в режиме видеоконференции.',
  'Как сообщил помощник президента Юрий Ушаков, Си Цзиньпин назвал Путина старым другом.',
  'По словам Ушакова, отношения двух стран по своей близости и эффективности даже превосходят союз.',
  'Это была 37-я встреча лидеров с 2013 года.',
].join('\u2029');

const CHINESE_REPORT = [
  '北京12月15日电 国家主席习近平同俄罗斯总统普京举行视频会晤。',
  '这是两国元首2013年以来的第三十七次会晤。',
  '普京表示，期待明年2月在北京同习近平主席见面，出席北京冬奥会开幕式。',
].join('\u2029');

describe('a Russian report', () => {
  const found = highlights(RUSSIAN_REPORT);

  it('highlights names in every case', () => {
    expect(found).toEqual(
      expect.arrayContaining([
        'person:vladimir-putin|Владимир Путин',
        'person:vladimir-putin|Путина',
        'person:yuri-ushakov|Юрий Ушаков',
        'person:yuri-ushakov|Ушакова',
        'person:xi-jinping|Си Цзиньпин',
      ]),
    );
  });

  it('finds statements in Russian, the 37th meeting written «37-я»', () => {
    const ids = new Set(found.map((h) => h.slice(0, h.indexOf('|'))));
    for (const id of ['quote:old-friend', 'quote:exceeds-alliance', 'claim:37th-meeting']) expect(ids).toContain(id);
  });
});

describe('a Chinese report', () => {
  const found = highlights(CHINESE_REPORT);

  it('highlights names on characters, the longest name winning', () => {
    expect(found).toEqual(
      expect.arrayContaining([
        'person:xi-jinping|习近平',
        'person:vladimir-putin|普京',
        'place:russia|俄罗斯',
        'event:beijing-winter-olympics|北京冬奥会',
      ]),
    );
    expect(found.filter((h) => h.startsWith('place:beijing|'))).toEqual(['place:beijing|北京', 'place:beijing|北京']);
  });

  it('reads 第三十七次 as the 37th meeting', () => {
    expect(found.some((h) => h.startsWith('claim:37th-meeting|'))).toBe(true);
  });

  it('reads the same report in traditional characters', () => {
    const traditional = highlights('國家主席習近平同俄羅斯總統普京舉行視訊會晤，出席北京冬奧會開幕式。');
    expect(traditional).toEqual(
      expect.arrayContaining(['person:xi-jinping|習近平', 'event:beijing-winter-olympics|北京冬奧會']),
    );
  });

  it('does not find India in Indonesia or the Indian Ocean, nor Russia in Tetris', () => {
    const page = `${CHINESE_REPORT}\u2029印度尼西亚位于印度洋。俄罗斯方块很好玩。印度总理莫迪。`;
    const india = highlights(page).filter((h) => h.startsWith('place:india|') || h.startsWith('place:russia|'));
    expect(india).toEqual(['place:russia|俄罗斯', 'place:india|印度']);
  });
});
