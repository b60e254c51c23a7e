/**
 * A story followed from a page: the builder's draft of the article the page
 * holds (its text, title, byline, site and date as Readability reads them),
 * beside the shipped packs and the stories already followed, made fit to
 * show a reader: every text its cards show is the article's own.
 */
import { type Dataset, entityFacts, type Lexicon, parseDataset, type Story } from '../core/dataset';
import { withFollowed } from '../core/followed';
import { normalizeText } from '../core/normalize';
import { draftPack, type ReferableEntity } from './draft';
import type { BuilderNlp } from './nlp';

/** What the page gives: Readability's reading of it. */
export interface PageArticle {
  address: string;
  title: string;
  /** The article's paragraphs, one per line. */
  text: string;
  byline?: string;
  siteName?: string;
  /** As the page's metadata states it (any date format Date can read). */
  publishedTime?: string;
}

export interface FollowContext {
  shipped: Dataset;
  followed: readonly Story[];
  lexicon: Lexicon;
  nlp: BuilderNlp;
  /** When it is followed (ISO, UTC). */
  now: string;
}

const MAX_TITLE_CHARS = 80;
const MAX_ID_CHARS = 60;

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_CHARS)
      .replace(/-+$/, '') || 'story'
  );
}

function isoDay(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(text.trim());
  if (direct) return direct[1];
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** The article's first words up to a word boundary: a title made of its own text. */
function shortened(text: string): string {
  return text.length > MAX_TITLE_CHARS ? `${text.slice(0, MAX_TITLE_CHARS - 3).replace(/\s+\S*$/, '')} …` : text;
}

/** Every entity a new story may refer to: shared, shipped packs' and followed stories'. */
export function referableEntities(dataset: Dataset): Map<string, ReferableEntity> {
  const known = new Map<string, ReferableEntity>(dataset.entities.map((e) => [e.id, e]));
  for (const story of dataset.stories)
    for (const fact of entityFacts(story)) known.set(fact.id, fact as ReferableEntity);
  return known;
}

/** Drafts, checks and returns the followed story; throws a DatasetError if the result is not a valid pack. */
export function draftFollowed(article: PageArticle, context: FollowContext): Story {
  const dataset = withFollowed(context.shipped, context.followed);
  const storyIds = new Set(dataset.stories.map((s) => s.id));
  let id = slug(article.title);
  for (let n = 2; storyIds.has(id); n++) id = `${slug(article.title).slice(0, MAX_ID_CHARS - 4)}-${n}`;
  const date = isoDay(article.publishedTime);
  const site = article.siteName?.trim() || new URL(article.address).hostname;
  // The builder reads a plain-text article: headline, date and byline lines on top, then the body.
  const byline = article.byline?.replace(/^by\s+/i, '');
  const lines = [article.title, ...(date ? [date] : []), ...(byline ? [`By ${byline}`] : [])];
  const text = `${lines.join('\n')}\n\n${article.text}`;
  const pack = draftPack({
    text,
    id,
    lexicon: context.lexicon,
    shared: referableEntities(dataset),
    nlp: context.nlp,
    takenIds: dataset.stories.flatMap((s) => s.facts.map((f) => f.id)),
    sourceName: site,
    // A page is no rewriter's copy: names and quotes stay as the article writes them.
    despin: false,
  });
  const plain = normalizeText(text).text.toLowerCase();
  const inArticle = (words: string) => plain.includes(normalizeText(words).text.toLowerCase());
  // Cards show the article's own words: a statement's title is its sentence's start and its card the sentence
  // itself (no plain-English card); an entity's title is a name the article writes.
  const facts = pack.facts.map((fact) => {
    if ('signature' in fact) {
      const { card: _plainEnglish, ...statement } = fact;
      // A quote of several parts ("A … B") is not the article's text: its longest part is, else the sentence.
      const parts = (fact.quote ?? '').split(' … ').filter(inArticle);
      const quote = fact.quote && (parts.sort((a, b) => b.length - a.length)[0] ?? fact.evidence);
      return { ...statement, ...(quote ? { quote } : {}), title: shortened(fact.evidence) };
    }
    return { ...fact, title: [fact.title, ...fact.aliases].find(inArticle) ?? fact.title };
  });
  const story = {
    ...pack,
    source: { ...pack.source, outlet: { name: site, where: `the page's metadata (${article.address})` } },
    summary: { ...pack.summary, gist: { text: article.title, basis: [] } },
    followed: { address: article.address, site, ...(date ? { date } : {}), followedAt: context.now },
    facts,
  };
  const parsed = parseDataset({ path: 'entities', json: { schemaVersion: 1, entities: context.shipped.entities } }, [
    ...dataset.stories.map((s) => ({ path: `stories/${s.id}/story.json`, json: s })),
    { path: `stories/${id}/story.json`, json: story },
  ]);
  return parsed.stories.find((s) => s.id === id)!;
}
