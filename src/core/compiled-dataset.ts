/**
 * Everything the worker serves, compiled from every story pack in one step.
 * The build runs it (so a worker waking up only deserialises the result) and
 * the tests run it on their own datasets.
 */
import { buildCards, type CardModel, type CardWording } from './cards';
import { compileMatcher } from './compile';
import type { Lexicon, Story } from './dataset';
import { englishText } from './english';
import type { MatcherData } from './matcher-data';
import type { Dataset } from './packs';
import { type LocaleTranslations, translateDataset } from './translate';
import type { Lookup } from './ui-text';

/** A story as the popup shows it: source, summary and limits. */
export interface StoryInfo {
  id: string;
  /** Not yet reviewed by an editor. */
  draft: boolean;
  source: Story['source'];
  summary: Story['summary'];
  /** `text` is absent where a draft has not written the limit's card yet. */
  limits: { id: string; title: string; text?: string }[];
  /** The summary or limits are shown in translation (their quotations translated too). */
  translated?: true;
}

/** What the reader sees, in one language: the cards and the stories. */
export interface ReaderTexts {
  cards: Record<string, CardModel>;
  /** In the dataset's order. */
  stories: StoryInfo[];
}

export interface CompiledDataset extends ReaderTexts {
  matcher: MatcherData;
  /** The same texts in each catalogue locale that has translations, by locale ("ru", "zh_CN"). */
  localized: Record<string, ReaderTexts>;
}

/** One locale's translations and the catalogue its cards are worded with. */
export interface Localization {
  translations: LocaleTranslations;
  text: Lookup;
}

function readerTexts(dataset: Dataset, wording: CardWording, translated: ReadonlySet<string> = new Set()): ReaderTexts {
  return {
    cards: buildCards(dataset, wording),
    stories: dataset.stories.map((story) => {
      const byId = new Map(story.facts.map((f) => [f.id, f]));
      return {
        id: story.id,
        draft: story.draft,
        source: story.source,
        summary: story.summary,
        limits: story.limits.map((id) => {
          const card = byId.get(id)!.card;
          return { id, title: byId.get(id)!.title, ...(card ? { text: card } : {}) };
        }),
        ...(translated.has(story.id) ? { translated: true as const } : {}),
      };
    }),
  };
}

/**
 * Compiles a validated dataset and lexicon (see `parseDataset`, `parseLexicon`), and its translations;
 * the facts an earlier compile of part of it holds are taken from that (`compileMatcher`'s `known`).
 */
export function compileDataset(
  dataset: Dataset,
  lexicon: Lexicon,
  localizations: readonly Localization[] = [],
  known?: MatcherData,
): CompiledDataset {
  return {
    matcher: compileMatcher(dataset, lexicon, known),
    ...readerTexts(dataset, { text: englishText }),
    localized: Object.fromEntries(
      localizations.map(({ translations, text }) => {
        const translated = translateDataset(dataset, translations);
        const wording = { text, quotationsTranslated: translated.quotationsTranslated };
        return [translations.locale, readerTexts(translated.dataset, wording, translated.storiesTranslated)];
      }),
    ),
  };
}
