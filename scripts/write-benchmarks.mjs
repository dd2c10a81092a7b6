#!/usr/bin/env node
// Writes BENCHMARKS.md from one run of the peers harness: its Markdown table
// (stdout) plus the date, the machine, the command and the method.
// Usage: node scripts/write-benchmarks.mjs STDOUT_FILE RESULTS_JSON
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const [table, resultsFile] = process.argv.slice(2);
const stdout = fs.readFileSync(table, 'utf8');
let iterations = '15';
try { iterations = String(JSON.parse(fs.readFileSync(resultsFile, 'utf8')).iterations ?? iterations); } catch {}
const gz = (f) => {
  try { return execFileSync('bash', ['-c', `gzip -9c ${f} | wc -c`], { encoding: 'utf8' }).trim(); } catch { return '?'; }
};

process.stdout.write(`# Benchmarks

The widget against the peer implementations of \`../shared/bench/peers\`
(hand-written vanilla JS, SurveyJS), the same branching questionnaire driven
through the same headless Chromium in one run.

- **Date:** ${new Date().toISOString().slice(0, 10)}
- **Machine:** ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (browser version in the table's header line)
- **Command:** \`make bench\` (\`scripts/bench.sh\`; \`ITERATIONS=${iterations}\`)
- **Method:** the widget is built in release mode with
  \`bench/peers-targets/widget/content.toml\` (the harness's questionnaire, same texts)
  and embedded as a clinic would (one module script, one \`<symptom-checker start-screen="skip">\`),
  served gzip-compressed from loopback. The harness opens a fresh browser context per run,
  interleaves the targets, first without and then with CPU throttling ×4, and reports medians;
  see \`../shared/bench/peers/README.md\` for every figure's definition.
- **Embed bundle (this build, gzip -9):** JS ${gz('dist-bench/embed/0.1.0/symptom-checker.js')} B,
  wasm ${gz('dist-bench/embed/0.1.0/symptom-checker_bg.wasm')} B.

## Results

${stdout.trim()}
`);
