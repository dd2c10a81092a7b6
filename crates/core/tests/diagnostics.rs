//! Pins the exact text of every kind of content diagnostic, snapshot style:
//! `tests/fixtures/bad/NAME.toml` breaks one thing and
//! `tests/fixtures/bad/NAME.stderr` is what `load` reports for it, as the
//! content tool prints it. `UPDATE_SNAPSHOTS=1 cargo test` rewrites the
//! snapshots; review the diff by eye before committing it.

mod common;

use std::collections::BTreeSet;

use common::{assert_snapshot, manifest_path, updating_snapshots};
use symptom_checker_core::validate::load;

const BAD: &str = "tests/fixtures/bad";

/// Loads the fixture `name`, which must be rejected, and compares the
/// rendered diagnostics with its snapshot. Returns how many problems it has.
fn check(name: &str) -> usize {
    let path = format!("{BAD}/{name}.toml");
    let source = std::fs::read_to_string(manifest_path(&path))
        .unwrap_or_else(|e| panic!("cannot read `{path}`: {e}"));
    let diagnostics = match load(&path, &source) {
        Ok(_) => panic!("`{path}` was accepted, but it is meant to be rejected"),
        Err(d) => d,
    };
    // The content tool prints the diagnostics and a newline to stderr.
    assert_snapshot(&format!("{BAD}/{name}.stderr"), &format!("{diagnostics}\n"));
    diagnostics.problems.len()
}

/// One test per fixture; each fixture has exactly one problem, so the test
/// also shows the rest of the file is valid and the message is about the
/// one thing it breaks.
macro_rules! rejects {
    ($($name:ident),* $(,)?) => {
        /// Every fixture with a test here, to find orphans.
        const FIXTURES: &[&str] = &[$(stringify!($name)),*];

        mod rejects {
            $(
                #[test]
                fn $name() {
                    assert_eq!(super::check(stringify!($name)), 1, "one problem expected");
                }
            )*
        }
    };
}

rejects! {
    // Shape: from `toml` and serde, one at a time.
    toml_syntax_error,
    unquoted_string,
    duplicate_key,
    date_not_quoted,
    unknown_key,
    wrong_value_type,
    missing_required_key,
    // Ids and references.
    unknown_reference,
    duplicate_question_id,
    duplicate_outcome_id,
    duplicate_answer_id,
    question_id_is_outcome_id,
    invalid_id,
    // The graph.
    unreachable_question,
    unreachable_outcome,
    cycle,
    no_questions,
    question_without_answers,
    single_choice_answer_without_next,
    multiple_choice_answer_leads_nowhere,
    unknown_group,
    group_answers_apart,
    otherwise_in_single_choice,
    exclusive_in_single_choice,
    two_exclusive_answers,
    red_flag_not_to_emergency,
    // Values.
    unknown_urgency,
    unknown_kind,
    malformed_date,
    source_url_not_https,
    outcome_without_sources,
    outcome_without_steps,
    empty_text,
    unknown_placeholder,
    source_with_two_titles,
    // The clinical sign-off.
    approved_content_changed,
    // Locales.
    missing_translation,
    undeclared_locale,
    default_locale_not_declared,
    locales_without_en,
    locale_declared_twice,
}

#[test]
fn reports_every_problem_then_the_count() {
    assert_eq!(check("several_problems"), 3);
}

#[test]
fn every_fixture_has_a_test_and_a_snapshot() {
    let mut tomls = BTreeSet::new();
    let mut stderrs = BTreeSet::new();
    for entry in std::fs::read_dir(manifest_path(BAD)).expect("the bad fixtures directory") {
        let path = entry.expect("a directory entry").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => tomls.insert(stem),
            Some("stderr") => stderrs.insert(stem),
            _ => panic!(
                "unexpected file `{}` among the bad fixtures",
                path.display()
            ),
        };
    }
    let tested: BTreeSet<String> = FIXTURES
        .iter()
        .chain(&["several_problems"])
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        tomls, tested,
        "fixtures without a test, or tests without a fixture"
    );
    // While snapshots are being (re)written, new ones may not exist yet.
    if !updating_snapshots() {
        assert_eq!(
            stderrs, tested,
            "snapshots without a fixture, or fixtures without a snapshot"
        );
    }
}

#[test]
fn the_good_fixture_is_valid() {
    let path = "tests/fixtures/good/small.toml";
    let source = std::fs::read_to_string(manifest_path(path)).expect("the good fixture");
    if let Err(d) = load(path, &source) {
        panic!("{d}");
    }
}
