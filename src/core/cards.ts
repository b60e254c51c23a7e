/**
 * What a hover card says about a fact: plain data built from the story packs,
 * so the content script only lays it out. A shared entity has one card text
 * and, per story that uses it, that story's role for it and its source.
 */
import type { Category } from './categories';
import type { Fact, Story } from './dataset';
import { followedSourceLine } from './follow-strings';
import { type Dataset, storyFacts, toDataset } from './packs';

export const CATEGORY_LABELS: Record<Category, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  claim: 'Claim',
  quote: 'Quote',
  limit: 'Limit of the partnership',
};

/** Plural labels: also the accessible names of the popup's category switches. */
export const CATEGORY_SWITCH_LABELS: Record<Category, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
  claim: 'Claims',
  quote: 'Quotes',
  limit: 'Limits',
};

/** What a card says where a draft left the plain-English text unwritten: a gap, never invented text. */
export const CARD_GAP = 'Not written yet: this draft has no plain-English card for it.';
export const ROLE_GAP = 'not written yet';
/** What a card from a draft story says until an editor removes the draft mark. */
export const DRAFT_NOTE = 'Draft: drafted from the article, not yet reviewed by an editor.';

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
  /** A story the reader followed: the article's address, and its sentence that states or names the fact. */
  followed?: { address: string; evidence: string };
}

export interface CardModel {
  id: string;
  category: Category;
  categoryLabel: string;
  title: string;
  /** Who or what this is; absent where a draft left it unwritten (the card shows CARD_GAP). */
  text?: string;
  quote?: string;
  /** "Said by X, according to Y", "Said by X in televised remarks". */
  attribution?: string;
  /** Every story that uses the fact: one for a story's own facts, several for a shared entity. */
  stories: CardStory[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-12-15" → "15 Dec 2021". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The report a card rests on, with no headline of our own: "The New York Times (A and B), 15 Dec 2021".
 * A draft's field its article did not state is a marked gap, or left out.
 */
export function sourceLine(story: Story): string {
  if (story.followed) return followedSourceLine(story.followed.site, story.followed.date, formatDate);
  const { outlet, reporters, date } = story.source;
  const reporterNames = reporters ? ` (${listNames(reporters.names)})` : '';
  return `${outlet?.name ?? `outlet ${ROLE_GAP}`}${reporterNames}${date ? `, ${formatDate(date.value)}` : ''}`;
}

/** Speaker and source names as the dataset writes them: in running-text case, so they go mid-sentence as they are. */
export function attributionText(attribution: NonNullable<Fact['attribution']>): string {
  const { speaker, accordingTo, firstHand } = attribution;
  // "The New York Times reporters, according to the reporters" says one thing twice.
  if (/reporter/i.test(speaker) && /reporter/i.test(accordingTo)) return `Reported by ${speaker}`;
  // The speaker's own public remarks are where it was said, not someone's account of it.
  if (firstHand) return `Said by ${speaker} in ${accordingTo}`;
  const same =
    speaker.toLowerCase().includes(accordingTo.toLowerCase()) ||
    accordingTo.toLowerCase().includes(speaker.toLowerCase());
  return same ? `Said by ${speaker}` : `Said by ${speaker}, according to ${accordingTo}`;
}

/** Every fact's card, with what each story that uses it says (a one-story dataset may be given as the story). */
export function buildCards(input: Dataset | Story): Record<string, CardModel> {
  const dataset = toDataset(input);
  const cards: Record<string, CardModel> = {};
  for (const story of dataset.stories) {
    const facts = storyFacts(dataset, story);
    const line = sourceLine(story);
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
        categoryLabel: CATEGORY_LABELS[fact.category],
        title: fact.title,
        ...(fact.card ? { text: fact.card } : {}),
        ...(fact.quote ? { quote: fact.quote } : {}),
        ...(fact.attribution ? { attribution: attributionText(fact.attribution) } : {}),
        stories: [],
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
          ? { followed: { address: story.followed.address, evidence: fact.evidence } }
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
