//! Helpers shared by the content tool's tests: the repository root, the two
//! content files, and running the `content` binary the way `cargo content`
//! does (from the repository root). Reads files; never writes one outside
//! Cargo's per-test temporary directory.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use symptom_checker_core::model::Content;
use symptom_checker_core::validate::load;

/// The shipped content, relative to the repository root.
pub const SHIPPED: &str = "static/content/botox-aftercare.toml";
/// The second, fictional content file.
pub const SECOND: &str = "tests/content/ear-piercing.toml";
/// Outcomes of equal urgency at one multiple-choice question.
pub const TIES: &str = "crates/content-tool/tests/fixtures/ties.toml";
/// A content file with three problems.
pub const BROKEN: &str = "crates/content-tool/tests/fixtures/broken.toml";

/// The repository root (where `cargo content` runs).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of `file`, relative to the repository root.
pub fn source(file: &str) -> String {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|e| panic!("cannot read `{file}`: {e}"))
}

/// `file` (relative to the root), validated; panics with the diagnostics.
pub fn content(file: &str) -> Content {
    load(file, &source(file)).unwrap_or_else(|d| panic!("`{file}` is invalid:\n{d}"))
}

/// What one run of the tool printed and how it exited.
#[derive(Debug)]
pub struct Run {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code.
    pub code: i32,
}

/// Runs `content ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_content"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the content binary runs");
    Run {
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
        code: output.status.code().expect("an exit code"),
    }
}

/// Runs `content ARGS` from the repository root, like `cargo content ARGS`.
pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

/// Runs `content ARGS` and expects success with nothing on standard error.
pub fn run_ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(
        r.code,
        0,
        "`content {}` failed:\n{}",
        args.join(" "),
        r.stderr
    );
    assert_eq!(r.stderr, "", "`content {}` wrote to stderr", args.join(" "));
    r.stdout
}

/// The data rows of a Markdown table in `text` that starts at the line
/// `header` (the header and separator lines excluded).
pub fn table_rows<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| *l != header)
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect()
}
