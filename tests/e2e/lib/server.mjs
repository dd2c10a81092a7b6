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

import { uiTexts } from '../../../tools/ui-text.mjs';

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
/**
 * withPage's `expectErrors` for a test that calls
 * `window.symptomCheckerTestPanic()`: the panic hook logs the panic, the
 * wasm trap that follows may reach the page as an uncaught
 * `RuntimeError: unreachable`, and the loader logs that the widget stopped
 * working (with that error). Nothing else may be logged.
 */
export const EXPECT_TEST_PANIC = {
  reason: 'the test panics the wasm on purpose with window.symptomCheckerTestPanic()',
  match: [
    /^symptom-checker: panicked at [^\n]*\ntest panic requested\b/,
    /^RuntimeError: unreachable$/,
    /^symptom-checker: the widget stopped working RuntimeError: unreachable\b/,
  ],
};
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
 * @param {Record<string, {body: string|Buffer, type?: string, headers?: Record<string,string>, hold?: Promise<unknown>}>} [options.pages]
 *   in-memory responses by exact path, e.g. `{ '/host.html': { body: '<!doctype html>…' } }`;
 *   with `hold`, the response waits until that promise settles (a stalled
 *   download: one that never settles never answers)
 * @param {Record<string, Record<string,string>>} [options.headers] extra headers by exact path,
 *   for files from `root` and pages alike
 * @param {boolean} [options.gzip] compress responses when the client accepts gzip
 * @returns {Promise<{origin: string, url: (p: string) => string, addPage: Function, requests: string[], responses: {path: string, status: number}[], close: () => Promise<void>}>}
 */
export async function startServer({ root = DIST, pages = {}, headers = {}, gzip = false } = {}) {
  if (!path.isAbsolute(root)) throw new Error(`startServer: root must be absolute, got ${root}`);
  const routes = new Map(Object.entries(pages));
  const requests = [];
  const responses = [];
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
      if (page.hold) await page.hold.catch(() => {});
      body = Buffer.from(page.body);
      type = page.type ?? TYPES[path.extname(pathname)] ?? TYPES['.html'];
      extra = { ...extra, ...(page.headers ?? {}) };
    } else if (pathname === '/favicon.ico') {
      // Browsers ask for it unprompted; an empty answer keeps the console clean.
      responses.push({ path: pathname, status: 204 });
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
    responses.push({ path: pathname, status });
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
    addPage(p, body, { type, headers: h, hold } = {}) {
      routes.set(p, { body, type, headers: h, hold });
      return origin + p;
    },
    requests,
    /** `{ path, status }` of every response, in order (a failed load is a 4xx). */
    responses,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ------------------------------------------------ the repository's own text
//
// Tests that check wording (Spanish on screen, hostile strings shown as
// text, a second content file) read it from the sources instead of copying
// it, so a reworded string changes the expectation, not the test.

/** The shipped content file. */
export const CONTENT = path.join(REPO, 'static/content/botox-aftercare.toml');
/** The hostile strings fixture (built into dist-test/). */
export const CONTENT_HOSTILE = path.join(REPO, 'tests/content/hostile.toml');
/** The second, fictional content file (built into dist-alt/). */
export const CONTENT_ALT = path.join(REPO, 'tests/content/ear-piercing.toml');

/** Parses one TOML value at `s[i]` (the subset the content files use). */
function tomlValue(s, i) {
  const skip = () => { while (i < s.length && /[\s,]/.test(s[i])) i++; };
  skip();
  if (s[i] === '"') {
    let j = i + 1;
    while (s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    return [JSON.parse(s.slice(i, j + 1)), j + 1];
  }
  if (s[i] === '[' || s[i] === '{') {
    const table = s[i] === '{';
    const out = table ? {} : [];
    i++;
    for (;;) {
      skip();
      if (s[i] === (table ? '}' : ']')) return [out, i + 1];
      if (table) {
        const key = /^[\w-]+/.exec(s.slice(i))[0];
        i = s.indexOf('=', i + key.length) + 1;
        const [v, k] = tomlValue(s, i);
        out[key] = v;
        i = k;
      } else {
        const [v, k] = tomlValue(s, i);
        out.push(v);
        i = k;
      }
    }
  }
  const word = /^[^\s,\]}]+/.exec(s.slice(i))[0];
  return [word === 'true' ? true : word === 'false' ? false : Number.isNaN(Number(word)) ? word : Number(word), i + word.length];
}

/** The placeholder an outcome text writes for the emergency number. */
export const EMERGENCY_NUMBER = '{emergency_number}';

/**
 * Reads a content file (the TOML subset of static/content/*.toml) into
 * `{ id, version, review: { status, approved_by, role, date, content_hash },
 * locales, title, intro, questions: [{ id, kind, text, help, groups: [{ id,
 * label }], answers: [{ id, label, hint, red_flag, exclusive, next, group }]
 * }], outcomes: [{ id, urgency, title, summary, steps, sooner,
 * tell_clinician, sources: [{ title, url }] }] }`; localized strings are
 * `{ en, es }` objects, and outcome texts have `{emergency_number}` filled
 * in with `emergencyNumber`, as the widget shows them. Also `question(id)`,
 * `answer(qid, aid)`, `outcome(id)`.
 */
export async function readContent(file = CONTENT, { emergencyNumber = '911' } = {}) {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\s*#.*$/gm, '');
  const doc = { questions: [], outcomes: [], review: { status: 'draft' } };
  let target = doc;
  const re = /^\s*(?:\[\[([\w.]+)\]\]|\[(\w+)\]|([\w-]+)\s*=\s*)/gm;
  let m;
  while ((m = re.exec(text))) {
    if (m[2]) {
      target = doc[m[2]] = {};
      continue;
    }
    if (m[1]) {
      const [table, sub] = m[1].split('.');
      if (!sub) { target = {}; doc[table].push(target); } else {
        const parent = doc[table].at(-1);
        target = {};
        (parent[sub] ??= []).push(target);
      }
      continue;
    }
    const [value, end] = tomlValue(text, re.lastIndex);
    target[m[3]] = value;
    re.lastIndex = end;
  }
  for (const q of doc.questions) {
    q.answers ??= [];
    q.groups ??= [];
  }
  const fill = (t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replaceAll(EMERGENCY_NUMBER, emergencyNumber)]));
  for (const o of doc.outcomes) {
    o.sources ??= [];
    for (const key of ['title', 'summary', 'sooner', 'tell_clinician']) o[key] = fill(o[key]);
    o.steps = o.steps.map(fill);
  }
  doc.question = (id) => doc.questions.find((q) => q.id === id) ?? assert_(`no question ${id}`);
  doc.answer = (qid, aid) => doc.question(qid).answers.find((a) => a.id === aid) ?? assert_(`no answer ${qid}/${aid}`);
  doc.outcome = (id) => doc.outcomes.find((o) => o.id === id) ?? assert_(`no outcome ${id}`);
  return doc;
}

function assert_(message) {
  throw new Error(message);
}

/** The widget's interface text in one language (`tools/ui-text.mjs`). */
export async function readUi(code) {
  const ui = uiTexts()[code];
  if (!ui) throw new Error(`src/i18n.rs has no interface text for ${code}`);
  return ui;
}
