/**
 * The worker's one `runtime.onConnect` listener: a port from this extension
 * is served by the handler for its name; any other port is closed. The
 * content scripts' lifeline (see src/content/lifecycle.ts) only needs
 * accepting: without a listener the browser would close it at once, with an
 * error in the page's console.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isFromThisExtension } from '../messages';

export function acceptPorts(serve: Record<string, (port: Runtime.Port) => void>): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    const handler = Object.hasOwn(serve, port.name) ? serve[port.name] : undefined;
    if (!handler || !isFromThisExtension(port.sender ?? {}, browser.runtime.id)) {
      port.disconnect();
      return;
    }
    handler(port);
  });
}
