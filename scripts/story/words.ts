/** Word lists the builder reads news text with: titles, role nouns, name heads, dates. */

/** Titles before a person's name; the longest first so "Prime Minister" wins over "Minister". */
export const PERSON_TITLES = [
  'Assistant Secretary of State',
  'Secretary of State',
  'Prime Minister',
  'Vice President',
  'Foreign Minister',
  'Deputy Mayor',
  'President',
  'Premier',
  'Chancellor',
  'Minister',
  'Secretary',
  'Senator',
  'Governor',
  'Mayor',
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
  'university college school faculty institute center centre ministry department agency council committee commission union organization organisation association society foundation company corporation bank party court parliament assembly authority board office bureau service police army navy academy hospital laboratory museum group trust fund league federation network media kremlin pentagon senate congress cabinet'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an event's name ("Summit for Democracy", "Beijing Olympics"). */
export const EVENT_HEADS = new Set(
  'summit olympics games conference war election festival championship cup forum congress expo fair treaty accord revolution crisis'.split(
    ' ',
  ),
);

/** Lower-case nouns that make "<Place>'s ..." an organisation ("Russia's space program"). */
export const OWNED_ORGANIZATIONS =
  'space program|space programme|space agency|foreign ministry|defense ministry|defence ministry|central bank|parliament|military|navy|army|air force|health service|state media|state news media|state television|state broadcaster';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Verbs that report speech, in plain English (the lexicon has undone the rewriter's). */
export const SPEECH_VERBS =
  'said|says|told|tells|added|adds|asked|wrote|writes|stated|declared|warned|argued|noted|explained|insisted|announced|claimed|replied|recalled|predicted|acknowledged';

/** Cues that a sentence states a limit of what the story reports. */
export const LIMIT_CUES =
  /\b(limits?|limitations?|friction|never|nor|stopped short|short of|neutrality|caveat|not yet|no evidence|uncertain|unclear|cannot be ruled out|does not mean|doesn't mean|too early|preliminary|only a)\b/i;
