#!/usr/bin/env bash
# Installs what the project needs and skips what is already installed at the
# right version. Only package registries are used (crates.io, npm, Debian).
#   scripts/setup.sh build   the toolchain for `trunk serve` / `trunk build`
#   scripts/setup.sh test    the above, plus Chromium and its driver for tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if have_version trunk "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION already installed"
else
  say "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if have_version wasm-bindgen "wasm-bindgen $BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $BINDGEN_VERSION already installed"
else
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 8 minutes)"
  # Not --locked: its published lock file wants a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION"
fi

# Node tools from the lock file: wasm-opt (binaryen 132), esbuild,
# playwright-core and axe. Reinstalled only when the lock file changes.
stamp=node_modules/.lock-stamp
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  say "node tools up to date"
else
  say "installing node tools from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# Trunk builds offline (Trunk.toml), so every crate must be fetched first.
cargo fetch --quiet

if [ "$mode" = test ]; then
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium and chromedriver already installed"
  else
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    $(command -v sudo || true) apt-get update -q
    $(command -v sudo || true) apt-get install -y -q chromium chromium-driver
  fi
fi
