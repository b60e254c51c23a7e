/**
 * A plain-text article read into lines and sentences, with what its text says
 * about itself: a headline, a date, a byline. Nothing is guessed: a field the
 * text does not state stays undefined.
 */
import { MONTHS } from './words';

export interface ArticleSentence {
  /** Verbatim text of the sentence (a clause ending in ";" counts as one). */
  raw: string;
  line: number;
  /** A line without sentence punctuation in title case, such as a headline or a link text. */
  heading: boolean;
  /** A credit line: who reported, who contributed. */
  credit: boolean;
}

export interface ArticleMeta {
  title?: string;
  /** ISO date, when the text states a full one near its top. */
  date?: string;
  authors: string[];
  contributors: string[];
  /** The place of a dateline ("MOSCOW —"), as written. */
  dateline?: string;
}

export interface Article {
  sentences: ArticleSentence[];
  meta: ArticleMeta;
}

export type SentenceSplitter = (text: string) => string[];

const CREDIT = /\b(reported from|contributed (reporting|research|analysis)|contributed to this (report|article))\b/i;
/**
 * Lines that credit someone rather than report: photo and picture credits ("Photo: Koji Sasahara/AP",
 * "(Getty Images)"), "Reporting by …; Editing by …", a byline further down, a reporter's short bio.
 */
const CREDIT_LINES: readonly RegExp[] = [
  /^\(?(?:photo(?:graph)?s?|pictures?|images?|illustrations?|credits?)\b.{0,80}$/i,
  /^(?:additional )?(?:reporting|writing|editing|research) by\b/i,
  /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:\s*(?:,|and)\s*.{0,60})?$/u,
  /\/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Pool|Bloomberg)\b\)?\s*$/,
  /\b(?:is a|is the) (?:staff |senior |freelance )?(?:reporter|correspondent|writer|editor|photographer) (?:for|at|with)\b/,
];
const BYLINE = /^By\s+(.+)$/;
const DATE_LINE = 5;

function isHeading(line: string): boolean {
  if (/[.!?:;"”]$/.test(line.trim())) return false;
  const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 0 && words.length <= 20 && capitalised * 2 >= words.length;
}

/** Names in a credit list: "Claire Fu and John Liu", "A, B and C". */
function namesIn(list: string): string[] {
  return list
    .split(/,\s*|\s+and\s+/)
    .map((n) => n.trim())
    .filter((n) => /^\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u.test(n));
}

export function isoDate(text: string): string | undefined {
  const months = MONTHS.join('|');
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return iso[0];
  const mdy = new RegExp(`\\b(${months})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(text);
  if (mdy) return `${mdy[3]}-${pad(MONTHS.indexOf(mdy[1]!) + 1)}-${pad(Number(mdy[2]))}`;
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+(${months})\\s+(\\d{4})\\b`).exec(text);
  if (dmy) return `${dmy[3]}-${pad(MONTHS.indexOf(dmy[2]!) + 1)}-${pad(Number(dmy[1]))}`;
  return undefined;
}

export function readArticle(text: string, split: SentenceSplitter, plain: (raw: string) => string): Article {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const sentences: ArticleSentence[] = [];
  const meta: ArticleMeta = { authors: [], contributors: [] };
  const firstText = lines.findIndex((l) => l.length > 0);

  lines.forEach((line, index) => {
    if (!line) return;
    const top = index - firstText < DATE_LINE;
    const byline = BYLINE.exec(line);
    if (top && byline) {
      meta.authors.push(...namesIn(byline[1]!));
      return;
    }
    if (top && !meta.date && isoDate(line) && line.split(/\s+/).length <= 12) {
      meta.date = isoDate(line);
      return;
    }
    const heading = isHeading(line);
    if (index === firstText && heading && lines.slice(index + 1).some((l) => l.length > 0)) {
      meta.title = line;
      return;
    }
    // The dateline opens the first line of the body: "MOSCOW — ...".
    if (sentences.length === 0) meta.dateline = /^(\p{Lu}[\p{Lu} .'-]+?)\s*[—–-]\s/u.exec(line)?.[1];
    const credit = CREDIT.test(plain(line)) || CREDIT_LINES.some((pattern) => pattern.test(line));
    if (credit) readCredits(plain(line), meta);
    for (const sentence of split(line)) {
      for (const clause of sentence.split(/(?<=;)\s+/)) {
        const raw = clause.trim();
        if (raw) sentences.push({ raw, line: index, heading: heading && !credit, credit });
      }
    }
  });
  return { sentences, meta };
}

function readCredits(line: string, meta: ArticleMeta): void {
  for (const part of line.split(/(?<=\.)\s+/)) {
    const reported = /^(.+?) reported from .+?(?:, and (.+?) from .+)?\.?$/.exec(part);
    if (reported) {
      for (const group of [reported[1], reported[2]]) if (group) meta.authors.push(...namesIn(group));
      continue;
    }
    const contributed = /^(.+?) contributed (reporting|research|analysis)\b/.exec(part);
    if (contributed) {
      for (const name of namesIn(contributed[1]!)) meta.contributors.push(`${name} (${contributed[2]})`);
    }
  }
}
