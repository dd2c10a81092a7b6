// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and opens pages that record what the tests check afterwards:
// console messages, uncaught errors and dialogs. withPage() also fails any
// test whose page logs an error the test did not declare (the rule is in
// errors.mjs, which the cross-engine suite in tests/engines/ shares).
import { chromium } from 'playwright-core';

import { declarations, assertNoUndeclaredErrors } from './errors.mjs';

export { undeclaredErrors } from './errors.mjs';

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
 * @param {import('playwright-core').BrowserContextOptions & {expectErrors?: import('./errors.mjs').ExpectedError | import('./errors.mjs').ExpectedError[]}} options
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
    assertNoUndeclaredErrors(p.log, expectErrors);
    return result;
  } finally {
    await p.close();
  }
}
