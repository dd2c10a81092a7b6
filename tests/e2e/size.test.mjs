// Size guard: the gzip size of everything the embed loads (the bundled JS
// and the wasm; the widget's CSS is inside the wasm) must stay within the
// budget. Sizes are deterministic, so this is a fair test; speed is measured
// by `make bench`, never here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const version = /^version = "(.+)"$/m.exec(fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8'))[1];
const embed = path.join(repo, 'dist', 'embed', version);

// The shipped bundle, with the full bilingual Botox content (about 9 KB of
// it gzip). The 100 KB budget is for the benchmark build, whose
// content is the peers' small questionnaire; see BENCHMARKS.md.
const BUDGET = 120 * 1024;

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
