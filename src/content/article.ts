/**
 * The article reader (article.js): injected by the popup into the page it
 * was opened on, only when the popup opens. `isProbablyReaderable` (cheap)
 * says whether the page holds an article, so whether the popup offers to
 * follow its story; Readability, Firefox Reader View's engine, reads the
 * article from a copy of the document: its title, byline, site, date and
 * paragraphs. Nothing is changed in the page and nothing leaves the
 * extension.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { ARTICLE_GLOBAL, type ArticleReading } from '../messages';

/** Blocks whose text is a paragraph of the article (a list item or quote only when it holds no paragraph). */
const PARAGRAPHS = 'p, h2, h3, h4, li:not(:has(p)), blockquote:not(:has(p)), pre';

function readArticle(full: boolean): ArticleReading {
  const address = location.href;
  if (!isProbablyReaderable(document)) return { readerable: false, address };
  if (!full) return { readerable: true, address };
  const parsed = new Readability(document.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  if (!parsed?.content || !parsed.title) return { readerable: false, address };
  const root = parsed.content as Element;
  const text = [...root.querySelectorAll(PARAGRAPHS)]
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const optional = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    readerable: true,
    address,
    article: {
      address,
      title: parsed.title.trim(),
      text,
      ...(optional(parsed.byline) ? { byline: optional(parsed.byline) } : {}),
      ...(optional(parsed.siteName) ? { siteName: optional(parsed.siteName) } : {}),
      ...(optional(parsed.publishedTime) ? { publishedTime: optional(parsed.publishedTime) } : {}),
    },
  };
}

Reflect.set(globalThis, ARTICLE_GLOBAL, readArticle);
