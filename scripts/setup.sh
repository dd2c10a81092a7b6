#!/usr/bin/env bash
# Installs what the project needs and skips what is already installed at the
# right version. Only package registries are used (crates.io, npm, Debian)
# and rustup's own channels.
#   scripts/setup.sh build   the toolchain for `trunk serve` / release builds
#   scripts/setup.sh release the above, plus what only `make release` needs:
#                            cargo-cyclonedx and cyclonedx-esbuild (the bill of
#                            materials), zip
#   scripts/setup.sh test    the above, plus the browsers and their drivers for
#                            tests: Chromium, Firefox ESR (geckodriver) and
#                            WebKitGTK (WebKitWebDriver, under Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
mode=${1:-build}

say() { printf 'setup: %s\n' "$*"; }
# The whole output first: `grep -q` stopping early would break the pipe of a
# tool with a long --version (geckodriver), and pipefail would count that.
have_version() { command -v "$1" >/dev/null 2>&1 && [[ "$("$1" --version 2>/dev/null)" == *"$2"* ]]; }

node_major=$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')
if [ -z "$node_major" ] || [ "$node_major" -lt "$NODE_MIN" ]; then
  echo "setup: Node $NODE_MIN or newer is needed (found: $(node --version 2>/dev/null || echo none)); install it with your package manager (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi

# Stable, as pinned in rust-toolchain.toml, with the wasm target.
stable=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if rustup toolchain list | grep -q "^$stable-" && rustup target list --toolchain "$stable" --installed | grep -qx wasm32-unknown-unknown; then
  say "Rust $stable already installed"
else
  say "installing Rust $stable (rust-toolchain.toml)"
  rustup toolchain install "$stable" --profile minimal -c clippy,rustfmt -t wasm32-unknown-unknown
fi
# The release build's nightly, with the std sources it rebuilds.
if rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "$NIGHTLY already installed"
else
  say "installing $NIGHTLY with rust-src (release builds)"
  rustup toolchain install "$NIGHTLY" --profile minimal -c rust-src -t wasm32-unknown-unknown
fi

if have_version trunk "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION already installed"
else
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if have_version wasm-bindgen "wasm-bindgen $BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $BINDGEN_VERSION already installed"
else
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 5 minutes)"
  # Not --locked, so its own dependencies are not pinned: its published lock
  # file wants a webpki-roots version the registry no longer serves. The
  # version that matters, wasm-bindgen's own, is pinned by `=` above.
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

# Trunk builds offline (Trunk.toml), so every crate must be fetched first,
# the ones the nightly's rebuilt std needs too.
cargo fetch --quiet
RUSTUP_TOOLCHAIN=$NIGHTLY CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  cargo fetch --quiet --target wasm32-unknown-unknown

# Debian packages, one apt-get run for whatever is missing.
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }

if [ "$mode" = release ] || [ "$mode" = test ]; then
  # The tests package a release too. The bill of materials: cargo-cyclonedx
  # for the crates compiled into the wasm, cyclonedx-esbuild (its own lock
  # file, in tools/release/) for what is bundled into the loader.
  # It names itself "cargo-cyclonedx-cyclonedx 0.5.9".
  if [[ "$(cargo cyclonedx --version 2>/dev/null)" == *"cyclonedx $CYCLONEDX_VERSION" ]]; then
    say "cargo-cyclonedx $CYCLONEDX_VERSION already installed"
  else
    say "installing cargo-cyclonedx $CYCLONEDX_VERSION (3 to 7 minutes)"
    cargo install cargo-cyclonedx --version "=$CYCLONEDX_VERSION" --locked
  fi
  stamp=tools/release/node_modules/.lock-stamp
  if [ -f "$stamp" ] && cmp -s tools/release/package-lock.json "$stamp"; then
    say "release node tools up to date"
  else
    say "installing release node tools from tools/release/package-lock.json"
    npm ci --prefix tools/release --no-audit --no-fund
    cp tools/release/package-lock.json "$stamp"
  fi
  need zip zip
  need unzip unzip
fi

if [ "$mode" = test ]; then
  # Debian's browsers and WebDriver servers: Chromium (also Playwright's),
  # Firefox ESR, and WebKitGTK, Safari's engine, whose driver needs a
  # display (Xvfb).
  need chromium chromium
  need chromedriver chromium-driver
  need firefox-esr firefox-esr
  need WebKitWebDriver webkit2gtk-driver
  need xvfb-run xvfb
  need xauth xauth

  # LHC-Forms, an independent FHIR form renderer the FHIR tests render the
  # exported Questionnaire in: its prebuilt web component from the npm
  # registry (`npm pack`, no dependency tree), pinned in the fetch script.
  lforms=bench/peers/targets/lforms
  if [ -f "$lforms/vendor/VERSION" ] &&
    grep -q "'$(cat "$lforms/vendor/VERSION")'" "$lforms/fetch.mjs"; then
    say "LHC-Forms $(cat "$lforms/vendor/VERSION") already fetched"
  else
    say "fetching LHC-Forms (npm pack)"
    node "$lforms/fetch.mjs"
  fi

  if have_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
    say "geckodriver $GECKODRIVER_VERSION already installed"
  else
    say "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes)"
    # --locked first (its published lock file); without it if that fails.
    cargo install geckodriver --version "=$GECKODRIVER_VERSION" --locked ||
      cargo install geckodriver --version "=$GECKODRIVER_VERSION"
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian's ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $(command -v sudo || true) apt-get update -q
  $(command -v sudo || true) apt-get install -y -q "${missing[@]}"
elif [ "$mode" != build ]; then
  say "Debian packages already installed"
fi
