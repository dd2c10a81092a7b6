//! The command line: parses arguments, reads content files, validates them
//! with `symptom_checker_core::validate::load` (the build's own function)
//! and returns what to print and the exit code.
//!
//! The only module that touches the file system. It never writes a file and
//! never prints itself: `main` does, so tests can call `run` directly.

use std::path::Path;

use symptom_checker_core::model::Content;
use symptom_checker_core::paths::all_paths;
use symptom_checker_core::validate::load;

use crate::diff::{diff, render as render_diff};
use crate::graph::mermaid_graph;
use crate::review::review;
use crate::stats::{render as render_stats, stats};
use crate::table::{paths_csv, paths_markdown};

/// The content file used when none is given: the shipped one, relative to
/// the repository root (as the widget's build script reads it).
pub const DEFAULT_FILE: &str = "static/content/botox-aftercare.toml";

/// The exit code for success.
pub const OK: u8 = 0;
/// The exit code when a content file has problems.
pub const PROBLEMS: u8 = 1;
/// The exit code for a usage error or an unreadable file.
pub const USAGE: u8 = 2;

/// The command line's help.
pub const USAGE_TEXT: &str = "\
usage: cargo content <command> [FILE]

commands:
  check [FILE]           validate FILE and print every problem, as the build does
  graph [FILE]           the decision graph as a Mermaid flowchart
  paths [FILE] [--csv]   every path, most urgent first, as Markdown (or CSV)
  stats [FILE] [--all]   counts, paths, reading level (--all: every graded string)
  diff OLD NEW           paths and strings that changed between two content files
  review [FILE]          the review page: cargo content review > CONTENT-REVIEW.md

FILE defaults to static/content/botox-aftercare.toml.
exit codes: 0 ok, 1 problems in a content file, 2 usage or unreadable file.
";

/// What a command prints and how it exits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The process exit code.
    pub code: u8,
}

impl Output {
    fn ok(stdout: String) -> Output {
        Output {
            stdout,
            code: OK,
            ..Output::default()
        }
    }

    fn fail(stderr: String, code: u8) -> Output {
        Output {
            stderr,
            code,
            ..Output::default()
        }
    }
}

/// Runs the command line `args` (without the program name).
pub fn run(args: &[String]) -> Output {
    let Some((command, rest)) = args.split_first() else {
        return Output::fail(USAGE_TEXT.to_owned(), USAGE);
    };
    let (flags, files): (Vec<&str>, Vec<&str>) = rest
        .iter()
        .map(String::as_str)
        .partition(|a| a.starts_with("--"));
    let allowed: &[&str] = match command.as_str() {
        "paths" => &["--csv"],
        "stats" => &["--all"],
        _ => &[],
    };
    if let Some(bad) = flags.iter().find(|f| !allowed.contains(f)) {
        return Output::fail(
            format!("error: unknown option `{bad}` for `{command}`\n\n{USAGE_TEXT}"),
            USAGE,
        );
    }
    let flag = |name: &str| flags.contains(&name);
    match (command.as_str(), files.as_slice()) {
        ("help" | "-h", []) => Output::ok(USAGE_TEXT.to_owned()),
        ("diff", [old, new]) => with_content(old, |old_content| {
            with_content(new, |new_content| {
                let d = diff(old_content, new_content);
                Output::ok(render_diff(old, old_content, new, new_content, &d))
            })
        }),
        ("diff", _) => Output::fail(
            format!("error: `diff` takes two files, OLD and NEW\n\n{USAGE_TEXT}"),
            USAGE,
        ),
        (cmd @ ("check" | "graph" | "paths" | "stats" | "review"), [] | [_]) => {
            let file = files.first().copied().unwrap_or(DEFAULT_FILE);
            with_content(file, |content| match cmd {
                "check" => check_ok(file, content),
                "graph" => Output::ok(mermaid_graph(content)),
                "paths" if flag("--csv") => Output::ok(paths_csv(content)),
                "paths" => Output::ok(paths_markdown(content)),
                "stats" => Output::ok(render_stats(content, &stats(content), "##", flag("--all"))),
                _ => {
                    let regenerate = if files.is_empty() {
                        "cargo content review > CONTENT-REVIEW.md".to_owned()
                    } else {
                        format!("cargo content review {file} > CONTENT-REVIEW.md")
                    };
                    Output::ok(review(file, content, &regenerate))
                }
            })
        }
        ("check" | "graph" | "paths" | "stats" | "review", _) => Output::fail(
            format!("error: `{command}` takes one file at most\n\n{USAGE_TEXT}"),
            USAGE,
        ),
        _ => Output::fail(
            format!("error: unknown command `{command}`\n\n{USAGE_TEXT}"),
            USAGE,
        ),
    }
}

fn check_ok(file: &str, content: &Content) -> Output {
    let paths = all_paths(content).map_or(0, |p| p.len());
    Output::ok(format!(
        "ok: `{file}` is valid: {} questions, {} outcomes, {paths} paths\n",
        content.questions.len(),
        content.outcomes.len()
    ))
}

/// Reads and validates `file`, then runs `then` on it; prints the
/// diagnostics exactly as the build does (`{diagnostics}` and a newline, on
/// standard error) and exits 1 when it is invalid.
fn with_content(file: &str, then: impl FnOnce(&Content) -> Output) -> Output {
    let source = match read(file) {
        Ok(source) => source,
        Err(e) => return Output::fail(format!("error: cannot read `{file}`: {e}\n"), USAGE),
    };
    match load(file, &source) {
        Ok(content) => then(&content),
        Err(diagnostics) => Output::fail(format!("{diagnostics}\n"), PROBLEMS),
    }
}

/// Reads `file` relative to the working directory. The default file is
/// also found from anywhere inside the repository, through the path of
/// this crate at build time, and is still named by its relative path.
fn read(file: &str) -> std::io::Result<String> {
    match std::fs::read_to_string(file) {
        Err(e) if file == DEFAULT_FILE => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            std::fs::read_to_string(root.join(file)).map_err(|_| e)
        }
        result => result,
    }
}
