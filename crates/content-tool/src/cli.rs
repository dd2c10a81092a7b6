//! The command line: parses arguments, reads content files, validates them
//! with `symptom_checker_core::validate::load` (the build's own function)
//! and returns what to print and the exit code.
//!
//! The only module that touches the file system and the clock. It never
//! writes a file and never prints itself: it returns what to print and, for
//! `approve`, the file to write, and `main` does both, so tests can call
//! `run` directly.

use std::path::Path;

use symptom_checker_core::model::{Content, Date};
use symptom_checker_core::paths::all_paths;
use symptom_checker_core::signoff::content_hash;
use symptom_checker_core::validate::{load, load_for_approval, parse_date};

use crate::approval::{approval_record_until, is_one_line, sign_off_record, with_review_record};
use crate::diff::{diff, render as render_diff};
use crate::export::{fhir_json, web_page_snippets};
use crate::graph::mermaid_graph;
use crate::json::content_json;
use crate::review::review;
use crate::stats::{render as render_stats, stats};
use crate::table::{paths_csv, paths_report};

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
  check [FILE]           validate FILE and print every problem, as the build does;
                         warn when its approval's next review is due
  graph [FILE]           the decision graph as a Mermaid flowchart
  paths [FILE] [--csv]   every path, most urgent first, as Markdown (CSV: one concern at a time)
  stats [FILE] [--all]   counts, paths, reading level (--all: every graded string)
  diff OLD NEW           paths and strings that changed between two content files
  json [FILE]            the validated content as JSON (texts keyed by locale)
  review [FILE]          the review page: cargo content review > CONTENT-REVIEW.md
  hash [FILE]            the content hash a clinician's approval records
  fhir [FILE] [--questionnaire]
                         the content as FHIR R4 JSON: a Bundle of the Questionnaire and
                         its code systems (--questionnaire: the Questionnaire alone);
                         cargo content fhir > docs/fhir/botox-aftercare.json
  web-page [FILE]        the schema.org MedicalWebPage JSON-LD for the clinic's page,
                         one block per language, with the review from the sign-off
  signoff [FILE]         the sign-off (draft or approved, by whom) and the hash,
                         as `key: value` lines (a release's name and notes)
  approve --by NAME --role ROLE [--date YYYY-MM-DD] [--next-review YYYY-MM-DD] [FILE]
                         record that NAME, a clinician, read the review page and
                         approved this content: writes the [review] record

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
    /// A file to write (path, text) before exiting: only `approve` has one.
    pub write: Option<(String, String)>,
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
    if command == "approve" {
        return approve(rest, today());
    }
    let (flags, files): (Vec<&str>, Vec<&str>) = rest
        .iter()
        .map(String::as_str)
        .partition(|a| a.starts_with("--"));
    let allowed: &[&str] = match command.as_str() {
        "paths" => &["--csv"],
        "stats" => &["--all"],
        "fhir" => &["--questionnaire"],
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
        (
            cmd @ ("check" | "graph" | "json" | "paths" | "stats" | "review" | "signoff" | "fhir"
            | "web-page"),
            [] | [_],
        ) => {
            let file = files.first().copied().unwrap_or(DEFAULT_FILE);
            with_content(file, |content| match cmd {
                "check" => check_ok(file, content, today()),
                "graph" => Output::ok(mermaid_graph(content)),
                "json" => Output::ok(content_json(content)),
                "paths" if flag("--csv") => Output::ok(paths_csv(content)),
                "paths" => Output::ok(paths_report(content)),
                "stats" => Output::ok(render_stats(content, &stats(content), "##", flag("--all"))),
                "signoff" => Output::ok(sign_off_record(content)),
                "fhir" => Output::ok(fhir_json(content, flag("--questionnaire"))),
                "web-page" => Output::ok(web_page_snippets(content)),
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
        ("hash", [] | [_]) => {
            let file = files.first().copied().unwrap_or(DEFAULT_FILE);
            match read(file) {
                Err(e) => Output::fail(format!("error: cannot read `{file}`: {e}\n"), USAGE),
                Ok(source) => match load_for_approval(file, &source) {
                    Ok(content) => Output::ok(format!("{}\n", content_hash(&content))),
                    Err(diagnostics) => Output::fail(format!("{diagnostics}\n"), PROBLEMS),
                },
            }
        }
        (
            "check" | "graph" | "json" | "paths" | "stats" | "review" | "hash" | "signoff" | "fhir"
            | "web-page",
            _,
        ) => Output::fail(
            format!("error: `{command}` takes one file at most\n\n{USAGE_TEXT}"),
            USAGE,
        ),
        _ => Output::fail(
            format!("error: unknown command `{command}`\n\n{USAGE_TEXT}"),
            USAGE,
        ),
    }
}

fn check_ok(file: &str, content: &Content, today: Date) -> Output {
    let paths: u64 = all_paths(content).map_or(0, |p| p.iter().map(|p| p.exact).sum());
    let mut out = Output::ok(format!(
        "ok: `{file}` is valid: {} questions, {} outcomes, {paths} paths\n",
        content.questions.len(),
        content.outcomes.len()
    ));
    if let Some(warning) = content.review.overdue(today) {
        out.stderr = format!("warning: `{file}`: {warning}\n");
    }
    out
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

/// `approve --by NAME --role ROLE [--date YYYY-MM-DD] [--next-review
/// YYYY-MM-DD] [FILE]`: the file with
/// its `[review]` record replaced by an approval of its current content.
fn approve(args: &[String], today: Date) -> Output {
    let usage = |why: &str| Output::fail(format!("error: {why}\n\n{USAGE_TEXT}"), USAGE);
    let (mut by, mut role, mut date, mut next, mut files) = (None, None, None, None, Vec::new());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--by" => &mut by,
            "--role" => &mut role,
            "--date" => &mut date,
            "--next-review" => &mut next,
            flag if flag.starts_with("--") => {
                return usage(&format!("unknown option `{flag}` for `approve`"));
            }
            file => {
                files.push(file);
                continue;
            }
        };
        match args.next() {
            Some(value) => *slot = Some(value.trim().to_owned()),
            None => return usage(&format!("`{arg}` needs a value")),
        }
    }
    let (Some(by), Some(role)) = (by, role) else {
        return usage("`approve` needs the approver: --by NAME --role ROLE");
    };
    for (what, value) in [("name", &by), ("role", &role)] {
        if !is_one_line(value) {
            return usage(&format!(
                "the approver's {what} must be plain text on one line"
            ));
        }
    }
    let date = match date.as_deref().map(parse_date) {
        None => today,
        Some(Some(date)) => date,
        Some(None) => return usage("--date takes a real day, YYYY-MM-DD"),
    };
    let next_review = match next.as_deref().map(parse_date) {
        None => date.years_later(1),
        Some(Some(next)) if next > date => next,
        Some(Some(_)) => return usage("--next-review must come after the approval date"),
        Some(None) => return usage("--next-review takes a real day, YYYY-MM-DD"),
    };
    let file = match files.as_slice() {
        [] => DEFAULT_FILE,
        [file] => file,
        _ => return usage("`approve` takes one file at most"),
    };
    let source = match read(file) {
        Ok(source) => source,
        Err(e) => return Output::fail(format!("error: cannot read `{file}`: {e}\n"), USAGE),
    };
    let content = match load_for_approval(file, &source) {
        Ok(content) => content,
        Err(diagnostics) => return Output::fail(format!("{diagnostics}\n"), PROBLEMS),
    };
    let hash = content_hash(&content);
    let record = approval_record_until(&by, &role, date, next_review, &hash);
    let approved = with_review_record(&source, &record);
    // The written file must pass the build's own check.
    if let Err(diagnostics) = load(file, &approved) {
        return Output::fail(format!("{diagnostics}\n"), PROBLEMS);
    }
    let path = if file == DEFAULT_FILE && !Path::new(file).exists() {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(file)
            .display()
            .to_string()
    } else {
        file.to_owned()
    };
    Output {
        stdout: format!(
            "approved: `{file}` by {by} ({role}) on {date}, {hash}; next review due {next_review}\n"
        ),
        code: OK,
        write: Some((path, approved)),
        ..Output::default()
    }
}

/// Today's date in UTC, from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_date(days: u64) -> Date {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_from_days_since_1970() {
        let date = |d| civil_date(d).to_string();
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(19_782), "2024-02-29");
        assert_eq!(date(20_787), "2026-11-30");
    }
}
