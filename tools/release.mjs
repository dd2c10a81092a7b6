#!/usr/bin/env node
// `make release`: packages a release build for a clinic's web person, who
// hosts files and runs no Rust. From DIST (dist/ by default: the widget in
// DIST/embed/<version>/, and the record tools/bundle-embed.mjs kept of how
// it was bundled) it writes release/:
//
//   <name>.zip       one folder, <name>/ (below)
//   <name>.tgz       the same folder as an npm package (`npm pack`)
//   <name>.cdx.json  the software bill of materials (CycloneDX JSON)
//   SHA256SUMS       the checksums of those three
//
// and the folder holds embed/<version>/ (the script and the wasm),
// README.txt (how to put it on a site: the snippet with this build's SRI
// hash, the headers, the attributes, the content's sign-off), content/ (the
// content as FHIR R4 for the clinic's record system, and the schema.org
// description for the page: `cargo content fhir` and `web-page` of the
// build's own content file), package.json, sbom.cdx.json, LICENSE-MIT,
// LICENSE-APACHE and SHA256SUMS.
//
// <name> carries the content's sign-off: symptom-checker-<version> for
// approved content, symptom-checker-<version>-draft-<hash> for a draft, so
// nobody hosts draft content without seeing it in the file name.
//
// The bill of materials comes from two CycloneDX tools, merged here: the
// crates compiled into the wasm from cargo-cyclonedx (for the wasm target,
// without build and dev dependencies), and the packages bundled into the
// loader from cyclonedx-esbuild (from the bundle's esbuild metafile).
//
//   node tools/release.mjs [DIST [OUT]]    (scripts/release.sh runs it; OUT
//                                          defaults to release/)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package's name: the npm package, the zip and the tarball start with it. */
export const NAME = 'symptom-checker';
/** The licence, as Cargo.toml declares it, and the files that state it. */
export const LICENSE = 'MIT OR Apache-2.0';
const LICENSE_FILES = ['LICENSE-MIT', 'LICENSE-APACHE'];
/** The two files of the embed folder. */
export const SCRIPT = 'symptom-checker.js';
export const WASM = 'symptom-checker_bg.wasm';

/**
 * The response headers README.txt and EMBEDDING.md tell a web person to
 * set, by file, for the files of embed/<version>/ (the release test serves
 * the unpacked zip and tarball with exactly these).
 */
export const HEADERS = {
  [SCRIPT]: { 'Content-Type': 'text/javascript', 'Cache-Control': 'public, max-age=31536000, immutable' },
  [WASM]: { 'Content-Type': 'application/wasm', 'Cache-Control': 'public, max-age=31536000, immutable' },
};
/** The extra header a web person's own CDN or second origin sends (npm CDNs already do). */
export const CROSS_ORIGIN_HEADERS = { 'Access-Control-Allow-Origin': '*' };

/** The version of a release: the build's, with the draft's hash for draft content. */
export function releaseVersion(version, signoff) {
  if (signoff.status === 'approved') return version;
  // A semver pre-release: package managers never pick it unless asked by name.
  return `${version}-draft-${signoff.hash.replace(/^sha256:/, '').slice(0, 12)}`;
}

/** Parses `cargo content signoff`'s `key: value` lines. */
export function parseSignoff(text) {
  const out = Object.fromEntries(text.trim().split('\n').map((line) => {
    const i = line.indexOf(': ');
    return [line.slice(0, i), line.slice(i + 2)];
  }));
  for (const key of ['id', 'version', 'status', 'hash']) {
    if (!out[key]) throw new Error(`release: \`cargo content signoff\` gave no ${key}:\n${text}`);
  }
  if (!['draft', 'approved'].includes(out.status)) throw new Error(`release: unknown sign-off status ${out.status}`);
  return out;
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, ...options });

/** Every file under `dir`, relative, with `/`, sorted. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** `sha256sum` lines for `files` (relative to `dir`). */
function checksums(dir, files) {
  return files.map((f) => `${sha256(fs.readFileSync(path.join(dir, f)))}  ${f}\n`).join('');
}

// ----------------------------------------------------------------- the build

/** The release build in `dist`: its version, its record, and the content's sign-off. */
function readBuild(dist) {
  const embed = path.join(dist, 'embed');
  const versions = fs.existsSync(embed) ? fs.readdirSync(embed) : [];
  if (versions.length !== 1) {
    throw new Error(`release: ${path.relative(root, embed)} must hold one version folder, found ${versions.length ? versions.join(', ') : 'none'}: run make build first`);
  }
  const [version] = versions;
  const folder = path.join(embed, version);
  for (const f of [SCRIPT, WASM]) {
    if (!fs.existsSync(path.join(folder, f))) throw new Error(`release: no ${f} in ${path.relative(root, folder)}: run make build first`);
  }
  const recordDir = path.join(root, 'target/embed-bundle', path.relative(root, dist).replaceAll(path.sep, '_'));
  const recordFile = path.join(recordDir, 'build.json');
  if (!fs.existsSync(recordFile)) throw new Error(`release: no ${path.relative(root, recordFile)} (tools/bundle-embed.mjs writes it): run make build first`);
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  const metafile = JSON.parse(fs.readFileSync(path.join(recordDir, 'metafile.json'), 'utf8'));
  // The record must describe this very bundle and content, or the bill of
  // materials and the sign-off would describe another build.
  const bundleBytes = fs.statSync(path.join(folder, SCRIPT)).size;
  const bundled = Object.values(metafile.outputs).map((o) => o.bytes);
  if (record.version !== version || bundled.length !== 1 || bundled[0] !== bundleBytes) {
    throw new Error(`release: ${path.relative(root, recordDir)} does not describe ${path.relative(root, folder)}: run make build again`);
  }
  const content = path.resolve(root, record.content.file);
  if (!fs.existsSync(content) || sha256(fs.readFileSync(content)) !== record.content.sha256) {
    throw new Error(`release: ${record.content.file} changed since ${path.relative(root, dist)} was built: run make build again`);
  }
  const signoff = parseSignoff(run('cargo', ['content', 'signoff', record.content.file]));
  return { version, folder, recordDir, record, signoff };
}

// ------------------------------------------------------- bill of materials

/**
 * `name@version` of every crate Cargo compiles for the widget on the wasm
 * target, as Trunk builds it: normal dependencies (proc-macros included:
 * their output is in the wasm), no build or dev dependencies, features as
 * resolver 2 resolves them for this package alone.
 */
export function wasmCrates() {
  const out = run('cargo', ['tree', '-p', NAME, '--target', 'wasm32-unknown-unknown', '--edges', 'normal',
    '--prefix', 'none', '--format', '{p}', '--offline']);
  const crates = new Set();
  for (const line of out.split('\n').filter(Boolean)) {
    const m = /^(\S+) v(\S+)/.exec(line);
    if (!m) throw new Error(`release: not a cargo tree line: ${line}`);
    crates.add(`${m[1]}@${m[2]}`);
  }
  return crates;
}

/**
 * cargo-cyclonedx's document for the widget's crate, for the wasm target
 * without build dependencies. It reads `cargo metadata`, whose features are
 * unified across build and normal dependencies, so it also lists the
 * crates of the content parser that only build.rs compiles (toml, sha2,
 * annotate-snippets, ...): the components and dependencies are kept to
 * those Cargo compiles into the wasm (`wasmCrates`). Its references to
 * this checkout's path are made relative, so every clone writes the same.
 */
function cargoBom(scratch) {
  const name = 'release-sbom-crates';
  const members = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']))
    .packages.map((p) => path.dirname(p.manifest_path));
  const written = members.map((dir) => path.join(dir, `${name}.json`));
  let text;
  try {
    run('cargo', ['cyclonedx', '--manifest-path', path.join(root, 'Cargo.toml'), '--target', 'wasm32-unknown-unknown',
      '--no-build-deps', '--all', '--format', 'json', '--spec-version', '1.5', '--override-filename', name, '--quiet'],
    { env: { ...process.env, CARGO_NET_OFFLINE: 'true' } });
    text = fs.readFileSync(path.join(root, `${name}.json`), 'utf8');
  } finally {
    // It writes one document next to every workspace member's manifest.
    for (const f of written) fs.rmSync(f, { force: true });
  }
  fs.writeFileSync(path.join(scratch, 'crates.cdx.json'), text);
  const bom = JSON.parse(text.replaceAll(`path+file://${root}`, 'path+file://.'));
  const compiled = wasmCrates();
  const crate = bom.metadata.component;
  const kept = new Set([crate['bom-ref']]);
  bom.components = bom.components.filter((c) => compiled.has(`${c.name}@${c.version}`) && kept.add(c['bom-ref']));
  bom.dependencies = bom.dependencies.filter((d) => kept.has(d.ref))
    .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((r) => kept.has(r)) }));
  return bom;
}

/** cyclonedx-esbuild's document for the loader bundle, from the build's metafile. */
function esbuildBom(recordDir, scratch) {
  const cli = path.join(root, 'tools/release/node_modules/@cyclonedx/cyclonedx-esbuild/bin/cyclonedx-esbuild-cli.js');
  if (!fs.existsSync(cli)) throw new Error('release: cyclonedx-esbuild is not installed: run scripts/setup.sh release');
  const out = path.join(scratch, 'loader.cdx.json');
  run(process.execPath, [cli, '--spec-version', '1.5', '--output-reproducible', '--validate', '--mc-type', 'library',
    '--output-file', out, path.join(recordDir, 'metafile.json')], { stdio: 'pipe' });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const toolOf = (bom) => (bom.metadata?.tools?.components ?? bom.metadata?.tools ?? []);

/**
 * One CycloneDX 1.5 document for the release: the npm package as the main
 * component; the widget's crate and every crate it compiles into the wasm;
 * every package bundled into the loader (none today: the loader, its
 * attribute rules and wasm-bindgen's generated glue are this project's
 * own); the dependency graph of both; and the content's sign-off.
 */
export function mergeBoms({ crates, loader, version, signoff }) {
  const main = {
    type: 'application',
    'bom-ref': `${NAME}@${version}`,
    name: NAME,
    version,
    description: 'The symptom checker widget: an embeddable script and its WebAssembly module',
    licenses: [{ expression: LICENSE }],
    purl: `pkg:npm/${NAME}@${version}`,
  };
  const crate = { ...crates.metadata.component };
  delete crate.components;
  const components = [crate, ...(crates.components ?? [])];
  // The loader document's main component is this repository's own
  // package.json (the bundle's first-party files); the values esbuild
  // defines at build time (the fallback's words, from static/ui-text.json) are
  // inputs of no package, which it lists as virtual components named
  // `<define:NAME>`. Everything else in it was bundled from a package.
  const loaderMain = loader.metadata?.component?.['bom-ref'];
  const firstParty = (c) => c['bom-ref'] === loaderMain || /^VirtualComponent <define:[\w$]+>$/.test(c['bom-ref']);
  const bundled = (loader.components ?? []).filter((c) => !firstParty(c));
  components.push(...bundled);
  const dependencies = [
    { ref: main['bom-ref'], dependsOn: [crate['bom-ref'], ...bundled.map((c) => c['bom-ref'])] },
    ...(crates.dependencies ?? []),
    ...(loader.dependencies ?? []).filter((d) => bundled.some((c) => c['bom-ref'] === d.ref)),
  ];
  const property = (name, value) => ({ name: `symptom-checker:content:${name}`, value });
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: {
      tools: [...toolOf(crates), ...toolOf(loader)].map((t) => ({ vendor: t.vendor ?? t.group, name: t.name, version: t.version })),
      component: main,
      properties: [
        property('id', signoff.id),
        property('version', signoff.version),
        property('status', signoff.status),
        property('hash', signoff.hash),
        ...(signoff.status === 'approved'
          ? ['approved_by', 'role', 'date', 'next_review'].map((key) => property(key, signoff[key]))
          : []),
      ],
    },
    components,
    dependencies,
  };
}

// -------------------------------------------------------------- README.txt

/**
 * The two snippets of EMBEDDING.md with an integrity hash: the self-hosted
 * one ("The snippet") and the CDN one. The WordPress steps' block comes
 * first in the page but has no hash (a web person pastes it with their
 * own path), so it is not the release's snippet.
 */
export function embeddingSnippets(markdown = fs.readFileSync(path.join(root, 'EMBEDDING.md'), 'utf8')) {
  const blocks = [...markdown.matchAll(/^```html\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  const cdnLike = (b) => /<script[^>]*src="https:\/\/[^"]*\/npm\//.test(b);
  const selfHosted = blocks.find((b) => b.includes('integrity="sha384-') && !cdnLike(b));
  const cdn = blocks.find(cdnLike);
  if (!selfHosted?.includes('<symptom-checker')) throw new Error('EMBEDDING.md has no html block with the snippet');
  if (!cdn?.includes('<symptom-checker')) throw new Error('EMBEDDING.md has no html block with the CDN snippet');
  return { selfHosted, cdn };
}

/** A snippet with this build's version folder, package version and SRI hash. */
export function forThisBuild(snippet, { version, packageVersion, integrity }) {
  return snippet
    .replace(/\/embed\/[^/"]+\//g, `/embed/${version}/`)
    .replace(new RegExp(`/npm/${NAME}@[^/"]+/`, 'g'), `/npm/${NAME}@${packageVersion}/`)
    .replace(/integrity="sha384-[A-Za-z0-9+/=]*"/g, `integrity="${integrity}"`);
}

/** EMBEDDING.md's table of attributes, as rows of cells (Markdown removed). */
function attributeRows(markdown) {
  const section = markdown.split(/^## Attributes$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  if (rows.length < 5) throw new Error('EMBEDDING.md: the attribute table was not found under "## Attributes"');
  const plain = (s) => s.trim().replaceAll('**', '').replaceAll('`', '');
  return rows.map((r) => r.split(' | ').map((c) => plain(c.replace(/^\||\|$/g, ''))));
}

/** `text` wrapped at 76 columns, every line indented by `indent`. */
function wrap(text, indent = '') {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > 76) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const indented = (block, indent = '    ') => block.trimEnd().split('\n').map((l) => (l ? indent + l : '')).join('\n');

/** The plain-text "how to put this on your site" of a release. */
export function readme({ version, packageVersion, integrity, signoff, markdown }) {
  const { selfHosted, cdn } = embeddingSnippets(markdown);
  const build = { version, packageVersion, integrity };
  const csp = /^Content-Security-Policy: (.+)$/m.exec(markdown)?.[1];
  if (!csp) throw new Error('EMBEDDING.md documents no Content-Security-Policy line');
  const title = `${NAME} ${packageVersion}: how to put it on your site`;
  const contentLine = `${signoff.id} ${signoff.version}`;
  const state = signoff.status === 'approved'
    ? [
      `CONTENT: ${contentLine}, approved by ${signoff.approved_by} (${signoff.role}) on ${signoff.date}; next review due ${signoff.next_review}.`,
      `Content hash: ${signoff.hash}`,
    ].join('\n')
    : [
      '*** DRAFT CONTENT: NOT APPROVED BY A CLINICIAN ***',
      '',
      wrap(`The questions and advice in this build (${contentLine}, content hash ${signoff.hash}) are a draft: no clinician has approved them. The widget says "Draft content: not yet approved by a clinician" on every screen. Do not offer it to patients until a clinician has reviewed and approved the content and the widget has been built again with it (CONTENT.md in the source, "Clinical sign-off").`),
    ].join('\n');
  const header = (name) => Object.entries(HEADERS[name]).map(([k, v]) => `      ${k}: ${v}`).join('\n');
  const attributes = attributeRows(markdown).map(([name, def, what, bad]) =>
    `  ${name}\n${wrap(`${what}. Default: ${def}. A bad value: ${bad}.`, '      ')}`).join('\n');
  return `${title}
${'='.repeat(title.length)}

${state}

The symptom checker asks a patient a few questions and shows what to do and
how urgently. It runs entirely in the visitor's browser and sends nothing
anywhere: nothing they answer leaves their device, unless your page turns
on the share attribute and the patient presses "Send my answers to the
clinic", which hands the answers to your page (see EMBEDDING.md).

What is in this folder
  embed/${version}/${SCRIPT}       the script your page loads
  embed/${version}/${WASM}  the widget (the script loads it from next to itself)
  README.txt                this file
  content/fhir.json         the questions and outcomes as FHIR R4, for your record system
  content/web-page.html     a description of your page for search engines (JSON-LD)
  SHA256SUMS                checksums of every file here: sha256sum -c SHA256SUMS
  sbom.cdx.json             the software bill of materials (CycloneDX JSON)
  package.json              this folder is also an npm package
  ${LICENSE_FILES.join(', ')}  the licence: ${LICENSE}, at your choice

1. Upload
${wrap(`Copy the folder embed/${version}/ (both files) to your site, for example to /embed/${version}/.`, '  ')}

2. Set these response headers
    ${SCRIPT}:
${header(SCRIPT)}
    ${WASM}:
${header(WASM)}
${wrap(`The folder is named by the version, so its files never change: a new release is a new folder, and caches never serve a mix of two. Apache without the wasm type: add "AddType application/wasm .wasm" to .htaccess. Serving the files from another origin than the page (your own CDN): also send ${Object.entries(CROSS_ORIGIN_HEADERS).map(([k, v]) => `${k}: ${v}`).join(', ')}.`, '  ')}

3. Paste the snippet where the checker should appear
${wrap('Any page, or a "Custom HTML" block of a page builder. Change the attributes to your clinic\'s (below). The text inside the element shows until the widget starts, and stays if it cannot start: put your emergency number and your own contact details there.', '  ')}

${indented(forThisBuild(selfHosted, build))}

${wrap(`integrity is this build's SRI hash of ${SCRIPT}: the browser refuses the file if it is changed. Keep crossorigin="anonymous" with it.`, '  ')}

4. Attributes (all optional)
${attributes}

5. Content-Security-Policy
${wrap('It works under a strict policy, with no unsafe-inline and with Trusted Types enforced:', '  ')}

    Content-Security-Policy: ${csp}

${wrap('wasm-unsafe-eval lets the browser compile WebAssembly; nothing else needs it. Files on another origin (a CDN): add that origin to script-src and connect-src.', '  ')}

From a CDN instead
${wrap(`This folder is the npm package ${NAME}@${packageVersion}. Once it is published (npm publish ${NAME}-${packageVersion}.tgz, under your own scope if you like), npm CDNs serve it with the right headers:`, '  ')}

${indented(forThisBuild(cdn, build))}

6. For your record system and search engines
${wrap('content/fhir.json is this build\'s questions, answers and outcomes as a FHIR R4 Questionnaire with its code systems: the format a record system imports. When your page lets patients send their answers (the share attribute), what it receives is a FHIR QuestionnaireResponse that refers to this Questionnaire. content/web-page.html holds, for each language, a schema.org MedicalWebPage block for the <head> of the page the checker is on: it tells search engines what the page is and, once a clinician has approved the content, when and by whom it was reviewed.', '  ')}

More in EMBEDDING.md, in the source: theming, events for your analytics,
mount() for frameworks, WordPress, browser support.
`;
}

// ------------------------------------------------------------- package.json

/** The npm package's manifest: the same folder, with `files`, `exports`, the version and the licence. */
export function packageJson({ version, packageVersion, signoff }) {
  const script = `./embed/${version}/${SCRIPT}`;
  const state = signoff.status === 'approved'
    ? `approved by ${signoff.approved_by} (${signoff.role}) on ${signoff.date}`
    : 'DRAFT, not approved by a clinician';
  return {
    name: NAME,
    version: packageVersion,
    description: `An embeddable, private symptom checker: one script tag and one element. Content: ${signoff.id} ${signoff.version}, ${state} (${signoff.hash}).`,
    license: LICENSE,
    type: 'module',
    browser: script,
    module: script,
    // The file an npm CDN serves for the bare package URL.
    jsdelivr: script,
    unpkg: script,
    exports: {
      '.': script,
      [`./embed/${version}/*`]: `./embed/${version}/*`,
      './package.json': './package.json',
    },
    files: [`embed/${version}/`, 'content/', 'README.txt', 'SHA256SUMS', 'sbom.cdx.json', ...LICENSE_FILES],
    sideEffects: [script],
    keywords: ['symptom-checker', 'web-component', 'custom-element', 'webassembly', 'health'],
    symptomChecker: { content: signoff },
  };
}

// -------------------------------------------------------------------- main

/** The time every file of the release carries: the last commit's, for the same bytes from the same source. */
function sourceDateEpoch() {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(run('git', ['log', '-1', '--format=%ct']).trim());
  } catch {
    return 315532800; // 1980-01-01, the earliest time a zip can hold
  }
}

function main() {
  const dist = path.resolve(root, process.argv[2] ?? 'dist');
  const { version, folder, recordDir, record, signoff } = readBuild(dist);
  const packageVersion = releaseVersion(version, signoff);
  const name = `${NAME}-${packageVersion}`;
  const out = path.resolve(root, process.argv[3] ?? 'release');
  const work = path.join(root, 'target/release-package', path.basename(out));
  const pkg = path.join(work, name);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(pkg, { recursive: true });
  fs.mkdirSync(out, { recursive: true });

  fs.cpSync(folder, path.join(pkg, 'embed', version), { recursive: true });
  const integrity = sri(fs.readFileSync(path.join(folder, SCRIPT)));
  const markdown = fs.readFileSync(path.join(root, 'EMBEDDING.md'), 'utf8');
  fs.writeFileSync(path.join(pkg, 'README.txt'), readme({ version, packageVersion, integrity, signoff, markdown }));
  for (const f of LICENSE_FILES) fs.copyFileSync(path.join(root, f), path.join(pkg, f));
  fs.mkdirSync(path.join(pkg, 'content'));
  fs.writeFileSync(path.join(pkg, 'content/fhir.json'), run('cargo', ['content', 'fhir', record.content.file]));
  fs.writeFileSync(path.join(pkg, 'content/web-page.html'), run('cargo', ['content', 'web-page', record.content.file]));
  fs.writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(packageJson({ version, packageVersion, signoff }), null, 2)}\n`);

  const bom = mergeBoms({ crates: cargoBom(work), loader: esbuildBom(recordDir, work), version: packageVersion, signoff });
  const bomText = `${JSON.stringify(bom, null, 2)}\n`;
  fs.writeFileSync(path.join(pkg, 'sbom.cdx.json'), bomText);
  fs.writeFileSync(path.join(out, `${name}.cdx.json`), bomText);

  fs.writeFileSync(path.join(pkg, 'SHA256SUMS'), checksums(pkg, filesUnder(pkg)));

  // The same bytes for the same build: fixed times, sorted names, no extra attributes.
  const files = filesUnder(pkg);
  const when = new Date(sourceDateEpoch() * 1000);
  for (const f of files) fs.utimesSync(path.join(pkg, f), when, when);
  run('zip', ['-X', '-D', '-q', path.join(out, `${name}.zip`), '-@'], { cwd: work, input: files.map((f) => `${name}/${f}`).join('\n') });
  const [packed] = JSON.parse(run('npm', ['pack', pkg, '--json', '--ignore-scripts', '--pack-destination', out]));
  if (packed.filename !== `${name}.tgz`) throw new Error(`release: npm pack wrote ${packed.filename}, expected ${name}.tgz`);
  const shipped = [`${name}.zip`, `${name}.tgz`, `${name}.cdx.json`];
  fs.writeFileSync(path.join(out, 'SHA256SUMS'), checksums(out, shipped));

  const rel = (p) => path.relative(root, p);
  console.log(`release: ${rel(out)}/`);
  for (const f of [...shipped, 'SHA256SUMS']) console.log(`  ${f}  (${fs.statSync(path.join(out, f)).size} bytes)`);
  console.log(`  from ${rel(folder)}/, integrity="${integrity}", ${bom.components.length} components in the bill of materials`);
  if (signoff.status === 'approved') {
    console.log(`  content ${signoff.id} ${signoff.version}: approved by ${signoff.approved_by} (${signoff.role}) on ${signoff.date}, ${signoff.hash}`);
  } else {
    console.log(`  content ${signoff.id} ${signoff.version}: DRAFT, not approved by a clinician (${signoff.hash}); the name says "draft"`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error.stderr ? `${error.message}\n${error.stderr}` : error.message);
    process.exit(1);
  }
}
