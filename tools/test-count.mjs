#!/usr/bin/env node
// A test step that ran nothing must not pass. Reads what one step of
// scripts/test.sh printed (cargo's test harness, wasm-bindgen-test-runner,
// or node --test's TAP), and fails when:
// - it ran fewer tests than the step's floor in tests/floors.txt (the
//   number it runs today: a step narrowed by the environment, ENGINES=
//   say, or a test file that stopped loading, falls below it);
// - with CI set, it skipped a test that tests/skips.txt does not declare
//   (each declared skip names its reason).
//
//   node tools/test-count.mjs <step> <log>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FLOORS = path.join(REPO, 'tests/floors.txt');
export const SKIPS = path.join(REPO, 'tests/skips.txt');

/** Lines of a list file without comments and blank lines. */
function entries(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\s+#.*$|^#.*$/, '').trim()).filter(Boolean);
}

/** `{ step: floor }` from tests/floors.txt (`step floor` a line). */
export function readFloors(file = FLOORS) {
  const floors = {};
  for (const line of entries(file)) {
    const m = /^(\S+)\s+(\d+)$/.exec(line);
    if (!m) throw new Error(`${file}: not "step floor": ${line}`);
    floors[m[1]] = Number(m[2]);
  }
  return floors;
}

/**
 * `[{ title, reason }]` from tests/skips.txt (`title -- reason` a line; `*`
 * in the title stands for any text). A declaration without a reason is refused.
 */
export function readSkips(file = SKIPS) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [title, reason] = line.split(' -- ');
    if (!title?.trim() || !reason?.trim()) throw new Error(`${file}: not "title -- reason": ${line}`);
    const pattern = new RegExp(`^${title.trim().split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return { title: title.trim(), reason: reason.trim(), pattern };
  });
}

/**
 * What a step printed, counted: `{ ran, failed, skipped: [names] }`.
 * cargo and wasm-bindgen-test-runner print `test result: … N passed; N
 * failed; N ignored` for each binary (and `test name ... ignored` for
 * each ignored test); node --test's TAP ends with `# pass N` and marks a
 * skipped test `ok N - title # SKIP reason`.
 */
export function count(output) {
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const results = [...text.matchAll(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/gm)];
  if (results.length) {
    return {
      ran: results.reduce((n, m) => n + Number(m[1]) + Number(m[2]), 0),
      failed: results.reduce((n, m) => n + Number(m[2]), 0),
      skipped: [...text.matchAll(/^test (\S+) \.\.\. ignored\b/gm)].map((m) => m[1]),
      ignored: results.reduce((n, m) => n + Number(m[3]), 0),
    };
  }
  const pass = [...text.matchAll(/^# pass (\d+)$/gm)].at(-1);
  const fail = [...text.matchAll(/^# fail (\d+)$/gm)].at(-1);
  const skipped = [...text.matchAll(/^\s*ok \d+ - (.*?) # SKIP\b/gm)].map((m) => m[1]);
  return {
    ran: Number(pass?.[1] ?? 0) + Number(fail?.[1] ?? 0),
    failed: Number(fail?.[1] ?? 0),
    skipped,
    ignored: skipped.length,
  };
}

/** The problems with one step's output (none: the step passes). */
export function check(step, output, { floors = readFloors(), skips = readSkips(), ci = !!process.env.CI } = {}) {
  const problems = [];
  const floor = floors[step];
  if (floor === undefined) return [`no floor for step "${step}" in tests/floors.txt`];
  const c = count(output);
  if (c.ran < floor) {
    problems.push(`${step}: ran ${c.ran} tests, fewer than its floor of ${floor} (tests/floors.txt); ` +
      'a narrowed run (ENGINES=…, a name pattern) or a test file that no longer loads runs less than the suite');
  }
  if (c.skipped.length < c.ignored) problems.push(`${step}: ${c.ignored} tests skipped, ${c.skipped.length} of them named in the output`);
  if (ci) {
    const undeclared = c.skipped.filter((name) => !skips.some((s) => s.pattern.test(name)));
    for (const name of undeclared.slice(0, 10)) {
      problems.push(`${step}: "${name}" was skipped, and tests/skips.txt does not declare it (CI runs every test)`);
    }
    if (undeclared.length > 10) problems.push(`${step}: and ${undeclared.length - 10} more undeclared skips`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [step, log] = process.argv.slice(2);
  if (!step || !log) {
    console.error('usage: node tools/test-count.mjs <step> <log>');
    process.exit(2);
  }
  const output = fs.readFileSync(log, 'utf8');
  const problems = check(step, output);
  const c = count(output);
  if (problems.length) {
    for (const p of problems) console.error(`test count: ${p}`);
    process.exit(1);
  }
  console.log(`test count: ${step}: ${c.ran} tests ran (floor ${readFloors()[step]}), ${c.skipped.length} skipped${c.skipped.length ? ` (declared: ${c.skipped.join('; ')})` : ''}`);
}
