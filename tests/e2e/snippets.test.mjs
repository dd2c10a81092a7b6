// Every snippet a web person may copy from the docs sets `emergency-number`:
// pasted on a page outside the US without it, the widget would say 911 on
// every screen. Reads every Markdown file of the repository (the release's
// how-to included, when it is generated from a template in the repository).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { REPO } from './lib/server.mjs';

/** Markdown files of the repository, outside dependencies and build output. */
function markdownFiles(dir = REPO, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'target', '.git'].includes(entry.name) || entry.name.startsWith('dist')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(full, out);
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** Every `<symptom-checker …>` opening tag inside an ```html block, with its line. */
export function snippets(markdown) {
  const out = [];
  let fenced = false;
  let tag = null;
  markdown.split('\n').forEach((line, i) => {
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      fenced = !fenced && fence[1] === 'html';
      return;
    }
    if (!fenced) return;
    if (tag) {
      tag.text += ` ${line.trim()}`;
    } else {
      const at = line.indexOf('<symptom-checker');
      if (at < 0) return;
      tag = { line: i + 1, text: line.slice(at) };
    }
    if (tag.text.includes('>')) {
      out.push({ line: tag.line, text: tag.text.slice(0, tag.text.indexOf('>') + 1) });
      tag = null;
    }
  });
  return out;
}

test('every <symptom-checker> snippet in the docs sets emergency-number', () => {
  const bare = [];
  let seen = 0;
  for (const file of markdownFiles()) {
    for (const s of snippets(fs.readFileSync(file, 'utf8'))) {
      seen += 1;
      if (!/\semergency-number="[^"]+"/.test(s.text)) bare.push(`${path.relative(REPO, file)}:${s.line}: ${s.text}`);
    }
  }
  assert.ok(seen >= 2, `only ${seen} snippets found`);
  assert.deepEqual(bare, [], 'snippets without emergency-number');
});

test('the snippet reader finds tags over several lines, and one without the number (control)', () => {
  const doc = [
    '```html',
    '<symptom-checker clinic-name="A"',
    '                 emergency-number="999">',
    '<symptom-checker locale="es"></symptom-checker>',
    '```',
    '```',
    'a diagram: <symptom-checker> on the host page',
    '```',
    '<symptom-checker> outside a code block is prose',
  ].join('\n');
  const found = snippets(doc);
  assert.equal(found.length, 2);
  assert.ok(/emergency-number="999"/.test(found[0].text));
  assert.ok(!/emergency-number/.test(found[1].text));
});
