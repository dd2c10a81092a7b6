//! The routing of the clinical specification (`docs/clinical-spec.md`), pinned on the
//! shipped content through the engine the widget uses: which answers lead
//! to which outcome, the red flags, the exclusive `none`, going back,
//! progress, "why this advice" and stale or invalid actions.

mod common;

use common::{answer, answer_all, answer_ids, outcome, question, selection, shipped};
use symptom_checker_core::engine::{Journey, Progress, Selection, Step, places, toggle};
use symptom_checker_core::model::{Kind, Urgency};

/// Question 1's warning signs, in the content's order (grouped for the
/// page); each alone or with others leads to `emergency_now`.
const RED_FLAGS: [&str; 13] = [
    "breathing",
    "swallowing",
    "swelling",
    "speech",
    "vision",
    "weakness",
    "one_side",
    "thunderclap",
    "fever_neck",
    "head_injury",
    "pregnancy_warning",
    "confusion",
    "skin_colour",
];

/// The questions of the spec: id, kind and answer ids in order. These ids
/// are the DOM contract the acceptance tests drive the widget by.
const QUESTIONS: &[(&str, Kind, &[&str])] = &[
    (
        "red_flags",
        Kind::Multiple,
        &[
            "breathing",
            "swallowing",
            "swelling",
            "speech",
            "vision",
            "weakness",
            "one_side",
            "thunderclap",
            "fever_neck",
            "head_injury",
            "pregnancy_warning",
            "confusion",
            "skin_colour",
            "none",
        ],
    ),
    (
        "concern",
        Kind::Multiple,
        &[
            "droop",
            "headache",
            "site_problem",
            "rash",
            "local_weakness",
            "heaviness",
            "uneven",
            "not_working",
            "other",
        ],
    ),
    (
        "droop_signs",
        Kind::Multiple,
        &[
            "far_from_face",
            "pupils",
            "both_sides",
            "eye_closed",
            "eye_pain",
            "none",
        ],
    ),
    (
        "headache_signs",
        Kind::Multiple,
        &[
            "fever",
            "pregnant",
            "blood_thinner",
            "worsening",
            "older_new",
            "weak_immunity",
            "positional",
            "none",
        ],
    ),
    ("thinner_check", Kind::Single, &["yes", "no"]),
    (
        "site_signs",
        Kind::Multiple,
        &["near_eye", "infection", "growing_bruise", "none"],
    ),
    ("weakness_kind", Kind::Single, &["expected", "other"]),
    (
        "not_working_when",
        Kind::Single,
        &["under_2_weeks", "over_2_weeks"],
    ),
    (
        "uneven_when",
        Kind::Single,
        &["under_2_weeks", "over_2_weeks"],
    ),
    ("reason", Kind::Single, &["cosmetic", "migraine", "other"]),
    ("usual_migraine", Kind::Single, &["yes", "no"]),
    ("migraine_course", Kind::Single, &["usual", "long"]),
    ("severity", Kind::Single, &["mild", "moderate", "severe"]),
    (
        "injected",
        Kind::Single,
        &["today", "days_1_2", "days_3_14", "over_2_weeks"],
    ),
    ("duration", Kind::Single, &["under_48h", "over_48h"]),
];

/// The outcomes of the spec and their urgency.
const OUTCOMES: &[(&str, Urgency)] = &[
    ("emergency_now", Urgency::Emergency),
    ("allergy_check", Urgency::Urgent),
    ("headache_urgent", Urgency::Urgent),
    ("droop_urgent", Urgency::Urgent),
    ("site_check", Urgency::Urgent),
    ("headache_persisting", Urgency::Soon),
    ("headache_other_cause", Urgency::Soon),
    ("droop_review", Urgency::Soon),
    ("touch_up", Urgency::Soon),
    ("weakness_review", Urgency::Soon),
    ("other_review", Urgency::Soon),
    ("not_working_review", Urgency::Soon),
    ("wait_full_effect", Urgency::SelfCare),
    ("headache_self_care", Urgency::SelfCare),
    ("usual_migraine_plan", Urgency::SelfCare),
    ("heaviness_expected", Urgency::SelfCare),
    ("weakness_expected", Urgency::SelfCare),
    ("site_expected", Urgency::SelfCare),
];

const NONE: (&str, &[&str]) = ("red_flags", &["none"]);
const HEADACHE: (&str, &[&str]) = ("concern", &["headache"]);
const NO_SIGNS: (&str, &[&str]) = ("headache_signs", &["none"]);

/// Answers `answers` (question id, answer ids) in order, each at the
/// question being asked, and checks the journey ends at `expected` with
/// exactly those answers as "why this advice".
#[track_caller]
fn check(answers: &[(&str, &[&str])], expected: &str) {
    let content = shipped();
    let journey = answer_all(content, answers);
    assert_eq!(
        journey.step(content),
        Step::Done(outcome(content, expected)),
        "{answers:?} should end at `{expected}`"
    );
    assert_eq!(journey.progress(content), None, "no progress at an outcome");
    let why: Vec<(String, Vec<String>)> = journey
        .path(content)
        .into_iter()
        .map(|(q, s)| {
            (
                content.question(q).id.to_string(),
                answer_ids(content, q, s),
            )
        })
        .collect();
    // The given answers in the order the question shows them.
    let given: Vec<(String, Vec<String>)> = answers
        .iter()
        .map(|&(q_id, ids)| {
            let q = question(content, q_id);
            (
                q_id.to_owned(),
                answer_ids(content, q, selection(content, q, ids)),
            )
        })
        .collect();
    assert_eq!(why, given, "why this advice");
}

#[test]
fn questions_have_the_spec_ids_kinds_and_answers_in_order() {
    let content = shipped();
    let actual: Vec<(&str, Kind, Vec<&str>)> = content
        .questions
        .iter()
        .map(|q| {
            (
                q.id.as_str(),
                q.kind,
                q.answers.iter().map(|a| a.id.as_str()).collect(),
            )
        })
        .collect();
    let expected: Vec<(&str, Kind, Vec<&str>)> = QUESTIONS
        .iter()
        .map(|&(id, kind, answers)| (id, kind, answers.to_vec()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn outcomes_have_the_spec_ids_and_urgencies() {
    let content = shipped();
    let mut actual: Vec<(&str, Urgency)> = content
        .outcomes
        .iter()
        .map(|o| (o.id.as_str(), o.urgency))
        .collect();
    let mut expected = OUTCOMES.to_vec();
    actual.sort();
    expected.sort();
    assert_eq!(actual, expected);
}

#[test]
fn red_flags_are_marked_and_only_none_is_exclusive() {
    let content = shipped();
    let q = content.question(question(content, "red_flags"));
    for a in q.answers.iter() {
        let is_none = a.id.as_str() == "none";
        assert_eq!(a.red_flag, !is_none, "red_flag of `{}`", a.id);
        assert_eq!(a.exclusive, is_none, "exclusive of `{}`", a.id);
    }
    // Question 1's, and a droop with unequal pupils: the warning-sign list
    // of every outcome below `emergency`.
    let flagged: Vec<&str> = content.red_flags().map(|a| a.id.as_str()).collect();
    let mut expected = RED_FLAGS.to_vec();
    expected.push("pupils");
    assert_eq!(flagged, expected);
    for q in content.questions.iter() {
        for a in q.answers.iter() {
            assert_eq!(a.exclusive, a.id.as_str() == "none", "`{}.{}`", q.id, a.id);
        }
    }
}

#[test]
fn the_first_question_is_red_flags() {
    let content = shipped();
    let journey = Journey::new(content);
    assert_eq!(
        journey.step(content),
        Step::Ask(question(content, "red_flags"))
    );
    assert!(journey.path(content).is_empty());
}

#[test]
fn every_red_flag_alone_ends_in_emergency_now() {
    for flag in RED_FLAGS {
        check(&[("red_flags", &[flag])], "emergency_now");
    }
}

#[test]
fn every_pair_of_red_flags_ends_in_emergency_now() {
    for (i, first) in RED_FLAGS.iter().enumerate() {
        for second in &RED_FLAGS[i + 1..] {
            check(&[("red_flags", &[first, second])], "emergency_now");
        }
    }
}

#[test]
fn all_red_flags_together_end_in_emergency_now() {
    check(&[("red_flags", &RED_FLAGS)], "emergency_now");
}

#[test]
fn each_other_concern_ends_at_its_outcome() {
    let table = [
        ("heaviness", "heaviness_expected"),
        ("rash", "allergy_check"),
        ("other", "other_review"),
    ];
    for (concern, expected) in table {
        check(&[NONE, ("concern", &[concern])], expected);
    }
    let weakness = ("concern", &["local_weakness"][..]);
    check(
        &[NONE, weakness, ("weakness_kind", &["expected"])],
        "weakness_expected",
    );
    check(
        &[NONE, weakness, ("weakness_kind", &["other"])],
        "weakness_review",
    );
}

#[test]
fn the_needle_spot_is_expected_checked_today_or_an_emergency_near_the_eye() {
    let site = ("concern", &["site_problem"][..]);
    check(&[NONE, site, ("site_signs", &["none"])], "site_expected");
    for signs in [
        &["infection"][..],
        &["growing_bruise"],
        &["infection", "growing_bruise"],
    ] {
        check(&[NONE, site, ("site_signs", signs)], "site_check");
    }
    for signs in [&["near_eye"][..], &["near_eye", "infection"]] {
        check(&[NONE, site, ("site_signs", signs)], "emergency_now");
    }
}

#[test]
fn a_headache_on_a_blood_thinner_is_an_emergency_when_severe_and_urgent_otherwise() {
    let thinner = ("headache_signs", &["blood_thinner"][..]);
    check(
        &[NONE, HEADACHE, thinner, ("thinner_check", &["yes"])],
        "emergency_now",
    );
    check(
        &[NONE, HEADACHE, thinner, ("thinner_check", &["no"])],
        "headache_urgent",
    );
    // With another sign too: still asked, and still an emergency if severe.
    check(
        &[
            NONE,
            HEADACHE,
            ("headache_signs", &["fever", "blood_thinner"]),
            ("thinner_check", &["yes"]),
        ],
        "emergency_now",
    );
}

#[test]
fn a_headache_getting_worse_new_after_50_with_weak_immunity_or_positional_is_urgent() {
    for sign in ["worsening", "older_new", "weak_immunity", "positional"] {
        check(
            &[NONE, HEADACHE, ("headache_signs", &[sign])],
            "headache_urgent",
        );
    }
}

#[test]
fn a_droop_is_urgent_with_any_sign_and_an_emergency_with_unequal_pupils_or_a_distant_shot() {
    let droop = ("concern", &["droop"][..]);
    check(
        &[NONE, droop, ("droop_signs", &["far_from_face"])],
        "emergency_now",
    );
    check(&[NONE, droop, ("droop_signs", &["none"])], "droop_review");
    for sign in ["both_sides", "eye_closed", "eye_pain"] {
        check(&[NONE, droop, ("droop_signs", &[sign])], "droop_urgent");
    }
    check(
        &[NONE, droop, ("droop_signs", &["pupils"])],
        "emergency_now",
    );
    check(
        &[
            NONE,
            droop,
            ("droop_signs", &["both_sides", "pupils", "eye_pain"]),
        ],
        "emergency_now",
    );
    check(
        &[NONE, droop, ("droop_signs", &["both_sides", "eye_closed"])],
        "droop_urgent",
    );
}

#[test]
fn uneven_or_not_working_waits_for_the_full_effect_under_two_weeks() {
    for (concern, question, later) in [
        ("uneven", "uneven_when", "touch_up"),
        ("not_working", "not_working_when", "not_working_review"),
    ] {
        check(
            &[
                NONE,
                ("concern", &[concern]),
                (question, &["under_2_weeks"]),
            ],
            "wait_full_effect",
        );
        check(
            &[NONE, ("concern", &[concern]), (question, &["over_2_weeks"])],
            later,
        );
    }
}

#[test]
fn a_headache_with_fever_or_in_pregnancy_is_urgent() {
    for signs in [&["fever"][..], &["pregnant"], &["fever", "pregnant"]] {
        check(
            &[NONE, HEADACHE, ("headache_signs", signs)],
            "headache_urgent",
        );
    }
}

#[test]
fn a_long_or_unrelieved_migraine_is_urgent() {
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["yes"]),
            ("migraine_course", &["long"]),
        ],
        "headache_urgent",
    );
}

#[test]
fn a_usual_migraine_ends_at_the_migraine_plan() {
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["yes"]),
            ("migraine_course", &["usual"]),
        ],
        "usual_migraine_plan",
    );
}

#[test]
fn a_severe_headache_is_urgent_whatever_the_reason() {
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["cosmetic"]),
            ("severity", &["severe"]),
        ],
        "headache_urgent",
    );
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["other"]),
            ("severity", &["severe"]),
        ],
        "headache_urgent",
    );
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["no"]),
            ("severity", &["severe"]),
        ],
        "headache_urgent",
    );
}

#[test]
fn a_headache_over_two_weeks_after_the_injection_has_another_cause() {
    for severity in ["mild", "moderate"] {
        check(
            &[
                NONE,
                HEADACHE,
                NO_SIGNS,
                ("reason", &["cosmetic"]),
                ("severity", &[severity]),
                ("injected", &["over_2_weeks"]),
            ],
            "headache_other_cause",
        );
    }
}

#[test]
fn a_recent_headache_is_self_care_under_48_hours_and_persisting_after() {
    for injected in ["today", "days_1_2", "days_3_14"] {
        for (duration, expected) in [
            ("under_48h", "headache_self_care"),
            ("over_48h", "headache_persisting"),
        ] {
            check(
                &[
                    NONE,
                    HEADACHE,
                    NO_SIGNS,
                    ("reason", &["other"]),
                    ("severity", &["moderate"]),
                    ("injected", &[injected]),
                    ("duration", &[duration]),
                ],
                expected,
            );
        }
    }
}

#[test]
fn an_unusual_migraine_is_asked_the_eight_questions_of_the_deepest_path() {
    check(
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["no"]),
            ("severity", &["mild"]),
            ("injected", &["days_1_2"]),
            ("duration", &["under_48h"]),
        ],
        "headache_self_care",
    );
}

#[test]
fn none_clears_the_red_flags_and_a_red_flag_clears_none() {
    let content = shipped();
    let q = question(content, "red_flags");
    let at = |id| answer(content, q, id);
    let flags = toggle(
        content,
        q,
        toggle(content, q, Selection::EMPTY, at("vision")),
        at("speech"),
    );
    assert_eq!(flags, selection(content, q, &["speech", "vision"]));
    let none = toggle(content, q, flags, at("none"));
    assert_eq!(none, selection(content, q, &["none"]));
    let flag = toggle(content, q, none, at("swelling"));
    assert_eq!(flag, selection(content, q, &["swelling"]));
}

#[test]
fn no_red_flag_clears_another() {
    let content = shipped();
    let q = question(content, "red_flags");
    let all = RED_FLAGS.iter().fold(Selection::EMPTY, |s, id| {
        toggle(content, q, s, answer(content, q, id))
    });
    assert_eq!(all, selection(content, q, &RED_FLAGS));
}

#[test]
fn toggling_a_ticked_box_unticks_it() {
    let content = shipped();
    let q = question(content, "red_flags");
    let both = selection(content, q, &["vision", "speech"]);
    assert_eq!(
        toggle(content, q, both, answer(content, q, "vision")),
        selection(content, q, &["speech"])
    );
    let none = selection(content, q, &["none"]);
    assert_eq!(
        toggle(content, q, none, answer(content, q, "none")),
        Selection::EMPTY
    );
}

#[test]
fn going_back_keeps_the_earlier_answers() {
    let content = shipped();
    let journey = answer_all(
        content,
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["cosmetic"]),
            ("severity", &["mild"]),
        ],
    );
    let injected = question(content, "injected");
    assert_eq!(journey.step(content), Step::Ask(injected));

    let at_severity = journey.back(content).expect("back from `injected`");
    let severity = question(content, "severity");
    assert_eq!(at_severity.step(content), Step::Ask(severity));
    assert_eq!(
        at_severity.selection(severity),
        selection(content, severity, &["mild"])
    );

    let at_reason = at_severity.back(content).expect("back from `severity`");
    let reason = question(content, "reason");
    assert_eq!(at_reason.step(content), Step::Ask(reason));
    assert_eq!(
        at_reason.selection(reason),
        selection(content, reason, &["cosmetic"])
    );
    // Answers further on are kept too, to show them ticked when the
    // patient comes forward again.
    assert_eq!(
        at_reason.selection(severity),
        selection(content, severity, &["mild"])
    );
}

#[test]
fn going_back_from_an_outcome_asks_the_last_question_again() {
    let content = shipped();
    let journey = answer_all(content, &[NONE, ("concern", &["droop"])]);
    let back = journey.back(content).expect("back from the outcome");
    let concern = question(content, "concern");
    assert_eq!(back.step(content), Step::Ask(concern));
    assert_eq!(
        back.selection(concern),
        selection(content, concern, &["droop"])
    );
}

#[test]
fn changing_an_earlier_answer_reroutes() {
    let content = shipped();
    let journey = answer_all(
        content,
        &[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["cosmetic"]),
            ("severity", &["mild"]),
            ("injected", &["today"]),
            ("duration", &["under_48h"]),
        ],
    );
    assert_eq!(
        journey.step(content),
        Step::Done(outcome(content, "headache_self_care"))
    );

    // Back three times: from the outcome to `duration`, `injected`, `severity`.
    let at_severity = (0..3).fold(journey, |j, _| j.back(content).expect("back"));
    let severity = question(content, "severity");
    assert_eq!(at_severity.step(content), Step::Ask(severity));
    let severe = at_severity
        .answer(content, severity, selection(content, severity, &["severe"]))
        .expect("a new answer to `severity`");
    assert_eq!(
        severe.step(content),
        Step::Done(outcome(content, "headache_urgent"))
    );
    let why: Vec<&str> = severe
        .path(content)
        .iter()
        .map(|(q, _)| content.question(*q).id.as_str())
        .collect();
    assert_eq!(
        why,
        [
            "red_flags",
            "concern",
            "headache_signs",
            "reason",
            "severity"
        ]
    );
}

#[test]
fn ticking_a_red_flag_after_going_back_ends_in_emergency() {
    let content = shipped();
    let journey = answer_all(content, &[NONE, HEADACHE, NO_SIGNS, ("reason", &["other"])]);
    let first = (0..4).fold(journey, |j, _| j.back(content).expect("back"));
    let red_flags = question(content, "red_flags");
    assert_eq!(first.step(content), Step::Ask(red_flags));
    assert_eq!(
        first.selection(red_flags),
        selection(content, red_flags, &["none"])
    );
    let ticked = toggle(
        content,
        red_flags,
        first.selection(red_flags),
        answer(content, red_flags, "thunderclap"),
    );
    let emergency = first
        .answer(content, red_flags, ticked)
        .expect("a red flag");
    assert_eq!(
        emergency.step(content),
        Step::Done(outcome(content, "emergency_now"))
    );
}

#[test]
fn progress_counts_the_questions_left_on_the_current_path() {
    let content = shipped();
    let progress = |answers: &[(&str, &[&str])]| answer_all(content, answers).progress(content);
    let p = |number, of_at_most| Some(Progress { number, of_at_most });
    // Before the concerns are ticked, every branch they could open counts.
    assert_eq!(progress(&[]), p(1, 13));
    assert_eq!(progress(&[NONE]), p(2, 13));
    assert_eq!(progress(&[NONE, HEADACHE]), p(3, 8));
    assert_eq!(progress(&[NONE, HEADACHE, NO_SIGNS]), p(4, 8));
    // A droop asks one question more at most.
    assert_eq!(progress(&[NONE, ("concern", &["droop"])]), p(3, 3));
    // `cosmetic` skips `usual_migraine`: one question fewer at most.
    assert_eq!(
        progress(&[NONE, HEADACHE, NO_SIGNS, ("reason", &["cosmetic"])]),
        p(5, 7)
    );
    assert_eq!(
        progress(&[NONE, HEADACHE, NO_SIGNS, ("reason", &["migraine"])]),
        p(5, 8)
    );
    assert_eq!(
        progress(&[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["no"])
        ]),
        p(6, 8)
    );
    assert_eq!(
        progress(&[
            NONE,
            HEADACHE,
            NO_SIGNS,
            ("reason", &["migraine"]),
            ("usual_migraine", &["no"]),
            ("severity", &["mild"]),
            ("injected", &["today"]),
        ]),
        p(8, 8)
    );
    assert_eq!(progress(&[("red_flags", &["vision"])]), None);
}

#[test]
fn progress_goes_back_with_the_patient() {
    let content = shipped();
    let journey = answer_all(
        content,
        &[NONE, HEADACHE, NO_SIGNS, ("reason", &["cosmetic"])],
    );
    let back = journey.back(content).expect("back");
    assert_eq!(
        back.progress(content),
        Some(Progress {
            number: 4,
            of_at_most: 8
        })
    );
}

#[test]
fn why_this_advice_lists_every_ticked_box_in_answer_order() {
    // Ticked in another order than shown: "why" follows the answer order.
    check(
        &[("red_flags", &["confusion", "breathing", "vision"])],
        "emergency_now",
    );
    let content = shipped();
    let journey = answer_all(
        content,
        &[("red_flags", &["confusion", "breathing", "vision"])],
    );
    let path = journey.path(content);
    let [(q, s)] = path.as_slice() else {
        panic!("one question on the path: {path:?}")
    };
    assert_eq!(
        answer_ids(content, *q, *s),
        ["breathing", "vision", "confusion"]
    );
}

#[test]
fn stale_or_invalid_actions_change_nothing() {
    let content = shipped();
    let red_flags = question(content, "red_flags");
    let concern = question(content, "concern");
    let start = Journey::new(content);
    let q_len = content.question(red_flags).answers.len();

    // Not the question being asked.
    assert_eq!(
        start.answer(content, concern, selection(content, concern, &["rash"])),
        None
    );
    // Nothing ticked.
    assert_eq!(start.answer(content, red_flags, Selection::EMPTY), None);
    // `none` with a red flag (the widget's toggle never builds this).
    assert_eq!(
        start.answer(
            content,
            red_flags,
            selection(content, red_flags, &["none", "vision"])
        ),
        None
    );
    // An answer past the end of the question.
    assert_eq!(
        start.answer(content, red_flags, Selection::one(q_len)),
        None
    );
    // Going back from the first question.
    assert_eq!(start.back(content), None);

    let at_concern = answer_all(content, &[NONE]);
    // Two answers to a single-choice question.
    let reason = question(content, "reason");
    let at_reason = answer_all(content, &[NONE, HEADACHE, NO_SIGNS]);
    assert_eq!(
        at_reason.answer(
            content,
            reason,
            selection(content, reason, &["cosmetic", "other"])
        ),
        None
    );
    // Nothing ticked.
    assert_eq!(at_concern.answer(content, concern, Selection::EMPTY), None);
    // A second click on the first question's Continue.
    assert_eq!(
        at_concern.answer(content, red_flags, selection(content, red_flags, &["none"])),
        None
    );

    let done = answer_all(content, &[NONE, ("concern", &["heaviness"])]);
    // Any answer at an outcome.
    assert_eq!(
        done.answer(content, concern, selection(content, concern, &["rash"])),
        None
    );
    assert_eq!(
        done.answer(
            content,
            red_flags,
            selection(content, red_flags, &["vision"])
        ),
        None
    );
}

#[test]
fn an_invalid_selection_leads_nowhere() {
    let content = shipped();
    let red_flags = question(content, "red_flags");
    let concern = question(content, "concern");
    assert_eq!(places(content, red_flags, Selection::EMPTY), None);
    assert_eq!(
        places(
            content,
            red_flags,
            selection(content, red_flags, &["none", "speech"])
        ),
        None
    );
    assert_eq!(places(content, concern, Selection::EMPTY), None);
}

#[test]
fn the_warning_signs_come_in_five_labelled_runs_then_none_on_its_own() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    let q = content.question(question(content, "red_flags"));
    let runs: Vec<(Option<&str>, Vec<&str>)> = q
        .answer_runs()
        .into_iter()
        .map(|(group, range)| {
            (
                group.map(|g| g.label.get(en)),
                range.map(|i| q.answers[i].id.as_str()).collect(),
            )
        })
        .collect();
    let labels: Vec<Option<&str>> = runs.iter().map(|(g, _)| *g).collect();
    assert_eq!(labels.len(), 6, "{runs:?}");
    assert!(labels[..5].iter().all(Option::is_some), "{runs:?}");
    assert_eq!(runs[5], (None, vec!["none"]));
    let flat: Vec<&str> = runs
        .iter()
        .flat_map(|(_, ids)| ids.iter().copied())
        .collect();
    let all: Vec<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(flat, all, "every answer once, in order");
    // A question without groups is one unlabelled run.
    let concern = content.question(question(content, "concern"));
    assert_eq!(concern.answer_runs().len(), 1);
    assert!(concern.answer_runs()[0].0.is_none());
}

// Several concerns at once (the specification's "several concerns at once"):
// each ticked concern's questions in answer order, each question once, the
// most urgent outcome shown (a tie: the first ticked), the others "also".

const MILD_RECENT: [(&str, &[&str]); 5] = [
    NO_SIGNS,
    ("reason", &["cosmetic"]),
    ("severity", &["mild"]),
    ("injected", &["days_1_2"]),
    ("duration", &["under_48h"]),
];

/// Answers `answers` and checks the outcome shown and the "also" outcomes.
#[track_caller]
fn check_all(answers: &[(&str, &[&str])], shown: &str, also: &[&str]) {
    let content = shipped();
    let journey = answer_all(content, answers);
    assert_eq!(
        journey.step(content),
        Step::Done(outcome(content, shown)),
        "{answers:?} should show `{shown}`"
    );
    let also_ids: Vec<&str> = journey
        .also(content)
        .into_iter()
        .map(|o| content.outcome(o).id.as_str())
        .collect();
    assert_eq!(also_ids, also, "{answers:?}: the other outcomes");
}

fn with<'a>(
    head: &[(&'a str, &'a [&'a str])],
    tail: &[(&'a str, &'a [&'a str])],
) -> Vec<(&'a str, &'a [&'a str])> {
    head.iter().chain(tail).copied().collect()
}

#[test]
fn a_droop_and_a_headache_are_both_assessed_the_droop_with_eye_pain_wins() {
    // The blind review's story: picking only the headache ended at self-care.
    // The droop is asked first: it can reach an emergency.
    let both = [
        NONE,
        ("concern", &["headache", "droop"][..]),
        ("droop_signs", &["eye_pain"]),
    ];
    check_all(
        &with(&both, &MILD_RECENT),
        "droop_urgent",
        &["headache_self_care"],
    );
    // Ticked in the other order, the boxes are the same set: same questions.
    let other_order = [
        NONE,
        ("concern", &["droop", "headache"][..]),
        ("droop_signs", &["eye_pain"]),
    ];
    check_all(
        &with(&other_order, &MILD_RECENT),
        "droop_urgent",
        &["headache_self_care"],
    );
    // A plain droop with a mild headache: both `soon` and `self_care`.
    let plain = [
        NONE,
        ("concern", &["headache", "droop"][..]),
        ("droop_signs", &["none"]),
    ];
    check_all(
        &with(&plain, &MILD_RECENT),
        "droop_review",
        &["headache_self_care"],
    );
}

#[test]
fn an_emergency_on_a_later_branch_ends_the_journey_at_once() {
    // The droop answered first, then the headache on a blood thinner is
    // severe: the emergency, the droop's advice kept as "also".
    check_all(
        &[
            NONE,
            ("concern", &["droop", "headache"]),
            ("droop_signs", &["none"]),
            ("headache_signs", &["blood_thinner"]),
            ("thinner_check", &["yes"]),
        ],
        "emergency_now",
        &["droop_review"],
    );
}

#[test]
fn what_the_emergency_supersedes_and_what_it_leaves_not_assessed() {
    let content = shipped();
    // A fever and a blood thinner with a severe headache: the headache's
    // "today" is superseded by the emergency of the same headache.
    let journey = answer_all(
        content,
        &[
            NONE,
            ("concern", &["headache", "rash", "heaviness"]),
            ("headache_signs", &["fever", "blood_thinner"]),
            ("thinner_check", &["yes"]),
        ],
    );
    let view = journey.view(content);
    assert_eq!(view.step, Step::Done(outcome(content, "emergency_now")));
    assert!(view.also.is_empty(), "{:?}", view.also);
    // The rash and the heavy feeling were never asked about.
    let concern = question(content, "concern");
    let names: Vec<String> = view
        .not_assessed
        .iter()
        .flat_map(|c| answer_ids(content, c.question, c.answers))
        .collect();
    assert_eq!(names, ["rash", "heaviness"]);
    assert!(view.not_assessed.iter().all(|c| c.question == concern));
    // What the patient told us: the answer that led to the emergency.
    let e = view.emergency.expect("an emergency");
    assert_eq!(answer_ids(content, e.question, e.answers), ["yes"]);
    let shown = view.shown.expect("a part shown");
    assert_eq!(
        shown
            .concerns
            .iter()
            .flat_map(|c| answer_ids(content, c.question, c.answers))
            .collect::<Vec<_>>(),
        ["headache"]
    );
}

#[test]
fn an_emergency_on_the_first_branch_ends_before_the_next_is_asked() {
    let content = shipped();
    let journey = answer_all(
        content,
        &[
            NONE,
            ("concern", &["droop", "uneven"]),
            ("droop_signs", &["pupils"]),
        ],
    );
    assert_eq!(
        journey.step(content),
        Step::Done(outcome(content, "emergency_now"))
    );
    assert!(journey.also(content).is_empty());
}

#[test]
fn a_rash_and_a_headache_the_first_ticked_wins_a_tie() {
    // Both urgent: the headache comes first in answer order.
    check_all(
        &[
            NONE,
            ("concern", &["headache", "rash"]),
            ("headache_signs", &["fever"]),
        ],
        "headache_urgent",
        &["allergy_check"],
    );
    // A mild headache: the rash is the more urgent.
    check_all(
        &with(&[NONE, ("concern", &["headache", "rash"])], &MILD_RECENT),
        "allergy_check",
        &["headache_self_care"],
    );
}

#[test]
fn uneven_and_not_working_ask_each_their_own_question() {
    let both = [NONE, ("concern", &["uneven", "not_working"][..])];
    check_all(
        &with(
            &both,
            &[
                ("uneven_when", &["under_2_weeks"]),
                ("not_working_when", &["under_2_weeks"]),
            ],
        ),
        "wait_full_effect",
        &[],
    );
    check_all(
        &with(
            &both,
            &[
                ("uneven_when", &["over_2_weeks"]),
                ("not_working_when", &["under_2_weeks"]),
            ],
        ),
        "touch_up",
        &["wait_full_effect"],
    );
    check_all(
        &with(
            &both,
            &[
                ("uneven_when", &["over_2_weeks"]),
                ("not_working_when", &["over_2_weeks"]),
            ],
        ),
        "touch_up",
        &["not_working_review"],
    );
}

#[test]
fn concerns_that_end_at_once_are_collected_with_the_branches() {
    check_all(
        &[
            NONE,
            ("concern", &["heaviness", "rash", "local_weakness"]),
            ("weakness_kind", &["other"]),
        ],
        "allergy_check",
        &["weakness_review", "heaviness_expected"],
    );
}

#[test]
fn each_branch_says_which_concern_it_is_about_and_each_part_too() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    let both = answer_all(content, &[NONE, ("concern", &["droop", "headache"])]);
    let about = both.view(content).about.expect("two concerns: named");
    assert_eq!(about.names(content, en), ["your drooping eyelid or brow"]);
    let then = answer_all(
        content,
        &[
            NONE,
            ("concern", &["droop", "headache"]),
            ("droop_signs", &["none"]),
        ],
    );
    let about = then.view(content).about.expect("two concerns: named");
    assert_eq!(about.names(content, en), ["your headache"]);
    // One concern: nothing to tell apart.
    let one = answer_all(content, &[NONE, HEADACHE]);
    assert_eq!(one.view(content).about, None);
    // The same outcome reached by two concerns names both.
    let two = answer_all(
        content,
        &[
            NONE,
            ("concern", &["heaviness", "uneven", "not_working"]),
            ("uneven_when", &["under_2_weeks"]),
            ("not_working_when", &["under_2_weeks"]),
        ],
    );
    let view = two.view(content);
    let [part] = &view.also[..] else {
        panic!("one also part: {:?}", view.also)
    };
    assert_eq!(
        symptom_checker_core::engine::concern_names(content, &part.concerns, en),
        ["your uneven result", "the treatment not working"]
    );
}

#[test]
fn a_single_concern_ends_as_before() {
    check_all(
        &with(&[NONE, HEADACHE], &MILD_RECENT),
        "headache_self_care",
        &[],
    );
    check_all(
        &[NONE, ("concern", &["heaviness"])],
        "heaviness_expected",
        &[],
    );
}

#[test]
fn back_goes_to_the_question_asked_before_across_branches() {
    let content = shipped();
    let both = [NONE, ("concern", &["headache", "uneven"][..])];
    let at_uneven = answer_all(content, &with(&both, &MILD_RECENT));
    assert_eq!(
        at_uneven.step(content),
        Step::Ask(question(content, "uneven_when"))
    );
    let back = at_uneven.back(content).expect("back");
    let duration = question(content, "duration");
    assert_eq!(back.step(content), Step::Ask(duration));
    assert_eq!(
        answer_ids(content, duration, back.selection(duration)),
        ["under_48h"],
        "the answer is kept"
    );
    // Back to the concerns, untick the headache: straight to `uneven_when`.
    let concern = question(content, "concern");
    let mut at_concern = back;
    while at_concern.step(content) != Step::Ask(concern) {
        at_concern = at_concern.back(content).expect("back");
    }
    let uneven_only = at_concern
        .answer(content, concern, selection(content, concern, &["uneven"]))
        .expect("an answer");
    assert_eq!(
        uneven_only.step(content),
        Step::Ask(question(content, "uneven_when"))
    );
}

#[test]
fn progress_counts_every_branch_still_to_come() {
    let content = shipped();
    let progress = |answers: &[(&str, &[&str])]| answer_all(content, answers).progress(content);
    let p = |number, of_at_most| Some(Progress { number, of_at_most });
    // The droop's one question, then the headache's six at most.
    assert_eq!(
        progress(&[NONE, ("concern", &["headache", "droop"])]),
        p(3, 9)
    );
    let mut answers = vec![
        NONE,
        ("concern", &["headache", "droop"][..]),
        ("droop_signs", &["none"]),
    ];
    answers.extend(&MILD_RECENT[..4]);
    assert_eq!(progress(&answers), p(8, 8));
}
