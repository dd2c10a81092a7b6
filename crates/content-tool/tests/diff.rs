//! `diff` names exactly the paths and values a change affects: re-routing
//! one answer, changing an outcome's urgency, rewording one string.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{SHIPPED, run_ok, source, table_rows};

/// Writes the shipped content with `from` replaced by `to` (exactly once)
/// to a temporary file, and returns its path.
fn edited(name: &str, from: &str, to: &str) -> PathBuf {
    let original = source(SHIPPED);
    assert_eq!(
        original.matches(from).count(),
        1,
        "`{from}` must occur once"
    );
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.toml"));
    std::fs::write(&path, original.replace(from, to)).expect("a temporary file");
    path
}

/// Rows of the section titled `title` (up to its count).
fn section<'a>(out: &'a str, title: &str, header: &str) -> Vec<&'a str> {
    let start = out
        .find(&format!("## {title} ("))
        .unwrap_or_else(|| panic!("no section `{title}`"));
    table_rows(&out[start..], header)
}

const CHANGED: &str = "| Answers, in order | Old | New |";
const REMOVED: &str = "| Answers, in order | Old outcome | The same answers in the new file |";
const ADDED: &str = "| Answers, in order | New outcome | The same answers in the old file |";
const STRINGS: &str = "| Where | Locale | Old | New |";
const VALUES: &str = "| Where | Old | New |";

#[test]
fn rerouting_severity_moderate_names_exactly_the_paths_through_it() {
    let rerouted = edited(
        "rerouted",
        "id = \"moderate\"\nlabel = { en = \"Moderate\", es = \"Moderado\" }\n\
         hint = { en = \"It hurts, but a pain reliever eases it.\", es = \"Le duele, pero un analgésico lo calma.\" }\n\
         next = \"injected\"",
        "id = \"moderate\"\nlabel = { en = \"Moderate\", es = \"Moderado\" }\n\
         hint = { en = \"It hurts, but a pain reliever eases it.\", es = \"Le duele, pero un analgésico lo calma.\" }\n\
         next = \"headache_urgent\"",
    );
    let out = run_ok(&["diff", SHIPPED, rerouted.to_str().expect("a UTF-8 path")]);
    assert!(
        out.contains(
            "0 paths changed outcome or urgency, 21 only in the old file, 3 only in the new file; \
             0 pairs of several concerns only in the new file, 0 only in the old; \
             0 strings and 1 other value changed."
        ),
        "{out}"
    );

    // The 21 old paths through `severity: moderate`: three ways to reach
    // `severity`, then seven ways through `injected` and `duration`.
    let prefixes = [
        "red_flags: none → concern: headache → headache_signs: none → reason: cosmetic",
        "red_flags: none → concern: headache → headache_signs: none → reason: migraine → usual_migraine: no",
        "red_flags: none → concern: headache → headache_signs: none → reason: other",
    ];
    let tails = [
        (
            "injected: today → duration: over_48h",
            "`headache_persisting` (soon)",
        ),
        (
            "injected: days_1_2 → duration: over_48h",
            "`headache_persisting` (soon)",
        ),
        (
            "injected: days_3_14 → duration: over_48h",
            "`headache_persisting` (soon)",
        ),
        ("injected: over_2_weeks", "`headache_other_cause` (soon)"),
        (
            "injected: today → duration: under_48h",
            "`headache_self_care` (self_care)",
        ),
        (
            "injected: days_1_2 → duration: under_48h",
            "`headache_self_care` (self_care)",
        ),
        (
            "injected: days_3_14 → duration: under_48h",
            "`headache_self_care` (self_care)",
        ),
    ];
    let expected_removed: BTreeSet<String> = prefixes
        .iter()
        .flat_map(|p| {
            tails.iter().map(move |(t, old)| {
                format!("| {p} → severity: moderate → {t} | {old} | `headache_urgent` (urgent), ending after `severity` |")
            })
        })
        .collect();
    let removed: BTreeSet<String> = section(&out, "Paths only in the old file", REMOVED)
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(removed, expected_removed);

    let added = section(&out, "Paths only in the new file", ADDED);
    let expected_added: Vec<String> = prefixes
        .iter()
        .map(|p| format!("| {p} → severity: moderate | `headache_urgent` (urgent) | asks `injected`, which these answers do not cover |"))
        .collect();
    assert_eq!(added, expected_added);

    assert!(out.contains("## Paths whose outcome or urgency changed (0)\n\nNone.\n"));
    assert!(out.contains("## Strings changed (0)\n\nNone.\n"));
    assert_eq!(
        section(&out, "Other values changed", VALUES),
        ["| question severity / answer moderate / next | injected | headache_urgent |"]
    );
}

#[test]
fn a_new_urgency_changes_the_paths_to_that_outcome_only() {
    let urgent = edited(
        "touch_up_urgent",
        "id = \"touch_up\"\nurgency = \"soon\"",
        "id = \"touch_up\"\nurgency = \"urgent\"",
    );
    let out = run_ok(&["diff", SHIPPED, urgent.to_str().expect("a UTF-8 path")]);
    assert_eq!(
        section(&out, "Paths whose outcome or urgency changed", CHANGED),
        [
            "| red_flags: none → concern: uneven → uneven_when: over_2_weeks | `touch_up` (soon) | `touch_up` (urgent) |"
        ]
    );
    assert!(out.contains("## Paths only in the old file (0)\n\nNone.\n"));
    assert!(out.contains("## Paths only in the new file (0)\n\nNone.\n"));
    assert_eq!(
        section(&out, "Other values changed", VALUES),
        ["| outcome touch_up / urgency | soon | urgent |"]
    );
}

#[test]
fn a_reworded_string_is_shown_old_and_new_at_its_location() {
    let reworded = edited(
        "reworded",
        "label = { en = \"Severe\", es = \"Muy fuerte\" }",
        "label = { en = \"Very bad\", es = \"Muy fuerte\" }",
    );
    let out = run_ok(&["diff", SHIPPED, reworded.to_str().expect("a UTF-8 path")]);
    assert_eq!(
        section(&out, "Strings changed", STRINGS),
        ["| question severity / answer severe / label | `en` | Severe | Very bad |"]
    );
    assert!(out.contains(
        "0 paths changed outcome or urgency, 0 only in the old file, 0 only in the new file;"
    ));
}
