// The Rust modules of each crate import in one direction: no module uses
// one that uses it back, however long the way round (a circle makes two
// modules one, and a change to either a change to both). Read from the
// source: every `crate::a::b` and `super::x` path outside comments and
// `#[cfg(test)]` code, resolved to the longest module file it names.
//
// Anyone can run it: `node --test tests/e2e/modules.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { REPO } from './lib/server.mjs';

const CRATES = ['src', 'crates/core/src', 'crates/content-tool/src', 'crates/studio/src'];

/** The module of each `.rs` file under `root`, e.g. `components::app`. */
function modules(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.rs')) {
        const name = path.relative(root, file).slice(0, -3).split(path.sep)
          .filter((part, i, all) => !(part === 'mod' && i === all.length - 1)).join('::');
        out.set(['lib', 'main'].includes(name) ? 'crate' : name, file);
      }
    }
  };
  walk(root);
  return out;
}

/** Which modules each module uses, from its source text. */
export function graph(files) {
  const names = new Set(files.keys());
  const edges = new Map();
  for (const [name, source] of files) {
    const code = source.replace(/\/\/[^\n]*/g, '').split('#[cfg(test)]')[0];
    const uses = new Set();
    const resolve = (parts) => {
      for (let k = parts.length; k > 0; k -= 1) {
        const candidate = parts.slice(0, k).join('::');
        if (names.has(candidate)) return candidate;
      }
      return null;
    };
    for (const m of code.matchAll(/\bcrate::([a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)/g)) {
      uses.add(resolve(m[1].split('::')));
    }
    const parent = name.includes('::') ? name.split('::').slice(0, -1) : [];
    for (const m of code.matchAll(/\bsuper::([a-z_][a-z0-9_]*)/g)) {
      uses.add(resolve([...parent, m[1]]));
    }
    uses.delete(null);
    uses.delete(name);
    edges.set(name, uses);
  }
  return edges;
}

/** Every circle of `edges`, each as the modules on it, the first repeated. */
export function circles(edges) {
  const found = [];
  const state = new Map();
  const visit = (name, stack) => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, stack);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name, []);
  return found;
}

test('the circle finder finds a planted circle through a sibling, and none in test code (control)', () => {
  const planted = new Map([
    ['crate', 'mod a; mod b;'],
    ['a', 'use crate::b::c::Thing;'],
    ['b', 'mod c; mod d;'],
    ['b::c', 'use super::d; // crate::a in a comment is not a use'],
    ['b::d', 'pub fn f() { crate::a::g() }'],
  ]);
  assert.deepEqual(circles(graph(planted)), [['a', 'b::c', 'b::d', 'a']]);
  planted.set('b::d', '#[cfg(test)]\nmod tests { use crate::a; }');
  assert.deepEqual(circles(graph(planted)), [], 'test code is not counted');
});

test('no Rust module of the widget, the core, the content tool or the studio imports one that imports it back', () => {
  for (const crate of CRATES) {
    const files = new Map([...modules(path.join(REPO, crate))]
      .map(([name, file]) => [name, fs.readFileSync(file, 'utf8')]));
    assert.ok(files.size > 5, `${crate} has its modules (${files.size})`);
    assert.deepEqual(circles(graph(files)), [], `import circles in ${crate}`);
  }
});
