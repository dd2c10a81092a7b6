//! The content compiled into the widget is the validated content file:
//! `symptom_checker::content::content()` (the static `build.rs` generates
//! with the core's code generator) equals what `validate::load` makes of
//! the file the build read, every text, id, route and sign-off field. A
//! code generator that drops, reorders or rewrites anything fails here.
//!
//! Host only (the parser is not in the wasm).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use symptom_checker_core::validate::load;

/// The file `build.rs` compiles in: the shipped content file unless the
/// build was given another one.
const CONTENT_FILE: &str = match option_env!("SYMPTOM_CHECKER_CONTENT") {
    Some(file) => file,
    None => "static/content/botox-aftercare.toml",
};

#[test]
fn the_compiled_in_content_equals_the_validated_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CONTENT_FILE);
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let loaded = load(CONTENT_FILE, &source).unwrap_or_else(|d| panic!("{d}"));
    let compiled = symptom_checker::content::content();
    // Not vacuous: the shipped file has questions and outcomes to compare.
    assert!(!loaded.questions.is_empty() && !loaded.outcomes.is_empty());
    assert_eq!(*compiled, loaded);
}
