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
  /** "Said by X, according to Y". */
  attribution?: string;
  /** For people: the statements they make or figure in. */
  figuresIn: { id: string; title: string; category: Category }[];
  /** "Title — Outlet, 15 Dec 2021". */
  sourceLine: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-12-15" → "15 Dec 2021". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

export function sourceLine(story: Story): string {
  return `${story.source.title} — ${story.source.outlet}, ${formatDate(story.source.date)}`;
}

function attributionText(fact: Fact): string | undefined {
  if (!fact.attribution) return undefined;
  const { speaker, accordingTo } = fact.attribution;
  // "The New York Times reporters, according to the reporters" says one thing twice.
  if (/reporter/i.test(speaker) && /reporter/i.test(accordingTo)) return `Reported by ${speaker}`;
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
      ...(fact.attribution ? { attribution: attributionText(fact) } : {}),
      figuresIn,
      sourceLine: line,
    };
  }
  return cards;
}
