/**
 * Russian and Chinese reports of the summit (pages of the evaluation set), and what a reader must see
 * highlighted on them: names in the forms the page uses, and statements stated in the page's language.
 */
import { join } from 'node:path';
import { ROOT } from '../../scripts/chrome';

export const EVAL_PAGES_DIR = join(ROOT, 'tests', 'eval', 'pages');

export interface LanguageReport {
  page: string;
  /** `id|text` pairs that must be among the page's highlights: names in their case forms and scripts. */
  names: string[];
  /** Statement ids that must be highlighted. */
  statements: string[];
}

export const LANGUAGE_REPORTS: readonly LanguageReport[] = [
  {
    page: 'ru-wire.html',
    names: [
      'person:vladimir-putin|Владимир Путин',
      'person:xi-jinping|Си Цзиньпин',
      'person:yuri-ushakov|Юрий Ушаков',
      'person:narendra-modi|Нарендрой Моди',
      'place:russia|Россией',
      'place:china|Китаем',
    ],
    statements: ['quote:exceeds-alliance', 'claim:37th-meeting', 'claim:olympics-attendance'],
  },
  {
    page: 'zh-wire.html',
    names: ['person:xi-jinping|习近平', 'person:vladimir-putin|普京', 'event:beijing-winter-olympics|北京冬奥会'],
    statements: ['quote:guise-of-democracy', 'claim:olympics-attendance', 'quote:core-interests-support'],
  },
];

/** A Chinese report in traditional characters. */
export const TRADITIONAL_REPORT: LanguageReport = {
  page: 'zh-traditional.html',
  names: ['person:xi-jinping|習近平', 'event:beijing-winter-olympics|北京冬奧會'],
  statements: ['quote:guise-of-democracy', 'quote:meet-in-beijing'],
};

/** What a report's highlights lack: expected `id|text` pairs and statement ids not found. */
export function missingOn(report: LanguageReport, highlights: readonly string[]): string[] {
  const ids = new Set(highlights.map((h) => h.slice(0, h.indexOf('|'))));
  return [...report.names.filter((n) => !highlights.includes(n)), ...report.statements.filter((s) => !ids.has(s))];
}
