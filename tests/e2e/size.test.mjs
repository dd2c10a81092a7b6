// Size guard: the gzip size of everything the embed loads (the bundled JS
// and the wasm; the widget's CSS is inside the wasm) must stay within the
// budget. Sizes are deterministic, so this is a fair test; speed is measured
// by `make bench`, never here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const version = /^version = "(.+)"$/m.exec(fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8'))[1];
const embed = path.join(repo, 'dist', 'embed', version);

// The shipped bundle, with the full bilingual content (about 18 KB of it
// gzip since version 3 of the clinical content). The product's budget is
// 100 KB; the bundle is not there (see BENCHMARKS.md, "Where the bytes go":
// 139.6 KB), so this guard holds it within about 1 KB of where it is now,
// and is lowered with every saving until it reaches the budget.
const BUDGET = 140 * 1024;

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

test(`the embed bundle is at most ${BUDGET / 1024} KB gzip`, () => {
  const files = ['symptom-checker.js', 'symptom-checker_bg.wasm'].map((f) => path.join(embed, f));
  for (const f of files) assert.ok(fs.existsSync(f), `${f} is built (run the release build first)`);
  const sizes = Object.fromEntries(files.map((f) => [path.basename(f), gzip(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`embed bundle gzip: ${JSON.stringify(sizes)}, total ${total} B`);
  assert.ok(total <= BUDGET, `embed bundle is ${total} B gzip, over the ${BUDGET} B budget`);
});

test('the demo page loads the versioned bundle', () => {
  const html = fs.readFileSync(path.join(repo, 'dist', 'index.html'), 'utf8');
  assert.match(html, new RegExp(`src="embed/${version.replaceAll('.', '\\.')}/symptom-checker\\.js"`));
});

test('scripts/sri.sh reports what a server sends: gzip and Brotli, Brotli the smaller', () => {
  const out = execFileSync('bash', [path.join(repo, 'scripts/sri.sh')], { cwd: repo, encoding: 'utf8' });
  const total = /^total: (\d+) B gzip .*?, (\d+) B brotli/m.exec(out);
  assert.ok(total, `a total line with both sizes in:\n${out}`);
  const [gz, br] = [Number(total[1]), Number(total[2])];
  const files = ['symptom-checker.js', 'symptom-checker_bg.wasm'].map((f) => path.join(embed, f));
  assert.equal(gz, files.map(gzip).reduce((a, b) => a + b, 0), 'the gzip total is the files\' gzip sizes');
  assert.ok(br > 0 && br <= gz, `Brotli ${br} B is reported and not larger than gzip ${gz} B`);
  for (const f of files) assert.match(out, new RegExp(`${path.basename(f).replace('.', '\\.')}\\n  integrity="sha384-`));
});
