//! Code generation: the static the widget embeds. The output for a small
//! fixture is pinned as a snapshot, which `codegen_compiles.rs` compiles and
//! compares with the loaded content; for the shipped content this checks
//! only that every id is there (the widget's build compiles that one).

mod common;

use common::{assert_snapshot, manifest_path, shipped};
use symptom_checker_core::codegen::content_static;
use symptom_checker_core::validate::load;

#[test]
fn the_shipped_content_becomes_one_static_with_every_id() {
    let content = shipped();
    let code = content_static(content);
    assert!(code.contains("pub static CONTENT: Content = "), "{code}");
    assert!(code.ends_with(";\n"));
    let mut ids: Vec<&str> = vec![&content.id];
    for q in content.questions.iter() {
        ids.push(q.id.as_str());
        ids.extend(q.answers.iter().map(|a| a.id.as_str()));
    }
    ids.extend(content.outcomes.iter().map(|o| o.id.as_str()));
    // The content id, 15 questions with their 65 answers, 18 outcomes.
    let answers = 14 + 9 + 6 + 8 + 2 + 4 + 2 + 2 + 2 + 3 + 2 + 2 + 3 + 4 + 2;
    assert_eq!(ids.len(), 1 + 15 + answers + 18);
    for id in ids {
        assert!(
            code.contains(&format!("Cow::Borrowed({id:?})")),
            "`{id}` is missing"
        );
    }
}

#[test]
fn code_generation_is_deterministic() {
    // Two independent loads of the same file give the same bytes (no map
    // iteration order or address leaks into the output).
    let source = common::shipped_source();
    let first = load(common::SHIPPED, &source).expect("valid");
    let second = load(common::SHIPPED, &source).expect("valid");
    assert_eq!(content_static(&first), content_static(&second));
}

#[test]
fn the_small_fixture_generates_its_pinned_code() {
    let path = "tests/fixtures/good/small.toml";
    let source = std::fs::read_to_string(manifest_path(path)).expect("the good fixture");
    let content = load(path, &source).unwrap_or_else(|d| panic!("{d}"));
    assert_snapshot(
        "tests/fixtures/good/small.generated.rs",
        &content_static(&content),
    );
}
