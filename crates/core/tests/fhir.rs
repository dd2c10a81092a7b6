//! The FHIR export and the widget's responses agree: every response a
//! journey can produce answers items of the exported questionnaire, with
//! codes among their answer options, asked only when an earlier answer
//! opens them. (The structure itself is validated against FHIR R4 by an
//! independent library in the end-to-end suite.)

mod common;

use std::collections::HashMap;

use common::{answer, question, shipped};
use symptom_checker_core::engine::{Journey, Selection, Step};
use symptom_checker_core::fhir::{
    self, ALSO_ITEM, Item, OUTCOME_ITEM, QuestionnaireResponse, URGENCY_ITEM, date_time,
    questionnaire_response,
};
use symptom_checker_core::model::{Content, Date, Locale, Review};
use symptom_checker_core::paths::selections;

/// A small deterministic generator (xorshift), so a failure repeats.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A journey to an outcome, choosing at random: one answer for single
/// choice; for multiple choice, half the time the "none of these" answer
/// (so journeys get past the warning signs), otherwise one to three others.
fn random_journey(content: &Content, random: &mut Random) -> Journey {
    let mut journey = Journey::new(content);
    while let Step::Ask(q) = journey.step(content) {
        let question = content.question(q);
        let n = question.answers.len();
        let exclusive = question.answers.iter().position(|a| a.exclusive);
        let choice = match (question.kind.allows_several(), exclusive) {
            (false, _) => Selection::one(random.below(n)),
            (true, Some(none)) if random.below(2) == 0 => Selection::one(none),
            (true, _) => {
                let mut s = Selection::EMPTY;
                for _ in 0..=random.below(3) {
                    let a = random.below(n);
                    if Some(a) != exclusive {
                        s = s.with(a);
                    }
                }
                if s.is_empty() {
                    selections(content, q)[0]
                } else {
                    s
                }
            }
        };
        journey = journey.answer(content, q, choice).expect("a valid answer");
    }
    journey
}

fn items_by_link(items: &[Item]) -> HashMap<&str, &Item> {
    items.iter().map(|i| (i.link_id.as_str(), i)).collect()
}

/// Checks `response` against the exported questionnaire; returns the
/// problems.
fn check(content: &Content, response: &QuestionnaireResponse) -> Vec<String> {
    let questionnaire = fhir::questionnaire(content);
    let items = items_by_link(&questionnaire.item);
    let mut problems = Vec::new();
    if response.questionnaire != format!("{}|{}", questionnaire.url, questionnaire.version) {
        problems.push(format!("questionnaire `{}`", response.questionnaire));
    }
    let mut given: Vec<(&str, &str)> = Vec::new();
    for answered in &response.item {
        let Some(item) = items.get(answered.link_id.as_str()) else {
            problems.push(format!("no item `{}`", answered.link_id));
            continue;
        };
        if answered.answer.is_empty() || (answered.answer.len() > 1 && item.repeats != Some(true)) {
            problems.push(format!(
                "`{}`: {} answers",
                item.link_id,
                answered.answer.len()
            ));
        }
        for a in &answered.answer {
            let ok = item.answer_option.iter().any(|o| {
                o.value_coding.system == a.value_coding.system
                    && o.value_coding.code == a.value_coding.code
            });
            if !ok {
                problems.push(format!(
                    "`{}`: no option `{}`",
                    item.link_id, a.value_coding.code
                ));
            }
        }
        // Only the first question and the result items are always there.
        let always = item.link_id == questionnaire.item[0].link_id || item.read_only == Some(true);
        let opened = if item.enable_when.is_empty() {
            always
        } else {
            item.enable_when
                .iter()
                .any(|w| given.contains(&(w.question.as_str(), w.answer_coding.code.as_str())))
        };
        if !opened {
            problems.push(format!(
                "`{}` asked but no earlier answer opens it",
                item.link_id
            ));
        }
        for a in &answered.answer {
            given.push((item.link_id.as_str(), a.value_coding.code.as_str()));
        }
    }
    problems
}

#[test]
fn every_response_answers_the_exported_questionnaire() {
    let content = shipped();
    let mut random = Random(0x5eed_cafe_f00d);
    for n in 0..3000 {
        let journey = random_journey(content, &mut random);
        let view = journey.view(content);
        for locale in [Locale(0), Locale(1)] {
            let response = questionnaire_response(content, &view, locale, None).unwrap();
            assert_eq!(
                response.to_json(),
                serde_json::to_string(&response).unwrap(),
                "the hand-written JSON is serde's"
            );
            let problems = check(content, &response);
            assert!(
                problems.is_empty(),
                "journey {n}: {problems:?}\n{response:#?}"
            );
            let Step::Done(outcome) = view.step else {
                unreachable!()
            };
            let asked = response.item.len() - 2 - usize::from(!view.also.is_empty());
            assert_eq!(asked, view.path.len(), "one item per question asked");
            let result = &response.item[asked];
            assert_eq!(result.link_id, OUTCOME_ITEM);
            assert_eq!(
                result.answer[0].value_coding.code,
                content.outcome(outcome).id.as_str()
            );
            assert_eq!(response.item[asked + 1].link_id, URGENCY_ITEM);
            assert_eq!(
                response.item[asked + 1].answer[0].value_coding.code,
                content.outcome(outcome).urgency.as_str()
            );
            if !view.also.is_empty() {
                assert_eq!(response.item[asked + 2].link_id, ALSO_ITEM);
                assert_eq!(response.item[asked + 2].answer.len(), view.also.len());
            }
        }
    }
}

#[test]
fn a_response_speaks_the_patients_language_and_lists_what_they_ticked() {
    let content = shipped();
    let rf = question(content, "red_flags");
    let concern = question(content, "concern");
    let mut journey = Journey::new(content);
    journey = journey
        .answer(content, rf, Selection::one(answer(content, rf, "none")))
        .unwrap();
    let two =
        Selection::one(answer(content, concern, "headache")).with(answer(content, concern, "rash"));
    journey = journey.answer(content, concern, two).unwrap();
    while let Step::Ask(q) = journey.step(content) {
        journey = journey
            .answer(content, q, selections(content, q)[0])
            .unwrap();
    }
    let spanish = content.locale("es").unwrap();
    let response = questionnaire_response(content, &journey.view(content), spanish, None).unwrap();
    assert_eq!(response.language, "es");
    assert_eq!(response.status, "completed");
    assert_eq!(
        response.item[0].text,
        content.question(rf).text.get(spanish)
    );
    assert_eq!(response.item[1].link_id, "concern");
    let codes: Vec<&str> = response.item[1]
        .answer
        .iter()
        .map(|a| a.value_coding.code.as_str())
        .collect();
    assert_eq!(codes, ["concern.headache", "concern.rash"]);
    assert_eq!(
        response.item[1].answer[1].value_coding.display.as_deref(),
        Some(
            content.question(concern).answers[answer(content, concern, "rash")]
                .label
                .get(spanish)
        )
    );
    let outcome = response
        .item
        .iter()
        .find(|i| i.link_id == OUTCOME_ITEM)
        .unwrap();
    assert_eq!(outcome.text, "Resultado");
    assert!(check(content, &response).is_empty());
}

#[test]
fn there_is_no_response_before_an_outcome() {
    let content = shipped();
    let view = Journey::new(content).view(content);
    assert_eq!(
        questionnaire_response(content, &view, Locale(0), None),
        None
    );
}

#[test]
fn the_questionnaire_has_every_question_once_in_every_language() {
    let content = shipped();
    let q = fhir::questionnaire(content);
    assert_eq!(
        q.status,
        if content.review.is_draft() {
            "draft"
        } else {
            "active"
        }
    );
    assert_eq!(q.url, "urn:symptom-checker:botox-aftercare");
    let mut links: Vec<&str> = q.item.iter().map(|i| i.link_id.as_str()).collect();
    links.extend(
        q.item
            .iter()
            .flat_map(|i| i.item.iter().map(|c| c.link_id.as_str())),
    );
    let count = links.len();
    links.sort_unstable();
    links.dedup();
    assert_eq!(links.len(), count, "linkIds are unique");
    assert_eq!(q.item.len(), content.questions.len() + 3);
    for (item, question) in q.item.iter().zip(content.questions.iter()) {
        assert_eq!(item.link_id, question.id.as_str());
        assert_eq!(item.repeats == Some(true), question.kind.allows_several());
        assert_eq!(item.answer_option.len(), question.answers.len());
        let spanish = &item.text_languages.as_ref().unwrap().extension[0].extension[1];
        assert_eq!(
            spanish.value_string.as_deref(),
            Some(question.text.get(Locale(1)))
        );
        assert_eq!(item.enable_when.is_empty(), item.link_id == "red_flags");
        assert_eq!(
            item.enable_when.len() > 1,
            item.enable_behavior == Some("any")
        );
    }
    // Every question but the first is opened by some answer.
    let concern = q.item.iter().find(|i| i.link_id == "concern").unwrap();
    assert!(
        concern
            .enable_when
            .iter()
            .any(|w| w.answer_coding.code == "red_flags.none")
    );
}

#[test]
fn an_approved_questionnaire_is_active_and_dated() {
    let mut content = shipped().clone();
    content.review = Review::Approved(symptom_checker_core::model::Approval {
        by: "Dr A. Reviewer".into(),
        role: "Consultant".into(),
        date: Date {
            year: 2026,
            month: 11,
            day: 2,
        },
        next_review: Date {
            year: 2027,
            month: 11,
            day: 2,
        },
        hash: "sha256:0".into(),
    });
    let q = fhir::questionnaire(&content);
    assert_eq!(q.status, "active");
    assert_eq!(q.approval_date.as_deref(), Some("2026-11-02"));
    assert_eq!(q.publisher.as_deref(), Some("Dr A. Reviewer, Consultant"));
}

#[test]
fn a_date_time_carries_the_patients_offset() {
    let date = Date {
        year: 2026,
        month: 12,
        day: 6,
    };
    assert_eq!(date_time(date, 9, 5, 60), "2026-12-06T09:05:00+01:00");
    assert_eq!(date_time(date, 23, 59, -330), "2026-12-06T23:59:00-05:30");
    assert_eq!(date_time(date, 0, 0, 0), "2026-12-06T00:00:00+00:00");
}

#[test]
fn the_hand_written_json_escapes_as_serde_json_does() {
    let mut text = String::from("a \"quoted\" back\\slash / é 🩺 ");
    text.extend((0u8..0x20).map(char::from));
    text.push('\u{7f}');
    let mut out = String::new();
    fhir::json_string(&mut out, &text);
    assert_eq!(out, serde_json::to_string(&text).unwrap());
}

#[test]
fn the_code_systems_and_fixed_texts_are_pinned() {
    let content = shipped();
    assert_eq!(
        fhir::answer_system(content),
        "urn:symptom-checker:botox-aftercare:answer"
    );
    assert_eq!(
        fhir::outcome_system(content),
        "urn:symptom-checker:botox-aftercare:outcome"
    );
    let texts: Vec<&str> = ["en", "es"]
        .into_iter()
        .flat_map(|l| [OUTCOME_ITEM, URGENCY_ITEM, ALSO_ITEM].map(|i| fhir::result_text(i, l)))
        .collect();
    assert_eq!(
        texts,
        [
            "Outcome",
            "Urgency",
            "Also",
            "Resultado",
            "Urgencia",
            "También"
        ]
    );
    let displays: Vec<(&str, &str)> = symptom_checker_core::model::Urgency::ALL
        .into_iter()
        .map(fhir::urgency_definition)
        .collect();
    assert_eq!(displays[0], ("Emergency", "Call the emergency number now."));
    assert_eq!(displays[3].0, "Self-care");
}
