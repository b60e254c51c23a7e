/**
 * The pages the benchmark loads, all generated from fixed seeds: story pages
 * (news pages, 15 % of whose sentences are the story's), quiet pages (unrelated
 * news that names China, Russia, Beijing or Moscow in passing, as news does),
 * and a live blog that rewrites itself every 50 ms and counts its own timer ticks.
 */
import { capitalize, fillerSentence, HEADINGS, TOPICS } from './corpus';
import { Random } from './random';

/** Marks the end of DOMContentLoaded: where the traced window of a page load starts (see extension-runs.ts). */
export const READY_STAMP = 'nic-page-ready';
const READY_MARK = `<script>addEventListener('DOMContentLoaded', () => performance.mark('${READY_STAMP}'))</script>`;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sentence as HTML, sometimes with a few of its words in a link or emphasis (names get split across elements too). */
function inlineMarkup(random: Random, sentence: string, joiner: string): string {
  if (!random.chance(0.3)) return escapeHtml(sentence);
  // Chinese has no spaces: a few characters then.
  const words = joiner ? sentence.split(joiner) : [...sentence];
  const length = Math.min(words.length, random.int(1, 3));
  const from = random.int(0, words.length - length);
  const inner = escapeHtml(words.slice(from, from + length).join(joiner));
  const tag = random.chance(0.6)
    ? `<a href="/${random.pick(TOPICS)}/${random.int(1000, 9999)}">${inner}</a>`
    : random.chance(0.5)
      ? `<em>${inner}</em>`
      : `<strong>${inner}</strong>`;
  return [escapeHtml(words.slice(0, from).join(joiner)), tag, escapeHtml(words.slice(from + length).join(joiner))]
    .filter(Boolean)
    .join(joiner);
}

export interface GeneratedPage {
  html: string;
  textChars: number;
  /** The share of the text taken from the special sentences (the story's, or the passing mentions). */
  specialShare: number;
}

/** The language of a generated page: its filler sentences and what joins its sentences. */
export interface PageLanguage {
  lang: string;
  filler(random: Random): string;
  /** Between the sentences of a paragraph (and the words of one): a space, or nothing in Chinese. */
  joiner: string;
}

const ENGLISH: PageLanguage = { lang: 'en', filler: fillerSentence, joiner: ' ' };

/** A story page: 15 % of its sentences from the story (in `language`, English by default). */
export function storyPage(
  target: number,
  story: readonly string[],
  seed: number,
  language: PageLanguage = ENGLISH,
): GeneratedPage {
  return newsPage(target, story, 0.15, seed, language);
}

/** Sentences of unrelated news that name the story's countries and capitals in passing. */
function passingMentions(random: Random, count: number): string[] {
  const templates = [
    () => `Soybean exports to China rose ${random.int(3, 19)} % in the last quarter, the farmers' association said.`,
    () =>
      `The orchestra returns from a ${random.int(5, 14)}-city tour that ended in Beijing, where it played to a full hall.`,
    () => `Flights between Moscow and the coast were delayed by up to ${random.int(2, 6)} hours after the storm.`,
    () =>
      `The museum's new wing shows ceramics lent by a collector who lived in Beijing for ${random.int(10, 30)} years.`,
    () =>
      `Wheat prices fell after Russia reported a larger harvest than expected, traders said on ${random.pick(['Monday', 'Tuesday', 'Friday'])}.`,
    () => `The chess club's champion drew her final game against a grandmaster from Moscow.`,
    () => `Solar panels made in China still account for most of the town's new installations.`,
    () => `A delegation of teachers from Russia visited the primary school to compare reading programmes.`,
    () =>
      `Shipping costs from China to the port eased for the ${random.pick(['second', 'third', 'fourth'])} month running.`,
    () => `The film festival opens with a documentary about a jazz band touring Russia in the 1990s.`,
    () => `Students can apply for a summer exchange with a university in Beijing until ${random.int(1, 28)} March.`,
    () =>
      `The ice hockey team lost ${random.int(1, 4)}-${random.int(5, 7)} to a visiting side from Moscow on Saturday.`,
  ];
  return Array.from({ length: count }, () => random.pick(templates)());
}

/** A quiet page: unrelated news, 4 % of whose sentences name China, Russia, Beijing or Moscow in passing. */
export function quietPage(target: number, seed: number): GeneratedPage {
  return newsPage(target, passingMentions(new Random(seed + 1), 200), 0.04, seed);
}

/** A quiet page with none of the stories' words: the same unrelated news, and nothing in passing. */
export function wordlessPage(target: number, seed: number): GeneratedPage {
  return newsPage(target, [], 0, seed);
}

/** The live blog's storm, as its own script runs it (and as the extension's figures are read from it). */
export const STORM = { intervalMs: 50, paragraphsPerTick: 50, cap: 400, seconds: 10 } as const;

/** How long the live blog watches, once its storm is over, for a highlight on its newest entry. */
export const NEWEST_WATCH_MS = 10_000;

/** What the live blog reports on `window.nicStorm` when its storm is over. */
export interface StormReport {
  ticks: number;
  longestGapMs: number;
  seconds: number;
}

/** What each entry of a live blog carries, and whether the page also rewrites an older entry each tick. */
export interface LiveBlogKind {
  /** Entry i starts with a sentence of the story when i % storyEvery === 0. */
  storyEvery: number;
  /** Each tick also rewrites the text of an older entry in place (a ticker correcting itself). */
  editInPlace: boolean;
}

/** The bench's live blog: every other entry names the story, nothing is edited in place. */
export const LIVE_BLOG: LiveBlogKind = { storyEvery: 2, editInPlace: false };
/** The dense live page (`stormDense`): every entry names the story, and an older entry is rewritten each tick. */
export const DENSE_LIVE_BLOG: LiveBlogKind = { storyEvery: 1, editInPlace: true };

/**
 * Sentences a dense live page's entries start with: a sentence of the story, then one naming Putin,
 * Xi, the Beijing Olympics and NATO.
 */
export function denseEntrySentences(random: Random, count: number, story: readonly string[]): string[] {
  const names = [
    () =>
      `${random.pick(['Putin', 'Vladimir Putin', 'President Putin'])} told ${random.pick(['Xi', 'Xi Jinping', 'President Xi'])} he would attend the Beijing Olympics, while NATO ministers met in ${random.pick(['Riga', 'Brussels', 'Warsaw'])}.`,
    () =>
      `Xi Jinping and Vladimir Putin spoke for ${random.int(40, 110)} minutes about NATO and the Beijing Olympics, aides said.`,
    () =>
      `Update ${random.int(1, 999)}: officials say Mr. Putin and Mr. Xi agreed to meet at the Beijing Olympics; NATO declined to comment.`,
    () =>
      `NATO's secretary general answered questions on Putin and Xi, and on who would go to the Beijing Olympics in February.`,
  ];
  return Array.from({ length: count }, () => `${random.pick(story)} ${random.pick(names)()}`);
}

/**
 * A live blog: 50 entries of story and filler sentences; once loaded, its own 50 ms timer prepends 50 more
 * (the list capped at 400) for 10 s, counting its ticks and the longest gap between them. With
 * `editInPlace`, each tick also rewrites the text of an older entry (the tenth from the top).
 */
export function liveBlogPage(story: readonly string[], seed: number, kind: LiveBlogKind = LIVE_BLOG): string {
  const random = new Random(seed);
  const entries = Array.from({ length: 600 }, (_, i) =>
    `${i % kind.storyEvery === 0 ? `${random.pick(story)} ` : ''}${fillerSentence(random)} ${fillerSentence(random)}`.trim(),
  );
  const data = JSON.stringify(entries).replace(/</g, '\\u003c');
  const first = entries.slice(0, STORM.paragraphsPerTick).map((e) => `<li><p>${escapeHtml(e)}</p></li>`);
  const edit = kind.editInPlace
    ? `
    const older = feed.children[10];
    if (older) older.firstElementChild.firstChild.data = entries[(next * 7) % entries.length] + ' (corrected)';`
    : '';
  const script = `
const entries = ${data};
// Once the storm is over: the first frame that paints a highlight on the newest entry, if any does.
const watchNewest = (newest, ended) => {
  const frame = () => {
    let painted = false;
    CSS.highlights.forEach((highlight) => {
      for (const range of highlight) if (newest.contains(range.startContainer)) painted = true;
    });
    if (painted) window.nicNewestHighlightedMs = performance.now() - ended;
    else if (performance.now() - ended < ${NEWEST_WATCH_MS}) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
const feed = document.getElementById('feed');
let next = ${STORM.paragraphsPerTick};
addEventListener('load', () => {
  const start = performance.now();
  let last = start;
  let ticks = 0;
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
    const batch = document.createDocumentFragment();
    for (let i = 0; i < ${STORM.paragraphsPerTick}; i++) {
      const item = document.createElement('li');
      const p = document.createElement('p');
      p.textContent = entries[next++ % entries.length];
      item.append(p);
      batch.append(item);
    }
    feed.prepend(batch);${edit}
    while (feed.childElementCount > ${STORM.cap}) feed.lastElementChild.remove();
    if (now - start >= ${STORM.seconds * 1000}) {
      clearInterval(timer);
      window.nicStorm = { ticks, longestGapMs, seconds: (now - start) / 1000 };
      watchNewest(feed.firstElementChild, now);
    }
  }, ${STORM.intervalMs});
});`;
  return [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Live: the day as it happens</title>',
    READY_MARK,
    '<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:0 auto;padding:1em}</style>\n</head>\n<body>',
    '<header><h1>Live: the day as it happens</h1></header>',
    `<main><ol id="feed">\n${first.join('\n')}\n</ol></main>`,
    `<script>${script}</script>`,
    '</body>\n</html>\n',
  ].join('\n');
}

/** About 300 characters naming Putin and Xi, different each time. */
export function appendedParagraph(random: Random, n: number): string {
  const openers = [
    `Update ${n}: Vladimir Putin and Xi Jinping spoke again about trade and security,`,
    `In a later note (${n}), aides to Mr. Putin said he and Mr. Xi had agreed to keep in touch,`,
    `Reporters asked about the call (${n}); officials said President Putin and President Xi`,
  ];
  let text = `${random.pick(openers)} ${fillerSentence(random)} ${fillerSentence(random)}`;
  while (text.length < 300) text += ` ${fillerSentence(random)}`;
  return text.slice(0, 320).replace(/\s+\S*$/, '.');
}
/**
 * A news page of about `target` characters of text: several <article>s of
 * headings, paragraphs, lists and quotes, a `share` of whose sentences come
 * from `special` (the rest is filler prose), with links and emphasis inside.
 */
function newsPage(
  target: number,
  special: readonly string[],
  share: number,
  seed: number,
  language: PageLanguage = ENGLISH,
): GeneratedPage {
  const random = new Random(seed);
  const out: string[] = [];
  let text = 0;
  let specialText = 0;
  const emit = (html: string, plain: number) => {
    out.push(html);
    text += plain;
  };
  const sentence = (): string => {
    if (random.chance(share)) {
      const s = random.pick(special);
      specialText += s.length;
      return s;
    }
    return language.filler(random);
  };
  const { joiner } = language;
  const paragraph = (count: number): { html: string; chars: number } => {
    const sentences = Array.from({ length: count }, sentence);
    return {
      html: sentences.map((s) => inlineMarkup(random, s, joiner)).join(joiner),
      chars: sentences.join(joiner).length,
    };
  };

  out.push(
    `<!DOCTYPE html>\n<html lang="${language.lang}">\n<head>\n<meta charset="utf-8">\n<title>The Daily Ledger</title>\n${READY_MARK}\n`,
  );
  out.push(
    '<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:0 auto;padding:1em}</style>\n</head>\n<body>\n',
  );
  out.push(
    `<header><div class="site">The Daily Ledger</div><nav>${TOPICS.map((t) => `<a href="/${t}">${capitalize(t)}</a>`).join(' | ')}</nav></header>\n<main>\n`,
  );
  let articleNo = 0;
  while (text < target) {
    articleNo++;
    const articleTarget = Math.min(target, text + random.int(20_000, 40_000));
    const headline = sentence().replace(/[.!?。]$/, '');
    emit(`<article>\n<h1>${escapeHtml(headline)}</h1>\n`, headline.length);
    emit(`<p class="byline">By staff writers · Story ${articleNo}</p>\n`, 25);
    let sinceHeading = 0;
    while (text < articleTarget) {
      if (sinceHeading > random.int(6, 12)) {
        const heading = random.pick(HEADINGS);
        emit(`<h2>${heading}</h2>\n`, heading.length);
        sinceHeading = 0;
      }
      sinceHeading++;
      const kind = random.float();
      if (kind < 0.1) {
        const items = Array.from({ length: random.int(3, 5) }, () => paragraph(1));
        emit(
          `<ul>\n${items.map((i) => `<li>${i.html}</li>`).join('\n')}\n</ul>\n`,
          items.reduce((n, i) => n + i.chars, 0),
        );
      } else if (kind < 0.14) {
        const quote = paragraph(random.int(1, 2));
        emit(`<blockquote><p>${quote.html}</p></blockquote>\n`, quote.chars);
      } else {
        const p = paragraph(random.int(2, 6));
        emit(`<p>${p.html}</p>\n`, p.chars);
      }
    }
    const related = Array.from({ length: 4 }, () => language.filler(random).slice(0, 60));
    emit(
      `<aside><h3>Related</h3><ul>${related.map((r) => `<li><a href="/${random.pick(TOPICS)}/${random.int(1000, 9999)}">${escapeHtml(r)}</a></li>`).join('')}</ul></aside>\n</article>\n`,
      related.join('').length + 7,
    );
  }
  out.push('</main>\n<footer><p>© The Daily Ledger. All rights reserved.</p></footer>\n</body>\n</html>\n');
  return { html: out.join(''), textChars: text, specialShare: specialText / text };
}
