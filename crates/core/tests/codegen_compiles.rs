//! The generated code compiles and holds the same content as the file it
//! came from: `small.generated.rs` (pinned by `codegen.rs`) is included
//! here as the widget's build includes its own. Kept apart from
//! `codegen.rs` so that `UPDATE_SNAPSHOTS=1 cargo test --test codegen` can
//! still rewrite the snapshot when an old one no longer compiles.

mod common;

use common::manifest_path;
use symptom_checker_core::validate::load;

mod generated {
    use std::borrow::Cow;

    use symptom_checker_core::model::*;

    include!("fixtures/good/small.generated.rs");
}

#[test]
fn generated_static_equals_the_loaded_content() {
    let path = "tests/fixtures/good/small.toml";
    let source = std::fs::read_to_string(manifest_path(path)).expect("the good fixture");
    let content = load(path, &source).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(generated::CONTENT, content);
}
