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
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

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
// it, so a reworded string changes the expectation, not the test. Both come
// as JSON written by the Rust side: the content from the content tool (the
// build's own validation), the interface text from src/i18n.rs.

/** The shipped content file. */
export const CONTENT = path.join(REPO, 'static/content/botox-aftercare.toml');
/** The hostile strings fixture (built into dist-test/). */
export const CONTENT_HOSTILE = path.join(REPO, 'tests/content/hostile.toml');
/** The second, fictional content file (built into dist-alt/). */
export const CONTENT_ALT = path.join(REPO, 'tests/content/ear-piercing.toml');

/** The placeholder an outcome text writes for the emergency number. */
export const EMERGENCY_NUMBER = '{emergency_number}';

/** Each content file's JSON form (`cargo content json FILE`), read once. */
const contentJson = new Map();

/**
 * A content file as the content tool validates it, from `cargo content
 * json FILE` (crates/content-tool/src/json.rs): `{ id, version, review: {
 * status, approved_by, role, date, next_review, content_hash }, locales,
 * default_locale, title, intro, scope, questions: [{ id, kind, text, help,
 * groups: [{ label }], answers: [{ id, label, hint, about, red_flag,
 * exclusive, next: { question } | { outcome }, group }] }], outcomes: [{
 * id, urgency, title, summary, steps, sooner, tell_clinician, sources: [{
 * title, url }] }] }`; localized strings (source URLs too) are `{ en, es }`
 * objects, and outcome texts have `{emergency_number}` filled in with
 * `emergencyNumber`, as the widget shows them. Also `question(id)`,
 * `answer(qid, aid)`, `outcome(id)`.
 */
export async function readContent(file = CONTENT, { emergencyNumber = '911' } = {}) {
  if (!contentJson.has(file)) {
    const { stdout } = await execFileAsync('cargo', ['content', 'json', file], { cwd: REPO, maxBuffer: 64 << 20 });
    contentJson.set(file, stdout);
  }
  const doc = JSON.parse(contentJson.get(file));
  const fill = (t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replaceAll(EMERGENCY_NUMBER, emergencyNumber)]));
  for (const o of doc.outcomes) {
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

/** The widget's interface text (`static/ui-text.json`, written from src/i18n.rs). */
export const UI_TEXT = path.join(REPO, 'static/ui-text.json');

/** The widget's interface text in one language. */
export async function readUi(code) {
  const ui = JSON.parse(await fs.readFile(UI_TEXT, 'utf8'))[code];
  if (!ui) throw new Error(`static/ui-text.json has no interface text for ${code}`);
  return ui;
}
