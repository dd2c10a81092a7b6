//! Validation: from a TOML file to a `Content`, or every problem in it.
//!
//! By job: `lower` turns the raw types into the model, checking each value;
//! `fields` checks what a value alone cannot show; `graph` checks the
//! decision graph (red flags, multiple choice, cycles, reachability);
//! `exhaustive` walks every path and checks the approval's hash.
//!
//! This is the one code path the build script, the content tool, the tests
//! and (through the generated code) the runtime rely on. It collects every
//! meaning problem instead of stopping at the first; shape problems (TOML
//! syntax, unknown keys, wrong types) come one at a time from `toml` + serde,
//! as in cargo.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;

use crate::attributes::is_https_url;
use crate::diagnostic::{Diagnostics, Problem, did_you_mean};
use crate::engine::Selection;
use crate::model::{
    Answer, AnswerId, Approval, Content, Date, EMERGENCY_NUMBER, Group, Kind, Locale, Outcome,
    OutcomeId, OutcomeIdx, Question, QuestionId, QuestionIdx, Review, Source, Str, Target, Text,
    Urgency,
};
use crate::paths::{Dead, all_paths};
use crate::raw::{RawAnswer, RawContent, RawOutcome, RawQuestion, RawReview, RawText};
use crate::signoff::{HASH_PREFIX, content_hash};

mod exhaustive;
mod fields;
mod graph;
mod lower;

/// The locale every content file must have.
pub const REQUIRED_LOCALE: &str = "en";

/// Parses and validates `source`, read from `path` (used in messages only).
pub fn load(path: &str, source: &str) -> Result<Content, Diagnostics> {
    load_with(path, source, HashCheck::On)
}

/// Like `load`, but an approval whose hash no longer matches is not a
/// problem: for the tools that print or record the new hash of content
/// that changed after it was approved. Never for the build.
pub fn load_for_approval(path: &str, source: &str) -> Result<Content, Diagnostics> {
    load_with(path, source, HashCheck::Off)
}

/// Whether `validate` compares an approved file's hash with its content.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HashCheck {
    On,
    Off,
}

fn load_with(path: &str, source: &str, approval: HashCheck) -> Result<Content, Diagnostics> {
    let diagnostics = |problems| Diagnostics {
        path: path.to_owned(),
        source: source.to_owned(),
        problems,
    };
    let raw: RawContent = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end().to_owned();
        let found = source.get(span.clone()).unwrap_or_default();
        // A bare TOML date (`reviewed = 2026-01-15`) reaches serde as a map,
        // which would read "invalid type: map"; content dates are strings.
        if message.starts_with("invalid type: map")
            && found.starts_with(|c: char| c.is_ascii_digit())
        {
            let problem =
                Problem::new(span.clone(), "a date must be a quoted string", "not quoted")
                    .help(format!("write it as \"{found}\""));
            return diagnostics(vec![problem]);
        }
        let mut problem = Problem::new(span, message.clone(), "here");
        if let Some(help) = shape_help(&message) {
            problem = problem.help(help);
        }
        diagnostics(vec![problem])
    })?;
    validate_with(&raw, approval).map_err(diagnostics)
}

/// A hint for the shape errors serde reports, when one fits.
fn shape_help(message: &str) -> Option<String> {
    let unknown = message.strip_prefix("unknown field `")?;
    let (field, rest) = unknown.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some(match did_you_mean(field, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the keys allowed here are {}", expected.join(", ")),
    })
}

/// Checks the meaning of a parsed file and builds the model.
pub fn validate(raw: &RawContent) -> Result<Content, Vec<Problem>> {
    validate_with(raw, HashCheck::On)
}

fn validate_with(raw: &RawContent, approval: HashCheck) -> Result<Content, Vec<Problem>> {
    let mut v = Validator::default();
    let content = v.content(raw);
    if v.problems.is_empty() {
        v.check_paths(&content, raw);
    }
    if v.problems.is_empty() && approval == HashCheck::On {
        v.check_approval(&content, raw);
    }
    if v.problems.is_empty() {
        Ok(content)
    } else {
        // In file order, so a reviewer can fix them top to bottom.
        v.problems.sort_by_key(|p| p.span.start);
        Err(v.problems)
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    locales: Vec<String>,
    questions: BTreeMap<String, QuestionIdx>,
    outcomes: BTreeMap<String, (OutcomeIdx, Option<Urgency>)>,
    /// Whether texts may hold `{emergency_number}` (outcome texts only).
    in_outcome: bool,
    /// The first title given to each source URL.
    source_titles: BTreeMap<String, Text>,
}

fn span<T>(s: &Spanned<T>) -> Range<usize> {
    s.span()
}

/// Where a problem with an answer's target points: its `next`, else its id.
fn next_span(a: &RawAnswer) -> Range<usize> {
    a.next.as_ref().map_or_else(|| span(&a.id), span)
}

impl Validator {
    fn report(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
}

/// "unknown {what} `value`", with the closest of `choices`, or all of them.
fn unknown_choice(value: &Spanned<String>, what: &str, one: &str, choices: &[&str]) -> Problem {
    let given = value.get_ref();
    let problem = Problem::new(
        span(value),
        format!("unknown {what} `{given}`"),
        format!("not {one}"),
    );
    match did_you_mean(given, choices.iter().copied()) {
        Some(close) => problem.help(format!("did you mean `{close}`?")),
        None => {
            let all: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
            problem.help(format!("use one of {}", all.join(", ")))
        }
    }
}

fn duplicate(id: &Spanned<String>, what: &str, within: &str) -> Problem {
    Problem::new(
        span(id),
        format!("duplicate {what} id `{}`{within}", id.get_ref()),
        "used before",
    )
    .help("ids must be unique; rename one of them")
}

fn is_locale_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD` naming a real day.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let num = |r: Range<usize>| -> Option<u16> {
        let part = text.get(r)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if Date::is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1900 && (1..=days).contains(&day)).then_some(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            parse_date("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2026-1-01"), None);
        assert_eq!(parse_date("20x6-01-01"), None);
    }
}
