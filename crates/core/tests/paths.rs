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

/// Whether `path` ticks at most one concern (or ends before the question).
fn one_concern(path: &Path) -> bool {
    let concern = shipped()
        .question_idx("concern")
        .expect("the concern question");
    path.steps
        .iter()
        .all(|&(q, selection)| q != concern || selection.len() == 1)
}

#[test]
fn the_shipped_content_has_54294_paths_eleven_questions_deep_reaching_all_14_outcomes() {
    let content = shipped();
    let all = paths();
    let summary = summarize(content, &all);
    // 8191 sets of red flags, then every non-empty set of concerns, each
    // with its ways through: headache 50, heaviness 1, droop 16, rash 1,
    // uneven 2, not working 2, local weakness 1, multiplied; except that
    // the 8 ways of the droop with unequal pupils end the journey, so the
    // concerns after it are not asked then: 46,103 in all.
    assert_eq!(summary.paths, 54_294);
    // One concern at a time: 8191 + 50 + 1 + 16 + 1 + 2 + 2 + 1.
    assert_eq!(all.iter().filter(|p| one_concern(p)).count(), 8264);
    // red_flags, concern, the headache's six (headache_signs, reason,
    // usual_migraine, severity, injected, duration), droop_signs,
    // uneven_when, not_working_when.
    assert_eq!(summary.deepest, 11);
    assert_eq!(summary.outcomes_reached.len(), 14);
    assert_eq!(content.outcomes.len(), 14);
}

#[test]
fn each_outcome_is_reached_by_the_number_of_paths_the_spec_implies() {
    let content = shipped();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    // One concern at a time: combined paths show one of these outcomes too
    // (the most urgent of their concerns'), checked by clinical_safety.rs.
    for path in paths().into_iter().filter(one_concern) {
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
        assert_eq!(journey.also(content), path.also(), "{path:?}");
    }
}

#[test]
fn the_deepest_paths_ask_every_question_but_one_each_once() {
    let content = shipped();
    let deepest: Vec<Path> = paths()
        .into_iter()
        .filter(|p| p.steps.len() == 11)
        .collect();
    // Headache, droop, uneven and not working ticked (heaviness, rash and
    // local weakness may be ticked too: 8 ways); the headache by migraine,
    // not the usual one, mild or moderate, injected recently, by duration
    // (2 × 3 × 2); the droop without unequal pupils (8); uneven and not
    // working each either way (2 × 2).
    assert_eq!(deepest.len(), 8 * 12 * 8 * 4);
    let migraine_course = content.question_idx("migraine_course").expect("a question");
    for p in &deepest {
        let mut asked: Vec<_> = p.steps.iter().map(|&(q, _)| q).collect();
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), 11, "each question once: {p:?}");
        assert!(!asked.contains(&migraine_course), "{p:?}");
    }
    // The most urgent wins, a tie the first ticked: the droop's `urgent`,
    // a rash's `urgent` (after the droop), else the headache's `soon` (it
    // comes first), else the droop's `soon` over uneven's `soon`.
    let shown: std::collections::BTreeSet<&str> = deepest
        .iter()
        .map(|p| content.outcome(p.outcome).id.as_str())
        .collect();
    assert_eq!(
        shown,
        [
            "allergy_check",
            "droop_review",
            "droop_urgent",
            "headache_persisting"
        ]
        .into_iter()
        .collect()
    );
    assert!(
        deepest
            .iter()
            .all(|p| p.outcome != outcome(content, "emergency_now"))
    );
}
