# Sourced by the other scripts: the versions of the tools and where they
# live, in one place. Stable Rust itself is pinned in rust-toolchain.toml.

# trunk, installed by scripts/setup.sh.
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The release build only: a pinned nightly rebuilds std for the wasm with
# panic=immediate-abort (about 11 KB gzip less; a panic then traps, and the
# loader shows the fallback). Everything else builds with stable.
NIGHTLY=nightly-2026-10-29
# geckodriver, the WebDriver server for Firefox ESR (the cross-engine tests).
GECKODRIVER_VERSION=0.37.1
# cargo-cyclonedx, the bill of materials of the crates in the wasm (`make
# release` only; scripts/setup.sh release installs it).
CYCLONEDX_VERSION=0.5.9
# cargo-mutants, the mutation testing of `make mutants` (scripts/mutants.sh
# installs it; not part of `make test`).
MUTANTS_VERSION=27.1.0
# The oldest Node that runs the tools (node --test globs, playwright-core).
NODE_MIN=20

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
