#!/usr/bin/env bash
# Builds the widget with the benchmark's questionnaire and runs it side by
# side with the peers of bench/peers (vanilla JS, SurveyJS; LHC-Forms too
# after `cd bench/peers && npm run fetch:lforms`), then writes the table and
# the embed bundle's gzip and Brotli sizes to BENCHMARKS.md. Run through
# `make bench`.
#   ITERATIONS=15 (default) scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
repo=$PWD
peers=$repo/bench/peers
step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }

step "release build with the benchmark content into dist-bench/"
SYMPTOM_CHECKER_CONTENT=bench/peers/targets/widget/content.toml \
  scripts/release-build.sh --dist dist-bench
cp bench/peers/targets/widget/index.html dist-bench/index.html

step "the harness's packages (bench/peers/package-lock.json)"
stamp=$peers/node_modules/.lock-stamp
if [ -f "$stamp" ] && cmp -s "$peers/package-lock.json" "$stamp"; then
  echo "up to date"
else
  (cd "$peers" && npm ci --no-audit --no-fund --silent)
  cp "$peers/package-lock.json" "$stamp"
fi

targets=vanilla,surveyjs,widget
[ -d "$peers/targets/lforms/vendor" ] && targets=$targets,lforms

step "running $targets (about 5 minutes)"
out=$(mktemp)
(cd "$peers" && node run.mjs --targets "$targets" --iterations "${ITERATIONS:-15}" \
  --out "$peers/results/latest.json") | tee "$out"

node scripts/write-benchmarks.mjs "$out" "$peers/results/latest.json" > BENCHMARKS.md
step "wrote BENCHMARKS.md"
