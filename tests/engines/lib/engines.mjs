// The three browser engines of the cross-engine suite, each driven over
// W3C WebDriver with selenium-webdriver: Chromium (chromedriver), Firefox
// ESR (geckodriver, headless) and WebKitGTK, Safari's engine
// (WebKitWebDriver under Xvfb). Every driver runs on this machine, started
// here on a free port; nothing is downloaded.
//
// `engineSuite(register)` runs the same test bodies once per engine, in
// turn, with one browser session per engine per file. `session.page()`
// runs one test's page and fails the test on any browser error it did not
// declare, by the rule the Playwright suite uses (tests/e2e/lib/errors.mjs).
// Where the errors come from:
// - console errors and warnings, uncaught errors: WebDriver BiDi
//   (`log.entryAdded`) where the session offers it (Chromium, Firefox);
//   otherwise (WebKitGTK) the page's own record, lib/capture.js;
// - CSP violations and elements that fail to load: lib/capture.js, in
//   every engine;
// - any response of 400 or more from the test server: the server's log.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, before, after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Builder } from 'selenium-webdriver';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';

import { CHROMIUM_ARGS } from '../../e2e/lib/browser.mjs';
import { declarations, assertNoUndeclaredErrors } from '../../e2e/lib/errors.mjs';
import { VIEW } from '../../e2e/lib/journey.mjs';

/** How long a wait for a condition may take before the test fails. */
export const TIMEOUT = Number(process.env.ENGINES_TIMEOUT_MS ?? 10_000);

/** The page-side error record: every test page loads it first, from here. */
export const CAPTURE_PATH = '/engines-capture.js';
export const CAPTURE_SCRIPT = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'capture.js'), 'utf8');
/** The `<script>` tag for a test page's <head>, before any other script. */
export const CAPTURE_TAG = `<script src="${CAPTURE_PATH}"></script>`;
/** The server route of the record, for startServer's `pages`. */
export const CAPTURE_PAGE = { [CAPTURE_PATH]: { body: CAPTURE_SCRIPT, type: 'text/javascript; charset=utf-8' } };

/** The first executable called `name` on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch { /* not here */ }
  }
  return null;
}

function need(name, hint) {
  const file = which(name);
  if (!file) throw new Error(`${name} is not on PATH (${hint}; scripts/setup.sh test installs it)`);
  return file;
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/**
 * How each engine is started. `bidi`: 'required' fails the engine when its
 * session does not offer WebDriver BiDi; 'if-offered' asks for it and
 * falls back to the page-side record when the driver refuses.
 */
export const ENGINES = {
  chromium: {
    label: 'Chromium',
    async driver(port) {
      return [need('chromedriver', "Debian's chromium-driver"), [`--port=${port}`]];
    },
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, '--headless=new', '--lang=en-US', '--window-size=1280,800'],
        prefs: { 'intl.accept_languages': 'en-US,en' },
      },
    }),
    bidi: 'required',
  },
  firefox: {
    label: 'Firefox ESR',
    async driver(port) {
      const binary = need('firefox-esr', "Debian's firefox-esr");
      return [need('geckodriver', 'cargo install geckodriver'),
        ['--port', String(port), '--websocket-port', String(await freePort()), '--binary', binary]];
    },
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        args: ['-headless', '-width=1280', '-height=800'],
        prefs: { 'intl.accept_languages': 'en-US, en', 'intl.locale.requested': 'en-US' },
      },
    }),
    bidi: 'required',
  },
  webkit: {
    label: 'WebKitGTK',
    async driver(port) {
      need('WebKitWebDriver', "Debian's webkit2gtk-driver");
      // WebKitGTK draws on a display even when nothing watches: a virtual one.
      return [need('xvfb-run', "Debian's xvfb"), ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]];
    },
    capabilities: () => ({ browserName: 'MiniBrowser' }),
    env: { LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
    bidi: 'if-offered',
  },
};

/** The engines to run: all three, or the comma-separated list in ENGINES. */
export function selectedEngines() {
  const names = (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!ENGINES[n]) throw new Error(`ENGINES: unknown engine ${n} (known: ${Object.keys(ENGINES).join(', ')})`);
  return names;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every driver process still running, stopped when Node exits whatever happens. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
});

/** Starts an engine's WebDriver server on a free port and waits until it is ready. */
async function startDriver(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [command, args] = await engine.driver(port);
  // Its own process group, so stopping it stops what it started (Xvfb, the browser).
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...engine.env } });
  running.add(child);
  let output = '';
  const keep = (chunk) => { output = (output + chunk).slice(-8000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const gone = new Promise((resolve) => child.once('exit', (code, signal) => { exited = signal ?? code; running.delete(child); resolve(); }));
  child.unref();
  for (const s of [child.stdout, child.stderr]) s.unref?.();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`${name}: ${command} exited (${exited}) before it was ready:\n${output}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${name}: ${command} not ready after 30 s:\n${output}`);
    await sleep(50);
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (exited !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the engine's driver and one browser session.
 * @returns {Promise<EngineSession>}
 */
export async function openSession(name) {
  const engine = ENGINES[name];
  const server = await startDriver(name);
  try {
    const build = (caps) => new Builder().usingServer(server.url).withCapabilities(caps).build();
    let driver;
    let bidi = false;
    try {
      driver = await build({ ...engine.capabilities(), webSocketUrl: true });
      bidi = typeof (await driver.getCapabilities()).get('webSocketUrl') === 'string';
    } catch (error) {
      if (engine.bidi === 'required') throw error;
      driver = await build(engine.capabilities());
    }
    if (!bidi && engine.bidi === 'required') throw new Error(`${name}: the session offers no WebDriver BiDi`);
    const caps = await driver.getCapabilities();
    const session = new EngineSession(name, driver, server, {
      bidi,
      browser: caps.get('browserName'),
      version: caps.get('browserVersion'),
    });
    await session.init();
    return session;
  } catch (error) {
    await server.stop();
    throw new Error(`${name} could not start: ${error.message}\n${server.output()}`, { cause: error });
  }
}

export class EngineSession {
  constructor(name, driver, server, { bidi, browser, version }) {
    this.name = name;
    this.driver = driver;
    this.server = server;
    /** Whether console errors come over WebDriver BiDi (else from the page). */
    this.bidi = bidi;
    this.browser = browser;
    this.version = version;
    /** Console entries and uncaught errors reported over BiDi, in order. */
    this.bidiLog = [];
  }

  /** "WebKitGTK (MiniBrowser 2.50.6)". */
  get description() {
    return `${ENGINES[this.name].label} (${this.browser} ${this.version})`;
  }

  async init() {
    await this.driver.manage().window().setRect({ width: 1280, height: 800 }).catch(() => {});
    await this.driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: 30_000 });
    if (this.bidi) {
      const inspector = await LogInspector(this.driver);
      const level = (l) => (l === 'warn' ? 'warning' : l);
      await inspector.onConsoleEntry((e) => this.bidiLog.push({
        type: e.method === 'assert' ? 'assert' : level(e.level),
        text: e.text ?? '',
        // Where the page called console (past the record's own wrapper).
        url: (e.stackTrace?.callFrames ?? []).map((f) => f.url).find((u) => u && !u.endsWith(CAPTURE_PATH)) ?? '',
      }));
      await inspector.onJavascriptLog((e) => this.bidiLog.push({ type: 'uncaught', text: e.text ?? '' }));
      this.bidiConnection = await this.driver.getBidi();
    }
  }

  /**
   * Waits until every BiDi event the page sent so far has arrived: a
   * script run in the page over the same connection, whose answer comes
   * after them.
   */
  async settle() {
    if (!this.bidi) return;
    const context = await this.driver.getWindowHandle();
    await this.bidiConnection.send({
      method: 'script.evaluate',
      params: { expression: '0', target: { context }, awaitPromise: false },
    });
  }

  /**
   * Runs one test's page: `fn(page)` with a fresh start (about:blank), then
   * fails the test on any error it did not declare in
   * `options.expectErrors` (see tests/e2e/lib/errors.mjs). `server` is the
   * test server the page comes from (its 4xx responses count as errors).
   * @template T
   * @param {{responses: {path: string, status: number}[]}} server
   * @param {{expectErrors?: import('../../e2e/lib/errors.mjs').ExpectedError | import('../../e2e/lib/errors.mjs').ExpectedError[]}} options
   * @param {(page: EnginePage) => Promise<T>} fn
   */
  async page(server, options, fn) {
    const { expectErrors } = options ?? {};
    declarations(expectErrors);
    await this.driver.get('about:blank');
    await this.settle();
    const page = new EnginePage(this, server);
    const result = await fn(page);
    await page.finish();
    assertNoUndeclaredErrors(page.log, expectErrors);
    return result;
  }

  async close() {
    try {
      await this.driver.quit();
    } finally {
      await this.server.stop();
    }
  }
}

/** One test's page in one engine, and what it logged. */
export class EnginePage {
  constructor(session, server) {
    this.session = session;
    this.driver = session.driver;
    this.server = server;
    this.name = session.name;
    this.bidiStart = session.bidiLog.length;
    this.responsesStart = server.responses.length;
    /** The page-side records of the pages opened so far. */
    this.pageLogs = [];
    this.opened = null;
  }

  /** Reads the open page's own record; fails if the page did not load lib/capture.js. */
  async collectPageLog() {
    if (!this.opened) return;
    const entries = await this.driver.executeScript('return window.__engineLog ?? null');
    if (!entries) throw new Error(`${this.name}: ${this.opened} has no error record: a test page loads ${CAPTURE_PATH} first`);
    this.pageLogs.push(...entries);
    this.opened = null;
  }

  /** Navigates to `url` (its page must load CAPTURE_TAG first). */
  async open(url) {
    await this.collectPageLog();
    await this.driver.get(url);
    this.opened = url;
  }

  /** Settles and reads every record; the result is in `this.log`. */
  async finish() {
    await this.session.settle();
    await this.collectPageLog();
  }

  /**
   * What the page logged so far, in the shape tests/e2e/lib/errors.mjs
   * judges: `{ console: [{ type, text, url }], errors: [string] }`.
   * Includes the open page's record only after `finish()` or `open()`;
   * `current()` reads it first.
   */
  get log() {
    const fromPage = this.pageLogs.filter((e) => e.csp || e.page || !this.session.bidi);
    const fromBidi = this.session.bidiLog.slice(this.bidiStart);
    const entries = [...fromPage, ...fromBidi];
    return {
      console: [
        ...entries.filter((e) => e.type !== 'uncaught').map((e) => ({ type: e.type, text: e.text, url: e.url ?? '' })),
        ...this.server.responses.slice(this.responsesStart).filter((r) => r.status >= 400)
          .map((r) => ({ type: 'error', text: `failed load: ${r.status}`, url: r.path })),
      ],
      errors: entries.filter((e) => e.type === 'uncaught').map((e) => e.text),
    };
  }

  /** The log, with the open page's record read now. */
  async current() {
    await this.session.settle();
    const entries = await this.driver.executeScript('return window.__engineLog ?? []');
    const saved = this.pageLogs;
    this.pageLogs = [...saved, ...entries];
    const log = this.log;
    this.pageLogs = saved;
    return log;
  }

  /** Console messages of one type ('warning', 'error', ...) so far, with the open page's. */
  async messages(type) {
    return (await this.current()).console.filter((m) => m.type === type).map((m) => m.text);
  }

  /** Runs `fn` in the page with `args` (JSON values or elements) and returns its result. */
  evaluate(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Waits until `fn(...args)` in the page returns something truthy, and returns it. */
  async waitFor(fn, what, ...args) {
    return until(() => this.evaluate(fn, ...args), what);
  }

  /** The widget whose host element matches `hostSelector` in the document. */
  widget(hostSelector = 'symptom-checker') {
    return new EngineWidget(this, hostSelector);
  }
}

/** Polls `check` until it returns something truthy; fails after TIMEOUT. */
export async function until(check, what) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (!isTransient(error)) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${TIMEOUT} ms for ${what}${last ? ` (last: ${last.message})` : ''}`);
    }
    await sleep(20);
  }
}

/** An element replaced by a re-render between finding and using it. */
const isTransient = (error) => error?.name === 'StaleElementReferenceError';

/**
 * The in-page lookup every widget query starts with: the host by a
 * document selector, then `sel` inside its open shadow root.
 */
const FIND = `
  const host = document.querySelector(arguments[0]);
  if (!host) throw new Error('no element matches ' + arguments[0]);
  const all = host.shadowRoot ? [...host.shadowRoot.querySelectorAll(arguments[1])] : [];
  const visible = (el) => {
    if (!el.isConnected || el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.visibility !== 'collapse';
  };`;

/**
 * One widget as a journey view (tests/e2e/lib/journey.mjs's VIEW): the
 * same journey helpers walk it. Elements are found through the host's
 * `shadowRoot` by script (every engine can run a script; not every driver
 * has the shadow-root commands), and clicked with WebDriver's own Element
 * Click, a real pointer click at the element's centre.
 */
export class EngineWidget {
  constructor(page, hostSelector) {
    this[VIEW] = true;
    this.page = page;
    this.driver = page.driver;
    this.host = hostSelector;
    this.scope = this;
  }

  /** Runs `body` (after FIND, with `sel` as arguments[1]) in the page; `arguments[2]` and on are `extra`. */
  query(sel, body, ...extra) {
    return this.driver.executeScript(`${FIND}\n${body}`, this.host, sel, ...extra);
  }

  count(sel) {
    return this.query(sel, 'return all.length;');
  }

  /**
   * Waits until `sel` matches and `body` (run with the match as `el`)
   * returns `{ value }`, then returns the value; `body` returns null while
   * the element is not ready. More than one match fails at once, as
   * Playwright's strict locators do. One round trip per try.
   */
  async pick(sel, body, what, ...extra) {
    const result = await until(() => this.query(sel,
      `if (all.length === 0) return null; if (all.length > 1) return { many: all.length }; const el = all[0]; ${body}`, ...extra),
    `${this.host} ${sel}${what ? ` ${what}` : ''}`);
    if (result.many) throw new Error(`${this.host} ${sel}: ${result.many} elements match, expected one`);
    return result.value;
  }

  async waitFor(sel) {
    await this.pick(sel, 'return visible(el) ? { value: true } : null;', 'to be visible');
  }

  async waitGone(sel) {
    await until(async () => (await this.count(sel)) === 0, `${this.host} ${sel} to go`);
  }

  attr(sel, name) {
    return this.pick(sel, 'return { value: el.getAttribute(arguments[2]) };', '', name);
  }

  async visible(sel) {
    return this.query(sel, 'if (all.length > 1) throw new Error(all.length + " elements match " + arguments[1]); return all.length === 1 && visible(all[0]);');
  }

  text(sel) {
    return this.pick(sel, 'return { value: el.innerText };');
  }

  ids(sel) {
    return this.query(sel, 'return all.map((e) => e.dataset.answerId);');
  }

  hrefs(sel) {
    return this.query(sel, 'return all.map((e) => e.getAttribute("href"));');
  }

  /**
   * The one element matching `sel` once it is visible and enabled:
   * `[WebElement, checked]`. An element out of view, or in view but under
   * another (the sticky Continue over the list), is scrolled to the middle
   * first, as a patient would scroll it: WebDriver's click scrolls an
   * element only to the edge of the view (under the sticky bar), or not at
   * all when it is in view, and refuses to click it covered.
   */
  element(sel) {
    return this.pick(sel, `if (!visible(el) || el.disabled) return null;
      const r = el.getBoundingClientRect();
      const top = el.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || (top !== el && !el.contains(top))) el.scrollIntoView({ block: 'center' });
      return { value: [el, el.checked] };`, 'to be visible and enabled');
  }

  async click(sel) {
    await until(async () => {
      const [el] = await this.element(sel);
      await el.click();
      return true;
    }, `a click on ${this.host} ${sel}`);
  }

  async setChecked(sel, on) {
    const [, checked] = await this.element(sel);
    if (checked === on) return;
    await this.click(sel);
    await until(async () => (await this.query(sel, 'return all[0]?.checked;')) === on, `${this.host} ${sel} ${on ? 'ticked' : 'unticked'}`);
  }

  /** Runs `fn(host, ...args)` in the page with the host element. */
  evaluate(fn, ...args) {
    return this.driver.executeScript(
      `const host = document.querySelector(arguments[0]);
       if (!host) throw new Error('no element matches ' + arguments[0]);
       return (${fn}).apply(null, [host, ...arguments[1]]);`, this.host, args);
  }
}

/**
 * Registers `register(env)`'s tests once per selected engine, each engine
 * in its own `describe` with one session for the file, started in
 * `before` (an engine that cannot start fails its tests; it is never
 * skipped). `env.page(options, fn)` runs one page (see
 * EngineSession#page); `env.session` is the engine's session once
 * started. A part an engine cannot run is skipped with `t.skip()` and a
 * message naming the engine and why.
 * @param {() => {responses: object[]}} server the file's test server, once started
 * @param {(env: EngineEnv) => void} register
 */
export function engineSuite(server, register) {
  for (const name of selectedEngines()) {
    describe(name, () => {
      let session;
      before(async () => {
        session = await openSession(name);
        console.log(`${name}: ${session.description}; console errors from ${session.bidi ? 'WebDriver BiDi' : `the page's own record (${name} offers no WebDriver BiDi)`}`);
      }, { timeout: 120_000 });
      after(async () => { await session?.close(); }, { timeout: 60_000 });
      register({
        engine: name,
        get session() { return session; },
        page: (options, fn) => {
          if (!session) throw new Error(`${name} did not start`);
          return session.page(server(), options, fn);
        },
      });
    });
  }
}

export { test };
