#!/usr/bin/env bash
# Prints the SRI hashes and gzip sizes of the built embed bundle, for the
# `integrity` attribute of the snippet in EMBEDDING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
for file in dist/embed/"$version"/symptom-checker.js dist/embed/"$version"/symptom-checker_bg.wasm; do
  [ -f "$file" ] || { echo "no $file: run make build first" >&2; exit 1; }
  printf '%s\n  integrity="sha384-%s"\n  %s bytes, %s gzip\n' "$file" \
    "$(openssl dgst -sha384 -binary "$file" | openssl base64 -A)" \
    "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
done
