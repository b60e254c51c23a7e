/**
 * Translations of the packs' reader-facing texts, one file per language beside
 * the English they translate: data/stories/<id>/translations/<locale>.json for
 * a story (summary, limits, cards, roles, attributions) and
 * data/translations/<locale>.json for the shared entities' titles and cards.
 *
 * Every line names the English field it translates by its path
 * ("summary.outcomes.2", "facts.claim:37th-meeting.card",
 * "entityRefs.person:xi-jinping.role", "entities.place:moscow.title") and
 * carries that English line verbatim, so a translation whose English has
 * changed since is detected: the build shows the English line instead, and
 * `check:facts` fails on it. A line whose English holds a quotation says how
 * the quotation is shown: as a translation, or in its original-language
 * wording with the source of that wording.
 */
import { z } from 'zod';
import { DatasetError } from './dataset';

const nonEmpty = z.string().trim().min(1);

/** Quotation marks of English, Russian and Chinese text. */
const QUOTATION = /[“”"«»„]/;

/** Whether a text holds a quotation (a passage in quotation marks). */
export function hasQuotation(text: string): boolean {
  return QUOTATION.test(text);
}

const lineSchema = z
  .object({
    /** The English line translated, verbatim. */
    en: nonEmpty,
    /** The translation. */
    text: nonEmpty,
    /** The English holds a quotation, and the translation translates it: shown as a translation. */
    quotation: z.literal('translated').optional(),
    /**
     * The English holds a quotation whose words were said in this language, and the translation
     * quotes them as said: the wording (found in `text`) and where it comes from.
     */
    original: z.object({ wording: nonEmpty, source: nonEmpty }).strict().optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.quotation && line.original)
      ctx.addIssue({ code: 'custom', path: ['original'], message: 'a quotation is translated or original, not both' });
    if (hasQuotation(line.en) && !line.quotation && !line.original)
      ctx.addIssue({
        code: 'custom',
        path: ['quotation'],
        message:
          'the English line holds a quotation: mark it "translated", or give its original wording and source (original)',
      });
    if (line.original && !line.text.includes(line.original.wording))
      ctx.addIssue({
        code: 'custom',
        path: ['original', 'wording'],
        message: 'the original wording is not in the text',
      });
  });

const factId = z.string().regex(/^(person|organization|place|event|claim|quote|limit):[a-z0-9]+(-[a-z0-9]+)*$/);

export const translationFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** The catalogue locale (_locales/<locale>) whose interface shows this translation; the file's name. */
    locale: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a catalogue locale such as "ru" or "zh_CN"'),
    /**
     * The forms this language's lines name a person by, beyond the translated title and its last
     * word ("Си" for Си Цзиньпин): `check:facts` looks for them.
     */
    names: z.record(factId, z.array(nonEmpty).min(1)).default({}),
    /** Translated lines, by the path of the English field they translate. */
    lines: z.record(z.string(), lineSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    // A quote's words are a quotation whether or not the English line puts them in marks.
    for (const [path, line] of Object.entries(file.lines))
      if (path.endsWith('.quote') && !line.quotation && !line.original)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', path, 'quotation'],
          message: 'a quote is a quotation: mark it "translated", or give its original wording and source (original)',
        });
  });

export type TranslationFile = z.infer<typeof translationFileSchema>;
export type TranslatedLine = TranslationFile['lines'][string];

/**
 * Parses a translation file; throws a DatasetError naming the file and the bad field
 * ("lines.facts.quote:old-friend.quote.quotation: …").
 */
export function parseTranslation(input: unknown, file: string, locale?: string): TranslationFile {
  const result = translationFileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DatasetError(issue.path.join('.'), issue.message, file);
  }
  const translation = result.data;
  if (locale !== undefined && translation.locale !== locale)
    throw new DatasetError('locale', `"${translation.locale}" must equal the file's name "${locale}"`, file);
  // A line whose English is gone (a summary line removed, a fact renamed) is stale, not malformed:
  // the build leaves it out and `check:facts` fails on it, as on a line whose English changed.
  return translation;
}
