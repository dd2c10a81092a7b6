// The guard against test steps that pass having run nothing
// (tools/test-count.mjs, run by scripts/test.sh after each test step):
// what it counts in each runner's output, a step below its floor, and a
// skip in CI that tests/skips.txt does not declare.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { count, check, readFloors, readSkips } from '../../tools/test-count.mjs';

const CARGO = `running 3 tests
test a ... ok
test b ... ignored
test c ... ok
test result: ok. 2 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s

running 0 tests
test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
`;
const TAP = (pass, skipped = []) => [
  ...skipped.map((t, i) => `    ok ${i + 1} - ${t} # SKIP why`),
  `# tests ${pass + skipped.length}`, `# pass ${pass}`, '# fail 0', `# skipped ${skipped.length}`, '',
].join('\n');

test('the counts: cargo\'s per-binary results summed with the ignored tests named; node\'s TAP summary with the skipped titles', () => {
  assert.deepEqual(count(CARGO), { ran: 2, failed: 0, skipped: ['b'], ignored: 1 });
  assert.deepEqual(count(TAP(5, ['webkit: a test'])), { ran: 5, failed: 0, skipped: ['webkit: a test'], ignored: 1 });
  assert.deepEqual(count('no tests to run!\n'), { ran: 0, failed: 0, skipped: [], ignored: 0 });
});

test('a step below its floor fails: nothing run, or a run narrowed as ENGINES= and ENGINES=chromium narrow it', () => {
  const floors = { engines: 120 };
  const skips = [];
  assert.deepEqual(check('engines', TAP(120), { floors, skips, ci: true }), []);
  for (const ran of [0, 3, 40, 119]) {
    const problems = check('engines', TAP(ran), { floors, skips, ci: true });
    assert.equal(problems.length, 1, `${ran}: ${problems}`);
    assert.match(problems[0], new RegExp(`ran ${ran} tests, fewer than its floor of 120`));
  }
  assert.match(check('nosuchstep', TAP(1), { floors, skips })[0], /no floor for step "nosuchstep"/);
});

test('a skipped test fails in CI unless tests/skips.txt declares it; outside CI a skip is allowed', () => {
  const floors = { engines: 1 };
  const skips = [{ title: 'webkit: *', reason: 'r', pattern: /^webkit: .*$/ }];
  const out = TAP(1, ['chromium: a test', 'webkit: a test']);
  const problems = check('engines', out, { floors, skips, ci: true });
  assert.deepEqual(problems, ['engines: "chromium: a test" was skipped, and tests/skips.txt does not declare it (CI runs every test)']);
  assert.deepEqual(check('engines', out, { floors, skips, ci: false }), []);
});

test('the repository\'s floors cover every counted step of scripts/test.sh, and every declared skip has a reason', async () => {
  const fs = await import('node:fs');
  const script = fs.readFileSync(new URL('../../scripts/test.sh', import.meta.url), 'utf8');
  const steps = [...script.matchAll(/\bcounted (\w+) /g)].map((m) => m[1]);
  assert.deepEqual(steps.sort(), Object.keys(readFloors()).sort(), 'one floor per counted step');
  for (const floor of Object.values(readFloors())) assert.ok(floor > 0);
  assert.ok(readSkips().every((s) => s.reason.length > 10), 'each declared skip says why');
  assert.ok(readSkips().length <= 5, 'a short list');
});
