// The release in release/ (scripts/release.sh) as the tests get it: its
// files, the build it came from, and each archive unpacked into an empty
// folder of its own, as a web person would unpack it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO } from '../e2e/lib/server.mjs';
import { parseSignoff } from '../../tools/release.mjs';

export const RELEASE = path.join(REPO, 'release');

export const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Runs a command in the repository and returns its standard output. */
export const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 256 << 20, ...options });

/**
 * The build a release folder was packaged from: the version (the name of
 * `dist/embed/<version>/`) and the content's sign-off, by the content tool,
 * for the content file the build recorded (tools/bundle-embed.mjs).
 */
export function buildOf(dist = 'dist') {
  const versions = fs.readdirSync(path.join(REPO, dist, 'embed'));
  assert.equal(versions.length, 1, `one version folder in ${dist}/embed/: ${versions}`);
  const record = JSON.parse(fs.readFileSync(path.join(REPO, 'target/embed-bundle', dist, 'build.json'), 'utf8'));
  const signoff = parseSignoff(run('cargo', ['content', 'signoff', record.content.file]));
  return { version: versions[0], embed: path.join(REPO, dist, 'embed', versions[0]), signoff, content: record.content.file };
}


/** The files of a release folder (release/ by default), by kind. */
export function releaseFiles(dir = RELEASE) {
  if (!fs.existsSync(dir)) throw new Error(`no ${path.relative(REPO, dir)}/: run scripts/release.sh (make release) first`);
  const names = fs.readdirSync(dir).sort();
  const one = (suffix) => {
    const found = names.filter((n) => n.endsWith(suffix));
    assert.equal(found.length, 1, `one *${suffix} in ${path.relative(REPO, dir)}/: ${found}`);
    return path.join(dir, found[0]);
  };
  return { dir, names, zip: one('.zip'), tgz: one('.tgz'), sbom: one('.cdx.json'), sums: path.join(dir, 'SHA256SUMS') };
}

/** A new empty folder, removed when the process exits. */
export function emptyFolder(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `symptom-checker-${label}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Unzips `zip` into an empty folder; returns the folder the zip holds. */
export function unpackZip(zip) {
  const into = emptyFolder('zip');
  run('unzip', ['-q', zip, '-d', into]);
  const top = fs.readdirSync(into);
  assert.equal(top.length, 1, `one top folder in the zip: ${top}`);
  return path.join(into, top[0]);
}

/** Unpacks an npm tarball into an empty folder; returns its `package/` folder. */
export function unpackTarball(tgz) {
  const into = emptyFolder('npm');
  run('tar', ['-xzf', tgz, '-C', into]);
  assert.ok(fs.existsSync(path.join(into, 'package', 'package.json')), 'the tarball holds package/package.json');
  return path.join(into, 'package');
}

/** `sha256sum -c`: the lines of a SHA256SUMS file that do not match `dir`, and the files it lists. */
export function checkSums(dir, sumsFile = path.join(dir, 'SHA256SUMS')) {
  const entries = fs.readFileSync(sumsFile, 'utf8').trimEnd().split('\n').map((line) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new Error(`not a sha256sum line: ${line}`);
    return { hash: m[1], file: m[2] };
  });
  const bad = entries.filter(({ hash, file }) => {
    const p = path.join(dir, file);
    return !fs.existsSync(p) || sha256(fs.readFileSync(p)) !== hash;
  }).map((e) => e.file);
  return { bad, listed: entries.map((e) => e.file) };
}

/**
 * The two html snippets of a release's README.txt (its indented blocks from
 * `<script` to `</symptom-checker>`): self-hosted first, then the CDN one.
 */
export function readmeSnippets(readme) {
  const blocks = [...readme.matchAll(/^ {4}<script[\s\S]*?<\/symptom-checker>$/gm)]
    .map((m) => m[0].split('\n').map((l) => l.replace(/^ {4}/, '')).join('\n'));
  if (blocks.length !== 2) throw new Error(`README.txt: expected 2 snippets, found ${blocks.length}`);
  return { selfHosted: blocks[0], cdn: blocks[1] };
}

/** The Content-Security-Policy line README.txt documents. */
export function readmePolicy(readme) {
  const csp = /^ {4}Content-Security-Policy: (.+)$/m.exec(readme)?.[1];
  if (!csp) throw new Error('README.txt documents no Content-Security-Policy');
  return csp;
}
