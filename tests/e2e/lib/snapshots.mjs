// Aria snapshots: a locator's accessibility tree compared with a file in
// tests/e2e/snapshots/, or (re)written with UPDATE_SNAPSHOTS=1 on a
// developer's machine. Never rewritten in CI: with CI set, UPDATE_SNAPSHOTS=1
// is refused, so a CI run can only compare.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the snapshots live. */
export const SNAPSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'snapshots');

/**
 * 'update' when `UPDATE_SNAPSHOTS=1` asks to rewrite snapshots, else
 * 'compare'. Throws when `UPDATE_SNAPSHOTS=1` and `CI` is set (any
 * non-empty value): CI must compare against the committed snapshots, never
 * accept what it sees.
 * @param {Record<string, string | undefined>} [env]
 * @returns {'update' | 'compare'}
 */
export function snapshotMode(env = process.env) {
  if (env.UPDATE_SNAPSHOTS !== '1') return 'compare';
  if (env.CI) {
    throw new Error(`UPDATE_SNAPSHOTS=1 refused: CI is set (CI=${JSON.stringify(env.CI)}). ` +
      'Snapshots are never rewritten in CI; rewrite them locally, review the diff and commit it.');
  }
  return 'update';
}

/**
 * Compares the locator's aria snapshot with `<dir>/<name>.aria.yml`, or
 * writes it when snapshotMode(env) is 'update' (which throws in CI).
 * @param {{ariaSnapshot: () => Promise<string>}} locator
 * @param {string} name file name without `.aria.yml`
 * @param {string} what what the snapshot shows, for the header and failures
 * @param {{dir?: string, env?: Record<string, string | undefined>}} [options]
 */
export async function assertAriaSnapshot(locator, name, what, { dir = SNAPSHOTS, env = process.env } = {}) {
  const mode = snapshotMode(env);
  const actual = `${(await locator.ariaSnapshot()).trimEnd()}\n`;
  const file = path.join(dir, `${name}.aria.yml`);
  const header = `# Aria snapshot: ${what}.\n# Written by tests/e2e/a11y-depth.test.mjs; rewrite with UPDATE_SNAPSHOTS=1 and review the diff.\n`;
  if (mode === 'update') {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, header + actual);
    return;
  }
  let expected;
  try {
    expected = await fs.readFile(file, 'utf8');
  } catch {
    assert.fail(`no snapshot ${path.relative(process.cwd(), file)}: run UPDATE_SNAPSHOTS=1 node --test tests/e2e/a11y-depth.test.mjs`);
  }
  expected = expected.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  assert.equal(actual, expected, `the accessibility tree of ${what} changed (${name}.aria.yml)`);
}
