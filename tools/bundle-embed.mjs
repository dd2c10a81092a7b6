#!/usr/bin/env node
// Trunk post-build hook: bundles the embed loader (static/embed/loader.js)
// with wasm-bindgen's glue into one minified ES module at the glue's place,
// dist/embed/<version>/symptom-checker.js, next to symptom-checker_bg.wasm.
// One file instead of two saves a round trip before the wasm can be fetched.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { uiTexts } from './ui-text.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The loader's fallback words, in every language the widget speaks: its own. */
const FIELDS = [
  'not_a_diagnosis', 'emergency_before', 'emergency_after', 'local_emergency', 'start_failed', 'call_us',
  'error_title', 'error_text', 'reload',
];
function fallbackText() {
  return Object.fromEntries(Object.entries(uiTexts()).map(([code, ui]) => {
    for (const f of FIELDS) if (typeof ui[f] !== 'string') throw new Error(`bundle-embed: src/i18n.rs ${code} has no ${f}`);
    return [code, Object.fromEntries(FIELDS.map((f) => [f, ui[f]]))];
  }));
}
const FALLBACK_TEXT = JSON.stringify(fallbackText());
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('bundle-embed: run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)');

const embed = path.join(staging, 'embed');
for (const version of fs.readdirSync(embed)) {
  const glue = path.join(embed, version, 'symptom-checker.js');
  if (!fs.existsSync(glue)) continue;
  await build({
    entryPoints: [path.join(root, 'static/embed/loader.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    define: { __SC_FALLBACK_TEXT__: FALLBACK_TEXT },
    outfile: glue,
    allowOverwrite: true,
    logLevel: 'warning',
    plugins: [{
      name: 'wasm-glue',
      setup(b) {
        b.onResolve({ filter: /^wasm-glue$/ }, () => ({ path: glue }));
      },
    }],
  });
}
