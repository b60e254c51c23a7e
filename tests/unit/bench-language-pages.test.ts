import { describe, expect, it } from 'vitest';
import { storySentences } from '../../scripts/bench/corpus';
import { languageStoryPage } from '../../scripts/bench/languages';
import { storyPage } from '../../scripts/bench/pages';

const TARGET = 60 * 1024;

describe('the story page in each language', () => {
  it('is, in English, the bench’s own story page of that size and seed', () => {
    expect(languageStoryPage('English', TARGET, 7).html).toBe(storyPage(TARGET, storySentences(), 7).html);
  });

  it('is written in its language, about as long as asked, with the reports’ sentences in it', () => {
    const russian = languageStoryPage('Russian', TARGET, 7);
    const chinese = languageStoryPage('Chinese', TARGET, 7);
    expect(russian.html).toContain('<html lang="ru">');
    expect(chinese.html).toContain('<html lang="zh-CN">');
    for (const page of [russian, chinese]) {
      expect(page.textChars).toBeGreaterThanOrEqual(TARGET);
      expect(page.textChars).toBeLessThan(TARGET * 1.1);
      expect(page.specialShare).toBeGreaterThan(0.05);
    }
    expect(russian.html).toMatch(/Путин/);
    expect(chinese.html).toMatch(/普京/);
    // Chinese sentences follow each other without a space, and links wrap characters, not the whole sentence.
    expect(chinese.html).not.toMatch(/。 /);
    expect(chinese.html).toMatch(/<a href="[^"]+">[^<]{1,3}<\/a>/);
  });
});
