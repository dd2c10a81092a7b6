// The loader's fallback shows the same numbers as the widget: its rules
// (static/embed/attributes.js) run through the same tables of cases as the
// widget's (crates/core/tests/attributes.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { emergencyNumber, clinicPhone, clean } from '../../static/embed/attributes.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `rule` through every case of `tests/attributes/{file}`; the number of cases. */
function checkTable(file, rule) {
  const table = fs.readFileSync(path.join(repo, 'tests/attributes', file), 'utf8');
  const unescape = (s) => s.replaceAll('\\s', ' ');
  let cases = 0;
  for (const line of table.split('\n').filter((l) => l && !l.startsWith('#'))) {
    const [value, display, href] = line.split('\t');
    const expected = display === 'refused' ? null : { display: unescape(display), href };
    assert.deepEqual(rule(unescape(value)), expected, `${file}: ${JSON.stringify(unescape(value))}`);
    cases += 1;
  }
  return cases;
}

test('the loader\'s emergency-number rule follows the shared table', () => {
  const cases = checkTable('emergency-number.tsv', emergencyNumber);
  assert.ok(cases >= 27, `only ${cases} cases`);
});

test('the loader\'s clinic-phone rule follows the shared table', () => {
  const cases = checkTable('clinic-phone.tsv', clinicPhone);
  assert.ok(cases >= 10, `only ${cases} cases`);
});

test('control and bidirectional-override characters are dropped, as in the widget', () => {
  assert.equal(clean('\u202E112\u0000 '), '112');
  assert.deepEqual(emergencyNumber('\u202E112'), { display: '112', href: 'tel:112' });
});
