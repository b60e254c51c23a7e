/**
 * One locale's translations put in place of the English they translate (see translations.ts for
 * the files and their schema). No validator here: the worker's bundle imports this module's
 * neighbours, and the build does the parsing.
 */
import type { Dataset, SharedEntity, Story } from './dataset';
import type { TranslatedLine, TranslationFile } from './translations';

/** Every reader-facing English line of a story, by path. */
export function storyLines(story: Story): Map<string, string> {
  const lines = new Map<string, string>();
  for (const [key, value] of Object.entries(story.summary)) {
    if (Array.isArray(value)) for (const [i, line] of value.entries()) lines.set(`summary.${key}.${i}`, line.text);
    else lines.set(`summary.${key}`, value.text);
  }
  for (const fact of story.facts) {
    const at = `facts.${fact.id}`;
    lines.set(`${at}.title`, fact.title);
    for (const field of ['card', 'role', 'quote'] as const) {
      const text = fact[field];
      if (text) lines.set(`${at}.${field}`, text);
    }
    if (fact.attribution) {
      lines.set(`${at}.attribution.speaker`, fact.attribution.speaker);
      lines.set(`${at}.attribution.accordingTo`, fact.attribution.accordingTo);
    }
  }
  for (const ref of story.entityRefs) if (ref.role) lines.set(`entityRefs.${ref.id}.role`, ref.role);
  return lines;
}

/** Every reader-facing English line of the shared entities, by path. */
export function entityLines(entities: readonly SharedEntity[]): Map<string, string> {
  const lines = new Map<string, string>();
  for (const entity of entities) {
    lines.set(`entities.${entity.id}.title`, entity.title);
    lines.set(`entities.${entity.id}.card`, entity.card);
  }
  return lines;
}

/** The translations of one locale: the shared entities' and each story's, by story id. */
export interface LocaleTranslations {
  locale: string;
  entities?: TranslationFile;
  stories: Record<string, TranslationFile>;
}

/** A dataset with one locale's current translations in place of the English, and what shows a translated quotation. */
export interface TranslatedDataset {
  dataset: Dataset;
  /** Facts with a line (title, card, quote, role, attribution) that translates a quotation. */
  quotationsTranslated: Set<string>;
  /** Stories with a summary or limit line in translation. */
  storiesTranslated: Set<string>;
}

/**
 * The dataset as its readers in `translations.locale` see it: each line whose translation is
 * current (its `en` is the English line now) translated, every other line in English.
 */
export function translateDataset(dataset: Dataset, translations: LocaleTranslations): TranslatedDataset {
  const quotationsTranslated = new Set<string>();
  const storiesTranslated = new Set<string>();
  const current = (file: TranslationFile | undefined, path: string, english: string): TranslatedLine | undefined => {
    const line = file?.lines[path];
    return line && line.en === english ? line : undefined;
  };
  const translate = (file: TranslationFile | undefined, path: string, english: string, factId?: string): string => {
    const line = current(file, path, english);
    if (!line) return english;
    if (factId && line.quotation === 'translated') quotationsTranslated.add(factId);
    return line.text;
  };

  const entityFile = translations.entities;
  const entities = dataset.entities.map((entity) => ({
    ...entity,
    title: translate(entityFile, `entities.${entity.id}.title`, entity.title, entity.id),
    card: translate(entityFile, `entities.${entity.id}.card`, entity.card, entity.id),
  }));

  const stories = dataset.stories.map((story): Story => {
    const file = translations.stories[story.id];
    const summaryLine = (path: string, line: Story['summary']['what']) => {
      const translated = current(file, path, line.text);
      if (translated) storiesTranslated.add(story.id);
      return translated ? { ...line, text: translated.text } : line;
    };
    const summary = Object.fromEntries(
      Object.entries(story.summary).map(([key, value]) => [
        key,
        Array.isArray(value)
          ? value.map((line, i) => summaryLine(`summary.${key}.${i}`, line))
          : summaryLine(`summary.${key}`, value),
      ]),
    ) as Story['summary'];
    const facts = story.facts.map((fact) => {
      const at = `facts.${fact.id}`;
      const field = (name: 'card' | 'role' | 'quote') => {
        const english = fact[name];
        return english ? { [name]: translate(file, `${at}.${name}`, english, fact.id) } : {};
      };
      if (fact.category === 'limit' && current(file, `${at}.card`, fact.card ?? '')) storiesTranslated.add(story.id);
      return {
        ...fact,
        title: translate(file, `${at}.title`, fact.title, fact.id),
        ...field('card'),
        ...field('role'),
        ...field('quote'),
        ...(fact.attribution
          ? {
              attribution: {
                ...fact.attribution,
                speaker: translate(file, `${at}.attribution.speaker`, fact.attribution.speaker, fact.id),
                accordingTo: translate(file, `${at}.attribution.accordingTo`, fact.attribution.accordingTo, fact.id),
              },
            }
          : {}),
      };
    });
    const entityRefs = story.entityRefs.map((ref) =>
      ref.role ? { ...ref, role: translate(file, `entityRefs.${ref.id}.role`, ref.role, ref.id) } : ref,
    );
    return { ...story, summary, facts, entityRefs };
  });
  return { dataset: { entities, stories }, quotationsTranslated, storiesTranslated };
}
