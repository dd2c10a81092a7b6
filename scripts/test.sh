#!/usr/bin/env bash
# Every test, in order from fastest to slowest, each step timed. Sets up
# what is missing first, so it runs on its own as well as through
# `make test` (and `.ci/run`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh

started=$SECONDS
step_name=""
step_start=$SECONDS
timings=()
finish_step() {
  if [ -n "$step_name" ]; then
    local took=$((SECONDS - step_start))
    printf '    (%s: %ds)\n' "$step_name" "$took"
    timings+=("$(printf '%5ds  %s' "$took" "$step_name")")
  fi
}
step() {
  finish_step
  step_name=$*
  step_start=$SECONDS
  printf '\n==> %s\n' "$*"
}
# Runs one test command (`counted <step> command…`), its output shown and
# kept in target/test-logs/<step>.log, then checks what it ran
# (tools/test-count.mjs): at least the step's floor in tests/floors.txt,
# and in CI no skipped test that tests/skips.txt does not declare. A step
# that runs nothing, or less than the suite (ENGINES=, ENGINES=chromium),
# fails.
counted() {
  local key=$1
  shift
  mkdir -p target/test-logs
  "$@" 2>&1 | tee "target/test-logs/$key.log"
  node tools/test-count.mjs "$key" "target/test-logs/$key.log"
}

step "set-up (scripts/setup.sh test)"
scripts/setup.sh test

step "format"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy (wasm)"
cargo clippy -p symptom-checker --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# Alone: with the widget, it would turn on the core's parser for both.
step "clippy (studio, wasm)"
cargo clippy -p symptom-checker-studio --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "host tests: core, content tool, widget logic, studio"
counted host cargo test --workspace --quiet

# wasm-bindgen-test-runner takes the first driver it finds (geckodriver
# first): CHROMEDRIVER pins it to Chromium, and the step checks that it said so.
step "browser tests: wasm-bindgen-test in headless Chromium (chromedriver)"
CHROMEDRIVER=$(command -v chromedriver) counted wasm cargo test -p symptom-checker --target wasm32-unknown-unknown
grep -q 'Running headless tests in Chrome' target/test-logs/wasm.log ||
  { echo 'the wasm tests did not run in Chromium (see target/test-logs/wasm.log)' >&2; exit 1; }

step "release build (the shipped content) into dist/, the studio into dist/studio/"
scripts/release-build.sh

step "test build into dist-test/: hostile content, with the test-only panic hook"
SYMPTOM_CHECKER_CONTENT=tests/content/hostile.toml scripts/release-build.sh --dist dist-test --features test-panic

step "build with the second content file into dist-alt/"
SYMPTOM_CHECKER_CONTENT=tests/content/ear-piercing.toml scripts/release-build.sh --dist dist-alt

step "end-to-end tests: Playwright + Chromium against the three builds"
widget_e2e=()
for file in tests/e2e/*.test.mjs; do
  [ "$file" = tests/e2e/studio.test.mjs ] || widget_e2e+=("$file")
done
counted e2e node --test --test-concurrency=1 --test-reporter=tap "${widget_e2e[@]}"

step "end-to-end tests of the content studio (dist/studio/)"
counted studio node --test --test-reporter=tap tests/e2e/studio.test.mjs

step "cross-engine tests: Chromium, Firefox ESR and WebKitGTK over WebDriver"
counted engines node --test --test-concurrency=1 --test-reporter=tap tests/engines/*.test.mjs

# The release packages the dist/ built above: nothing is built again.
step "release: package dist/ into release/ (zip, npm tarball, bill of materials)"
scripts/release.sh
step "release tests: the zip and the tarball served as static files in Chromium, Firefox ESR and WebKitGTK; the bill of materials against cargo tree"
counted release node --test --test-concurrency=1 --test-reporter=tap tests/release/*.test.mjs

finish_step
printf '\n==> every step passed in %ds:\n' "$((SECONDS - started))"
printf '%s\n' "${timings[@]}"
