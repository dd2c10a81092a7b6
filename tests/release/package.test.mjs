// What release/ holds (scripts/release.sh, from dist/): the names carry the
// content's sign-off; the zip and the npm tarball unpack into empty folders
// as the same files, which their checksums verify and which are the build's
// own bytes; package.json, README.txt and the bill of materials say the same
// version, content state and hash. And a release of an approved build
// (dist-alt/, the second content file) has no "draft" in its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { REPO } from '../e2e/lib/server.mjs';
import { HEADERS, NAME, LICENSE, SCRIPT, WASM, filesUnder } from '../../tools/release.mjs';
import {
  RELEASE, buildOf, releaseFiles, unpackZip, unpackTarball, emptyFolder, checkSums, readmeSnippets, run,
} from './lib.mjs';

const build = buildOf('dist');
const release = releaseFiles();
const zipped = unpackZip(release.zip);
const packed = unpackTarball(release.tgz);
const pkg = JSON.parse(fs.readFileSync(path.join(packed, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(zipped, 'README.txt'), 'utf8');
const hash12 = build.signoff.hash.replace('sha256:', '').slice(0, 12);

test('the names carry the version of the build and, for draft content, "draft" and the content hash', () => {
  const expected = build.signoff.status === 'approved' ? build.version : `${build.version}-draft-${hash12}`;
  const name = `${NAME}-${expected}`;
  assert.deepEqual(release.names, ['SHA256SUMS', `${name}.cdx.json`, `${name}.tgz`, `${name}.zip`]);
  assert.equal(path.basename(zipped), name, 'the zip holds one folder of its name');
  assert.equal(pkg.version, expected);
});

test('every part of the release states the content\'s sign-off, with the hash', () => {
  assert.ok(readme.startsWith(`${NAME} ${pkg.version}: how to put it on your site\n`), readme.slice(0, 200));
  const flat = readme.replace(/\s+/g, ' ');
  if (build.signoff.status === 'draft') {
    assert.match(release.zip, new RegExp(`-draft-${hash12}\\.zip$`));
    assert.ok(readme.includes('*** DRAFT CONTENT: NOT APPROVED BY A CLINICIAN ***'));
    assert.ok(flat.includes(`content hash ${build.signoff.hash}`), 'the README names the hash');
    assert.ok(pkg.description.includes('DRAFT'));
  } else {
    assert.ok(flat.includes(`approved by ${build.signoff.approved_by} (${build.signoff.role}) on ${build.signoff.date}`));
    assert.ok(readme.includes(`Content hash: ${build.signoff.hash}`));
  }
  assert.ok(pkg.description.includes(build.signoff.hash));
  assert.deepEqual(pkg.symptomChecker.content, build.signoff);
  const bom = JSON.parse(fs.readFileSync(release.sbom, 'utf8'));
  const props = Object.fromEntries(bom.metadata.properties.map((p) => [p.name, p.value]));
  assert.equal(props['symptom-checker:content:status'], build.signoff.status);
  assert.equal(props['symptom-checker:content:hash'], build.signoff.hash);
});

test('release/SHA256SUMS verifies the zip, the tarball and the bill of materials', () => {
  const { bad, listed } = checkSums(RELEASE, release.sums);
  assert.deepEqual(bad, []);
  assert.deepEqual(listed.sort(), release.names.filter((n) => n !== 'SHA256SUMS').sort());
});

test('the zip and the tarball unpack into the same files, each listed in SHA256SUMS and verified by it', () => {
  const files = filesUnder(zipped);
  assert.deepEqual(filesUnder(packed), files, 'the npm package is the same folder');
  for (const f of files) {
    assert.ok(fs.readFileSync(path.join(zipped, f)).equals(fs.readFileSync(path.join(packed, f))), `${f} differs`);
  }
  assert.deepEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.txt', 'SHA256SUMS', 'content/fhir.json', 'content/web-page.html',
    `embed/${build.version}/${SCRIPT}`, `embed/${build.version}/${WASM}`, 'package.json', 'sbom.cdx.json',
  ]);
  for (const dir of [zipped, packed]) {
    const { bad, listed } = checkSums(dir);
    assert.deepEqual(bad, [], `checksums that fail in ${dir}`);
    assert.deepEqual(listed, files.filter((f) => f !== 'SHA256SUMS'), 'every file but SHA256SUMS is listed');
  }
});

test('the checksum check fails on a changed file (control)', () => {
  const copy = emptyFolder('tampered');
  fs.cpSync(zipped, copy, { recursive: true });
  fs.appendFileSync(path.join(copy, 'embed', build.version, SCRIPT), '\n');
  assert.deepEqual(checkSums(copy).bad, [`embed/${build.version}/${SCRIPT}`]);
});

test('the embed folder is the build\'s, byte for byte', () => {
  for (const f of [SCRIPT, WASM]) {
    assert.ok(fs.readFileSync(path.join(zipped, 'embed', build.version, f)).equals(fs.readFileSync(path.join(build.embed, f))), f);
  }
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.ok(fs.readFileSync(path.join(zipped, f)).equals(fs.readFileSync(path.join(REPO, f))), f);
  }
});

test('package.json: name, version, licence, files and exports of the folder', () => {
  const cargo = fs.readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.name, NAME);
  assert.equal(pkg.license, LICENSE);
  assert.ok(cargo.includes(`license = "${LICENSE}"`), 'the licence Cargo.toml declares');
  assert.equal(pkg.private, undefined, 'it can be published');
  const script = `./embed/${build.version}/${SCRIPT}`;
  assert.equal(pkg.exports['.'], script);
  assert.equal(pkg.exports['./package.json'], './package.json');
  const sub = pkg.exports[`./embed/${build.version}/*`];
  assert.equal(sub, `./embed/${build.version}/*`);
  for (const target of [pkg.exports['.'], sub.replace('*', WASM), pkg.jsdelivr, pkg.unpkg]) {
    assert.ok(fs.existsSync(path.join(packed, target)), `${target} is in the package`);
  }
  // npm packed exactly what `files` names (package.json itself always goes in).
  const named = (f) => pkg.files.some((entry) => f === entry || f.startsWith(entry));
  assert.deepEqual(filesUnder(packed).filter((f) => f !== 'package.json' && !named(f)), []);
});

test('README.txt: this build\'s SRI hash in both snippets, the headers, the policy, every attribute', () => {
  const sri = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(build.embed, SCRIPT))).digest('base64')}`;
  const { selfHosted, cdn } = readmeSnippets(readme);
  for (const snippet of [selfHosted, cdn]) {
    assert.ok(snippet.includes(`integrity="${sri}"`), snippet);
    assert.ok(snippet.includes('crossorigin="anonymous"'), snippet);
  }
  assert.ok(selfHosted.includes(`src="/embed/${build.version}/${SCRIPT}"`), selfHosted);
  assert.match(cdn, new RegExp(`src="https://[^"]+/npm/${NAME}@${pkg.version.replaceAll('.', '\\.')}/embed/${build.version}/${SCRIPT}"`));
  for (const [file, headers] of Object.entries(HEADERS)) {
    assert.ok(readme.includes(`    ${file}:\n`), file);
    for (const [k, v] of Object.entries(headers)) assert.ok(readme.includes(`      ${k}: ${v}\n`), `${file}: ${k}: ${v}`);
  }
  const embedding = fs.readFileSync(path.join(REPO, 'EMBEDDING.md'), 'utf8');
  for (const v of new Set(Object.values(HEADERS).flatMap((h) => Object.values(h)))) {
    assert.ok(embedding.includes(v), `EMBEDDING.md says the same: ${v}`);
  }
  // The attribute table: the section "## Attributes", up to the next one.
  const section = embedding.split(/^## Attributes$/m)[1].split(/^## /m)[0];
  const attributes = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.ok(attributes.length >= 7, attributes.join());
  for (const a of attributes) assert.match(readme, new RegExp(`^  ${a}\\n`, 'm'), a);
});

/** The release's FHIR Questionnaire and its page description say the build's own content and sign-off. */
function assertContentFiles(folder, built) {
  const fhir = fs.readFileSync(path.join(folder, 'content/fhir.json'), 'utf8');
  assert.equal(fhir, run('cargo', ['content', 'fhir', built.content]), 'content/fhir.json is cargo content fhir of the build\'s content');
  const questionnaire = JSON.parse(fhir).entry[0].resource;
  assert.equal(questionnaire.resourceType, 'Questionnaire');
  assert.equal(questionnaire.version, built.signoff.version);
  assert.equal(questionnaire.status, built.signoff.status === 'approved' ? 'active' : 'draft');
  const page = fs.readFileSync(path.join(folder, 'content/web-page.html'), 'utf8');
  assert.equal(page, run('cargo', ['content', 'web-page', built.content]));
  assert.equal(page.includes(`"lastReviewed": "${built.signoff.date}"`), built.signoff.status === 'approved');
}

test('content/: the build\'s content as FHIR R4 and its page description, from the same content file', () => {
  assertContentFiles(zipped, build);
  assert.ok(readme.includes('content/fhir.json') && readme.includes('content/web-page.html'));
});

test('a release of approved content (dist-alt/) has no "draft" in its name, and says who approved it', () => {
  const alt = buildOf('dist-alt');
  assert.equal(alt.signoff.status, 'approved', 'tests/content/ear-piercing.toml is approved');
  const out = emptyFolder('approved-release');
  run('node', ['tools/release.mjs', 'dist-alt', out]);
  const files = releaseFiles(out);
  assert.deepEqual(files.names, ['SHA256SUMS', `${NAME}-${alt.version}.cdx.json`, `${NAME}-${alt.version}.tgz`, `${NAME}-${alt.version}.zip`]);
  const altZipped = unpackZip(files.zip);
  const text = fs.readFileSync(path.join(altZipped, 'README.txt'), 'utf8');
  assert.ok(!/draft/i.test(text), 'no draft warning');
  assertContentFiles(altZipped, alt);
  assert.ok(text.includes(`CONTENT: ${alt.signoff.id} ${alt.signoff.version}, approved by ${alt.signoff.approved_by} (${alt.signoff.role}) on ${alt.signoff.date}; next review due ${alt.signoff.next_review}.`), text.slice(0, 400));
  assert.ok(text.includes(`Content hash: ${alt.signoff.hash}`));
  assert.equal(JSON.parse(fs.readFileSync(path.join(unpackTarball(files.tgz), 'package.json'), 'utf8')).version, alt.version);
});
