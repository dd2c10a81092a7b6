// SAFETY.md names, for every control, the tests that verify it, and
// ACCESSIBILITY.md for every success criterion. This checks that each named
// test exists, so neither document can drift from the code; and, for the
// end-to-end tests, that the figures they state hold: a name with a number
// in it (a size limit, a count of cases) is the title of a test as it runs,
// and "(N tests" after a reference is how many tests it names.
// The forms it reads (inside backticks, on list items):
//   `path/to/file.rs › test_name`        (Rust: `mod::name` for a test in a module)
//   `tests/e2e/file.test.mjs › "title"`   (a test title; `…` stands for the rest)
//   `path/to/file` followed by `:` and a list of `name` items under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { REPO } from './lib/server.mjs';

/** Every (file, name) reference in a Markdown document, with its line. */
export function references(markdown) {
  const refs = [];
  let context = null;
  let contextIndent = -1;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const item = /^(\s*)- /.exec(line);
    if (!item) {
      if (!/^\s/.test(line)) context = null;
      continue;
    }
    const indent = item[1].length;
    if (context && indent <= contextIndent) context = null;
    // The item's backticked text, which may run on over the next lines.
    let text = line.slice(item[0].length);
    let j = i;
    while ((text.match(/`/g) ?? []).length % 2 && j + 1 < lines.length) text += ` ${lines[++j].trim()}`;
    const spans = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\s+/g, ' '));
    if (!spans.length) continue;
    const first = spans[0];
    // What the item says after the reference: "(8 tests: …)", say.
    const after = text.slice(text.indexOf('`', text.indexOf('`') + 1) + 1);
    const file = /^(\S+\.(?:rs|mjs))(?: › (.+))?$/.exec(first);
    if (file && file[2]) refs.push({ file: file[1], name: file[2], line: i + 1, after });
    else if (file && /`:\s*$/.test(text.slice(0, text.indexOf(first) + first.length + 2))) {
      context = file[1];
      contextIndent = indent;
    } else if (context && !file) refs.push({ file: context, name: first, line: i + 1, after });
  }
  return refs;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `name` is a test of `file`. */
function exists(file, name) {
  const source = fs.readFileSync(path.join(REPO, file), 'utf8');
  if (file.endsWith('.rs')) {
    const ident = name.split('::').at(-1);
    return new RegExp(`\\bfn ${escape(ident)}\\b`).test(source) || new RegExp(`^\\s+${escape(ident)},$`, 'm').test(source);
  }
  // A JS test title: compare with each title in the file, `${…}` in a
  // template title and `…` in the reference matching anything.
  const wanted = name.replace(/^"|"$/g, '');
  const titles = [...source.matchAll(/\btest\(\s*(['`])((?:\\.|(?!\1).)*)\1/gs)].map((m) => m[2].replace(/\\'/g, "'"));
  return titles.some((title) => {
    const tokens = title.split(/(\$\{[^}]*\})/);
    const part = (t) => (t.startsWith('${') ? '.*' : escape(t));
    if (!wanted.includes('…')) return new RegExp(`^${tokens.map(part).join('')}$`, 's').test(wanted);
    // `…`: the text before it is the start of some string the title makes.
    const head = wanted.split('…')[0].trim();
    return tokens.some((token, k) => {
      const before = tokens.slice(0, k).map(part).join('');
      const prefixes = token.startsWith('${') ? ['.*']
        : [...token].map((_, j) => escape(token.slice(0, j + 1))).reverse();
      return new RegExp(`^${before}(?:${prefixes.join('|')})$`, 's').test(head);
    });
  });
}

/**
 * The titles of the tests `file` registers, as the runner names them once
 * every template is filled in: the file run with a name pattern that
 * matches none, so every test is listed as skipped and none runs.
 */
const listed = new Map();
function runTitles(file) {
  if (!listed.has(file)) {
    let out;
    try {
      out = execFileSync(process.execPath, ['--test', '--test-reporter=tap', '--test-name-pattern=^no test is named this$',
        path.join(REPO, file)], {
        encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'],
        // A run of its own, not a part of this one (node --test tells its children by this variable).
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')),
      });
    } catch (error) {
      out = error.stdout ?? '';
    }
    listed.set(file, [...out.matchAll(/^\s*(?:not )?ok \d+ - (.*) # SKIP test name does not match pattern$/gm)]
      .map((m) => m[1].replace(/\\#/g, '#').replace(/\\\\/g, '\\')));
  }
  return listed.get(file);
}

/** A reference's name as a pattern over run titles: `…` (with the spaces around it) is any text. */
function titlePattern(name) {
  const wanted = name.replace(/^"|"$/g, '');
  return new RegExp(`^${wanted.split(/\s*…\s*/).map(escape).join('.*')}$`, 's');
}

/** The figures a document states about the end-to-end tests it names, checked against the tests as they run. */
export function figureProblems(doc, refs, titlesOf = runTitles) {
  const problems = [];
  for (const ref of refs) {
    // Only the Playwright files: listing them is quick (this file excepted: it would list itself).
    if (!/^tests\/e2e\/[^/]+\.test\.mjs$/.test(ref.file) || ref.file.endsWith('/docs.test.mjs')) continue;
    const stated = /^\s*\((\d+) tests?\b/.exec(ref.after ?? '');
    const numbered = /\d/.test(ref.name);
    if (!stated && !numbered) continue;
    const titles = titlesOf(ref.file);
    const matching = titles.filter((t) => titlePattern(ref.name).test(t));
    if (numbered && matching.length === 0) {
      problems.push(`${doc}:${ref.line}: ${ref.file} has no test titled ${ref.name} as it runs`);
    }
    if (stated && matching.length !== Number(stated[1])) {
      problems.push(`${doc}:${ref.line}: says ${stated[1]} tests of ${ref.file} › ${ref.name}; there are ${matching.length}`);
    }
  }
  return problems;
}

for (const [doc, least] of [['SAFETY.md', 60], ['ACCESSIBILITY.md', 30]]) {
  test(`every figure ${doc} states about the end-to-end tests it names holds (counts, limits in titles)`, () => {
    const refs = references(fs.readFileSync(path.join(REPO, doc), 'utf8'));
    assert.ok(refs.length > least, `only ${refs.length} references found`);
    assert.deepEqual(figureProblems(doc, refs), []);
  });

  test(`every test ${doc} names exists`, () => {
    const refs = references(fs.readFileSync(path.join(REPO, doc), 'utf8'));
    assert.ok(refs.length > least, `only ${refs.length} references found`);
    const missing = refs.filter((r) => !fs.existsSync(path.join(REPO, r.file)) || !exists(r.file, r.name))
      .map((r) => `${doc}:${r.line}: ${r.file} › ${r.name}`);
    assert.deepEqual(missing, []);
  });
}

test('the reference reader finds both forms, and a renamed test is missing (control)', () => {
  const doc = [
    '- `crates/core/tests/routing.rs › the_first_question_is_red_flags`',
    '- `tests/e2e/widget.test.mjs`:',
    '  - `"stories of the specification end where it says"`',
    '- `crates/core/tests/routing.rs › no_such_test_anywhere`',
  ].join('\n');
  const refs = references(doc);
  assert.deepEqual(refs.map((r) => [r.file, r.name]), [
    ['crates/core/tests/routing.rs', 'the_first_question_is_red_flags'],
    ['tests/e2e/widget.test.mjs', '"stories of the specification end where it says"'],
    ['crates/core/tests/routing.rs', 'no_such_test_anywhere'],
  ]);
  assert.deepEqual(refs.map((r) => exists(r.file, r.name)), [true, true, false]);
});

test('the figure check finds a wrong count and a limit the title no longer states (control)', () => {
  const doc = [
    '- `tests/e2e/widget.test.mjs › "journey to … , with the emergency line on every screen"` (3 tests)',
    '- `tests/e2e/size.test.mjs › "the embed bundle is at most 120 KB gzip"`',
    '- `tests/e2e/size.test.mjs › "the embed bundle is at most 136 KB gzip"`',
  ].join('\n');
  const titles = {
    'tests/e2e/widget.test.mjs': ['journey to a (urgent), with the emergency line on every screen',
      'journey to b (soon), with the emergency line on every screen', 'something else'],
    'tests/e2e/size.test.mjs': ['the embed bundle is at most 136 KB gzip'],
  };
  const problems = figureProblems('DOC', references(doc), (file) => titles[file]);
  assert.deepEqual(problems, [
    'DOC:1: says 3 tests of tests/e2e/widget.test.mjs › "journey to … , with the emergency line on every screen"; there are 2',
    'DOC:2: tests/e2e/size.test.mjs has no test titled "the embed bundle is at most 120 KB gzip" as it runs',
  ]);
});
