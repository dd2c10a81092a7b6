//! Helpers shared by the integration tests: the shipped content, look-ups by
//! public id, and snapshot files. Reads files only; never writes one unless
//! `UPDATE_SNAPSHOTS=1` asks it to, and never in CI (`CI` set: refused).

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use symptom_checker_core::engine::{Journey, Selection, Step};
use symptom_checker_core::model::{Content, OutcomeIdx, QuestionIdx};
use symptom_checker_core::validate::load;

/// The shipped content file, relative to the workspace root.
pub const SHIPPED: &str = "static/content/botox-aftercare.toml";

/// A path relative to this crate's directory.
pub fn manifest_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The shipped content file's text. Read at run time rather than with
/// `include_str!`, so that the tests which do not need it still build when
/// it is missing.
pub fn shipped_source() -> String {
    let path = manifest_path("../..").join(SHIPPED);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the shipped content `{}`: {e}", path.display()))
}

/// The shipped content, validated once per test binary; panics with every
/// diagnostic if it is invalid.
pub fn shipped() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        load(SHIPPED, &shipped_source())
            .unwrap_or_else(|d| panic!("the shipped content is invalid:\n{d}"))
    })
}

/// The question with public id `id`.
pub fn question(content: &Content, id: &str) -> QuestionIdx {
    content
        .question_idx(id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

/// The outcome with public id `id`.
pub fn outcome(content: &Content, id: &str) -> OutcomeIdx {
    content
        .outcome_idx(id)
        .unwrap_or_else(|| panic!("no outcome `{id}`"))
}

/// The position of answer `id` in question `q`.
pub fn answer(content: &Content, q: QuestionIdx, id: &str) -> usize {
    let question = content.question(q);
    question
        .answers
        .iter()
        .position(|a| a.id.as_str() == id)
        .unwrap_or_else(|| panic!("no answer `{id}` in question `{}`", question.id))
}

/// The selection of answers `ids` (by public id) at question `q`.
pub fn selection(content: &Content, q: QuestionIdx, ids: &[&str]) -> Selection {
    ids.iter()
        .fold(Selection::EMPTY, |s, id| s.with(answer(content, q, id)))
}

/// The public ids of the answers in `selection` at question `q`.
pub fn answer_ids(content: &Content, q: QuestionIdx, selection: Selection) -> Vec<String> {
    let question = content.question(q);
    selection
        .iter()
        .map(|a| question.answers[a].id.to_string())
        .collect()
}

/// Answers question by question, by public ids, checking that each question
/// is the one being asked; returns the journey at the end.
pub fn answer_all(content: &Content, answers: &[(&str, &[&str])]) -> Journey {
    answers
        .iter()
        .fold(Journey::new(content), |journey, &(q_id, ids)| {
            let q = question(content, q_id);
            assert_eq!(
                journey.step(content),
                Step::Ask(q),
                "expected to be asked `{q_id}` before answering {ids:?}"
            );
            journey
                .answer(content, q, selection(content, q, ids))
                .unwrap_or_else(|| panic!("{ids:?} was refused as an answer to `{q_id}`"))
        })
}

/// Whether `UPDATE_SNAPSHOTS=1` asks to (re)write snapshots. Panics when it
/// does and `CI` is set: CI compares with the committed snapshots, never
/// accepts what it sees (see [`snapshot_update`]).
pub fn updating_snapshots() -> bool {
    let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    snapshot_update(var("UPDATE_SNAPSHOTS").as_deref(), var("CI").as_deref())
        .unwrap_or_else(|refusal| panic!("{refusal}"))
}

/// The decision behind [`updating_snapshots`], from the values of
/// `UPDATE_SNAPSHOTS` and `CI` (`None` when unset): `Ok(true)` to write
/// snapshots, `Ok(false)` to compare, and an error when `UPDATE_SNAPSHOTS=1`
/// while `CI` has any non-empty value.
pub fn snapshot_update(update: Option<&str>, ci: Option<&str>) -> Result<bool, String> {
    if update != Some("1") {
        return Ok(false);
    }
    match ci {
        Some(ci) if !ci.is_empty() => Err(format!(
            "UPDATE_SNAPSHOTS=1 refused: CI is set (CI={ci:?}). Snapshots are never rewritten \
             in CI; rewrite them locally, review the diff and commit it."
        )),
        _ => Ok(true),
    }
}

// Every test binary that includes this module runs this test (a few
// microseconds each): each binary compiles its own copy of the module.
#[test]
fn snapshots_are_never_updated_in_ci() {
    let refused = |r: Result<bool, String>| {
        r.expect_err("UPDATE_SNAPSHOTS=1 with CI set must be refused")
            .starts_with("UPDATE_SNAPSHOTS=1 refused: CI is set")
    };
    assert!(refused(snapshot_update(Some("1"), Some("true"))));
    assert!(refused(snapshot_update(Some("1"), Some("1"))));
    assert!(
        refused(snapshot_update(Some("1"), Some("0"))),
        "any non-empty CI counts"
    );
    // Control: outside CI the same request writes, and CI alone compares.
    assert_eq!(snapshot_update(Some("1"), None), Ok(true));
    assert_eq!(snapshot_update(Some("1"), Some("")), Ok(true));
    assert_eq!(snapshot_update(None, Some("true")), Ok(false));
    assert_eq!(snapshot_update(Some("0"), None), Ok(false));
    assert_eq!(snapshot_update(None, None), Ok(false));
}

/// Compares `actual` with the snapshot file at `relative` (to this crate),
/// or (re)writes the file when `UPDATE_SNAPSHOTS=1`, as trybuild and
/// snapbox do; panics instead of writing when `CI` is set too.
pub fn assert_snapshot(relative: &str, actual: &str) {
    let path = manifest_path(relative);
    if updating_snapshots() {
        std::fs::write(&path, actual)
            .unwrap_or_else(|e| panic!("cannot write `{}`: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the snapshot `{relative}` ({e}); run with UPDATE_SNAPSHOTS=1 to write it"
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot `{relative}` differs from line {}; run with UPDATE_SNAPSHOTS=1 to accept\n\
             --- expected\n{expected}\n--- actual\n{actual}\n---",
            line + 1
        );
    }
}
