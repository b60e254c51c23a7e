/**
 * "The extension makes no request at all": every request made while the demo page is annotated,
 * a hover card opens, the popup opens and a category is switched goes either to the local fixture
 * server or to the extension's own files. Two nets: Playwright's request events (pages, frames and
 * the service worker, checked with a request the worker is made to send), and an HTTP proxy that
 * every non-loopback request of the browser would have to go through.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Launched } from '../../scripts/chrome';
import type { Served } from '../../scripts/serve';
import {
  countOf,
  inWorker,
  launch,
  openPage,
  openPopup,
  serveDemo,
  visibleCardText,
  waitForStableHighlights,
} from './harness';

/**
 * Switches that keep some of Chromium's own services off the network (no --disable-features: it
 * would replace Playwright's own list of disabled features).
 */
const QUIET_CHROMIUM = [
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--no-pings',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
];

interface Seen {
  url: string;
  method: string;
  type: string;
  from: string;
}

let site: Served | undefined;
let browser: Launched | undefined;
let proxy: Server | undefined;
const sockets = new Set<Socket>();
/** What reached the proxy: any request not to loopback. */
const proxied: { line: string; host: string; body: string }[] = [];

/**
 * Chromium's own services, which a fresh profile calls on its own (network time, on-demand
 * component updates, sign-in, device check-in) whatever the switches: not requests of the
 * extension. Each is still checked not to carry the extension's id.
 */
const CHROMIUM_SERVICES = new Set([
  'android.clients.google.com',
  'clients2.google.com',
  'update.googleapis.com',
  'accounts.google.com',
  'content-autofill.googleapis.com',
]);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
const requests: Seen[] = [];
const webSockets: string[] = [];

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function record(request: Request): void {
  let from = 'other';
  if (request.serviceWorker()) from = `service worker ${request.serviceWorker()!.url()}`;
  else {
    try {
      from = `frame ${request.frame().url()}`;
    } catch {
      from = 'no frame';
    }
  }
  if (request.isNavigationRequest()) from = `navigation ${from}`;
  requests.push({ url: request.url(), method: request.method(), type: request.resourceType(), from });
}

function watch(page: Page): void {
  page.on('websocket', (ws) => webSockets.push(ws.url()));
}

async function startProxy(): Promise<number> {
  proxy = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      proxied.push({ line: `${req.method} ${req.url}`, host: hostOf(req.url ?? ''), body });
      res.writeHead(502).end('blocked by the e2e test');
    });
  });
  proxy.on('connect', (req, socket) => {
    proxied.push({ line: `CONNECT ${req.url}`, host: (req.url ?? '').replace(/:\d+$/, ''), body: '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => proxy!.listen(0, '127.0.0.1', done));
  return (proxy.address() as AddressInfo).port;
}

beforeAll(async () => {
  site = await serveDemo();
  const port = await startProxy();
  // Loopback bypasses the proxy (Chromium's default): the fixture server is reached directly.
  browser = await launch({ args: [`--proxy-server=http://127.0.0.1:${port}`, ...QUIET_CHROMIUM], renderer: 'marks' });
  browser.context.on('request', record);
  browser.context.on('page', watch);
});

afterAll(async () => {
  await browser?.context.close();
  await site?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((done) => (proxy ? proxy.close(() => done()) : done()));
});

describe('network', () => {
  it("the service worker is the extension's own, and its requests are seen", async () => {
    const { context, extensionId, serviceWorker } = browser!;
    expect(serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${extensionId}/`));
    // Positive control: a request the worker is made to send shows up, attributed to the worker.
    const probe = `${site!.url}probe-from-worker.txt`;
    await inWorker(
      context,
      extensionId,
      async (url: string) => {
        await fetch(url).catch(() => undefined);
      },
      probe,
    );
    await expect
      .poll(() => requests.find((r) => r.url === probe)?.from ?? null, { timeout: 5_000 })
      .toMatch(/^service worker chrome-extension:\/\//);
    // Remove the probe from the record: the test made it, not the extension.
    requests.splice(0, requests.length, ...requests.filter((r) => r.url !== probe));
  });

  it('annotating, a hover card, the popup and a category switch request nothing but the fixture server and the extension', async () => {
    const { context, extensionId } = browser!;
    const page = await openPage(context, site!.url);
    await waitForStableHighlights(page);

    const mark = page.locator('[data-category=person]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await expect.poll(() => visibleCardText(page), { timeout: 5_000 }).toContain('15 Dec 2021');
    await page.keyboard.press('Escape');

    const popup = await openPopup(context, extensionId, page);
    await expect.poll(() => popup.locator('#count-person').innerText(), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);
    await expect.poll(() => popup.locator('#limits li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const people = popup.getByRole('checkbox', { name: 'People', exact: true });
    await people.uncheck();
    await expect.poll(() => countOf(page, '[data-category=person]'), { timeout: 5_000 }).toBe(0);
    await people.check();
    await expect.poll(() => countOf(page, '[data-category=person]'), { timeout: 5_000 }).toBeGreaterThan(0);
    await waitForStableHighlights(page);
    // Let anything late (a beacon, a lazy import) show up.
    await popup.waitForTimeout(1_000);

    const fixtureOrigin = origin(site!.url);
    const ownFiles = `chrome-extension://${extensionId}/`;
    const elsewhere = requests.filter((r) => origin(r.url) !== fixtureOrigin && !r.url.startsWith(ownFiles));
    expect(elsewhere, 'requests to anywhere but the fixture server and the extension').toEqual([]);
    // Both kinds were seen: the record is not empty by accident.
    expect(requests.some((r) => origin(r.url) === fixtureOrigin && r.from.startsWith(`frame ${fixtureOrigin}`))).toBe(
      true,
    );
    expect(requests.some((r) => r.url.startsWith(ownFiles))).toBe(true);
    // Nothing the extension did went to the fixture server on its own: only the test's navigation
    // to the demo page, and the page's own assets.
    const fromExtension = requests.filter(
      (r) =>
        origin(r.url) === fixtureOrigin &&
        !(r.from.startsWith('navigation ') && r.url === site!.url) &&
        !r.from.startsWith(`frame ${fixtureOrigin}`),
    );
    expect(fromExtension, 'fixture-server requests not made by the demo page').toEqual([]);
    expect(webSockets).toEqual([]);
    const leftLoopback = proxied.filter((p) => !CHROMIUM_SERVICES.has(p.host)).map((p) => p.line);
    expect(leftLoopback, 'requests that left loopback (through the proxy), other than Chromium services').toEqual([]);
    expect(
      proxied.filter((p) => `${p.line} ${p.body}`.includes(extensionId)).map((p) => p.line),
      'Chromium service calls naming the extension',
    ).toEqual([]);
    await popup.close();
    await page.close();
  });
});
