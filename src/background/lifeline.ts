/**
 * Accepts the content scripts' lifeline ports (see src/content/lifecycle.ts).
 * Without a listener the browser would close them at once, with an error in
 * the page's console. Nothing is sent over them.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isFromThisExtension, LIFELINE_PORT } from '../messages';

export function acceptLifelines(): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== LIFELINE_PORT || !isFromThisExtension(port.sender ?? {}, browser.runtime.id)) port.disconnect();
  });
}
