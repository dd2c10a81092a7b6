//! `check` prints exactly what the widget's build prints for a bad content
//! file: `validate::load`'s diagnostics and a newline, on standard error.

mod common;

use common::{BROKEN, root, run, run_in, source};
use symptom_checker_core::validate::load;

#[test]
fn check_prints_exactly_the_diagnostics_of_load_and_exits_1() {
    let diagnostics = load(BROKEN, &source(BROKEN)).expect_err("the fixture is broken");
    let r = run(&["check", BROKEN]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, format!("{diagnostics}\n"));
    assert!(
        r.stderr
            .ends_with(&format!("error: 3 problems in content file `{BROKEN}`\n"))
    );
}

#[test]
fn every_command_refuses_a_broken_file_with_the_same_diagnostics() {
    let expected = run(&["check", BROKEN]).stderr;
    for args in [
        &["graph", BROKEN][..],
        &["paths", BROKEN],
        &["stats", BROKEN],
        &["review", BROKEN],
        &["diff", BROKEN, common::SHIPPED],
    ] {
        let r = run(args);
        assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{args:?}");
        assert_eq!(r.stderr, expected, "{args:?}");
    }
}

/// The core pins the text of every kind of diagnostic in
/// `crates/core/tests/fixtures/bad/*.stderr`; `check` prints each of them
/// byte for byte.
#[test]
fn check_prints_every_diagnostic_snapshot_of_the_core() {
    let core = root().join("crates/core");
    let bad = core.join("tests/fixtures/bad");
    let mut names: Vec<String> = std::fs::read_dir(&bad)
        .expect("the core's bad fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() > 20, "found only {names:?}");
    for name in names {
        let file = format!("tests/fixtures/bad/{name}.toml");
        let expected =
            std::fs::read_to_string(bad.join(format!("{name}.stderr"))).expect("a snapshot");
        let r = run_in(&core, &["check", &file]);
        assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{name}");
        assert_eq!(r.stderr, expected, "{name}");
    }
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let r = run(&["check", "no/such/file.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error: cannot read `no/such/file.toml`: "),
        "{}",
        r.stderr
    );
}

#[test]
fn content_md_shows_the_real_diagnostics_of_the_broken_fixture() {
    let shown = run(&["check", BROKEN]).stderr;
    let guide = source("CONTENT.md");
    assert!(
        guide.contains(&format!("$ cargo content check {BROKEN}\n{shown}```")),
        "CONTENT.md, \"How validation errors read\", no longer shows what `cargo content check {BROKEN}` \
         prints; paste this in:\n{shown}"
    );
}
