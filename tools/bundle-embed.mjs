#!/usr/bin/env node
// Trunk post-build hook: bundles the embed loader (static/embed/loader.js)
// with wasm-bindgen's glue into one minified ES module at the glue's place,
// dist/embed/<version>/symptom-checker.js, next to symptom-checker_bg.wasm.
// One file instead of two saves a round trip before the wasm can be fetched.
//
// For the release's bill of materials (tools/release.mjs) it keeps, per
// dist folder, in target/embed-bundle/<dist>/: esbuild's metafile (every
// input of the bundle), the wasm-bindgen glue it bundled (so the metafile
// names a file that still exists), and build.json (the version and the
// content file the widget was built with).
import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The loader's fallback words, in every language the widget speaks: its own,
 * from static/ui-text.json (written from src/i18n.rs by a test that keeps it
 * current; the build has no host cargo run to ask).
 */
const FIELDS = [
  'not_a_diagnosis', 'emergency_before', 'emergency_after', 'local_emergency', 'start_failed', 'call_us',
  'error_title', 'error_text', 'reload',
];
function fallbackText() {
  const uiText = JSON.parse(fs.readFileSync(path.join(root, 'static/ui-text.json'), 'utf8'));
  return Object.fromEntries(Object.entries(uiText).map(([code, ui]) => {
    for (const f of FIELDS) if (typeof ui[f] !== 'string') throw new Error(`bundle-embed: static/ui-text.json ${code} has no ${f}`);
    return [code, Object.fromEntries(FIELDS.map((f) => [f, ui[f]]))];
  }));
}
const FALLBACK_TEXT = JSON.stringify(fallbackText());
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('bundle-embed: run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)');

const distDir = process.env.TRUNK_DIST_DIR;
if (!distDir) throw new Error('bundle-embed: run by Trunk as a post_build hook (TRUNK_DIST_DIR unset)');
/** Where this dist folder's bundle record goes (outside dist/: nothing here ships). */
const record = path.join(root, 'target/embed-bundle', path.relative(root, path.resolve(distDir)).replaceAll(path.sep, '_'));
fs.rmSync(record, { recursive: true, force: true });
fs.mkdirSync(record, { recursive: true });
/** The content file the build compiled in (build.rs reads the same variable). */
const contentFile = process.env.SYMPTOM_CHECKER_CONTENT || 'static/content/botox-aftercare.toml';

const embed = path.join(staging, 'embed');
for (const version of fs.readdirSync(embed)) {
  const output = path.join(embed, version, 'symptom-checker.js');
  if (!fs.existsSync(output)) continue;
  const glue = path.join(record, 'wasm-bindgen-glue.js');
  fs.copyFileSync(output, glue);
  const { metafile } = await build({
    entryPoints: [path.join(root, 'static/embed/loader.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    define: { __SC_FALLBACK_TEXT__: FALLBACK_TEXT },
    outfile: output,
    allowOverwrite: true,
    absWorkingDir: root,
    metafile: true,
    logLevel: 'warning',
    plugins: [{
      name: 'wasm-glue',
      setup(b) {
        b.onResolve({ filter: /^wasm-glue$/ }, () => ({ path: glue }));
      },
    }],
  });
  fs.writeFileSync(path.join(record, 'metafile.json'), `${JSON.stringify(metafile, null, 2)}\n`);
  const contentBytes = fs.readFileSync(path.resolve(root, contentFile));
  const info = {
    version,
    bundle: path.relative(root, path.join(path.resolve(distDir), 'embed', version, 'symptom-checker.js')),
    content: { file: contentFile, sha256: crypto.createHash('sha256').update(contentBytes).digest('hex') },
  };
  fs.writeFileSync(path.join(record, 'build.json'), `${JSON.stringify(info, null, 2)}\n`);
}
