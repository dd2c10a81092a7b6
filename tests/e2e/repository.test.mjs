// The repository stands on its own: no tracked file refers to a sibling
// `shared` folder next to the checkout, or to an absolute path that exists
// only on one build machine (a home folder, the workspace root, a temporary
// folder, usr/local, a Windows user folder, ...). A clone anywhere else must
// build, test and read the same.
//
// Every file `git ls-files` lists is read from the working tree (what is
// about to be committed), except binary files (a NUL byte in the first
// 8000 bytes, git's own test) and the lock files, which record registry
// URLs only. Each offence is printed as file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { REPO } from './lib/server.mjs';

/** Lock files: generated, and full of registry paths. */
const SKIP = new Set(['Cargo.lock', 'package-lock.json']);

/**
 * Top-level folders of a Unix, macOS or Nix machine. An absolute path under
 * one of them is machine-specific unless ALLOWED lists it.
 */
const ROOTS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'nix', 'opt', 'private',
  'proc', 'root', 'run', 'sbin', 'snap', 'srv', 'sys', 'tmp', 'usr', 'var', 'work', 'Users', 'Volumes',
  'Library', 'Applications'];

/**
 * System paths the project uses on purpose, the same on every machine it
 * supports, matched whole (the null device allows nothing longer than itself).
 */
const ALLOWED = [
  ['usr', 'bin', 'env'], // shebang lines
  ['usr', 'bin', 'chromium'], // Debian's Chromium, the browser of the e2e suite and the benchmarks
  ['bin', 'sh'], ['bin', 'bash'], // POSIX shells
  ['dev', 'null'], ['dev', 'stdin'], ['dev', 'stdout'], ['dev', 'stderr'], ['dev', 'tty'], // redirections
].map((parts) => `/${parts.join('/')}`);

/** A sibling folder outside the repository: two dots, a slash (either way), then "shared". */
const SIBLING = /\.\.[\\/]shared\b/;
/** An absolute path under one of ROOTS (the whole folder name), in a Unix spelling. */
const ABSOLUTE = new RegExp(`/(?:${ROOTS.join('|')})(?![\\w@+~%-])(?:/[\\w.@+~%-]*)*`, 'g');
/** A Windows user folder: a drive letter, then Users (either slash). */
const WINDOWS = /\b[A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/]/i;

/**
 * The machine-specific references on one line, as found text. An absolute
 * path counts only where a path can start: at the start of the line, after
 * a space, quote, bracket, `=`, `:` and the like, or after `file://`; not
 * inside a relative path or a URL's path.
 */
export function machinePaths(line) {
  const found = [];
  if (SIBLING.test(line)) found.push(line.match(SIBLING)[0]);
  if (WINDOWS.test(line)) found.push(line.match(WINDOWS)[0]);
  for (const m of line.matchAll(ABSOLUTE)) {
    const before = line.slice(0, m.index);
    const prev = before.at(-1) ?? '';
    const pathStart = prev === '' || !/[\w.~/\\-]/.test(prev) || (prev === '/' && /file:\/\/$/.test(before));
    if (!pathStart) continue;
    const p = m[0].replace(/[.]+$/, ''); // a full stop ending a sentence
    if (ALLOWED.includes(p)) continue;
    found.push(p);
  }
  return found;
}

/** Tracked files, relative to the repository root. */
function trackedFiles() {
  return execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0').filter(Boolean);
}

/** `file:line: found (line)` for every offence in the tracked files. */
async function offences() {
  const out = [];
  let scanned = 0;
  for (const file of trackedFiles()) {
    if (SKIP.has(path.basename(file))) continue;
    const full = path.join(REPO, file);
    let data;
    try {
      const stat = await fs.lstat(full);
      if (!stat.isFile()) continue; // symlinks, submodules
      data = await fs.readFile(full);
    } catch (e) {
      if (e.code === 'ENOENT') continue; // deleted in the working tree
      throw e;
    }
    if (data.subarray(0, 8000).includes(0)) continue; // binary
    scanned += 1;
    data.toString('utf8').split(/\r?\n/).forEach((line, i) => {
      const found = machinePaths(line);
      if (found.length) out.push(`${file}:${i + 1}: ${found.join(', ')}    | ${line.trim().slice(0, 160)}`);
    });
  }
  return { scanned, out };
}

test('the machine-path check finds planted paths and passes the allowed ones (control)', async () => {
  // Sample paths are spelled with `^` for a slash (and `up` for two dots),
  // so that this file itself stays clean for the check below.
  const up = '..';
  const abs = (s) => s.replaceAll('^', '/');
  const flagged = [
    [`see ${up}^shared^bench^peers`, [`${up}^shared`]],
    [`node ${up}\\${up}\\shared\\x.mjs`, [`${up}\\shared`]],
    ['cd ^work^main && make', ['^work^main']],
    ['export PATH=^home^alice^.cargo^bin:$PATH', ['^home^alice^.cargo^bin']],
    ['PATH=^usr^bin:^root^bin', ['^usr^bin', '^root^bin']],
    ['cp x "^tmp^previous.toml"', ['^tmp^previous.toml']],
    ['CHROMIUM=^usr^local^bin^chromium', ['^usr^local^bin^chromium']],
    ['open file:^^^Users^bob^site^index.html.', ['^Users^bob^site^index.html']],
    ['    C:^Users^bob^repo', ['C:^Users^', '^Users^bob^repo']],
    ['    C:' + '\\Users\\bob\\repo', ['C:' + '\\Users\\']],
  ];
  for (const [line, expected] of flagged) assert.deepEqual(machinePaths(abs(line)), expected.map(abs), abs(line));
  const clean = [
    '#!^usr^bin^env bash',
    "executablePath: process.env.CHROMIUM_PATH ?? '^usr^bin^chromium',",
    'command -v wasm-opt >^dev^null 2>&1',
    'exec ^bin^sh -c true',
    'https:^^example.org^home^tmp^x and http:^^127.0.0.1:8080^usr^x',
    'src^lib^journey.mjs, tests^e2e^lib^server.mjs, .^tmp^x, ~^work^x',
    "'^embed^0.1.0^symptom-checker.js' and '^clinic.html' (paths on the test server)",
    `${up}^${up}^README.md and ${up}^sharedfolder`,
    '<option value="es">Español<^option> and <^library> (markup, not folders)',
  ].map(abs);
  for (const line of clean) assert.deepEqual(machinePaths(line), [], line);
  // This file passes its own check.
  const self = await fs.readFile(fileURLToPath(import.meta.url), 'utf8');
  assert.deepEqual(self.split('\n').flatMap(machinePaths), [], 'repository.test.mjs');
});

test('no tracked file refers to a sibling shared folder or to a path of one build machine', async () => {
  const { scanned, out } = await offences();
  assert.ok(scanned > 50, `tracked text files were read (${scanned})`);
  assert.ok(out.length === 0,
    `${out.length} line(s) of tracked files name a machine-specific path (file:line: found | the line):\n${out.join('\n')}`);
});

test('every file that names the release\'s version names Cargo.toml\'s', async () => {
  const { VERSION } = await import('./lib/pages.mjs');
  // The places a clinic or the build reads the version from: the demo page
  // (Trunk's target path), the benchmark page, and the snippet in EMBEDDING.md.
  const files = ['index.html', 'bench/peers/targets/widget/index.html', 'EMBEDDING.md'];
  const wrong = [];
  let seen = 0;
  for (const file of files) {
    const text = await fs.readFile(path.join(REPO, file), 'utf8');
    for (const [i, line] of text.split('\n').entries()) {
      for (const m of line.matchAll(/(?:embed\/|symptom-checker\/|release |the `)(\d+\.\d+\.\d+)\b/g)) {
        seen += 1;
        if (m[1] !== VERSION) wrong.push(`${file}:${i + 1}: ${m[1]} (Cargo.toml: ${VERSION})`);
      }
    }
  }
  assert.ok(seen >= 6, `only ${seen} mentions of a version found`);
  assert.deepEqual(wrong, []);
});
