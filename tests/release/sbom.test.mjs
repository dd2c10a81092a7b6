// The release's bill of materials (release/*.cdx.json, CycloneDX) lists
// every crate compiled into the wasm: checked against `cargo tree` for the
// widget on the wasm target, with the edges Trunk's build compiles
// (normal dependencies: no build or dev dependencies), each with its
// version, its licence and a package URL. And every npm package the loader
// bundles (the inputs of the bundle's esbuild metafile under node_modules/)
// is listed too; today there is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { REPO } from '../e2e/lib/server.mjs';
import { NAME, wasmCrates } from '../../tools/release.mjs';
import { releaseFiles } from './lib.mjs';

const bom = JSON.parse(fs.readFileSync(releaseFiles().sbom, 'utf8'));

/** `name@version` of the crates in a bill of materials (package URL pkg:cargo/…). */
function bomCrates(doc) {
  return new Set(doc.components.filter((c) => c.purl?.startsWith('pkg:cargo/')).map((c) => `${c.name}@${c.version}`));
}

/** The crates of `tree` that `doc` does not list, and those it lists that `tree` does not have. */
function compare(tree, doc) {
  const listed = bomCrates(doc);
  return { missing: [...tree].filter((c) => !listed.has(c)).sort(), extra: [...listed].filter((c) => !tree.has(c)).sort() };
}

// `cargo tree -p symptom-checker --target wasm32-unknown-unknown --edges normal`.
const tree = wasmCrates();

test('the bill of materials lists exactly the crates cargo tree resolves for the widget on the wasm target', () => {
  assert.ok(tree.size > 30 && tree.has(`${NAME}@${/^version = "(.+)"$/m.exec(fs.readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8'))[1]}`),
    `cargo tree found the widget and its crates (${tree.size})`);
  for (const crate of ['yew', 'wasm-bindgen', 'web-sys', 'js-sys', 'symptom-checker-core']) {
    assert.ok([...tree].some((c) => c.startsWith(`${crate}@`)), `${crate} is compiled into the wasm`);
  }
  assert.deepEqual(compare(tree, bom), { missing: [], extra: [] });
});

test('the comparison finds a crate left out of the bill of materials (control)', () => {
  const yew = bom.components.find((c) => c.name === 'yew');
  const without = { ...bom, components: bom.components.filter((c) => c !== yew) };
  assert.deepEqual(compare(tree, without).missing, [`yew@${yew.version}`]);
});

test('every crate has a version, a licence and a package URL; the release is the main component', () => {
  const crates = bom.components.filter((c) => c.purl?.startsWith('pkg:cargo/'));
  const unlicensed = crates.filter((c) => !c.licenses?.some((l) => l.expression || l.license?.id || l.license?.name));
  assert.deepEqual(unlicensed.map((c) => c.name), []);
  for (const c of crates) {
    assert.match(c.version, /^\d+\.\d+\.\d+/, c.name);
    assert.ok(c.purl.startsWith(`pkg:cargo/${c.name}@${c.version}`), c.purl);
  }
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.metadata.component.name, NAME);
  assert.deepEqual(bom.metadata.component.licenses, [{ expression: 'MIT OR Apache-2.0' }]);
  const refs = new Set([bom.metadata.component['bom-ref'], ...bom.components.map((c) => c['bom-ref'])]);
  for (const d of bom.dependencies) {
    assert.ok(refs.has(d.ref), `a dependency of an unknown component: ${d.ref}`);
    for (const on of d.dependsOn ?? []) assert.ok(refs.has(on), `${d.ref} depends on an unknown component: ${on}`);
  }
  const tools = bom.metadata.tools.map((t) => t.name);
  assert.ok(tools.includes('cargo-cyclonedx') && tools.includes('cyclonedx-esbuild'), `made by the tools: ${tools}`);
});

test('every npm package bundled into the loader is listed, and no bundled file is unaccounted for', () => {
  const metafile = JSON.parse(fs.readFileSync(path.join(REPO, 'target/embed-bundle/dist/metafile.json'), 'utf8'));
  const inputs = Object.keys(Object.values(metafile.outputs)[0].inputs);
  assert.ok(inputs.includes('static/embed/loader.js'), inputs.join());
  const packages = new Set(inputs.map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1]).filter(Boolean));
  const npm = new Set(bom.components.filter((c) => c.purl?.startsWith('pkg:npm/')).map((c) => (c.group ? `${c.group}/${c.name}` : c.name)));
  assert.deepEqual([...packages].filter((p) => !npm.has(p)), []);
  // A file esbuild bundled that belongs to no package would be a "VirtualComponent".
  assert.deepEqual(bom.components.filter((c) => /^(Virtual|Dummy)Component /.test(c.name)).map((c) => c.name), []);
});
