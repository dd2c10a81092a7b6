// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and opens pages that record what the tests check afterwards:
// console messages, uncaught errors and dialogs. withPage() also fails any
// test whose page logs an error the test did not declare.
import { AssertionError } from 'node:assert';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** One browser per test file; close it in `after`. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A new context and page, recording console output, page errors and
 * dialogs (dialogs are dismissed so nothing blocks).
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    ...contextOptions,
  });
  // Fail fast: a missing element is a failure, not a 30 s wait.
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 10_000));
  const page = await context.newPage();
  const log = { console: [], errors: [], dialogs: [] };
  // `url`: where the browser says the message comes from (the script that
  // logged it; for a failed load, the resource that failed).
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return {
    context,
    page,
    log,
    /** Console messages of one type ('warning', 'error', ...). */
    messages: (type) => log.console.filter((m) => m.type === type).map((m) => m.text),
    close: () => context.close(),
  };
}

/**
 * The console messages that count as errors: console.error() and the
 * browser's own error messages (a failed load, a CSP violation, ...).
 * console.assert() failures come through as 'assert'.
 */
const ERROR_TYPES = new Set(['error', 'assert']);

/**
 * Checks an `expectErrors` option and returns its declarations as a list.
 * @param {undefined | ExpectedError | ExpectedError[]} expectErrors
 * @returns {{reason: string, match: RegExp[]}[]}
 */
function declarations(expectErrors) {
  if (expectErrors === undefined) return [];
  const list = Array.isArray(expectErrors) ? expectErrors : [expectErrors];
  return list.map((d, i) => {
    const match = Array.isArray(d?.match) ? d.match : [d?.match];
    if (typeof d?.reason !== 'string' || d.reason.trim().length < 5) {
      throw new TypeError(`withPage: expectErrors[${i}] needs a reason (a sentence saying why the error is expected)`);
    }
    if (!match.length || !match.every((m) => m instanceof RegExp)) {
      throw new TypeError(`withPage: expectErrors[${i}].match must be a RegExp or an array of them`);
    }
    return { reason: d.reason, match };
  });
}

/**
 * The page's errors that no declaration allows, one line each
 * (`console.error: …` or `page error: …`).
 * @param {{console: {type: string, text: string}[], errors: string[]}} log
 * @param {undefined | ExpectedError | ExpectedError[]} [expectErrors]
 */
export function undeclaredErrors(log, expectErrors) {
  const allowed = declarations(expectErrors);
  const all = [
    ...log.console.filter((m) => ERROR_TYPES.has(m.type)).map((m) => `console.${m.type}: ${m.text}${m.url ? ` (${m.url})` : ''}`),
    ...log.errors.map((e) => `page error: ${e}`),
  ];
  return all.filter((line) => {
    const text = line.slice(line.indexOf(': ') + 2);
    return !allowed.some((d) => d.match.some((re) => { re.lastIndex = 0; return re.test(text); }));
  });
}

/**
 * @typedef {object} ExpectedError An error the test causes on purpose.
 * @property {string} reason why the page logs it (shown with the declared patterns when an undeclared error fails the test)
 * @property {RegExp | RegExp[]} match what the error's text matches
 */

/**
 * Runs `fn` with a fresh page and always closes its context.
 *
 * Every test fails on a browser error it did not declare: after `fn`
 * returns, if the page logged a console error (console.error(), a failed
 * load, a CSP violation, a failed console.assert()) or threw an uncaught
 * error (`pageerror`), withPage rejects with an AssertionError listing
 * them. A test that causes errors on purpose declares them, with the
 * reason, in `options.expectErrors`:
 *
 *     withPage(browser, {
 *       expectErrors: { reason: 'the wasm is blocked on purpose', match: /could not load|404/ },
 *     }, async ({ page, log }) => { … });
 *
 * `expectErrors` is one declaration or an array of them; `match` is a
 * RegExp or an array of them, tested against what the failure would print
 * after its `console.error: ` / `page error: ` prefix: the message text
 * followed by ` (url)` when the browser names a source (for "Failed to
 * load resource: … 404" that is the resource's URL), or `String(error)`
 * for a page error. An error is allowed when any pattern
 * of any declaration matches it; a declaration does not require the error
 * to happen (a test that needs it asserts that itself, from `log`).
 * Declarations are checked up front: a missing reason or a non-RegExp
 * `match` throws. Every other option goes to `browser.newContext()`.
 *
 * If `fn` itself fails, that failure is reported as it is.
 * @template T
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions & {expectErrors?: ExpectedError | ExpectedError[]}} options
 * @param {(p: Awaited<ReturnType<typeof openPage>>) => Promise<T>} fn
 */
export async function withPage(browser, options, fn) {
  const { expectErrors, ...contextOptions } = options ?? {};
  declarations(expectErrors); // a malformed declaration fails before the page opens
  const p = await openPage(browser, contextOptions);
  try {
    const result = await fn(p);
    // One round trip to the page: console and error events sent before it
    // have been received by then (the connection keeps their order).
    await p.page.evaluate(() => 0).catch(() => {});
    const undeclared = undeclaredErrors(p.log, expectErrors);
    if (undeclared.length) {
      throw new AssertionError({
        message: `the page logged ${undeclared.length} error(s) the test did not declare (withPage's expectErrors):\n` +
          undeclared.map((l) => `  ${l}`).join('\n') +
          declarations(expectErrors).map((d) => `\n  (declared: ${d.reason}: ${d.match.join(', ')})`).join(''),
        actual: undeclared,
        expected: [],
        operator: 'deepStrictEqual',
      });
    }
    return result;
  } finally {
    await p.close();
  }
}
