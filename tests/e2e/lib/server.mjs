// A tiny static server for the end-to-end tests: serves dist/ (or any
// absolute root) plus in-memory pages a test writes itself, with optional
// per-route headers (a strict CSP on one page, say) and optional gzip.
//
// It never keeps node --test alive: the server is unref()'d and close()
// destroys every open socket, so a failing test cannot hang the run.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The release build the suite runs against. */
export const DIST = path.join(REPO, 'dist');
/**
 * The test build (scripts/test.sh): the hostile content fixture
 * (tests/content/hostile.toml) with the `test-panic` feature, which adds
 * `window.symptomCheckerTestPanic()`.
 */
export const DIST_TEST = path.join(REPO, 'dist-test');
/** The build with the second content file (tests/content/ear-piercing.toml). */
export const DIST_ALT = path.join(REPO, 'dist-alt');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server on 127.0.0.1 (random port).
 * @param {object} [options]
 * @param {string} [options.root] absolute folder served for paths not in `pages` (default dist/)
 * @param {Record<string, {body: string|Buffer, type?: string, headers?: Record<string,string>}>} [options.pages]
 *   in-memory responses by exact path, e.g. `{ '/host.html': { body: '<!doctype html>…' } }`
 * @param {Record<string, Record<string,string>>} [options.headers] extra headers by exact path,
 *   for files from `root` and pages alike
 * @param {boolean} [options.gzip] compress responses when the client accepts gzip
 * @returns {Promise<{origin: string, url: (p: string) => string, addPage: Function, requests: string[], close: () => Promise<void>}>}
 */
export async function startServer({ root = DIST, pages = {}, headers = {}, gzip = false } = {}) {
  if (!path.isAbsolute(root)) throw new Error(`startServer: root must be absolute, got ${root}`);
  const routes = new Map(Object.entries(pages));
  const requests = [];
  const sockets = new Set();

  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(pathname);
    let status = 200;
    let body;
    let type;
    let extra = { ...(headers[pathname] ?? {}) };
    const page = routes.get(pathname);
    if (page) {
      body = Buffer.from(page.body);
      type = page.type ?? TYPES[path.extname(pathname)] ?? TYPES['.html'];
      extra = { ...extra, ...(page.headers ?? {}) };
    } else if (pathname === '/favicon.ico') {
      // Browsers ask for it unprompted; an empty answer keeps the console clean.
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    } else {
      const file = path.resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
      if (file !== root && !file.startsWith(root + path.sep)) {
        status = 403;
      } else {
        try {
          body = await fs.readFile(file);
          type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        } catch {
          status = 404;
        }
      }
    }
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(String(status));
      return;
    }
    const out = { 'content-type': type, 'cache-control': 'no-store', ...extra };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = zlib.gzipSync(body);
      out['content-encoding'] = 'gzip';
      out.vary = 'accept-encoding';
    }
    out['content-length'] = body.length;
    res.writeHead(200, out);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = '/') => origin + p,
    /** Adds or replaces an in-memory page. */
    addPage(p, body, { type, headers: h } = {}) {
      routes.set(p, { body, type, headers: h });
      return origin + p;
    },
    requests,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
