#!/usr/bin/env bash
# Packages a release build for a clinic's web person (no Rust needed to
# host it): writes release/ with the zip, the npm tarball, the bill of
# materials and their checksums (tools/release.mjs says what is in each).
# It packages what is built, and builds nothing itself:
#   scripts/release.sh [DIST]    (DIST defaults to dist/; `make release`
#                                 builds dist/ first, scripts/test.sh reuses
#                                 the dist/ its release build wrote)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
exec node tools/release.mjs "$@"
