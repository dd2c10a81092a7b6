#!/usr/bin/env bash
# Prints the SRI hashes and gzip sizes of the built embed bundle, for the
# `integrity` attribute of the snippet in EMBEDDING.md (`--update-docs` writes it there).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
for file in dist/embed/"$version"/symptom-checker.js dist/embed/"$version"/symptom-checker_bg.wasm; do
  [ -f "$file" ] || { echo "no $file: run make build first" >&2; exit 1; }
  printf '%s\n  integrity="sha384-%s"\n  %s bytes, %s gzip\n' "$file" \
    "$(openssl dgst -sha384 -binary "$file" | openssl base64 -A)" \
    "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
done

# `scripts/sri.sh --update-docs` writes the script's hash into EMBEDDING.md.
if [ "${1:-}" = "--update-docs" ]; then
  hash=$(openssl dgst -sha384 -binary "dist/embed/$version/symptom-checker.js" | openssl base64 -A)
  sed -i "s#integrity=\"sha384-[A-Za-z0-9+/=]*\"#integrity=\"sha384-$hash\"#" EMBEDDING.md
  echo "EMBEDDING.md now has sha384-$hash"
fi
