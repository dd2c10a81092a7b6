#!/usr/bin/env bash
# Prints the SRI hashes and the sizes of the built embed bundle as a server
# sends it (gzip -9 and Brotli 11, the budget is on gzip), for the
# `integrity` attribute of the snippet in EMBEDDING.md (`--update-docs`
# writes it there).
#   scripts/sri.sh [--update-docs] [DIST]      (DIST defaults to dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
update=false
[ "${1:-}" = "--update-docs" ] && { update=true; shift; }
dist=${1:-dist}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
files=("$dist/embed/$version/symptom-checker.js" "$dist/embed/$version/symptom-checker_bg.wasm")
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "no $file: run make build first" >&2; exit 1; }
done
node --input-type=module - "${files[@]}" <<'JS'
import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
let gzip = 0;
let brotli = 0;
for (const file of process.argv.slice(2)) {
  const bytes = fs.readFileSync(file);
  const g = zlib.gzipSync(bytes, { level: 9 }).length;
  const b = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  gzip += g;
  brotli += b;
  const sri = crypto.createHash('sha384').update(bytes).digest('base64');
  console.log(`${file}\n  integrity="sha384-${sri}"\n  ${bytes.length} bytes, ${g} gzip, ${b} brotli`);
}
console.log(`total: ${gzip} B gzip (${(gzip / 1024).toFixed(1)} KB, budget 100 KB), ${brotli} B brotli (${(brotli / 1024).toFixed(1)} KB)`);
JS

if $update; then
  hash=$(openssl dgst -sha384 -binary "${files[0]}" | openssl base64 -A)
  sed -i "s#integrity=\"sha384-[A-Za-z0-9+/=]*\"#integrity=\"sha384-$hash\"#" EMBEDDING.md
  echo "EMBEDDING.md now has sha384-$hash"
fi
