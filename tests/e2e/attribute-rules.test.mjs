// The loader's fallback shows the same emergency number as the widget: its
// rule (static/embed/attributes.js) runs through the same table of cases as
// the widget's (crates/core/tests/attributes.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { emergencyNumber, clean } from '../../static/embed/attributes.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

test('the loader\'s emergency-number rule follows the shared table', () => {
  const table = fs.readFileSync(path.join(repo, 'tests/attributes/emergency-number.tsv'), 'utf8');
  const unescape = (s) => s.replaceAll('\\s', ' ');
  let cases = 0;
  for (const line of table.split('\n').filter((l) => l && !l.startsWith('#'))) {
    const [value, display, href] = line.split('\t');
    const expected = display === 'refused' ? null : { display: unescape(display), href };
    assert.deepEqual(emergencyNumber(unescape(value)), expected, `emergency-number=${JSON.stringify(unescape(value))}`);
    cases += 1;
  }
  assert.ok(cases >= 20, `only ${cases} cases`);
});

test('control and bidirectional-override characters are dropped, as in the widget', () => {
  assert.equal(clean('\u202E112\u0000 '), '112');
  assert.deepEqual(emergencyNumber('\u202E112'), { display: '112', href: 'tel:112' });
});
