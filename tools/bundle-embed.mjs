#!/usr/bin/env node
// Trunk post-build hook: bundles the embed loader (static/embed/loader.js)
// with wasm-bindgen's glue into one minified ES module at the glue's place,
// dist/embed/<version>/symptom-checker.js, next to symptom-checker_bg.wasm.
// One file instead of two saves a round trip before the wasm can be fetched.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The loader's fallback words, in every language of the widget, read from
 * the widget's own interface text (src/i18n.rs: `pub const EN: Ui = Ui { … }`),
 * so the fallback says exactly what the widget says.
 */
function fallbackText() {
  const src = fs.readFileSync(path.join(root, 'src/i18n.rs'), 'utf8');
  const fields = ['not_a_diagnosis', 'emergency_before', 'emergency_after', 'error_title', 'error_text', 'reload'];
  const text = {};
  for (const m of src.matchAll(/pub const ([A-Z]+): Ui = Ui \{([\s\S]*?)\n\};/g)) {
    const ui = {};
    for (const f of fields) {
      const value = new RegExp(`\\n\\s+${f}: ("(?:[^"\\\\]|\\\\.)*"),`).exec(m[2]);
      if (!value) throw new Error(`bundle-embed: src/i18n.rs ${m[1]} has no ${f}`);
      ui[f] = JSON.parse(value[1]);
    }
    const code = /\n\s+code: "([a-z]+)",/.exec(m[2])?.[1];
    if (!code) throw new Error(`bundle-embed: src/i18n.rs ${m[1]} has no code`);
    text[code] = ui;
  }
  if (!text.en) throw new Error('bundle-embed: no English interface text in src/i18n.rs');
  return text;
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
