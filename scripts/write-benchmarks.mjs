#!/usr/bin/env node
// Writes BENCHMARKS.md from one run of the peers harness: its Markdown table
// (stdout) plus the date, the machine, the command and the method.
// Usage: node scripts/write-benchmarks.mjs STDOUT_FILE RESULTS_JSON
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';

const [table, resultsFile] = process.argv.slice(2);
const stdout = fs.readFileSync(table, 'utf8');
let results = {};
try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch {}
const iterations = String(results.meta?.iterations ?? results.iterations ?? '15');

/** The budgets of the widget against the hand-written page, from this run's summary. */
function budgets() {
  const w = results.summary?.widget;
  const v = results.summary?.vanilla;
  if (!w || !v) return '(no summary in the results file)';
  const fig = (key) => w[key] ?? {};
  const ratio = (key) => fig(key).ratio;
  const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const rows = [
    ['bytes on the wire, everything the page loads (gzip, with headers)', '≤ 100 KB (aim 80)', `${f1(fig('transferKB').median)} KB`, fig('transferKB').median <= 100],
    ['time to first question', '≤ 1.5× vanilla', `×${f1(ratio('ttfqMs'))} (${f1(fig('ttfqMs').median)} ms vs ${f1(v.ttfqMs.median)} ms)`, ratio('ttfqMs') <= 1.5],
    ['time to first question, CPU ×4', '≤ 2× vanilla', `×${f1(ratio('ttfqMs@cpu'))}`, ratio('ttfqMs@cpu') <= 2],
    ['step latency', '≤ 1.5× vanilla', `×${f1(ratio('stepMs'))}`, ratio('stepMs') <= 1.5],
    ['step latency, CPU ×4', '≤ 50 ms', `${f1(fig('stepMs@cpu').median)} ms`, fig('stepMs@cpu').median <= 50],
    ['renderer main-thread CPU, load + path', '≤ 2× vanilla', `×${f1(ratio('taskCpuMs'))}`, ratio('taskCpuMs') <= 2],
  ];
  return ['| budget | target | this run | |', '|---|---|---|---|',
    ...rows.map(([name, target, got, ok]) => `| ${name} | ${target} | ${got} | ${ok ? 'met' : '**not met**'} |`)].join('\n');
}

/** gzip -9 and Brotli (quality 11) sizes of a built file, as a CDN would send it. */
const sizes = (f) => {
  try {
    const bytes = fs.readFileSync(f);
    return {
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  } catch { return { gzip: NaN, brotli: NaN }; }
};
const js = sizes('dist-bench/embed/0.1.0/symptom-checker.js');
const wasm = sizes('dist-bench/embed/0.1.0/symptom-checker_bg.wasm');
const kb = (n) => (n / 1024).toFixed(1);

process.stdout.write(`# Benchmarks

The widget against the peer implementations of \`bench/peers\`
(hand-written vanilla JS, SurveyJS; LHC-Forms when fetched), the same
branching questionnaire driven through the same headless Chromium in one run.

- **Date:** ${new Date().toISOString().slice(0, 10)}
- **Machine:** ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (browser version in the table's header line)
- **Command:** \`make bench\` (\`scripts/bench.sh\`; \`ITERATIONS=${iterations}\`)
- **Method:** the widget is built in release mode with
  \`bench/peers/targets/widget/content.toml\` (the harness's questionnaire, same texts)
  and embedded as a clinic would (one module script, one \`<symptom-checker start-screen="skip">\`),
  served gzip-compressed from loopback. The harness opens a fresh browser context per run,
  interleaves the targets, first without and then with CPU throttling ×4, and reports medians;
  see \`bench/peers/README.md\` for every figure's definition.
- **Embed bundle (this build), what a server sends:** gzip -9: JS ${js.gzip} B + wasm ${wasm.gzip} B
  = **${kb(js.gzip + wasm.gzip)} KB** (budget 100 KB); Brotli 11: JS ${js.brotli} B + wasm ${wasm.brotli} B
  = **${kb(js.brotli + wasm.brotli)} KB**. The shipped build's sizes, with the clinical content in two
  languages, are printed by \`scripts/sri.sh\` and guarded by \`tests/e2e/size.test.mjs\`.

## Results

${stdout.trim()}

## Budgets, this run

${budgets()}
${fs.existsSync('bench/where-the-bytes-go.md') ? `\n${fs.readFileSync('bench/where-the-bytes-go.md', 'utf8').trim()}\n` : ''}`);
