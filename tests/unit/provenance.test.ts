/** The provenance check: it passes on the real dataset and fails, with the right path, on planted defects. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main as checkFacts, copyText } from '../../scripts/check-facts';
import { parseLexicon } from '../../src/core/dataset';
import {
  checkProvenance,
  checkSharedEntities,
  type ProvenanceFailure,
  quotedPassages,
} from '../../src/core/provenance';
import { readJson } from './helpers';

const lexicon = parseLexicon(readJson('data/spin-lexicon.json'));
const sourceText = copyText();
// biome-ignore lint/suspicious/noExplicitAny: planting defects means editing the raw JSON freely
type RawStory = Record<string, any>;
const SUMMIT = 'data/stories/xi-putin-video-summit-2021/story.json';
const story = () => structuredClone(readJson(SUMMIT)) as RawStory;
const entities = () => structuredClone(readJson('data/entities.json')) as RawStory;
const check = (input: unknown, shared: unknown = entities()) =>
  checkProvenance(input, lexicon, { sourceText, entities: shared });

function indexOf(input: RawStory, id: string): number {
  const index = input.facts.findIndex((f: { id: string }) => f.id === id);
  expect(index, id).toBeGreaterThanOrEqual(0);
  return index;
}

const paths = (failures: ProvenanceFailure[]) => failures.map((f) => f.path);

describe('provenance check on the dataset', () => {
  it('passes: every reader-facing text rests on its evidence', () => {
    expect(check(story())).toEqual([]);
  });

  it('finds quoted passages in curly and straight quotation marks', () => {
    expect(quotedPassages('under the guise of “democracy” and "human rights", he said')).toEqual([
      'democracy',
      'human rights',
    ]);
  });
});

describe('provenance check on planted defects', () => {
  it('fails on a changed number, written in digits or in words', () => {
    const input = story();
    const i = indexOf(input, 'claim:37th-meeting');
    input.facts[i].card = input.facts[i].card.replace('37th', '38th');
    const j = indexOf(input, 'claim:border-length');
    input.facts[j].title = 'A land border of more than two thousand seven hundred miles';
    const context = input.summary.context.findIndex((l: { text: string }) => l.text.includes('37th'));
    input.summary.context[context].text = input.summary.context[context].text.replace('since 2013', 'since 2012');
    const failures = check(input);
    expect(failures).toContainEqual({ path: `facts.${i}.card`, message: expect.stringMatching(/number 38 /) });
    expect(failures).toContainEqual({ path: `facts.${j}.title`, message: expect.stringMatching(/number 2700 /) });
    expect(failures).toContainEqual({
      path: `summary.context.${context}.text`,
      message: expect.stringMatching(/number 2012 /),
    });
    expect(failures).toHaveLength(3);
  });

  it('accepts a number in other words ("thirty-seventh" for the copy\'s "thirty seventh")', () => {
    const input = story();
    const i = indexOf(input, 'claim:37th-meeting');
    input.facts[i].card = 'According to Xi, it was the thirty-seventh time he and Putin had met since 2013.';
    expect(check(input)).toEqual([]);
  });

  it('fails on an invented quotation, in a card, a quote or a summary line', () => {
    const input = story();
    const i = indexOf(input, 'quote:exceeds-alliance');
    input.facts[i].card = 'Xi called the relationship “stronger than any alliance in history”.';
    const j = indexOf(input, 'quote:judged-by-own-people');
    input.facts[j].quote = 'Whether a country is democratic can only be judged by its own people.';
    const remark = input.summary.remarks.findIndex((l: { text: string }) => l.text.includes('guise'));
    // The old wording, which joined two separately quoted words into one quotation.
    input.summary.remarks[remark].text =
      'Xi denounced interference “under the guise of democracy and human rights”, according to the Chinese account.';
    const failures = check(input);
    expect(paths(failures)).toEqual([`facts.${i}.card`, `facts.${j}.quote`, `summary.remarks.${remark}.text`]);
    expect(failures[0]!.message).toMatch(/stronger than any alliance in history/);
  });

  it("accepts a quotation the lexicon maps back from the copy's reworded words", () => {
    const input = story();
    const i = indexOf(input, 'claim:safeguard-security-interests');
    // The copy says "extra successfully safeguard the safety pursuits of each events".
    input.facts[i].card =
      'Xi called for joint action “to more effectively safeguard the security interests of both parties”.';
    expect(check(input)).toEqual([]);
  });

  it('reads the copy\'s "primarily based on" as "based on", not "based upon"', () => {
    const input = story();
    const i = indexOf(input, 'quote:new-model-of-cooperation');
    expect(input.facts[i].quote).toContain('based on foundations');
    input.facts[i].quote = input.facts[i].quote.replace('based on', 'based upon');
    expect(paths(check(input))).toEqual([`facts.${i}.quote`]);
  });

  it("fails on a quote that merges two speakers' words without saying whose each part is", () => {
    const input = story();
    const i = indexOf(input, 'quote:old-friend');
    expect(input.facts[i].quote).toMatch(/^Xi: .* \/ Putin: /);
    input.facts[i].quote = 'Old friend. / Dear friend. / Esteemed friend.';
    const failures = check(input);
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/“Old friend\.”: a quote of several speakers says whose words each part has/),
      expect.stringMatching(/“Dear friend\.”: a quote of several speakers/),
      expect.stringMatching(/“Esteemed friend\.”: a quote of several speakers/),
    ]);
    expect(new Set(paths(failures))).toEqual(new Set([`facts.${i}.quote`]));

    const mislabelled = story();
    mislabelled.facts[i].quote = 'Biden: Old friend. / Putin: Dear friend … esteemed friend.';
    expect(check(mislabelled).map((f) => f.message)).toEqual([
      expect.stringMatching(/“Biden: Old friend\.”: a quote of several speakers/),
      expect.stringMatching(/the quotation “Biden: Old friend\.” is not in its evidence/),
    ]);
  });

  it('fails on a missing attribution, speaker or "according to"', () => {
    const input = story();
    const i = indexOf(input, 'claim:sanctions-threat');
    delete input.facts[i].attribution;
    expect(paths(check(input))).toEqual([`facts.${i}.attribution`]);

    const empty = story();
    const j = indexOf(empty, 'quote:guise-of-democracy');
    empty.facts[j].attribution.accordingTo = ' ';
    expect(paths(check(empty))).toEqual([`facts.${j}.attribution.accordingTo`]);
  });

  it('fails on an attribution its evidence does not make', () => {
    const input = story();
    const i = indexOf(input, 'claim:safeguard-security-interests');
    input.facts[i].attribution.accordingTo = 'Chinese state media';
    const j = indexOf(input, 'claim:personal-chemistry');
    input.facts[j].attribution.speaker = 'Analysts';
    const failures = check(input);
    expect(failures).toContainEqual({
      path: `facts.${i}.attribution.accordingTo`,
      message: expect.stringMatching(/Chinese state media” is not named in its evidence/),
    });
    expect(failures).toContainEqual({
      path: `facts.${j}.attribution.speaker`,
      message: expect.stringMatching(/as it reads mid-sentence/),
    });
  });

  it('reads a speaker the report leaves open ("A or the reporters") party by party', () => {
    const input = story();
    const i = indexOf(input, 'claim:especially-true-uncertainty');
    expect(input.facts[i].attribution.speaker).toMatch(/^Cheng Xiaohe or the reporters/);
    expect(check(input)).toEqual([]);
    input.facts[i].attribution.speaker = 'Wang Yi or the reporters (the report does not say which)';
    expect(check(input)).toContainEqual({
      path: `facts.${i}.attribution.speaker`,
      message: expect.stringMatching(/Wang Yi or the reporters .* is not named in its evidence/),
    });
  });

  it('fails on a summary line that drops the attribution of the claim it rests on', () => {
    const input = story();
    const outcome = input.summary.outcomes.findIndex((l: { basis: string[] }) =>
      l.basis.includes('claim:financial-infrastructure'),
    );
    input.summary.outcomes[outcome].text = input.summary.outcomes[outcome].text.replace(', Ushakov said', '');
    expect(check(input)).toEqual([
      {
        path: `summary.outcomes.${outcome}.text`,
        message: expect.stringMatching(/according to Kremlin aide Yuri Ushakov/),
      },
    ]);
  });

  it('fails on an unsourced headline, a headline without where it was seen, or a URL', () => {
    const titled = story();
    titled.source.title = 'Putin and Xi Close Ranks in Video Summit as the West Turns Up the Pressure';
    expect(check(titled)).toEqual([{ path: 'source', message: expect.stringMatching(/title/) }]);

    const unplaced = story();
    delete unplaced.source.headlinesSeen[0].where;
    expect(paths(check(unplaced))).toEqual(['source.headlinesSeen.0.where']);

    const linked = story();
    linked.source.headlinesSeen[0].where = 'https://example.com/2021/12/15/putin-xi';
    expect(check(linked)).toEqual([{ path: 'source', message: 'holds a URL' }]);
  });

  it('fails on a reporter the credit line does not name, and on evidence not in the copy', () => {
    const input = story();
    input.source.reporters.names.push('Jane Doe');
    const i = input.entityRefs.findIndex((r: { id: string }) => r.id === 'place:khabarovsk');
    input.entityRefs[i].evidence = 'The two countries fought a border war near Khabarovsk in 1969.';
    expect(paths(check(input))).toEqual(['source.reporters.names.2', `entityRefs.${i}.evidence`]);
  });
});

describe('provenance check on shared entities', () => {
  const indexIn = (file: RawStory, id: string) => file.entities.findIndex((e: { id: string }) => e.id === id);

  it("fails on a shared card's number that no story using it supports, naming entities.json", () => {
    const shared = entities();
    const k = indexIn(shared, 'place:crimea');
    shared.entities[k].card = 'Ukrainian peninsula annexed by Russia in 2015.';
    const j = indexIn(shared, 'person:joe-biden');
    // The boycott came "from Mr. Biden and others": a card saying he led it has no evidence, nor its year.
    shared.entities[j].card = 'President of the United States, who led the 2022 Olympic boycott.';
    const failures = check(story(), shared);
    expect(failures).toEqual([
      { file: 'data/entities.json', path: `entities.${j}.card`, message: expect.stringMatching(/number 2022 /) },
      { file: 'data/entities.json', path: `entities.${k}.card`, message: expect.stringMatching(/number 2015 /) },
    ]);
  });

  it("fails on a story's role for a shared entity that its evidence does not support", () => {
    const input = story();
    const i = input.entityRefs.findIndex((r: { id: string }) => r.id === 'organization:nato');
    input.entityRefs[i].role = 'The alliance Putin wants to keep from “taking in Ukraine”.';
    expect(check(input)).toEqual([
      { path: `entityRefs.${i}.role`, message: expect.stringMatching(/taking in Ukraine” are not in its evidence/) },
    ]);
  });

  it('fails on a shared card that quotes, links or that no pack uses', () => {
    const shared = entities();
    const k = indexIn(shared, 'organization:nato');
    shared.entities[k].card = 'The alliance that “keeps the peace”, see www.nato.int.';
    const used = new Set<string>(story().entityRefs.map((r: { id: string }) => r.id));
    used.delete('place:pacific');
    const failures = checkSharedEntities(shared, used);
    expect(failures.map((f) => `${f.path}: ${f.message}`)).toEqual([
      `entities.${k}.card: organization:nato: holds a URL`,
      `entities.${k}.card: organization:nato: a shared card quotes nobody (quotations go in a story)`,
      `entities.${indexIn(shared, 'place:pacific')}.id: place:pacific: no story pack refers to it, so no evidence backs its card`,
    ]);
  });

  it('refuses a story referring to a shared entity entities.json lacks', () => {
    const shared = entities();
    shared.entities.splice(indexIn(shared, 'place:taiwan'), 1);
    expect(check(story(), shared)).toEqual([
      { path: expect.stringMatching(/^entityRefs\.\d+\.id$/), message: expect.stringMatching(/place:taiwan/) },
    ]);
  });
});

describe('provenance check on credit', () => {
  const refIndex = (input: RawStory, id: string) => input.entityRefs.findIndex((r: { id: string }) => r.id === id);

  it("fails on a role that credits a speaker's remarks to another party than their own attribution", () => {
    const input = story();
    const r = refIndex(input, 'organization:chinese-state-media');
    // The role as it was: the "exceeds an alliance" remark is Ushakov's account, not the Chinese account.
    input.entityRefs[r].role =
      'China’s state-run news media. Reports in them are the source of Xi’s remark that China and Russia “firmly support each other” on their core interests; Xi’s other remarks come from the Chinese account of the call.';
    expect(check(input)).toEqual([
      {
        path: `entityRefs.${r}.role`,
        message: 'credits claim:37th-meeting to the Chinese account, but it is according to Xi Jinping',
      },
      {
        path: `entityRefs.${r}.role`,
        message:
          'credits quote:exceeds-alliance to the Chinese account, but it is according to Kremlin aide Yuri Ushakov',
      },
    ]);
  });

  it('fails on a card or role crediting a quoted remark, or its own fact, to the wrong party', () => {
    const input = story();
    const i = indexOf(input, 'quote:exceeds-alliance');
    input.facts[i].card = input.facts[i].card.replace(
      'according to Kremlin aide Yuri Ushakov, who briefed reporters after the call',
      'according to reports in Chinese state media',
    );
    const r = refIndex(input, 'organization:kremlin');
    input.entityRefs[r].role =
      'According to the Chinese account, Xi said the relationship “even exceeds an alliance” in its closeness.';
    expect(check(input)).toEqual([
      {
        path: `facts.${i}.card`,
        message: expect.stringMatching(/credits quote:exceeds-alliance to Chinese state media, but it is according to/),
      },
      {
        path: `entityRefs.${r}.role`,
        message: expect.stringMatching(/credits quote:exceeds-alliance to the Chinese account/),
      },
    ]);
  });

  it("fails on a statement related to a party that reports others' words but is not that party's report", () => {
    const input = story();
    const i = indexOf(input, 'claim:chinese-account-omits-ukraine');
    input.facts[i].related.push('organization:chinese-state-media');
    expect(check(input)).toEqual([
      {
        path: `facts.${i}.related.${input.facts[i].related.length - 1}`,
        message: expect.stringMatching(/relates to organization:chinese-state-media, which reports others' words/),
      },
    ]);
  });

  it("fails on a bare title for an analyst's opinion, unless an editor vouched for it", () => {
    const input = story();
    const i = indexOf(input, 'limit:ukraine-taiwan');
    input.facts[i].title = 'No backing for adventures over Ukraine or Taiwan';
    const j = indexOf(input, 'claim:personal-chemistry');
    input.facts[j].title = 'Personal chemistry between the leaders';
    expect(check(input)).toEqual([
      { path: `facts.${j}.title`, message: expect.stringMatching(/states the opinion of analysts as fact/) },
      { path: `facts.${i}.title`, message: expect.stringMatching(/states the opinion of Sergey Radchenko as fact/) },
    ]);
    input.facts[i].titleCheckedByEditor = 'Checked: both capitals said as much on the record.';
    input.facts[j].title = 'Personal chemistry may matter, analysts say';
    expect(check(input)).toEqual([]);
  });

  it('takes a statement marked as opinion for one, whoever says it', () => {
    const input = story();
    const i = indexOf(input, 'claim:putin-brinkmanship');
    input.facts[i].attribution.opinion = true;
    expect(paths(check(input))).toEqual([`facts.${i}.title`]);
  });
});

describe('provenance check on time', () => {
  const indexIn = (file: RawStory, id: string) => file.entities.findIndex((e: { id: string }) => e.id === id);

  it('fails on a shared person card that names an office without when it was held', () => {
    const shared = entities();
    const k = indexIn(shared, 'person:joe-biden');
    expect(shared.entities[k].card).toMatch(/\(2021–2025\)/);
    shared.entities[k].card = 'President of the United States.';
    const used = new Set<string>(story().entityRefs.map((r: { id: string }) => r.id));
    expect(checkSharedEntities(shared, used)).toEqual([
      {
        path: `entities.${k}.card`,
        message: expect.stringMatching(/^person:joe-biden: a shared card names an office without when it was held/),
        file: 'data/entities.json',
      },
    ]);
  });

  it("fails on a story's person card without the time of the office, or with a term that misses the story", () => {
    const input = story();
    const i = indexOf(input, 'person:karen-donfried');
    input.facts[i].card = 'U.S. Assistant Secretary of State for European and Eurasian Affairs.';
    const j = indexOf(input, 'person:dmitri-rogozin');
    input.facts[j].card = 'Head of Roscosmos, Russia’s space program (2023–2025).';
    expect(check(input)).toEqual([
      { path: `facts.${i}.card`, message: expect.stringMatching(/names an office without when it was held/) },
      {
        path: `facts.${j}.card`,
        message: expect.stringMatching(/no term of office it gives covers the story's year, 2021/),
      },
    ]);
  });

  it('fails on a story text with a relative time word outside a quotation, not inside one', () => {
    const input = story();
    const i = indexOf(input, 'claim:levada-70-percent');
    input.facts[i].card = input.facts[i].card.replace(
      'In December 2021, 70 percent of Russians had',
      'Now 70 percent of Russians have',
    );
    const j = indexOf(input, 'claim:olympics-boycott');
    input.facts[j].card =
      'Xi faced a diplomatic boycott of this winter’s Beijing Olympics from President Biden and others.';
    const r = input.entityRefs.findIndex((ref: { id: string }) => ref.id === 'person:narendra-modi');
    input.entityRefs[r].role = 'Putin visited him in New Delhi last week.';
    const failures = check(input);
    expect(failures).toEqual([
      { path: `facts.${j}.card`, message: expect.stringMatching(/“this winter’s” dates the text/) },
      { path: `facts.${i}.card`, message: expect.stringMatching(/“Now” dates the text/) },
      { path: `entityRefs.${r}.role`, message: expect.stringMatching(/“last week” dates the text/) },
    ]);
    // Putin's own “in February of next year” is his today, quoted: the dataset passes with it.
    const quoted = story();
    expect(quoted.facts[indexOf(quoted, 'quote:meet-in-beijing')].card).toContain('“in February of next year”');
    expect(check(quoted)).toEqual([]);
  });
});

describe('npm run check:facts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-facts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(input: unknown): { code: number; output: string } {
    const file = join(dir, 'story.json');
    writeFileSync(file, JSON.stringify(input));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      return { code: checkFacts(file), output: lines.join('\n') };
    } finally {
      log.mockRestore();
    }
  }

  it('prints each failure with its path and exits non-zero', () => {
    const input = story();
    const i = indexOf(input, 'claim:levada-70-percent');
    input.facts[i].card = input.facts[i].card.replace('70 percent', '75 percent');
    const { code, output } = run(input);
    expect(code).toBe(1);
    expect(output).toContain(`facts.${i}.card: claim:levada-70-percent: the number 75 is not in its evidence`);
  });

  it('exits zero on the dataset as it is', () => {
    expect(run(story()).code).toBe(0);
  });
});
