//! The build refuses a bad content file: `cargo check` of the widget with
//! `SYMPTOM_CHECKER_CONTENT` pointing at a broken file fails with the
//! validation diagnostics (file, line, column, the bad id and the likely one).
//!
//! Host only. The nested `cargo check` shares the target folder (cargo has
//! released its lock by the time tests run), so only the build script reruns.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Checks the widget with `content` (relative to the repository) and
/// returns the build's stderr, asserting that the build failed.
fn failed_build(content: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(repo())
        .args(["check", "--quiet", "-p", "symptom-checker", "--lib"])
        .env("SYMPTOM_CHECKER_CONTENT", content)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!output.status.success(), "the build must fail:\n{stderr}");
    stderr
}

#[test]
fn a_misspelt_reference_fails_the_build_with_file_line_and_suggestion() {
    let stderr = failed_build("crates/core/tests/fixtures/bad/unknown_reference.toml");
    for expected in [
        "error: unknown question or outcome `rets`",
        "--> crates/core/tests/fixtures/bad/unknown_reference.toml:17:8",
        "help: did you mean `rest`?",
        "error: 1 problem in content file",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn a_content_locale_without_interface_text_fails_the_build() {
    // The benchmark's small content, made bilingual in a language the
    // widget has no interface text for.
    let source = std::fs::read_to_string(repo().join("bench/peers/targets/widget/content.toml"))
        .expect("the bench content")
        .replace(r#"locales = ["en"]"#, r#"locales = ["en", "fr"]"#)
        .replace(r#"" }"#, r#"", fr = "texte" }"#);
    let dir = repo().join("target/build-refuses-bad-content");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    std::fs::write(dir.join("fr.toml"), source).expect("written");
    let stderr = failed_build("target/build-refuses-bad-content/fr.toml");
    // The same located diagnostic as `cargo content check` and the studio.
    for expected in [
        "error: the widget has no interface text in `fr`",
        "--> target/build-refuses-bad-content/fr.toml:",
        "help: the widget speaks en and es",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn approved_content_edited_by_one_character_fails_the_build() {
    // The second content file carries an approval; change one letter a
    // patient would read and the build must refuse it.
    let approved = std::fs::read_to_string(repo().join("tests/content/ear-piercing.toml"))
        .expect("the second content file");
    assert!(approved.contains("status = \"approved\""));
    let edited = approved.replacen("your new ear piercing", "your new ear piercinG", 1);
    assert_ne!(edited, approved);
    let dir = repo().join("target/build-refuses-bad-content");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    std::fs::write(dir.join("edited.toml"), edited).expect("written");
    let stderr = failed_build("target/build-refuses-bad-content/edited.toml");
    for expected in [
        "error: the content changed after it was approved: the change is not approved",
        "--> target/build-refuses-bad-content/edited.toml:",
        "cargo content hash",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}
