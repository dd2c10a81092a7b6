// SAFETY.md names, for every control, the tests that verify it, and
// ACCESSIBILITY.md for every success criterion. This checks that each named
// test exists, so neither document can drift from the code.
// The forms it reads (inside backticks, on list items):
//   `path/to/file.rs › test_name`        (Rust: `mod::name` for a test in a module)
//   `tests/e2e/file.test.mjs › "title"`   (a test title; `…` stands for the rest)
//   `path/to/file` followed by `:` and a list of `name` items under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

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
    const file = /^(\S+\.(?:rs|mjs))(?: › (.+))?$/.exec(first);
    if (file && file[2]) refs.push({ file: file[1], name: file[2], line: i + 1 });
    else if (file && /`:\s*$/.test(text.slice(0, text.indexOf(first) + first.length + 2))) {
      context = file[1];
      contextIndent = indent;
    } else if (context && !file) refs.push({ file: context, name: first, line: i + 1 });
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

for (const [doc, least] of [['SAFETY.md', 60], ['ACCESSIBILITY.md', 30]]) {
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
