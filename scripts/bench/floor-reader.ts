/**
 * The least a reader can do on every page, for the floor of the quiet pages
 * (`quietFloorMs`): load webextension-polyfill, read the settings, listen for
 * the popup's messages and for setting changes, then, in a task of its own,
 * read the page's text (a bare TreeWalker over its text nodes, as the in-page
 * floor (a) does), send it to the worker over the analysis port as the reader
 * does (start, pieces of up to 64 KB, end) and wait for the verdict. Nothing else of the reader: no
 * protected regions or blocks, no slicing, no page observer, no retry.
 */
import browser from 'webextension-polyfill';
import { yieldToPage } from '../../src/content/slicer';
import { textPieces } from '../../src/core/page-analysis';
import { SETTINGS_KEY } from '../../src/core/settings';
import { ANALYSIS_PORT, type AnalysisRequest } from '../../src/messages';

function readText(): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
  return parts.join('');
}

browser.runtime.onMessage.addListener(() => undefined);
browser.storage.onChanged.addListener(() => undefined);
void browser.storage.local.get(SETTINGS_KEY).then(async () => {
  // A task of its own, as the reader reads in: work resumed by an extension API's reply runs in a
  // task the trace cannot tell from the page's (see trace.ts), so the floor would leave it out.
  await yieldToPage();
  const text = readText();
  const port = browser.runtime.connect({ name: ANALYSIS_PORT });
  port.onMessage.addListener((message: unknown) => {
    if ((message as { type?: unknown }).type === 'analysis/verdict') port.disconnect();
  });
  port.postMessage({ type: 'analysis/start', mode: 'annotate', regions: 1 } satisfies AnalysisRequest);
  for (const stretches of textPieces([text]))
    port.postMessage({ type: 'analysis/text', stretches } satisfies AnalysisRequest);
  port.postMessage({ type: 'analysis/end' } satisfies AnalysisRequest);
});
