#!/usr/bin/env bash
# Builds the widget with the benchmark's questionnaire and runs it side by
# side with the peers of ../shared/bench/peers (vanilla JS, SurveyJS), then
# writes the table to BENCHMARKS.md. Run through `make bench`.
#   ITERATIONS=15 (default) scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
peers=${PEERS:-$repo/../shared/bench/peers}
work=${TMPDIR:-/tmp}/symptom-checker-peers

echo "==> release build with the benchmark content into dist-bench/"
SYMPTOM_CHECKER_CONTENT=bench/peers-targets/widget/content.toml \
  trunk build --release=true --dist dist-bench
cp bench/peers-targets/widget/index.html dist-bench/index.html

echo "==> the harness (a copy, since ../shared is read-only)"
rm -rf "$work" && cp -r "$peers" "$work"
(cd "$work" && npm ci --no-audit --no-fund --silent)

echo "==> running (about 5 minutes)"
out=$(mktemp)
(cd "$work" && node run.mjs --target-dir "$repo/bench/peers-targets" \
  --targets vanilla,surveyjs,widget --iterations "${ITERATIONS:-15}" \
  --out "$work/results/latest.json") | tee "$out"

node scripts/write-benchmarks.mjs "$out" "$work/results/latest.json" > BENCHMARKS.md
echo "==> wrote BENCHMARKS.md"
