//! What a screen tells besides what it shows, from the one view of the
//! journey each render walks (`Journey::view`): the line the live region
//! reads out, and the event the host page hears. Pure: content and view
//! in, text and data out; tested natively, an action then the screen.

use symptom_checker_core::engine::{Progress, Step, View, concern_names};
use symptom_checker_core::model::{Content, Locale};

use crate::i18n::Ui;
use crate::page::HostEvent;

/// While a question is asked: "About your headache", when the patient
/// ticked several concerns and this question belongs to one of them.
pub fn about(content: &Content, ui: &Ui, locale: Locale, view: &View) -> Option<String> {
    view.about
        .map(|concern| ui.about_names(&concern_names(content, &[concern], locale)))
}

/// Where the patient is while a question is asked (never `None` then).
pub fn progress(view: &View) -> Progress {
    view.progress.unwrap_or(Progress {
        number: 1,
        of_at_most: 1,
    })
}

/// The live region's words for the screen: the progress, the concern and
/// the question; or the result, its urgency and title, and each "also"
/// part the same way.
pub fn announcement(content: &Content, ui: &Ui, locale: Locale, view: &View) -> String {
    match view.step {
        Step::Ask(question) => {
            let progress = progress(view);
            format!(
                "{}. {}{}",
                ui.progress(progress.number, progress.of_at_most),
                about(content, ui, locale, view).map_or(String::new(), |a| format!("{a}: ")),
                content.question(question).text.get(locale)
            )
        }
        Step::Done(outcome) => {
            let o = content.outcome(outcome);
            let mut out = format!(
                "{}{}. {}",
                ui.result,
                ui.urgency(o.urgency),
                o.title.get(locale)
            );
            for part in view.also.iter() {
                let other = content.outcome(part.outcome);
                out.push_str(&format!(
                    ". {} {}: {}",
                    ui.also,
                    ui.urgency(other.urgency),
                    other.title.get(locale)
                ));
            }
            out
        }
    }
}

/// The event the host page hears for the screen: ids, never answers.
pub fn host_event(content: &Content, ui: &Ui, view: &View) -> HostEvent {
    match view.step {
        Step::Ask(q) => HostEvent::Step {
            question: content.question(q).id.clone(),
            locale: ui.code,
        },
        Step::Done(o) => HostEvent::Outcome {
            outcome: content.outcome(o).id.clone(),
            also: view
                .also
                .iter()
                .map(|part| content.outcome(part.outcome).id.clone())
                .collect(),
            urgency: content.outcome(o).urgency,
            locale: ui.code,
        },
    }
}

#[cfg(test)]
mod tests {
    use symptom_checker_core::model::Urgency;

    use super::*;
    use crate::content::content;
    use crate::i18n;
    use crate::state::{Action, CheckerState};
    use yew::Reducible;

    /// The state after `actions` from a fresh start, and its view.
    fn after(actions: &[Action]) -> (CheckerState, View) {
        let mut state = std::rc::Rc::new(CheckerState::new(Default::default(), false));
        for action in actions {
            state = state.reduce(action.clone());
        }
        let view = state.journey.view(content());
        ((*state).clone(), view)
    }

    fn question(id: &str) -> symptom_checker_core::model::QuestionIdx {
        content()
            .question_idx(id)
            .expect("a question of the content")
    }

    fn answer(q: &str, id: &str) -> usize {
        let q = content().question(question(q));
        q.answers
            .iter()
            .position(|a| a.id.as_str() == id)
            .expect("an answer of the question")
    }

    /// Ticks `answers` at the multiple-choice question `q` and continues.
    fn tick(q: &str, answers: &[&str]) -> Vec<Action> {
        let mut out: Vec<Action> = answers
            .iter()
            .map(|a| Action::Toggle {
                question: question(q),
                answer: answer(q, a),
            })
            .collect();
        out.push(Action::Continue {
            question: question(q),
        });
        out
    }

    #[test]
    fn the_first_question_is_announced_with_its_place_and_the_host_hears_its_id() {
        let (_, view) = after(&[Action::Start]);
        let en = i18n::ui("en");
        let text = announcement(content(), en, Locale(0), &view);
        assert!(text.starts_with("Question 1 of "), "{text}");
        assert!(
            text.ends_with(
                content()
                    .question(question("red_flags"))
                    .text
                    .get(Locale(0))
            )
        );
        assert_eq!(
            host_event(content(), en, &view),
            HostEvent::Step {
                question: content().question(question("red_flags")).id.clone(),
                locale: "en",
            }
        );
    }

    #[test]
    fn an_emergency_sign_is_announced_as_the_result_in_the_language_shown() {
        let mut actions = vec![Action::Start];
        actions.extend(tick("red_flags", &["vision"]));
        let (_, view) = after(&actions);
        assert!(matches!(view.step, Step::Done(_)));
        let es = i18n::ui("es");
        let text = announcement(content(), es, Locale(1), &view);
        assert!(text.starts_with(es.result), "{text}");
        assert!(text.contains(es.urgency(Urgency::Emergency)), "{text}");
        match host_event(content(), es, &view) {
            HostEvent::Outcome {
                outcome,
                urgency,
                locale,
                also,
            } => {
                assert_eq!(
                    (outcome.as_str(), urgency, locale, also.len()),
                    ("emergency_now", Urgency::Emergency, "es", 0)
                );
            }
            other => panic!("an outcome event, not {other:?}"),
        }
    }

    #[test]
    fn with_several_concerns_each_question_says_which_one_it_is_about() {
        let mut actions = vec![Action::Start];
        actions.extend(tick("red_flags", &["none"]));
        actions.extend(tick("concern", &["droop", "headache"]));
        let (state, view) = after(&actions);
        assert!(matches!(view.step, Step::Ask(_)), "{:?}", state.journey);
        let en = i18n::ui("en");
        let about = about(content(), en, Locale(0), &view).expect("an about line");
        assert!(about.starts_with(en.about), "{about}");
        let text = announcement(content(), en, Locale(0), &view);
        assert!(text.contains(&format!("{about}: ")), "{text}");
    }
}
