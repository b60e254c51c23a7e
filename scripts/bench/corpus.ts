/**
 * The text the benchmark's pages are made of: sentences of the story (from the
 * plain-English evaluation page) and filler prose about unrelated local news.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { ROOT } from '../chrome';
import type { Random } from './random';

const SYLLABLES = [
  'ka',
  'ro',
  'ven',
  'li',
  'tor',
  'mi',
  'san',
  'el',
  'da',
  'gu',
  'bre',
  'nos',
  'fa',
  'ul',
  'qui',
  'zar',
  'pe',
  'ost',
  'ri',
  'lan',
  've',
  'tem',
  'ba',
  'ish',
  'mor',
  'ca',
  'dri',
  'len',
  'sho',
  'par',
  'ny',
  'tel',
  'vok',
  'ae',
  'hum',
  'jo',
];

export function syllableWord(random: Random, min = 2, max = 3): string {
  let word = '';
  for (let i = random.int(min, max); i > 0; i--) word += random.pick(SYLLABLES);
  return word;
}

export const capitalize = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** Sentences of the plain-English rewrite: the story's people, places and claims, as a page states them. */
export function storySentences(): string[] {
  const html = readFileSync(join(ROOT, 'tests/eval/pages/plain-english.html'), 'utf8');
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const sentences: string[] = [];
  for (const p of document.querySelectorAll('article p, article li, article blockquote')) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || /^By /.test(text)) continue;
    const pieces = text.split(/(?<=[.!?][”"’)]?)\s+(?=[“"A-Z0-9])/);
    for (const piece of pieces) {
      const previous = sentences[sentences.length - 1];
      // "Mr. Putin", "Vladimir V. Putin", "the U.S. side": not sentence ends.
      if (
        previous !== undefined &&
        /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Jr|Sr)|\b[A-Z])\.$/.test(previous) &&
        sentences.length > 0
      ) {
        sentences[sentences.length - 1] = `${previous} ${piece}`;
      } else sentences.push(piece);
    }
  }
  window.close();
  return sentences.filter((s) => s.length > 20);
}

const FILLER_SUBJECTS = [
  'The city council',
  'A spokeswoman for the company',
  'Local residents',
  'The planning committee',
  'Officials at the regional office',
  'Several economists',
  'The new director',
  'A number of analysts',
  'Teachers in the district',
  'The transport authority',
  'A group of farmers',
  'Researchers at the university',
  'The board of trustees',
  'Volunteers at the food bank',
  'Shop owners along the high street',
  'The health department',
  'Parents at the primary school',
  'The football club',
  'The museum',
  'Engineers working on the bridge',
  'The mayor',
  'Two opposition members',
  'The union representing nurses',
];
const FILLER_VERBS = [
  'said',
  'announced',
  'argued',
  'warned',
  'reported',
  'suggested',
  'confirmed',
  'noted',
  'estimated',
  'explained',
];
const FILLER_WHEN = [
  'on Tuesday',
  'last week',
  'in a statement',
  'during a long meeting',
  'earlier this month',
  'on Friday evening',
  'in an interview',
  'at a press briefing',
  'in a letter to members',
  'after the vote',
];
const FILLER_MODALS = ['would', 'could', 'might', 'will', 'should', 'had to'];
const FILLER_ACTIONS = [
  'increase',
  'reduce',
  'review',
  'delay',
  'expand',
  'improve',
  'replace',
  'restore',
  'support',
  'reconsider',
];
const FILLER_OBJECTS = [
  'the budget for public libraries',
  'spending on road repairs',
  'the number of bus routes',
  'the price of electricity',
  'funding for after-school programmes',
  'the plan for new housing',
  'water quality in the river',
  'waiting times at the hospital',
  'rents in the old town',
  'the schedule for the autumn festival',
  'the opening hours of the swimming pool',
  'the cost of school meals',
  'parking rules near the station',
  'the recycling service',
  'grants for small businesses',
];
const FILLER_TAILS = [
  'before the end of the year',
  'within two months',
  'despite strong opposition',
  'after a long debate',
  'if the weather allows',
  'according to early estimates',
  'as demand keeps growing',
  'once the contracts are signed',
  'for the first time in a decade',
  'while the inquiry continues',
];
const FILLER_ADJECTIVES = [
  'old',
  'new',
  'busy',
  'quiet',
  'narrow',
  'crowded',
  'historic',
  'modest',
  'popular',
  'empty',
];
const FILLER_NOUNS = [
  'bridge',
  'market',
  'library',
  'station',
  'harbour',
  'square',
  'theatre',
  'garden',
  'factory',
  'stadium',
];
const FILLER_EVENTS = [
  'reopened after the repairs',
  'drew larger crowds than expected',
  'closed early because of the rain',
  'was repainted over the summer',
  'will host a concert this weekend',
  'needs a new roof',
  'attracted visitors from nearby towns',
  'has changed little in fifty years',
];
const FILLER_QUOTES = [
  'We are doing our best with what we have',
  'Nobody expected it to take this long',
  'It is a good start, but only a start',
  'People here want to be heard',
  'The numbers speak for themselves',
  'We will keep working on it',
];
/** Single words of the filler prose: generated claims draw concept variants from these so that some hit. */
export const FILLER_WORDS = [
  ...new Set(
    [...FILLER_OBJECTS, ...FILLER_EVENTS, ...FILLER_TAILS, ...FILLER_ACTIONS, ...FILLER_NOUNS, ...FILLER_ADJECTIVES]
      .join(' ')
      .split(/\s+/)
      .filter((w) => w.length > 3),
  ),
];
export const HEADINGS = [
  'What was decided',
  'Reactions in town',
  'The numbers',
  'What happens next',
  'Background',
  'A closer look',
  'Voices from the street',
  'The costs',
  'Looking ahead',
  'How we got here',
  'Other news',
  'In brief',
];
export const TOPICS = [
  'world',
  'politics',
  'business',
  'local',
  'culture',
  'sport',
  'science',
  'opinion',
  'travel',
  'weather',
];

export function fillerSentence(random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
    case 1:
      return `${random.pick(FILLER_SUBJECTS)} ${random.pick(FILLER_VERBS)} ${random.pick(FILLER_WHEN)} that the council ${random.pick(FILLER_MODALS)} ${random.pick(FILLER_ACTIONS)} ${random.pick(FILLER_OBJECTS)} ${random.pick(FILLER_TAILS)}.`;
    case 2:
      return `The ${random.pick(FILLER_ADJECTIVES)} ${random.pick(FILLER_NOUNS)} ${random.pick(FILLER_EVENTS)}.`;
    case 3:
      return `About ${random.int(12, 980)} people took part, ${random.int(2, 60)} more than the organisers had planned for, and most of them stayed until the end.`;
    default:
      return `“${random.pick(FILLER_QUOTES)},” ${random.pick(['said one resident', 'a volunteer said', 'the organiser said', 'said a shopkeeper'])}.`;
  }
}
