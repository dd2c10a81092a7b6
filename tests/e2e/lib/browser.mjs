// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and opens pages that record what the tests check afterwards:
// console messages, uncaught errors and dialogs.
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
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
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
 * @template T
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} options
 * @param {(p: Awaited<ReturnType<typeof openPage>>) => Promise<T>} fn
 */
export async function withPage(browser, options, fn) {
  const p = await openPage(browser, options);
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}
