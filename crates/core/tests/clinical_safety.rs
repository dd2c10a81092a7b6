//! Every path through the shipped content, checked against the clinical
//! specification (`docs/clinical-spec.md`, version 2).
//!
//! `spec_outcome` is the specification's routing written out by hand,
//! independently of the content file; every path the engine can take (each
//! subset of every "tick all that apply" question) must end where it says.
//! The safety floors of the specification are then checked on their own, so
//! a wrong table cannot hide an under-triage.

mod common;

use std::collections::BTreeMap;

use common::shipped;
use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{Content, EMERGENCY_NUMBER, Urgency};
use symptom_checker_core::paths::{Path, all_paths, follow};

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

fn ticked(answers: &Answers, question: &str, answer: &str) -> bool {
    answers
        .get(question)
        .is_some_and(|ids| ids.iter().any(|id| id == answer))
}

fn has_any_but_none(answers: &Answers, question: &str) -> bool {
    answers
        .get(question)
        .is_some_and(|ids| ids.iter().any(|id| id != "none"))
}

/// The specification's urgency of each outcome.
fn spec_urgency(outcome: &str) -> Urgency {
    match outcome {
        "emergency_now" => Urgency::Emergency,
        "allergy_check" | "headache_urgent" | "droop_urgent" => Urgency::Urgent,
        "headache_persisting"
        | "headache_other_cause"
        | "droop_review"
        | "touch_up"
        | "weakness_review"
        | "not_working_review" => Urgency::Soon,
        "wait_full_effect"
        | "headache_self_care"
        | "usual_migraine_plan"
        | "heaviness_expected" => Urgency::SelfCare,
        other => panic!("an outcome the specification does not name: {other}"),
    }
}

/// The specification's routing of one concern, question by question.
fn spec_concern(a: &Answers, concern: &str) -> &'static str {
    let one = |q: &str| -> &str {
        a.get(q)
            .and_then(|ids| ids.first())
            .map_or("", String::as_str)
    };
    match concern {
        "heaviness" => "heaviness_expected",
        "rash" => "allergy_check",
        "local_weakness" => "weakness_review",
        "droop" if ticked(a, "droop_signs", "pupils") => "emergency_now",
        "droop" if has_any_but_none(a, "droop_signs") => "droop_urgent",
        "droop" => "droop_review",
        "uneven" if one("uneven_when") == "under_2_weeks" => "wait_full_effect",
        "uneven" => "touch_up",
        "not_working" if one("not_working_when") == "under_2_weeks" => "wait_full_effect",
        "not_working" => "not_working_review",
        "headache" if has_any_but_none(a, "headache_signs") => "headache_urgent",
        "headache" => match (one("reason"), one("usual_migraine"), one("migraine_course")) {
            ("migraine", "yes", "usual") => "usual_migraine_plan",
            ("migraine", "yes", _) => "headache_urgent",
            _ => match (one("severity"), one("injected"), one("duration")) {
                ("severe", _, _) => "headache_urgent",
                (_, "over_2_weeks", _) => "headache_other_cause",
                (_, _, "under_48h") => "headache_self_care",
                _ => "headache_persisting",
            },
        },
        other => panic!("a path with no known concern: {other:?} in {a:?}"),
    }
}

/// The specification's routing: a warning sign is an emergency; otherwise
/// each ticked concern in answer order gives an outcome, an emergency ends
/// the journey at once, and the most urgent is shown (a tie: the first
/// ticked), with the others as "also", each once.
fn spec_outcome(a: &Answers) -> (&'static str, Vec<&'static str>) {
    if has_any_but_none(a, "red_flags") {
        return ("emergency_now", Vec::new());
    }
    let mut reached: Vec<&'static str> = Vec::new();
    for concern in a.get("concern").expect("the concern question") {
        let outcome = spec_concern(a, concern);
        reached.push(outcome);
        if spec_urgency(outcome) == Urgency::Emergency {
            break;
        }
    }
    let shown = reached
        .iter()
        .copied()
        .reduce(|best, o| {
            if spec_urgency(o) > spec_urgency(best) {
                o
            } else {
                best
            }
        })
        .expect("at least one concern");
    let mut also: Vec<&'static str> = Vec::new();
    for o in reached {
        if o != shown && !also.contains(&o) {
            also.push(o);
        }
    }
    (shown, also)
}

fn every_path() -> Vec<(Answers, &'static str, Urgency)> {
    let content = shipped();
    let paths = all_paths(content).expect("the shipped content's paths");
    paths
        .iter()
        .map(|p| {
            let o = content.outcome(p.outcome);
            (answers(content, p), o.id.as_str(), o.urgency)
        })
        .collect()
}

#[test]
fn every_path_ends_where_the_specification_says() {
    // Every subset of the 13 warning signs, of the concerns, of the droop and
    // headache signs: tens of thousands of paths, so this cannot pass by
    // checking a handful.
    let count = every_path().len();
    assert!(count > 50_000, "only {count} paths");
    let content = shipped();
    let paths = all_paths(content).expect("the shipped content's paths");
    let wrong: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let a = answers(content, p);
            let got = content.outcome(p.outcome).id.as_str();
            let also: Vec<&str> = p.also().into_iter().map(|o| content.outcome(o).id.as_str()).collect();
            let (spec, spec_also) = spec_outcome(&a);
            (spec != got || spec_also != also).then(|| {
                format!("{a:?}: shows `{got}`, also {also:?}; the spec says `{spec}`, also {spec_also:?}")
            })
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} paths:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_warning_sign_and_unequal_pupils_end_at_emergency_now() {
    for (a, outcome, _) in every_path() {
        if has_any_but_none(&a, "red_flags") || ticked(&a, "droop_signs", "pupils") {
            assert_eq!(outcome, "emergency_now", "{a:?}");
        }
    }
}

#[test]
fn no_dangerous_story_ends_below_urgent() {
    let mut seen = BTreeMap::<&str, usize>::new();
    for (a, outcome, urgency) in every_path() {
        let reasons = [
            ("a warning sign", has_any_but_none(&a, "red_flags")),
            (
                "a fever with headache",
                ticked(&a, "headache_signs", "fever"),
            ),
            (
                "a pregnancy with headache",
                ticked(&a, "headache_signs", "pregnant"),
            ),
            (
                "a migraine beyond 72 hours",
                ticked(&a, "migraine_course", "long"),
            ),
            ("a sign with a droop", has_any_but_none(&a, "droop_signs")),
            ("a severe headache", ticked(&a, "severity", "severe")),
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
    assert_eq!(seen.len(), 6, "stories seen: {seen:?}");
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
    assert!(combined > 40_000, "only {combined} combined paths");
}

#[test]
fn every_outcome_cites_a_us_source() {
    let content = shipped();
    let us = [
        "https://www.accessdata.fda.gov/",
        "https://medlineplus.gov/",
    ];
    for o in content.outcomes.iter() {
        assert!(
            o.sources
                .iter()
                .any(|s| us.iter().any(|u| s.url.starts_with(u))),
            "outcome `{}` cites no FDA label or MedlinePlus page",
            o.id
        );
    }
}

#[test]
fn the_emergency_steps_show_the_number_and_say_what_to_do_meanwhile() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    for o in content
        .outcomes
        .iter()
        .filter(|o| o.urgency == Urgency::Emergency)
    {
        let steps: Vec<&str> = o.steps.iter().map(|s| s.get(en)).collect();
        let all = steps.join(" ");
        assert!(
            steps[0].contains(EMERGENCY_NUMBER),
            "first step of `{}`",
            o.id
        );
        for needle in ["by mouth", "auto-injector", "filler", "Do not drive"] {
            assert!(all.contains(needle), "`{}` steps lack {needle:?}", o.id);
        }
    }
}

#[test]
fn patients_never_read_the_word_clinician() {
    let content = shipped();
    let en = content.locale("en").expect("English");
    let mut texts: Vec<&str> = vec![content.title.get(en), content.intro.get(en)];
    for q in content.questions.iter() {
        texts.push(q.text.get(en));
        texts.extend(q.help.iter().map(|h| h.get(en)));
        texts.extend(q.groups.iter().map(|g| g.label.get(en)));
        for a in q.answers.iter() {
            texts.push(a.label.get(en));
            texts.extend(a.hint.iter().map(|h| h.get(en)));
        }
    }
    for o in content.outcomes.iter() {
        texts.extend([o.title.get(en), o.summary.get(en), o.sooner.get(en)]);
        texts.push(o.tell_clinician.get(en));
        texts.extend(o.steps.iter().map(|s| s.get(en)));
    }
    assert!(texts.len() > 150, "only {} texts", texts.len());
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
