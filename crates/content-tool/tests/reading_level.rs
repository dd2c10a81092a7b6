//! The shipped English strings read at grade 8 or below (health-literacy
//! guidance asks for grade 6–8), by the tool's own Flesch–Kincaid grading.

mod common;

use common::{SHIPPED, content};
use content_tool::readability::{MIN_WORDS, TARGET_GRADE};
use content_tool::stats::stats;

#[test]
fn shipped_strings_of_four_or_more_words_are_at_grade_8_or_below_in_every_locale() {
    let s = stats(&content(SHIPPED));
    for locale in ["en", "es"] {
        let reading = s
            .reading
            .iter()
            .find(|r| r.locale == locale)
            .unwrap_or_else(|| panic!("no reading level for `{locale}`"));
        // Most strings are graded, so this test cannot pass by grading nothing.
        assert!(
            reading.graded.len() > 100,
            "only {} `{locale}` strings graded",
            reading.graded.len()
        );
        let offenders: Vec<String> = reading
            .above_target()
            .iter()
            .map(|g| format!("{:.1}  {}  {:?}", g.grade, g.location, g.text))
            .collect();
        assert!(
            offenders.is_empty(),
            "`{locale}` strings above grade {TARGET_GRADE}; rewrite them in plainer words \
             (see `cargo content stats`):\n{}",
            offenders.join("\n")
        );
    }
}

#[test]
fn short_labels_and_source_titles_are_not_graded() {
    let s = stats(&content(SHIPPED));
    let en = s
        .reading
        .iter()
        .find(|r| r.locale == "en")
        .expect("English");
    assert!(en.graded.iter().all(|g| g.counts.words >= MIN_WORDS));
    assert!(!en.graded.iter().any(|g| g.location.contains("/ source ")));
    assert!(!en.graded.iter().any(|g| g.text == "Severe"));
    assert!(
        en.graded
            .iter()
            .any(|g| g.location == "outcome emergency_now / summary")
    );
}
