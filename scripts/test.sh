#!/usr/bin/env bash
# Every test, in order from fastest to slowest. Run through `make test`,
# which installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "format"
cargo fmt --all --check

step "clippy (host)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy (wasm)"
cargo clippy -p symptom-checker --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "host tests: core, content tool, widget logic"
cargo test --workspace --quiet

step "browser tests: wasm-bindgen-test in headless Chromium"
cargo test -p symptom-checker --target wasm32-unknown-unknown

step "release build (the shipped content) into dist/"
trunk build --release=true

step "test build into dist-test/: hostile content, with the test-only panic hook"
SYMPTOM_CHECKER_CONTENT=tests/content/hostile.toml trunk build --release=true --dist dist-test --features test-panic

step "build with the second content file into dist-alt/"
SYMPTOM_CHECKER_CONTENT=tests/content/ear-piercing.toml trunk build --release=true --dist dist-alt

step "end-to-end tests: Playwright + Chromium against dist/"
node --test --test-concurrency=1 tests/e2e/
