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
