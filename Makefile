# symptom-checker: `make serve` to run it, `make test` to test everything.
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve build release test bench mutants setup setup-test setup-release

## Set up what is missing, then serve the demo page on http://127.0.0.1:8080
serve: setup
	trunk serve

## Release build into dist/ (the demo page and dist/embed/<version>/)
build: setup
	scripts/release-build.sh

## Release build, then release/: the zip, the npm tarball and the bill of materials
release: setup-release
	scripts/release-build.sh
	scripts/release.sh

## Set up what is missing (Chromium included), then run every test
test:
	scripts/test.sh

## Benchmark the widget against its peers and write BENCHMARKS.md
bench: setup-test
	scripts/bench.sh

## Mutation testing of the pure core into target/mutants/ (slow: see MUTANTS.md);
## FILES="crates/core/src/engine.rs …" narrows it
mutants: setup
	scripts/mutants.sh

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

setup-release:
	scripts/setup.sh release
