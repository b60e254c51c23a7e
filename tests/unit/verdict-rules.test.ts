import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../scripts/eval';
import { SUMMIT_ID } from '../../scripts/load-dataset';
import { GENERIC_PHRASES_FILE, genericPhrasesJson } from '../../scripts/specificity';
import { annotate } from '../../src/core/annotate';
import { GENERIC_ZIPF, isSpecificPhrase, zipf } from '../../src/core/specificity';
import { isQuiet, storiesNamedOnly, storyShown } from '../../src/core/verdict';

const matcher = loadMatcher();

function summitVerdict(text: string) {
  const result = annotate(matcher, text);
  return { result, verdict: result.verdict.stories.find((v) => v.storyId === SUMMIT_ID)! };
}

/** A page about something else whose rails and ticker name the story's places and organisations. */
const GUN_LAWS_PAGE = [
  'Home | World | US & Canada | Europe | Business | Sport',
  'Three states tighten background checks after a year of campaigning',
  'Lawmakers in three states passed bills on Thursday that extend background checks to private sales at gun shows.',
  'Related: United States braces for a wet weekend. European Union agrees fishing quotas. Russia wins the ice hockey final. China opens a new high-speed line. Taiwan election: what to watch.',
  'Cookies help us run this site. Accept all | Manage',
].join('\u2029');

describe('the page verdict: highlights only where a story is the subject', () => {
  it('shows nothing on a page that names five of a story’s entities and states none of its facts', () => {
    const { result, verdict } = summitVerdict(GUN_LAWS_PAGE);
    expect(verdict.entityIds.length).toBeGreaterThanOrEqual(5);
    expect(result.annotations).toEqual([]);
    expect(result.similar).toEqual([]);
    expect(isQuiet(result.verdict)).toBe(true);
    expect(storiesNamedOnly(result.verdict).map((v) => v.storyId)).toEqual([SUMMIT_ID]);
  });

  it('shows those names when the reader asks for names everywhere', () => {
    const { verdict } = summitVerdict(GUN_LAWS_PAGE);
    const everywhere = annotate(matcher, GUN_LAWS_PAGE, undefined, { namesEverywhere: true });
    expect(storyShown(verdict, { namesEverywhere: true })).toBe(true);
    const names = everywhere.annotations.map((a) => GUN_LAWS_PAGE.slice(a.start, a.end));
    expect(names).toEqual(expect.arrayContaining(['United States', 'European Union', 'Russia', 'China', 'Taiwan']));
    expect(everywhere.annotations.every((a) => a.category === 'place' || a.category === 'organization')).toBe(true);
    expect(storiesNamedOnly(everywhere.verdict, { namesEverywhere: true })).toEqual([]);
  });

  it('takes no statement matched on generic words alone as evidence', () => {
    const page =
      'In the lawless space of the deep web, users have cooperated and pledged to explore together. The market reopened in February.';
    const { result, verdict } = summitVerdict(page);
    expect(verdict.statementIds).toContain('claim:space-cooperation-pledge');
    expect(verdict.specificStatementIds).toEqual([]);
    expect(verdict.kind).toBe('nothing');
    expect(result.annotations).toEqual([]);

    // Ordinary words ("exceed", "alliance", "relations") in a sentence that names the story's people are evidence.
    const named = summitVerdict(
      'In a video summit on Wednesday, Xi Jinping told Vladimir Putin that relations between China and Russia exceed an alliance.',
    );
    expect(named.verdict.specificStatementIds).toEqual(['quote:exceeds-alliance']);
    expect(named.verdict.kind).toBe('this-summit');
  });

  it('needs the story’s people, event or date to agree with a single statement', () => {
    const boycott = 'Canada announced a diplomatic boycott of the Winter Olympics, officials said.';
    const alone = summitVerdict(`${boycott}\u2029Weather: rain in Ottawa.`);
    expect(alone.verdict.specificStatementIds).toEqual(['claim:olympics-boycott']);
    expect(alone.verdict.eventScore).toBeGreaterThan(0);
    expect(alone.verdict.statementsShown).toBe(false);
    expect(alone.result.annotations).toEqual([]);

    const withXi = summitVerdict(`${boycott}\u2029Xi Jinping spoke to Vladimir Putin by video.`);
    expect(withXi.verdict.kind).toBe('this-summit');
    const dated = summitVerdict(`${boycott}\u2029The announcement came on December 15.`);
    expect(dated.verdict.kind).toBe('this-summit');
  });

  it('takes a Russian or Chinese statement in ordinary words, with a date of the story, for no report', () => {
    // Each used to be specific evidence (every Russian or Chinese wording counted as specific) and, with the date, a report.
    const cases = [
      [
        'Старые друзья надеются наконец лично встретиться в следующем году.\u2029Встреча пройдет 15 декабря.',
        'quote:meet-in-beijing',
      ],
      ['双方将相互支持，坚定支持彼此的核心利益。\u2029协议于12月15日签署。', 'quote:core-interests-support'],
    ];
    for (const [page, statement] of cases) {
      const { result, verdict } = summitVerdict(page!);
      expect(verdict.statementIds, page).toEqual([statement]);
      expect(verdict.eventScore, page).toBeGreaterThan(0);
      expect(verdict.specificStatementIds, page).toEqual([]);
      expect(verdict.kind, page).toBe('nothing');
      expect(result.annotations, page).toEqual([]);
    }

    // The same statements naming the story's people are evidence, in either language.
    const named = summitVerdict('Путин и Си Цзиньпин надеются наконец лично встретиться в следующем году.');
    expect(named.verdict.specificStatementIds).toEqual(['quote:meet-in-beijing']);
    const namedZh = summitVerdict('习近平对普京说，双方将相互支持，坚定支持彼此的核心利益。');
    expect(namedZh.verdict.specificStatementIds).toEqual(['quote:core-interests-support']);
  });

  it('calls a page another meeting only when the same people are named there', () => {
    const page = `${GUN_LAWS_PAGE}\u2029The Senate voted in 2024 on sanctions threatened if troops attacked Ukraine. Putin visits a factory.`;
    const { result, verdict } = summitVerdict(page);
    expect(verdict.eventScore).toBeLessThanOrEqual(-1);
    expect(verdict.specificStatementIds).toContain('claim:sanctions-threat');
    expect(verdict.kind).not.toBe('other-event');
    expect(result.annotations).toEqual([]);

    const withXi = summitVerdict(`${page} Xi Jinping welcomed him as an old friend.`);
    expect(withXi.verdict.kind).toBe('other-event');
    expect(withXi.result.annotations.length).toBeGreaterThan(0);
  });

  it('takes both leaders in a rail, each in a headline of his own, for no meeting; in one sentence, for one', () => {
    const rail = `${GUN_LAWS_PAGE}\u2029Most read: Putin signs decree on grain export quotas. Xi opens trade fair in 2024 with promise of lower tariffs.`;
    const apart = summitVerdict(rail);
    expect(apart.verdict.eventScore).toBeLessThanOrEqual(-1);
    expect(apart.verdict.entityIds).toEqual(expect.arrayContaining(['person:xi-jinping', 'person:vladimir-putin']));
    expect(apart.verdict.kind).toBe('other-topic');
    expect(apart.result.annotations).toEqual([]);

    const together = summitVerdict(
      `${rail}\u2029Xi Jinping and Vladimir Putin held a video call in 2024, the Kremlin said.`,
    );
    expect(together.verdict.kind).toBe('other-event');
    expect(together.result.annotations.length).toBeGreaterThan(0);
  });
});

describe('specificity from word frequency', () => {
  it('reads words common in ordinary English as generic, rare words, names and numbers as specific', () => {
    for (const word of ['space', 'cooperate', 'meeting', 'talks', 'agreement', 'pressure'])
      expect(zipf(word), word).toBeGreaterThan(GENERIC_ZIPF);
    expect(isSpecificPhrase('space cooperation')).toBe(false);
    expect(isSpecificPhrase('brinkmanship')).toBe(true);
    expect(isSpecificPhrase('Ushakov')).toBe(true);
    expect(isSpecificPhrase('37')).toBe(true);
  });

  it('reads Russian and Chinese wordings by their own languages’ word frequency', () => {
    for (const phrase of [
      'встреча',
      'сотрудничество',
      'переговоры',
      'лично',
      '合作',
      '关系',
      '支持',
      '核心利益',
      '相互',
    ])
      expect(isSpecificPhrase(phrase), phrase).toBe(false);
    for (const phrase of ['бойкот', 'политизировать', 'Олимпиада', '抵制', '政治化', '冬奥会', '冬奧會'])
      expect(isSpecificPhrase(phrase), phrase).toBe(true);
    // A number is specific in any language; a wording the generated list does not know counts as specific.
    expect(isSpecificPhrase('12月6日')).toBe(true);
    expect(isSpecificPhrase('6 декабря')).toBe(true);
    expect(isSpecificPhrase('совершенно новая формулировка')).toBe(true);
  });

  it('has the generic Russian and Chinese wordings of the dataset as `npm run specificity` writes them', () => {
    expect(readFileSync(GENERIC_PHRASES_FILE, 'utf8')).toBe(genericPhrasesJson());
  });

  it('marks the compiled entities by it: people and events, and places or organisations with rare names', () => {
    const { data } = matcher;
    const specificOf = (id: string) => data.facts.find((f) => f.id === id)!.specific;
    expect(specificOf('person:vladimir-putin')).toBe(true);
    expect(specificOf('place:china')).toBe(false);
    expect(specificOf('place:taiwan')).toBe(false);
    expect(specificOf('organization:levada-center')).toBe(true);
    expect(specificOf('place:khabarovsk')).toBe(true);
  });
});
