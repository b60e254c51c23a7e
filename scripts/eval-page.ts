import { Window } from 'happy-dom';
import { buildTextIndex } from '../src/content/text-index';

/** The page's text as the content script indexes it. */
export function pageText(html: string): string {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return buildTextIndex(document.body as unknown as Element).text;
}
