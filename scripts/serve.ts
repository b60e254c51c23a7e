/**
 * A tiny static file server for the demo page and the end-to-end fixtures.
 *
 * Binds 127.0.0.1 on a free port chosen by the OS. `serveTwoOrigins` starts a second server on
 * another port: same folder, different origin (for cross-origin iframe tests).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface Served {
  /** Origin plus trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves `folder` (index.html for directories) on 127.0.0.1 at a random free port. */
export async function serve(folder: string): Promise<Served> {
  const root = resolve(folder);
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => closeServer(server),
  };
}

export interface TwoOrigins {
  /** First origin, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Second origin (another port, so another origin) serving the same folder. */
  otherUrl: string;
  close: () => Promise<void>;
}

/** Two servers on the same folder, on two ports: two origins for cross-origin iframe tests. */
export async function serveTwoOrigins(folder: string): Promise<TwoOrigins> {
  const [a, b] = await Promise.all([serve(folder), serve(folder)]);
  return {
    url: a.url,
    otherUrl: b.url,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}
