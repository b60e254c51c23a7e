/** Word lists the builder reads news text with: titles, role nouns, name heads, dates. */
import { MONTH_NAMES } from '../core/dates';

/** Titles before a person's name; the longest first so "Prime Minister" wins over "Minister". */
export const PERSON_TITLES = [
  'Assistant Secretary of State',
  'Secretary of State',
  'Prime Minister',
  'Vice President',
  'Foreign Minister',
  'Transport Minister',
  'Finance Minister',
  'Interior Minister',
  'Health Minister',
  'Defence Minister',
  'Defense Minister',
  'Education Minister',
  'Justice Minister',
  'Economy Minister',
  'Chief Executive',
  'Deputy Mayor',
  'President',
  'Premier',
  'Chancellor',
  'Minister',
  'Secretary',
  'Senator',
  'Governor',
  'Mayor',
  'Sheriff',
  'Justice',
  'Detective',
  'Inspector',
  'Captain',
  'Coach',
  'Councillor',
  'Councilor',
  'Professor',
  'Prof.',
  'Judge',
  'General',
  'Gen.',
  'Chairman',
  'Chairwoman',
  'Dr.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
];

/** Nouns that, after a name and a comma ("Cheng Xiaohe, a professor"), say the name is a person's. */
export const ROLE_NOUNS =
  /^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?(professor|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|head|director|chief|researcher|scientist|engineer|analyst|official|minister|secretary|mayor|councillor|councilor|president|chairman|chairwoman|founder|leader|author|economist|historian|lawyer|doctor|resident|manager|officer|commissioner|editor|reporter|student|teacher|ecologist|biologist|geologist|planner)\b/iu;

/** Last words that make a capitalised run an organisation's name. */
export const ORGANIZATION_HEADS = new Set(
  'university college school faculty institute center centre ministry department agency council committee commission union organization organisation association society foundation company corporation bank party court parliament assembly authority board office bureau service police army navy academy hospital laboratory museum group trust fund league federation network media kremlin pentagon senate congress cabinet chamber journal forum rail railway railways airline airlines airways systems analytics biologics labs'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an event's name ("Summit for Democracy", "Beijing Olympics"). */
export const EVENT_HEADS = new Set(
  'summit olympics games conference war election festival championship championships cup congress expo fair treaty accord revolution crisis marathon tournament fire hurricane earthquake'.split(
    ' ',
  ),
);

/** First words that keep "<head> of <name>" whole as a place ("Port of Valmont", "Gulf of Mexico"). */
export const PLACE_HEADS = new Set(
  'port city county gulf bay isle island islands cape lake mount river strait state republic province district kingdom sea'.split(
    ' ',
  ),
);

/** Lower-case nouns that make "<Place>'s ..." an organisation ("Russia's space program"). */
export const OWNED_ORGANIZATIONS =
  'space program|space programme|space agency|foreign ministry|defense ministry|defence ministry|central bank|parliament|military|navy|army|air force|health service|state media|state news media|state television|state broadcaster';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const MONTHS: readonly string[] = MONTH_NAMES;

/** "Dec." in "Dec. 15", "Sept" in "Sept 3": dates, not names. */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
].flatMap((m) => [m, `${m}.`]);

/**
 * Capitalised words news text uses that name nothing: directions ("the West"), religions' and games'
 * adjectives, abbreviations of ordinary phrases.
 */
export const NOT_NAMES = new Set([
  'North',
  'South',
  'East',
  'West',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Midwest',
  'Muslim',
  'Christian',
  'Jewish',
  'Catholic',
  'Protestant',
  'Hindu',
  'Buddhist',
  'Islamic',
  'Orthodox',
  'Olympic',
  'Paralympic',
  'Communist',
  'Socialist',
  'Democrat',
  'Republican',
  'Conservative',
  'Liberal',
  'R.S.V.P',
  'RSVP',
  'CEO',
  'GDP',
  'TV',
  'AM',
  'PM',
  'Photo',
  'Photograph',
  'Credit',
  'Image',
  'Video',
  'Advertisement',
  'Editor',
  'Reporter',
  'Staff',
  'Updated',
  'Published',
]);

/** Verbs that report speech, in plain English (the lexicon has undone the rewriter's). */
export const SPEECH_VERBS =
  'said|says|told|tells|added|adds|asked|wrote|writes|stated|declared|warned|argued|noted|explained|insisted|announced|claimed|replied|recalled|predicted|acknowledged';

/** Cues that a sentence states a limit of what the story reports. */
export const LIMIT_CUES =
  /\b(limits?|limitations?|friction|never|nor|stopped short|short of|neutrality|caveat|not yet|no evidence|uncertain|unclear|cannot be ruled out|does not mean|doesn't mean|too early|preliminary|only a)\b/i;
