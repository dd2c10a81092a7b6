#!/usr/bin/env bash
# The release build of the demo page and the embed bundle (Trunk, release
# profile), with std rebuilt by the pinned nightly with panic=immediate-abort:
# no panic machinery in the wasm. Arguments go to `trunk build`, e.g.
#   scripts/release-build.sh                       into dist/
#   scripts/release-build.sh --dist dist-test --features test-panic
# SYMPTOM_CHECKER_CONTENT picks another content file (see CONTENT.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
export RUSTUP_TOOLCHAIN=$NIGHTLY
# Its own target folder: stable and nightly artefacts would evict each other.
export CARGO_TARGET_DIR=target/release-nightly
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release=true "$@"
