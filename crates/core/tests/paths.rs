//! Path analysis of the shipped content: how many ways through it there
//! are, how deep the deepest goes, which outcomes they reach, and that the
//! engine the widget runs agrees with the enumeration on every one.

mod common;

use std::collections::BTreeMap;

use common::{outcome, shipped};
use symptom_checker_core::engine::{Journey, Step};
use symptom_checker_core::model::Urgency;
use symptom_checker_core::paths::{Path, all_paths, summarize};

fn paths() -> Vec<Path> {
    all_paths(shipped()).expect("the shipped content has a finite set of paths")
}

#[test]
fn the_shipped_content_has_8264_paths_eight_questions_deep_reaching_all_14_outcomes() {
    let content = shipped();
    let summary = summarize(content, &paths());
    // 8191 sets of red flags; 16 ways through the droop signs; 4 for uneven
    // or not working; 3 other concerns; 50 ways through the headache.
    assert_eq!(summary.paths, 8264);
    // red_flags, concern, headache_signs, reason, usual_migraine, severity,
    // injected, duration.
    assert_eq!(summary.deepest, 8);
    assert_eq!(summary.outcomes_reached.len(), 14);
    assert_eq!(content.outcomes.len(), 14);
}

#[test]
fn each_outcome_is_reached_by_the_number_of_paths_the_spec_implies() {
    let content = shipped();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for path in paths() {
        *counts
            .entry(content.outcome(path.outcome).id.as_str())
            .or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        // Every non-empty set of the 13 red flags, and the 8 sets of droop
        // signs with unequal pupils.
        ("emergency_now", 8191 + 8),
        // The other 7 non-empty sets of droop signs.
        ("droop_urgent", 7),
        ("heaviness_expected", 1),
        ("droop_review", 1),
        ("allergy_check", 1),
        ("weakness_review", 1),
        ("touch_up", 1),
        ("not_working_review", 1),
        // Uneven or not working, under two weeks.
        ("wait_full_effect", 2),
        ("usual_migraine_plan", 1),
        // Fever, pregnant or both; a long migraine; then cosmetic, other, or
        // migraine but not the usual one, and severe.
        ("headache_urgent", 3 + 1 + 3),
        // Those three times mild or moderate, injected over two weeks ago.
        ("headache_other_cause", 6),
        // Those six times three recent injection times, by duration.
        ("headache_self_care", 18),
        ("headache_persisting", 18),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts, expected);
}

#[test]
fn a_path_ends_in_emergency_exactly_when_it_has_a_red_flag_or_unequal_pupils() {
    let content = shipped();
    for path in paths() {
        let red_flag = path.steps.iter().any(|&(q, selection)| {
            let answers = &content.question(q).answers;
            selection
                .iter()
                .any(|a| answers[a].red_flag || answers[a].id.as_str() == "pupils")
        });
        let urgency = content.outcome(path.outcome).urgency;
        assert_eq!(urgency == Urgency::Emergency, red_flag, "{path:?}");
    }
}

#[test]
fn the_journey_agrees_with_every_enumerated_path() {
    let content = shipped();
    for path in paths() {
        let mut journey = Journey::new(content);
        for &(q, selection) in &path.steps {
            assert_eq!(journey.step(content), Step::Ask(q), "{path:?}");
            journey = journey
                .answer(content, q, selection)
                .unwrap_or_else(|| panic!("refused on {path:?}"));
        }
        assert_eq!(journey.step(content), Step::Done(path.outcome));
        assert_eq!(journey.path(content), path.steps);
    }
}

#[test]
fn the_deepest_paths_ask_every_question() {
    let content = shipped();
    let deepest: Vec<Path> = paths().into_iter().filter(|p| p.steps.len() == 8).collect();
    // Migraine, not the usual one, mild or moderate, injected recently, by
    // duration: 2 × 3 × 2.
    assert_eq!(deepest.len(), 12);
    let self_care = outcome(content, "headache_self_care");
    let persisting = outcome(content, "headache_persisting");
    assert!(
        deepest
            .iter()
            .all(|p| p.outcome == self_care || p.outcome == persisting)
    );
}
