/**
 * What a hover card says about a fact: plain data built from the story, so
 * the content script only lays it out.
 */
import type { Category } from './categories';
import type { Fact, Story } from './dataset';

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

export interface CardModel {
  id: string;
  category: Category;
  categoryLabel: string;
  title: string;
  text: string;
  role?: string;
  quote?: string;
  /** "Said by X, according to Y", "Said by X in televised remarks". */
  attribution?: string;
  /** For people: the statements they make or figure in. */
  figuresIn: { id: string; title: string; category: Category }[];
  /** "Outlet (Reporter and Reporter), 15 Dec 2021". */
  sourceLine: string;
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

/** The report a card rests on, with no headline of our own: "The New York Times (A and B), 15 Dec 2021". */
export function sourceLine(story: Story): string {
  const { outlet, reporters, date } = story.source;
  return `${outlet.name} (${listNames(reporters.names)}), ${formatDate(date.value)}`;
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

export function buildCards(story: Story): Record<string, CardModel> {
  const line = sourceLine(story);
  const cards: Record<string, CardModel> = {};
  for (const fact of story.facts) {
    const figuresIn =
      fact.category === 'person'
        ? story.facts
            .filter(
              (other) =>
                other.attribution?.speakerId === fact.id || (other.signature && other.related.includes(fact.id)),
            )
            .map((other) => ({ id: other.id, title: other.title, category: other.category }))
        : [];
    cards[fact.id] = {
      id: fact.id,
      category: fact.category,
      categoryLabel: CATEGORY_LABELS[fact.category],
      title: fact.title,
      text: fact.card,
      ...(fact.role ? { role: fact.role } : {}),
      ...(fact.quote ? { quote: fact.quote } : {}),
      ...(fact.attribution ? { attribution: attributionText(fact.attribution) } : {}),
      figuresIn,
      sourceLine: line,
    };
  }
  return cards;
}
