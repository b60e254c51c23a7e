/**
 * The pre-check alone as the content script, for the quiet pages (`quietPrecheckMs`): what a page that no
 * story's verdict can reach would pay once the pre-check runs before the reader (src/core/precheck.ts).
 * It reads the text as the pre-check would, `textContent` of the body and of every open shadow root,
 * tests the patterns compiled from the packs, and stops; a page that passes would go on to the reader.
 */
import patterns from 'virtual:precheck-patterns';
import { compilePrecheck, precheck } from '../../src/core/precheck';

const compiled = compilePrecheck(patterns);
let text = document.body?.textContent ?? '';
for (const element of document.body?.getElementsByTagName('*') ?? [])
  if (element.shadowRoot) text += `\n${element.shadowRoot.textContent ?? ''}`;
// Kept where the bench can read it (the isolated world): what the pre-check said of this page.
(globalThis as { nicPrecheck?: string }).nicPrecheck = precheck(compiled, text);
