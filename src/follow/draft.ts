/**
 * Drafting a followed story in an extension page, with the same builder as
 * `npm run story -- draft` (src/builder). Its libraries (compromise,
 * wink-nlp and its model) are loaded only when a story is followed, in the
 * page that follows it, never in the worker; wink's model data is read from
 * the extension's files first (src/follow/wink-model.ts).
 */
import type { Story } from '../core/dataset';
import type { ArticleReading } from '../messages';
import { readStore, shippedPacks, writeStories } from './store';

/** Drafts the article's story, checks it and adds it to the followed stories; returns it. */
export async function followArticle(article: NonNullable<ArticleReading['article']>): Promise<Story> {
  const [{ draftFollowed }, { builderNlp }, { loadWinkModel }] = await Promise.all([
    import('../builder/follow'),
    import('../builder/nlp'),
    import('./wink-model'),
  ]);
  await loadWinkModel();
  const store = await readStore();
  const { dataset, lexicon } = shippedPacks();
  const story = draftFollowed(article, {
    shipped: dataset,
    followed: store.stories,
    lexicon,
    nlp: builderNlp(),
    now: new Date().toISOString(),
  });
  await writeStories([...store.stories, story]);
  return story;
}
