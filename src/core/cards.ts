/**
 * What a hover card says about a fact: plain data built from the story packs,
 * so the content script only lays it out. A shared entity has one card text
 * and, per story that uses it, that story's role for it and its source.
 */
import type { Category } from './categories';
import type { Fact, Story } from './dataset';
import { englishText } from './english';
import { type Dataset, storyFacts, toDataset } from './packs';
import { formatDate, type Lookup, listNames, type MessageKey } from './ui-text';

/** The catalogue message of each category's label on a card (and in the story manager). */
export const CATEGORY_LABEL_KEYS: Record<Category, MessageKey> = {
  person: 'categoryPerson',
  organization: 'categoryOrganization',
  place: 'categoryPlace',
  event: 'categoryEvent',
  claim: 'categoryClaim',
  quote: 'categoryQuote',
  limit: 'categoryLimit',
};

/** The catalogue message of each category's switch in the popup (plural labels: the switches' accessible names). */
export const CATEGORY_SWITCH_KEYS: Record<Category, MessageKey> = {
  person: 'switchPerson',
  organization: 'switchOrganization',
  place: 'switchPlace',
  event: 'switchEvent',
  claim: 'switchClaim',
  quote: 'switchQuote',
  limit: 'switchLimit',
};

/** What one story says about a fact. */
export interface CardStory {
  storyId: string;
  /** The story in one line, in our words (not a headline of the report). */
  gist: string;
  /** The fact's part in this story (people, and shared entities the story describes). */
  role?: string;
  /** A person whose role this draft story has not written yet. */
  roleGap?: true;
  /** For people: the statements of this story they make or figure in. */
  figuresIn: { id: string; title: string; category: Category }[];
  /** "Outlet (Reporter and Reporter), 15 Dec 2021". */
  sourceLine: string;
  /** The story is a draft: not reviewed. */
  draft: boolean;
  /** A story the reader followed: the article's address, site and date, and its sentence that states or names the fact. */
  followed?: { address: string; evidence: string; site: string; date?: string };
}

/**
 * Who said a statement and according to whom, as the pack (or its translation) names them: the card
 * words it when it opens (attributionText), in the interface's language, so a followed story's card,
 * compiled in English, reads in the reader's language too.
 */
export type CardAttribution = Pick<NonNullable<Fact['attribution']>, 'speaker' | 'accordingTo' | 'firstHand'>;

/**
 * The builder's name for the article speaking for itself, where no one else is named as the speaker
 * or the source: the extension's words, not the article's, so a card shows it in the interface's language.
 */
export const REPORT_VOICE = 'the reporters';

/**
 * A card's data: the packs' words (translated where the card set is), with the category as a key. The
 * extension's own labels (the category's, the attribution's wording) are the card view's, from the
 * catalogue of the interface's language.
 */
export interface CardModel {
  id: string;
  category: Category;
  title: string;
  /** Who or what this is; absent where a draft left it unwritten (the card says so (cardGap)). */
  text?: string;
  quote?: string;
  /** Worded "Said by X, according to Y", "Said by X in televised remarks" (attributionText). */
  attribution?: CardAttribution;
  /** Every story that uses the fact: one for a story's own facts, several for a shared entity. */
  stories: CardStory[];
  /** A translation whose quotations are translated from the English report, not the speakers' own words. */
  quotationsTranslated?: true;
}

/** How the cards are worded: the catalogue, and the facts whose translated lines translate a quotation. */
export interface CardWording {
  text: Lookup;
  quotationsTranslated?: ReadonlySet<string>;
}

/**
 * The report a card rests on, with no headline of our own: "The New York Times (A and B), 15 Dec 2021".
 * A draft's field its article did not state is a marked gap, or left out.
 */
export function sourceLine(story: Story, text: Lookup = englishText): string {
  const locale = text('locale');
  if (story.followed) return followedSourceText(text, story.followed.site, story.followed.date);
  const { outlet, reporters, date } = story.source;
  const reporterNames = reporters ? ` (${listNames(reporters.names, locale)})` : '';
  return `${outlet?.name ?? text('outletGap')}${reporterNames}${date ? `, ${formatDate(date.value, locale)}` : ''}`;
}

/** A followed story's source: "From Harbour Ledger, 12 Mar 2025: followed by you, not reviewed". */
export function followedSourceText(text: Lookup, site: string, date: string | undefined): string {
  return date
    ? text('cardFollowedSource', site, formatDate(date, text('locale')))
    : text('cardFollowedSourceUndated', site);
}

/** "Reporters" as the packs and their translations write it. */
const REPORTERS = /reporter|журналист|记者|記者/i;

/**
 * Speaker and source names as the dataset writes them: in running-text case, so they go mid-sentence as they
 * are; the builder's report voice in the catalogue's words.
 */
export function attributionText(attribution: CardAttribution, text: Lookup): string {
  const voice = (name: string) => (name === REPORT_VOICE ? text('reportVoice') : name);
  const speaker = voice(attribution.speaker);
  const accordingTo = voice(attribution.accordingTo);
  const { firstHand } = attribution;
  // "The New York Times reporters, according to the reporters" says one thing twice.
  if (REPORTERS.test(speaker) && REPORTERS.test(accordingTo)) return text('attributionReportedBy', speaker);
  // The speaker's own public remarks are where it was said, not someone's account of it.
  if (firstHand) return text('attributionSaidIn', speaker, accordingTo);
  const same =
    speaker.toLowerCase().includes(accordingTo.toLowerCase()) ||
    accordingTo.toLowerCase().includes(speaker.toLowerCase());
  return same ? text('attributionSaidBy', speaker) : text('attributionAccordingTo', speaker, accordingTo);
}

function cardAttribution({ speaker, accordingTo, firstHand }: NonNullable<Fact['attribution']>): CardAttribution {
  return { speaker, accordingTo, ...(firstHand ? { firstHand } : {}) };
}

/** Every fact's card, with what each story that uses it says (a one-story dataset may be given as the story). */
export function buildCards(
  input: Dataset | Story,
  { text, quotationsTranslated }: CardWording = { text: englishText },
): Record<string, CardModel> {
  const dataset = toDataset(input);
  const cards: Record<string, CardModel> = {};
  for (const story of dataset.stories) {
    const facts = storyFacts(dataset, story);
    const line = sourceLine(story, text);
    for (const fact of facts) {
      const figuresIn =
        fact.category === 'person'
          ? facts
              .filter(
                (other) =>
                  other.attribution?.speakerId === fact.id || (other.signature && other.related.includes(fact.id)),
              )
              .map((other) => ({ id: other.id, title: other.title, category: other.category }))
          : [];
      cards[fact.id] ??= {
        id: fact.id,
        category: fact.category,
        title: fact.title,
        ...(fact.card ? { text: fact.card } : {}),
        ...(fact.quote ? { quote: fact.quote } : {}),
        ...(fact.attribution ? { attribution: cardAttribution(fact.attribution) } : {}),
        stories: [],
        ...(quotationsTranslated?.has(fact.id) ? { quotationsTranslated: true as const } : {}),
      };
      cards[fact.id]!.stories.push({
        storyId: story.id,
        gist: story.summary.gist.text,
        ...(fact.role
          ? { role: fact.role }
          : fact.category === 'person' && story.draft
            ? { roleGap: true as const }
            : {}),
        figuresIn,
        sourceLine: line,
        draft: story.draft,
        ...(story.followed && fact.evidence
          ? {
              followed: {
                address: story.followed.address,
                evidence: fact.evidence,
                site: story.followed.site,
                ...(story.followed.date ? { date: story.followed.date } : {}),
              },
            }
          : {}),
      });
    }
  }
  return cards;
}

/**
 * The stories a card speaks for on a page: those of the page's stories
 * (verdict.storiesInView) that use the fact, or every story that uses it
 * where the page is about none of them (a similar statement, say).
 */
export function cardStories(card: CardModel, inView: readonly string[]): CardStory[] {
  const shown = card.stories.filter((s) => inView.includes(s.storyId));
  return shown.length > 0 ? shown : card.stories;
}
