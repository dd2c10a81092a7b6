//! Path analysis of the shipped content: how many ways through it there
//! are, how deep the deepest goes, which outcomes they reach, and that the
//! engine the widget runs agrees with the enumeration on every one.

mod common;

use std::collections::BTreeMap;

use common::{outcome, shipped};
use symptom_checker_core::engine::{Journey, Step};
use symptom_checker_core::model::{Target, Urgency};
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

/// The ways through one concern's branch, as (those an emergency ends,
/// the others), in the order the concerns are asked.
type Branch = (&'static str, u64, u64);

/// Every non-empty set of `concerns` (in answer order), each with its ways
/// through, multiplied; an emergency in a branch ends the journey, so the
/// concerns after it are not asked then.
fn combined(concerns: &[Branch]) -> u64 {
    // `all(k)`: every set of the concerns from k on, the empty one included.
    fn all(concerns: &[Branch]) -> u64 {
        match concerns {
            [] => 1,
            [(_, ends, goes_on), rest @ ..] => {
                let rest_sets = 1u64 << rest.len();
                all(rest) + ends * rest_sets + goes_on * all(rest)
            }
        }
    }
    all(concerns) - 1
}

#[test]
fn the_shipped_content_has_2192262_exact_paths_thirteen_questions_deep_reaching_all_18_outcomes() {
    let content = shipped();
    let all = paths();
    let summary = summarize(content, &all);
    // Exact paths, one per set of boxes: each concern's branch with (ways
    // an emergency ends, other ways), from the specification's routing.
    let exact: [Branch; 9] = [
        // 24 sets of droop signs with a distant shot or unequal pupils; 7
        // other sets, and none.
        ("droop", 24, 7 + 1),
        // 64 sets of headache signs with a blood thinner, each then severe
        // (an emergency) or not; 63 sets without; none: cosmetic or other
        // reason (2) or migraine not the usual one (1), times severe (1),
        // or mild/moderate (2) × over two weeks (1) or three recent times
        // × two durations (6): 3 × 15 = 45, and a usual migraine (2).
        ("headache", 64, 64 + 63 + 45 + 2),
        // 4 sets with `near_eye`; 3 others; none.
        ("site_problem", 4, 3 + 1),
        ("rash", 0, 1),
        ("local_weakness", 0, 2),
        ("heaviness", 0, 1),
        ("uneven", 0, 2),
        ("not_working", 0, 2),
        ("other", 0, 1),
    ];
    // Every non-empty set of the 13 warning signs, then the concerns.
    assert_eq!(summary.exact, 8191 + combined(&exact));
    assert_eq!(summary.exact, 2_192_262);
    // Walked once per route (sets of boxes that lead to the same places):
    // the warning signs are one route; the droop has three, the headache
    // 17 (its signs lead to four sets of places, three of them then to
    // `thinner_check`, and its single choices group by where they lead).
    let walked: [Branch; 9] = [
        ("droop", 1, 2),
        ("headache", 3, 14),
        ("site_problem", 1, 2),
        ("rash", 0, 1),
        ("local_weakness", 0, 2),
        ("heaviness", 0, 1),
        ("uneven", 0, 2),
        ("not_working", 0, 2),
        ("other", 0, 1),
    ];
    assert_eq!(summary.paths as u64, 1 + combined(&walked));
    assert_eq!(summary.paths, 33_448);
    // One concern at a time: the warning signs' route, and each branch.
    assert_eq!(all.iter().filter(|p| one_concern(p)).count(), 1 + 32);
    // red_flags, concern, droop_signs, the headache's six (headache_signs,
    // reason, usual_migraine, severity, injected, duration), site_signs,
    // weakness_kind, uneven_when, not_working_when.
    assert_eq!(summary.deepest, 13);
    assert_eq!(summary.outcomes_reached.len(), 18);
    assert_eq!(content.outcomes.len(), 18);
}

#[test]
fn each_outcome_is_reached_by_the_number_of_paths_the_spec_implies() {
    let content = shipped();
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    // One concern at a time: combined paths show one of these outcomes too
    // (the most urgent of their concerns'), checked by clinical_safety.rs.
    for path in paths().into_iter().filter(one_concern) {
        *counts
            .entry(content.outcome(path.outcome).id.as_str())
            .or_default() += path.exact;
    }
    let expected: BTreeMap<&str, u64> = [
        // Every non-empty set of the 13 red flags; the 24 sets of droop
        // signs with a distant shot or unequal pupils; a blood thinner with
        // a severe headache (64 sets of signs); near the eye (4 sets).
        ("emergency_now", 8191 + 24 + 64 + 4),
        // The other 7 non-empty sets of droop signs.
        ("droop_urgent", 7),
        ("droop_review", 1),
        // 63 sets of signs without a blood thinner, 64 with one but not
        // severe; a long migraine; severe after a cosmetic or other reason
        // or a migraine unlike the usual one.
        ("headache_urgent", 63 + 64 + 1 + 3),
        // Those three reasons, mild or moderate, injected 2 weeks ago or more.
        ("headache_other_cause", 6),
        // Those six, by three recent injection times, by duration.
        ("headache_self_care", 18),
        ("headache_persisting", 18),
        ("usual_migraine_plan", 1),
        ("site_check", 3),
        ("site_expected", 1),
        ("allergy_check", 1),
        ("weakness_expected", 1),
        ("weakness_review", 1),
        ("heaviness_expected", 1),
        ("touch_up", 1),
        ("not_working_review", 1),
        // Uneven or not working, under two weeks.
        ("wait_full_effect", 2),
        ("other_review", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts, expected);
}

#[test]
fn a_path_ends_in_emergency_exactly_when_an_answer_on_it_leads_straight_to_one() {
    let content = shipped();
    let mut emergencies = 0;
    for path in paths() {
        let straight = path.steps.iter().any(|&(q, selection)| {
            let answers = &content.question(q).answers;
            selection.iter().any(|a| match answers[a].next {
                Target::Outcome(o) => content.outcome(o).urgency == Urgency::Emergency,
                Target::Question(_) => false,
            })
        });
        let urgency = content.outcome(path.outcome).urgency;
        assert_eq!(urgency == Urgency::Emergency, straight, "{path:?}");
        emergencies += usize::from(straight);
    }
    assert!(emergencies > 1000, "only {emergencies} emergencies");
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
        let view = journey.view(content);
        assert_eq!(view.step, Step::Done(path.outcome));
        assert_eq!(view.path, path.steps);
        assert_eq!(view.also, path.also_parts(), "{path:?}");
        assert_eq!(view.shown, Some(path.shown_part()), "{path:?}");
        assert_eq!(view.not_assessed, path.not_assessed, "{path:?}");
        assert_eq!(view.emergency, path.emergency, "{path:?}");
        assert_eq!(journey.also(content), path.also(), "{path:?}");
    }
}

#[test]
fn the_deepest_paths_ask_every_question_but_two_each_once() {
    let content = shipped();
    let deepest: Vec<Path> = paths()
        .into_iter()
        .filter(|p| p.steps.len() == 13)
        .collect();
    // Droop, headache, the needle spot, weakness, uneven and not working
    // ticked (rash, heaviness and something else may be ticked too: 8
    // ways); the droop without an emergency (2 routes); the headache by a
    // migraine unlike the usual one, mild or moderate, injected recently,
    // by duration (2); the spot without one (2); weakness, uneven and not
    // working each either way (2 × 2 × 2).
    assert_eq!(deepest.len(), 8 * 2 * 2 * 2 * 8);
    let not_asked = ["migraine_course", "thinner_check"]
        .map(|id| content.question_idx(id).expect("a question"));
    for p in &deepest {
        let mut asked: Vec<_> = p.steps.iter().map(|&(q, _)| q).collect();
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), 13, "each question once: {p:?}");
        assert!(not_asked.iter().all(|q| !asked.contains(q)), "{p:?}");
    }
    // The most urgent wins, a tie the first ticked: the droop's `urgent`,
    // the spot's `urgent` (after the droop), a rash's `urgent`, else the
    // droop's `soon` (it comes first).
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
            "site_check"
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
