#!/usr/bin/env bash
# Mutation testing: cargo-mutants changes the code one small way at a time
# (a `<` into `<=`, a function body into a default value, …) and runs the
# crate's tests against each change. A change the tests still pass is
# "missed": a defect no test would catch. MUTANTS.md keeps the last
# results and what was done about each missed one.
#
#   scripts/mutants.sh                  the core's pure rules (below)
#   FILES="crates/core/src/engine.rs" scripts/mutants.sh
#   scripts/mutants.sh --list           what it would try, without running
#
# Each mutant is an incremental build and a run of the core's tests: about
# 10 s on an idle 2-core machine, 25 s on a busy one. Not part of `make
# test` for that reason. Results: target/mutants/mutants.out/ (caught.txt,
# missed.txt, timeout.txt, unviable.txt, outcomes.json).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh

if [[ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $MUTANTS_VERSION" ]]; then
  echo "mutants: installing cargo-mutants $MUTANTS_VERSION (about 5 minutes)"
  cargo install cargo-mutants --version "=$MUTANTS_VERSION" --locked
fi

files=${FILES:-crates/core/src/attributes.rs crates/core/src/engine.rs crates/core/src/paths.rs crates/core/src/signoff.rs crates/core/src/fhir.rs}
args=()
for f in $files; do args+=(--file "$f"); done
exec cargo mutants --package symptom-checker-core "${args[@]}" --timeout 30 --output target/mutants "$@"
