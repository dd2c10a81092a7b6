// Which browser errors fail a test, for every driver: the Playwright suite
// (lib/browser.mjs) and the cross-engine WebDriver suite (tests/engines/)
// record a page's errors in the same shape and judge them here.
//
// A log is `{ console: [{ type, text, url }], errors: [string] }`: console
// messages (console.error(), a failed load, a CSP violation, ...) with the
// source the browser names, if any, and uncaught errors.
import { AssertionError } from 'node:assert';

/**
 * The console messages that count as errors: console.error() and the
 * browser's own error messages (a failed load, a CSP violation, ...).
 * console.assert() failures come through as 'assert'.
 */
export const ERROR_TYPES = new Set(['error', 'assert']);

/**
 * @typedef {object} ExpectedError An error the test causes on purpose.
 * @property {string} reason why the page logs it (shown with the declared patterns when an undeclared error fails the test)
 * @property {RegExp | RegExp[]} match what the error's text matches
 */

/**
 * Checks an `expectErrors` option and returns its declarations as a list.
 * @param {undefined | ExpectedError | ExpectedError[]} expectErrors
 * @returns {{reason: string, match: RegExp[]}[]}
 */
export function declarations(expectErrors) {
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
 * @param {{console: {type: string, text: string, url?: string}[], errors: string[]}} log
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
 * Throws an AssertionError listing the log's undeclared errors, if any.
 * @param {{console: {type: string, text: string, url?: string}[], errors: string[]}} log
 * @param {undefined | ExpectedError | ExpectedError[]} [expectErrors]
 */
export function assertNoUndeclaredErrors(log, expectErrors) {
  const undeclared = undeclaredErrors(log, expectErrors);
  if (!undeclared.length) return;
  throw new AssertionError({
    message: `the page logged ${undeclared.length} error(s) the test did not declare (withPage's expectErrors):\n` +
      undeclared.map((l) => `  ${l}`).join('\n') +
      declarations(expectErrors).map((d) => `\n  (declared: ${d.reason}: ${d.match.join(', ')})`).join(''),
    actual: undeclared,
    expected: [],
    operator: 'deepStrictEqual',
  });
}
