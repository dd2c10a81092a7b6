//! Every path through the shipped content, checked against the clinical
//! specification (`docs/clinical-spec.md`, version 3).
//!
//! Written by hand from the specification, independently of the content
//! file: `ROUTES` is every question's answers and where each leads, and
//! `spec_outcome` the routing of a whole journey, concern by concern. Every
//! answer of the file must be in `ROUTES` and lead where it says; every path
//! the engine can take (one per set of routes of each "tick all that apply"
//! question, see `paths::all_paths`) must end where `spec_outcome` says,
//! with the same "also" parts, each about the same concerns, and the same
//! concerns "not assessed". A question the specification needs that the
//! path did not ask is a failure. The safety floors of the specification
//! are then checked on their own, so a wrong table cannot hide an
//! under-triage.

mod common;

use std::collections::BTreeMap;

use common::shipped;
use symptom_checker_core::engine::{Concern, Selection};
use symptom_checker_core::model::{Content, EMERGENCY_NUMBER, Kind, Target, Urgency};
use symptom_checker_core::paths::{Path, all_paths, follow, routes_of, selections};

/// A question: id, kind, and each answer (id, where it leads) in order.
type Route<'a> = (&'a str, Kind, Vec<(&'a str, &'a str)>);

/// A question of the specification, as written below.
type SpecQuestion = (&'static str, Kind, &'static [(&'static str, &'static str)]);

/// Each question of the specification: id, kind, and each answer with
/// where it leads, in the specification's order.
const ROUTES: &[SpecQuestion] = &[
    (
        "red_flags",
        Kind::Multiple,
        &[
            ("breathing", "emergency_now"),
            ("swallowing", "emergency_now"),
            ("swelling", "emergency_now"),
            ("speech", "emergency_now"),
            ("vision", "emergency_now"),
            ("weakness", "emergency_now"),
            ("one_side", "emergency_now"),
            ("thunderclap", "emergency_now"),
            ("fever_neck", "emergency_now"),
            ("head_injury", "emergency_now"),
            ("pregnancy_warning", "emergency_now"),
            ("confusion", "emergency_now"),
            ("skin_colour", "emergency_now"),
            ("none", "concern"),
        ],
    ),
    (
        "concern",
        Kind::Multiple,
        &[
            ("droop", "droop_signs"),
            ("headache", "headache_signs"),
            ("site_problem", "site_signs"),
            ("rash", "allergy_check"),
            ("local_weakness", "weakness_kind"),
            ("heaviness", "heaviness_expected"),
            ("uneven", "uneven_when"),
            ("not_working", "not_working_when"),
            ("other", "other_review"),
        ],
    ),
    (
        "droop_signs",
        Kind::Multiple,
        &[
            ("far_from_face", "emergency_now"),
            ("pupils", "emergency_now"),
            ("both_sides", "droop_urgent"),
            ("eye_closed", "droop_urgent"),
            ("eye_pain", "droop_urgent"),
            ("none", "droop_review"),
        ],
    ),
    (
        "headache_signs",
        Kind::Multiple,
        &[
            ("fever", "headache_urgent"),
            ("pregnant", "headache_urgent"),
            ("blood_thinner", "thinner_check"),
            ("worsening", "headache_urgent"),
            ("older_new", "headache_urgent"),
            ("weak_immunity", "headache_urgent"),
            ("positional", "headache_urgent"),
            ("none", "reason"),
        ],
    ),
    (
        "thinner_check",
        Kind::Single,
        &[("yes", "emergency_now"), ("no", "headache_urgent")],
    ),
    (
        "site_signs",
        Kind::Multiple,
        &[
            ("near_eye", "emergency_now"),
            ("infection", "site_check"),
            ("growing_bruise", "site_check"),
            ("none", "site_expected"),
        ],
    ),
    (
        "weakness_kind",
        Kind::Single,
        &[
            ("expected", "weakness_expected"),
            ("other", "weakness_review"),
        ],
    ),
    (
        "not_working_when",
        Kind::Single,
        &[
            ("under_2_weeks", "wait_full_effect"),
            ("over_2_weeks", "not_working_review"),
        ],
    ),
    (
        "uneven_when",
        Kind::Single,
        &[
            ("under_2_weeks", "wait_full_effect"),
            ("over_2_weeks", "touch_up"),
        ],
    ),
    (
        "reason",
        Kind::Single,
        &[
            ("cosmetic", "severity"),
            ("migraine", "usual_migraine"),
            ("other", "severity"),
        ],
    ),
    (
        "usual_migraine",
        Kind::Single,
        &[("yes", "migraine_course"), ("no", "severity")],
    ),
    (
        "migraine_course",
        Kind::Single,
        &[
            ("usual", "usual_migraine_plan"),
            ("long", "headache_urgent"),
        ],
    ),
    (
        "severity",
        Kind::Single,
        &[
            ("mild", "injected"),
            ("moderate", "injected"),
            ("severe", "headache_urgent"),
        ],
    ),
    (
        "injected",
        Kind::Single,
        &[
            ("today", "duration"),
            ("days_1_2", "duration"),
            ("days_3_14", "duration"),
            ("over_2_weeks", "headache_other_cause"),
        ],
    ),
    (
        "duration",
        Kind::Single,
        &[
            ("under_48h", "headache_self_care"),
            ("over_48h", "headache_persisting"),
        ],
    ),
];

/// The specification's urgency of each outcome.
fn spec_urgency(outcome: &str) -> Urgency {
    match outcome {
        "emergency_now" => Urgency::Emergency,
        "allergy_check" | "headache_urgent" | "droop_urgent" | "site_check" => Urgency::Urgent,
        "headache_persisting"
        | "headache_other_cause"
        | "droop_review"
        | "touch_up"
        | "weakness_review"
        | "other_review"
        | "not_working_review" => Urgency::Soon,
        "wait_full_effect"
        | "headache_self_care"
        | "usual_migraine_plan"
        | "heaviness_expected"
        | "weakness_expected"
        | "site_expected" => Urgency::SelfCare,
        other => panic!("an outcome the specification does not name: {other}"),
    }
}

/// A path as the ids a reviewer reads: question id → ticked answer ids.
type Answers = BTreeMap<String, Vec<String>>;

fn answers(content: &Content, path: &Path) -> Answers {
    path.steps
        .iter()
        .map(|&(q, selection)| {
            let question = content.question(q);
            let ids = selection
                .iter()
                .map(|a| question.answers[a].id.to_string())
                .collect();
            (question.id.to_string(), ids)
        })
        .collect()
}

/// The answers of a question the specification needs here; an error when
/// the path did not ask it.
fn asked<'a>(a: &'a Answers, question: &str) -> Result<&'a [String], String> {
    a.get(question)
        .map(Vec::as_slice)
        .ok_or_else(|| format!("the specification asks `{question}` here, the path did not"))
}

/// Whether the path ticked `question.answer`; false on a path that did
/// not ask the question (that is not what a filter over every path looks
/// for). Both ids must be in the shipped content: a misspelt one would
/// make every filter false, and the test that uses it vacuous.
fn ticked_on(a: &Answers, question: &str, answer: &str) -> bool {
    let content = shipped();
    let q = content
        .question_idx(question)
        .unwrap_or_else(|| panic!("no question `{question}` in the content"));
    assert!(
        content
            .question(q)
            .answers
            .iter()
            .any(|x| x.id.as_str() == answer),
        "no answer `{question}.{answer}` in the content"
    );
    a.get(question)
        .is_some_and(|ids| ids.iter().any(|id| id == answer))
}

/// Whether the path ticked anything but `none` at `question` (whose id
/// must be in the shipped content); false on a path that did not ask it.
fn ticked_other_than_none(a: &Answers, question: &str) -> bool {
    let content = shipped();
    assert!(
        content.question_idx(question).is_some(),
        "no question `{question}` in the content"
    );
    a.get(question)
        .is_some_and(|ids| ids.iter().any(|id| id != "none"))
}

fn ticked(a: &Answers, question: &str, answer: &str) -> Result<bool, String> {
    Ok(asked(a, question)?.iter().any(|id| id == answer))
}

fn any_but_none(a: &Answers, question: &str) -> Result<bool, String> {
    Ok(asked(a, question)?.iter().any(|id| id != "none"))
}

/// The single answer of a single-choice question.
fn one<'a>(a: &'a Answers, question: &str) -> Result<&'a str, String> {
    match asked(a, question)? {
        [only] => Ok(only),
        more => Err(format!("`{question}` has {} answers", more.len())),
    }
}

/// The specification's routing of one concern, question by question.
fn spec_concern(a: &Answers, concern: &str) -> Result<&'static str, String> {
    Ok(match concern {
        "rash" => "allergy_check",
        "heaviness" => "heaviness_expected",
        "other" => "other_review",
        "droop" => {
            if ticked(a, "droop_signs", "far_from_face")? || ticked(a, "droop_signs", "pupils")? {
                "emergency_now"
            } else if any_but_none(a, "droop_signs")? {
                "droop_urgent"
            } else {
                "droop_review"
            }
        }
        "site_problem" => {
            if ticked(a, "site_signs", "near_eye")? {
                "emergency_now"
            } else if any_but_none(a, "site_signs")? {
                "site_check"
            } else {
                "site_expected"
            }
        }
        "local_weakness" => match one(a, "weakness_kind")? {
            "expected" => "weakness_expected",
            _ => "weakness_review",
        },
        "uneven" => match one(a, "uneven_when")? {
            "under_2_weeks" => "wait_full_effect",
            _ => "touch_up",
        },
        "not_working" => match one(a, "not_working_when")? {
            "under_2_weeks" => "wait_full_effect",
            _ => "not_working_review",
        },
        "headache" if ticked(a, "headache_signs", "blood_thinner")? => {
            match one(a, "thinner_check")? {
                "yes" => "emergency_now",
                _ => "headache_urgent",
            }
        }
        "headache" if any_but_none(a, "headache_signs")? => "headache_urgent",
        "headache" => {
            let migraine = one(a, "reason")? == "migraine";
            if migraine && one(a, "usual_migraine")? == "yes" {
                match one(a, "migraine_course")? {
                    "usual" => "usual_migraine_plan",
                    _ => "headache_urgent",
                }
            } else if one(a, "severity")? == "severe" {
                "headache_urgent"
            } else if one(a, "injected")? == "over_2_weeks" {
                "headache_other_cause"
            } else if one(a, "duration")? == "under_48h" {
                "headache_self_care"
            } else {
                "headache_persisting"
            }
        }
        other => {
            return Err(format!(
                "a concern the specification does not name: {other}"
            ));
        }
    })
}

/// What the specification shows: the outcome in full, the "also" parts
/// with the concerns that led to each, and the concerns not assessed.
#[derive(Debug, PartialEq)]
struct Shown {
    outcome: &'static str,
    also: Vec<(&'static str, Vec<String>)>,
    not_assessed: Vec<String>,
}

/// The specification's routing: a warning sign is an emergency; otherwise
/// each ticked concern in answer order gives an outcome, an emergency ends
/// the journey at once (the concerns after it are "not assessed", and what
/// its own concern reached before it is superseded), and the most urgent
/// is shown (a tie: the first ticked), with the others as "also", each
/// once, naming their concerns when more than one was ticked.
fn spec_outcome(a: &Answers) -> Result<Shown, String> {
    if any_but_none(a, "red_flags")? {
        return Ok(Shown {
            outcome: "emergency_now",
            also: Vec::new(),
            not_assessed: Vec::new(),
        });
    }
    let concerns = asked(a, "concern")?;
    let mut reached: Vec<(&'static str, &str)> = Vec::new();
    let mut not_assessed = Vec::new();
    for (i, concern) in concerns.iter().enumerate() {
        let outcome = spec_concern(a, concern)?;
        reached.push((outcome, concern));
        if spec_urgency(outcome) == Urgency::Emergency {
            not_assessed = concerns[i + 1..].to_vec();
            break;
        }
    }
    let (shown, _) = *reached
        .iter()
        .reduce(|best, o| {
            if spec_urgency(o.0) > spec_urgency(best.0) {
                o
            } else {
                best
            }
        })
        .ok_or("no concern ticked")?;
    let several = concerns.len() > 1;
    let mut also: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (outcome, concern) in reached {
        if outcome == shown {
            continue;
        }
        let named = vec![concern.to_owned()];
        match also.iter_mut().find(|(o, _)| *o == outcome) {
            Some((_, concerns)) => concerns.extend(named),
            None => also.push((outcome, named)),
        }
    }
    Ok(Shown {
        outcome: shown,
        also,
        not_assessed: if several { not_assessed } else { Vec::new() },
    })
}

/// The answer ids of concerns, by the engine.
fn concern_ids(content: &Content, concerns: &[Concern]) -> Vec<String> {
    concerns
        .iter()
        .flat_map(|c| {
            let q = content.question(c.question);
            c.answers.iter().map(|a| q.answers[a].id.to_string())
        })
        .collect()
}

/// What the engine shows on `path`.
fn engine_shows(content: &Content, path: &Path) -> Shown {
    let id = |o| {
        let id: &str = content.outcome(o).id.as_str();
        // Leaked once per outcome id: the test compares with `&'static str`.
        spec_id(id)
    };
    Shown {
        outcome: id(path.outcome),
        also: path
            .also_parts()
            .iter()
            .map(|p| (id(p.outcome), concern_ids(content, &p.concerns)))
            .collect(),
        not_assessed: concern_ids(content, &path.not_assessed),
    }
}

/// The specification's own spelling of an outcome id (so the engine's and
/// the specification's results compare as the same type).
fn spec_id(id: &str) -> &'static str {
    const IDS: [&str; 18] = [
        "emergency_now",
        "allergy_check",
        "headache_urgent",
        "droop_urgent",
        "site_check",
        "headache_persisting",
        "headache_other_cause",
        "droop_review",
        "touch_up",
        "weakness_review",
        "other_review",
        "not_working_review",
        "wait_full_effect",
        "headache_self_care",
        "usual_migraine_plan",
        "heaviness_expected",
        "weakness_expected",
        "site_expected",
    ];
    IDS.iter()
        .find(|s| **s == id)
        .copied()
        .unwrap_or_else(|| panic!("an outcome the specification does not name: {id}"))
}

/// Every path, with at each question every answer that some set of boxes
/// of its route ticks: each such set ends the same way, so a story holds on
/// the path when it holds for any of them.
fn every_path() -> Vec<(Answers, &'static str, Urgency, u64)> {
    let content = shipped();
    let paths = all_paths(content).expect("the shipped content's paths");
    let routes: Vec<_> = (0..content.questions.len())
        .map(|q| routes_of(content, symptom_checker_core::model::QuestionIdx(q as u16)))
        .collect();
    paths
        .iter()
        .map(|p| {
            let possible: Answers = p
                .steps
                .iter()
                .map(|&(q, selection)| {
                    let question = content.question(q);
                    let route = routes[usize::from(q.0)]
                        .iter()
                        .find(|r| r.selections.contains(&selection))
                        .expect("every selection has its route");
                    let mut ids: Vec<String> = Vec::new();
                    for s in &route.selections {
                        for a in s.iter() {
                            let id = question.answers[a].id.to_string();
                            if !ids.contains(&id) {
                                ids.push(id);
                            }
                        }
                    }
                    (question.id.to_string(), ids)
                })
                .collect();
            let o = content.outcome(p.outcome);
            (possible, spec_id(o.id.as_str()), o.urgency, p.exact)
        })
        .collect()
}

#[test]
fn every_question_and_answer_leads_where_the_specification_says() {
    let content = shipped();
    let mut expected: Vec<Route> = ROUTES
        .iter()
        .map(|(q, kind, answers)| (*q, *kind, answers.to_vec()))
        .collect();
    let mut got: Vec<Route> = content
        .questions
        .iter()
        .map(|q| {
            let answers = q
                .answers
                .iter()
                .map(|a| {
                    let next = match a.next {
                        Target::Question(n) => content.question(n).id.as_str(),
                        Target::Outcome(o) => content.outcome(o).id.as_str(),
                    };
                    (a.id.as_str(), next)
                })
                .collect();
            (q.id.as_str(), q.kind, answers)
        })
        .collect();
    // The questions in any file order; the answers in the specification's.
    expected.sort_by_key(|(q, _, _)| *q);
    got.sort_by_key(|(q, _, _)| *q);
    assert_eq!(got, expected);
    for o in content.outcomes.iter() {
        assert_eq!(o.urgency, spec_urgency(o.id.as_str()), "{}", o.id);
    }
    assert_eq!(content.outcomes.len(), 18);
}

#[test]
fn every_set_of_boxes_is_routed_with_the_others_of_its_route() {
    // `all_paths` walks one set of boxes per route; this is the proof that
    // every other set of the route leads to the same places, for every
    // question: 2^13 sets at the warning signs, 2^9 − 1 at the concerns.
    let content = shipped();
    let mut sets = 0;
    for q in 0..content.questions.len() {
        let q = symptom_checker_core::model::QuestionIdx(q as u16);
        let routes = routes_of(content, q);
        let all: usize = routes.iter().map(|r| r.selections.len()).sum();
        assert_eq!(all, selections(content, q).len());
        for route in routes {
            for &s in &route.selections {
                let places = symptom_checker_core::engine::places(content, q, s);
                assert_eq!(places.as_ref(), Some(&route.places));
            }
            sets += route.selections.len();
        }
    }
    assert!(sets > 8_000, "only {sets} sets of boxes");
}

#[test]
fn every_path_ends_where_the_specification_says() {
    let content = shipped();
    let paths = all_paths(content).expect("the shipped content's paths");
    // Every set of routes of 15 questions, several concerns at once: tens of
    // thousands of walks standing for millions of exact paths, so this
    // cannot pass by checking a handful.
    assert!(paths.len() > 30_000, "only {} paths", paths.len());
    let exact: u64 = paths.iter().map(|p| p.exact).sum();
    assert!(exact > 1_000_000, "only {exact} exact paths");
    let wrong: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let a = answers(content, p);
            let got = engine_shows(content, p);
            match spec_outcome(&a) {
                Ok(spec) if spec == got => None,
                Ok(spec) => Some(format!("{a:?}:\n  engine {got:?}\n  spec   {spec:?}")),
                Err(e) => Some(format!("{a:?}: {e}")),
            }
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} paths:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(20)].join("\n")
    );
}

#[test]
fn every_warning_sign_unequal_pupils_and_a_distant_droop_end_at_emergency_now() {
    let mut seen = 0;
    let mut seen_each = BTreeMap::<&str, usize>::new();
    for (a, outcome, _, _) in every_path() {
        let get = |q: &str, x: &str| ticked_on(&a, q, x);
        let reasons = [
            ("a warning sign", ticked_other_than_none(&a, "red_flags")),
            ("unequal pupils", get("droop_signs", "pupils")),
            (
                "a droop after a distant shot",
                get("droop_signs", "far_from_face"),
            ),
            ("an eyelid swollen shut", get("site_signs", "near_eye")),
            (
                "a bad headache on a blood thinner",
                get("thinner_check", "yes"),
            ),
        ];
        let mut any = false;
        for (why, applies) in reasons {
            if applies {
                any = true;
                *seen_each.entry(why).or_default() += 1;
            }
        }
        if any {
            seen += 1;
            assert_eq!(outcome, "emergency_now", "{a:?}");
        }
    }
    assert!(seen > 1000, "only {seen} paths checked");
    assert_eq!(
        seen_each.len(),
        5,
        "each reason on some path: {seen_each:?}"
    );
}

#[test]
fn no_dangerous_story_ends_below_urgent() {
    let mut seen = BTreeMap::<&str, usize>::new();
    for (a, outcome, urgency, _) in every_path() {
        let get = |q: &str, x: &str| ticked_on(&a, q, x);
        let any = |q: &str| ticked_other_than_none(&a, q);
        let reasons = [
            ("a warning sign", any("red_flags")),
            ("a fever with headache", get("headache_signs", "fever")),
            (
                "a pregnancy with headache",
                get("headache_signs", "pregnant"),
            ),
            (
                "a headache on a blood thinner",
                get("headache_signs", "blood_thinner"),
            ),
            (
                "a headache getting worse",
                get("headache_signs", "worsening"),
            ),
            (
                "a new headache at 50 or older, or giant cell arteritis",
                get("headache_signs", "older_new"),
            ),
            (
                "a headache with a weak immune system",
                get("headache_signs", "weak_immunity"),
            ),
            ("a positional headache", get("headache_signs", "positional")),
            ("a migraine beyond 72 hours", get("migraine_course", "long")),
            ("a sign with a droop", any("droop_signs")),
            ("a severe headache", get("severity", "severe")),
            (
                "a spot that may be infected",
                get("site_signs", "infection"),
            ),
            (
                "a bruise that keeps growing",
                get("site_signs", "growing_bruise"),
            ),
            ("a rash", get("concern", "rash")),
        ];
        for (why, applies) in reasons {
            if applies {
                *seen.entry(why).or_default() += 1;
                assert!(
                    urgency >= Urgency::Urgent,
                    "{why}: {a:?} ends at `{outcome}` ({urgency:?})"
                );
            }
        }
    }
    // Each story occurs on at least one path, so none is checked vacuously.
    assert_eq!(seen.len(), 14, "stories seen: {seen:?}");
}

#[test]
fn no_combination_of_concerns_ends_below_any_of_them_alone() {
    let content = shipped();
    let concern = content
        .question_idx("concern")
        .expect("the concern question");
    let paths = all_paths(content).expect("the shipped content's paths");
    let mut combined = 0;
    for path in &paths {
        let Some(&(_, ticked)) = path.steps.iter().find(|(q, _)| *q == concern) else {
            continue;
        };
        if ticked.len() < 2 {
            continue;
        }
        combined += 1;
        let shown = content.outcome(path.outcome).urgency;
        for one in ticked.iter() {
            // The same patient with only this concern ticked.
            let alone = follow(content, |q| {
                if q == concern {
                    Some(Selection::one(one))
                } else {
                    path.steps
                        .iter()
                        .find(|(asked, _)| *asked == q)
                        .map(|&(_, s)| s)
                }
            });
            match alone {
                Ok(alone) => assert!(
                    shown >= content.outcome(alone.outcome).urgency,
                    "{:?} shows `{}`, below `{}` for `{}` alone",
                    answers(content, path),
                    content.outcome(path.outcome).id,
                    content.outcome(alone.outcome).id,
                    content.question(concern).answers[one].id,
                ),
                // Its questions were never asked: an earlier branch ended
                // in an emergency.
                Err(_) => assert_eq!(shown, Urgency::Emergency, "{:?}", answers(content, path)),
            }
        }
    }
    assert!(combined > 30_000, "only {combined} combined paths");
}

#[test]
fn the_red_flag_coverage_table_names_answers_that_lead_where_it_says() {
    // The specification's "Red-flag coverage" table, by answer: each id it
    // names exists and leads at least as urgently as the table implies.
    let content = shipped();
    let table: &[(&str, &str, Urgency)] = &[
        ("headache_signs", "fever", Urgency::Urgent),
        ("red_flags", "fever_neck", Urgency::Emergency),
        ("headache_signs", "weak_immunity", Urgency::Urgent),
        ("red_flags", "one_side", Urgency::Emergency),
        ("red_flags", "speech", Urgency::Emergency),
        ("red_flags", "vision", Urgency::Emergency),
        ("red_flags", "confusion", Urgency::Emergency),
        ("red_flags", "weakness", Urgency::Emergency),
        ("red_flags", "thunderclap", Urgency::Emergency),
        ("headache_signs", "older_new", Urgency::Urgent),
        ("headache_signs", "worsening", Urgency::Urgent),
        ("migraine_course", "long", Urgency::Urgent),
        ("headache_signs", "positional", Urgency::Urgent),
        ("droop_signs", "eye_pain", Urgency::Urgent),
        ("droop_signs", "pupils", Urgency::Emergency),
        ("red_flags", "head_injury", Urgency::Emergency),
        ("headache_signs", "pregnant", Urgency::Urgent),
        ("red_flags", "pregnancy_warning", Urgency::Emergency),
        ("headache_signs", "blood_thinner", Urgency::Urgent),
        ("red_flags", "swallowing", Urgency::Emergency),
        ("red_flags", "breathing", Urgency::Emergency),
        ("droop_signs", "far_from_face", Urgency::Emergency),
        ("red_flags", "swelling", Urgency::Emergency),
        ("red_flags", "skin_colour", Urgency::Emergency),
        ("site_signs", "infection", Urgency::Urgent),
        ("site_signs", "growing_bruise", Urgency::Urgent),
        ("site_signs", "near_eye", Urgency::Emergency),
    ];
    let paths = every_path();
    for &(question, answer, floor) in table {
        let q = content
            .question_idx(question)
            .unwrap_or_else(|| panic!("no question `{question}`"));
        let a = content
            .question(q)
            .answers
            .iter()
            .position(|x| x.id.as_str() == answer)
            .unwrap_or_else(|| panic!("no answer `{question}.{answer}`"));
        assert!(content.question(q).answers.get(a).is_some());
        // Every path that ticks it, with whatever else.
        let mut seen = 0;
        for (answers, outcome, urgency, _) in &paths {
            if ticked_on(answers, question, answer) {
                seen += 1;
                assert!(
                    urgency >= &floor,
                    "`{question}.{answer}` ends at `{outcome}`"
                );
            }
        }
        assert!(seen > 0, "no path ticks `{question}.{answer}`");
    }
    // The medication-overuse advice of the headache outcomes (the table's
    // "painkiller overuse" row).
    let en = content.locale("en").expect("English");
    for id in [
        "headache_self_care",
        "headache_persisting",
        "headache_other_cause",
        "headache_urgent",
        "usual_migraine_plan",
    ] {
        let o = content.outcome(content.outcome_idx(id).expect(id));
        let all: Vec<&str> = o
            .steps
            .iter()
            .chain([&o.tell_clinician])
            .map(|t| t.get(en))
            .collect();
        assert!(
            all.join(" ").contains("more than 2 or 3 days a week"),
            "`{id}` says nothing of medication overuse"
        );
    }
}

#[test]
fn every_outcome_cites_a_us_source_and_spanish_cites_spanish_pages_where_they_exist() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    let es = content.locale("es").expect("Spanish");
    let us = [
        "https://www.accessdata.fda.gov/",
        "https://medlineplus.gov/",
    ];
    for o in content.outcomes.iter() {
        assert!(
            o.sources
                .iter()
                .any(|s| us.iter().any(|u| s.url.get(en).starts_with(u))),
            "outcome `{}` cites no FDA label or MedlinePlus page",
            o.id
        );
        for s in o.sources.iter() {
            // MedlinePlus pages with a Spanish version: the Spanish text
            // cites it.
            let spanish = [
                "https://medlineplus.gov/headache.html",
                "https://medlineplus.gov/migraine.html",
                "https://medlineplus.gov/druginfo/meds/a608013.html",
                "https://medlineplus.gov/druginfo/meds/a682159.html",
            ];
            if spanish.contains(&s.url.get(en)) {
                assert!(
                    s.url
                        .get(es)
                        .starts_with("https://medlineplus.gov/spanish/"),
                    "`{}` cites {} in Spanish",
                    o.id,
                    s.url.get(es)
                );
            }
        }
    }
}

/// Needles of the emergency steps, in each language: the words that must be
/// there, whatever else a rewording changes.
const EMERGENCY_NEEDLES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "Call {emergency_number} now",
            "even if",
            "Do not drive",
            "by mouth",
            "auto-injector",
            "when the sign started",
            "product and dose",
            "filler",
            "Right after you call {emergency_number}, call the clinic",
        ],
    ),
    (
        "es",
        &[
            "Llame ahora al {emergency_number}",
            "aunque",
            "No maneje para ir al hospital",
            "por la boca",
            "autoinyector",
            "cuándo empezó",
            "qué producto y qué dosis",
            "relleno",
            "Justo después de llamar al {emergency_number}, llame a la clínica",
            "Esa clínica puede tener un tratamiento",
        ],
    ),
];

#[test]
fn the_emergency_steps_show_the_number_and_say_what_to_do_meanwhile_in_every_language() {
    let content = shipped();
    for &(code, needles) in EMERGENCY_NEEDLES {
        let locale = content.locale(code).expect(code);
        for o in content
            .outcomes
            .iter()
            .filter(|o| o.urgency == Urgency::Emergency)
        {
            let steps: Vec<&str> = o.steps.iter().map(|s| s.get(locale)).collect();
            let all = steps.join(" ");
            assert!(
                steps[0].contains(EMERGENCY_NUMBER),
                "first `{code}` step of `{}`",
                o.id
            );
            for needle in needles {
                assert!(
                    all.contains(needle),
                    "`{}` `{code}` steps lack {needle:?}",
                    o.id
                );
            }
        }
    }
}

#[test]
fn urgent_outcomes_say_what_to_do_when_the_clinic_is_closed() {
    let content = shipped();
    let needles = [
        (
            "en",
            [
                "after-hours",
                "urgent care",
                "Do not wait for the clinic to open",
            ],
        ),
        (
            "es",
            [
                "después de horas",
                "urgencias",
                "No espere a que abra la clínica",
            ],
        ),
    ];
    let urgent: Vec<_> = content
        .outcomes
        .iter()
        .filter(|o| o.urgency == Urgency::Urgent)
        .collect();
    assert_eq!(urgent.len(), 4);
    for (code, words) in needles {
        let locale = content.locale(code).expect(code);
        for o in &urgent {
            let all: Vec<&str> = o.steps.iter().map(|s| s.get(locale)).collect();
            let all = all.join(" ");
            for word in words {
                assert!(all.contains(word), "`{}` ({code}) lacks {word:?}", o.id);
            }
        }
    }
}

#[test]
fn pain_relief_advice_carries_its_cautions_in_every_language() {
    let content = shipped();
    let needles = [
        (
            "en",
            &[
                "ibuprofen, naproxen or aspirin",
                "blood thinner",
                "pregnant",
                "kidney",
                "stomach ulcer",
                "heart failure",
                "asthma",
                "pharmacist",
                "breastfeed",
            ][..],
        ),
        (
            "es",
            &[
                "ibuprofeno, naproxeno ni aspirina",
                "una medicina para diluir la sangre (anticoagulante)",
                "embarazada",
                "riñones",
                "úlcera",
                "corazón",
                "asma",
                "farmacia",
                "da pecho",
            ][..],
        ),
    ];
    let mut checked = 0;
    for (code, words) in needles {
        let locale = content.locale(code).expect(code);
        let en = content.locale("en").expect("English");
        for o in content.outcomes.iter() {
            let names_ibuprofen = o.steps.iter().any(|s| s.get(en).contains("ibuprofen"));
            if !names_ibuprofen {
                continue;
            }
            checked += 1;
            let all: Vec<&str> = o.steps.iter().map(|s| s.get(locale)).collect();
            let all = all.join(" ");
            for word in words {
                assert!(all.contains(word), "`{}` ({code}) lacks {word:?}", o.id);
            }
        }
    }
    assert!(checked >= 8, "only {checked} outcomes checked");
}

#[test]
fn outcomes_never_diagnose_and_titles_tell_them_apart() {
    let content = shipped();
    for (i, code) in content.locales.iter().enumerate() {
        let locale = symptom_checker_core::model::Locale(i as u8);
        let mut titles: Vec<&str> = content
            .outcomes
            .iter()
            .map(|o| o.title.get(locale))
            .collect();
        titles.sort_unstable();
        let before = titles.len();
        titles.dedup();
        assert_eq!(titles.len(), before, "two `{code}` outcomes share a title");
    }
    let en = content.locale("en").expect("English");
    for o in content.outcomes.iter() {
        for text in [&o.summary, &o.sooner, &o.tell_clinician]
            .into_iter()
            .chain(o.steps.iter())
        {
            assert!(
                !text.get(en).contains(" means "),
                "`{}` diagnoses: {:?}",
                o.id,
                text.get(en)
            );
        }
    }
}

#[test]
fn every_concern_has_a_name_and_the_warning_list_ends_with_unequal_pupils() {
    let content = shipped();
    let concern = content.question(content.question_idx("concern").expect("concern"));
    for a in concern.answers.iter() {
        assert!(a.about.is_some(), "concern `{}` has no `about`", a.id);
    }
    let flags: Vec<&str> = content.red_flags().map(|a| a.id.as_str()).collect();
    assert_eq!(flags.len(), 14, "{flags:?}");
    assert_eq!(flags.last(), Some(&"pupils"));
    assert!(content.scope.is_some(), "the scope statement");
}

#[test]
fn patients_never_read_the_word_clinician() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    let mut texts: Vec<&str> = vec![content.title.get(en), content.intro.get(en)];
    texts.extend(content.scope.iter().map(|s| s.get(en)));
    for q in content.questions.iter() {
        texts.push(q.text.get(en));
        texts.extend(q.help.iter().map(|h| h.get(en)));
        texts.extend(q.groups.iter().map(|g| g.label.get(en)));
        for a in q.answers.iter() {
            texts.push(a.label.get(en));
            texts.extend(a.hint.iter().map(|h| h.get(en)));
            texts.extend(a.about.iter().map(|h| h.get(en)));
        }
    }
    for o in content.outcomes.iter() {
        texts.extend([o.title.get(en), o.summary.get(en), o.sooner.get(en)]);
        texts.push(o.tell_clinician.get(en));
        texts.extend(o.steps.iter().map(|s| s.get(en)));
    }
    assert!(texts.len() > 200, "only {} texts", texts.len());
    for t in texts {
        assert!(!t.to_lowercase().contains("clinician"), "{t:?}");
    }
}

#[test]
fn the_shipped_content_is_a_draft() {
    // Nobody on the project is a clinician: the shipped file must not claim
    // an approval that did not happen.
    assert!(shipped().review.is_draft());
}
