//! The widget's one piece of state and its reducer.
//!
//! `reduce` only asks the engine; a stale or invalid action returns the
//! same `Rc`, which Yew 0.23 takes as "nothing to re-render". Side effects
//! (focus, events to the host page) live in effects, never here.

use std::rc::Rc;

use symptom_checker_core::engine::{Journey, Selection, Step, View, toggle};
use symptom_checker_core::model::{Locale, QuestionIdx};
use yew::Reducible;

use crate::content::ContentRef;

/// What the patient has done so far.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckerState {
    /// The content the widget runs on.
    pub content: ContentRef,
    /// False on the start screen.
    pub started: bool,
    /// Answers and position.
    pub journey: Journey,
    /// Boxes ticked at the current multiple-choice question, not yet
    /// confirmed with Continue.
    pub unconfirmed: Option<(QuestionIdx, Selection)>,
    /// Continue was pressed with nothing ticked.
    pub refused: bool,
    /// A language the patient picked in the widget, over the page's.
    pub locale: Option<Locale>,
    /// The page asked to open at the first question (`start-screen="skip"`).
    pub skip_start: bool,
}

/// What the patient can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Leave the start screen.
    Start,
    /// Answer a single-choice question.
    Choose {
        question: QuestionIdx,
        answer: usize,
    },
    /// Tick or untick a box at a multiple-choice question.
    Toggle {
        question: QuestionIdx,
        answer: usize,
    },
    /// Confirm the ticked boxes.
    Continue { question: QuestionIdx },
    /// Back one question (to the start screen from the first).
    Back,
    /// Forget every answer and go to the start screen.
    Restart,
    /// Switch language, keeping every answer.
    SetLocale(Locale),
}

/// The compiled-in content, on the start screen.
impl Default for CheckerState {
    fn default() -> Self {
        CheckerState::new(ContentRef::default(), false)
    }
}

impl CheckerState {
    /// A fresh widget on `content`, on the start screen unless `skip_start`.
    pub fn new(content: ContentRef, skip_start: bool) -> CheckerState {
        CheckerState {
            started: skip_start,
            journey: Journey::new(&content),
            content,
            unconfirmed: None,
            refused: false,
            locale: None,
            skip_start,
        }
    }

    /// Whether Back does anything on the screen `view` shows (this state's
    /// [`Journey::view`], walked once per render): not at the first question
    /// when the start screen is skipped.
    pub fn can_go_back(&self, view: &View) -> bool {
        self.started && (!self.skip_start || !view.path.is_empty())
    }

    /// The current step (meaningful once started).
    pub fn step(&self) -> Step {
        self.journey.step(&self.content)
    }

    /// The boxes shown ticked at `question`: the unconfirmed ticks, else the kept answer.
    pub fn ticked(&self, question: QuestionIdx) -> Selection {
        match self.unconfirmed {
            Some((q, selection)) if q == question => selection,
            _ => self.journey.selection(question),
        }
    }

    fn asking(&self, question: QuestionIdx) -> bool {
        self.started && self.step() == Step::Ask(question)
    }

    fn moved(&self, journey: Journey) -> CheckerState {
        CheckerState {
            journey,
            unconfirmed: None,
            refused: false,
            ..self.clone()
        }
    }
}

impl Reducible for CheckerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let content = &*self.content;
        let next = match action {
            Action::Start if !self.started => Some(CheckerState {
                started: true,
                ..self.moved(self.journey.clone())
            }),
            Action::Choose { question, answer } if self.asking(question) => self
                .journey
                .answer(content, question, Selection::one(answer))
                .map(|j| self.moved(j)),
            Action::Toggle { question, answer }
                if self.asking(question) && content.question(question).kind.allows_several() =>
            {
                let ticked = toggle(content, question, self.ticked(question), answer);
                Some(CheckerState {
                    unconfirmed: Some((question, ticked)),
                    refused: false,
                    ..(*self).clone()
                })
            }
            Action::Continue { question } if self.asking(question) => {
                let ticked = self.ticked(question);
                match self.journey.answer(content, question, ticked) {
                    Some(journey) => Some(self.moved(journey)),
                    None if ticked.is_empty() => Some(CheckerState {
                        refused: true,
                        ..(*self).clone()
                    }),
                    None => None,
                }
            }
            Action::Back if self.can_go_back(&self.journey.view(content)) => {
                Some(match self.journey.back(content) {
                    Some(journey) => self.moved(journey),
                    None => CheckerState {
                        started: false,
                        ..self.moved(self.journey.clone())
                    },
                })
            }
            Action::Restart if self.started => Some(CheckerState {
                locale: self.locale,
                ..CheckerState::new(self.content.clone(), self.skip_start)
            }),
            Action::SetLocale(locale) if self.locale != Some(locale) => Some(CheckerState {
                locale: Some(locale),
                ..(*self).clone()
            }),
            _ => None,
        };
        next.map_or(self, Rc::new)
    }
}

/// The reducer, tested natively in the style of crux: an action goes in,
/// then the test looks at what the screen would show.
#[cfg(test)]
mod tests {
    use symptom_checker_core::model::Kind;

    use super::*;
    use crate::content::content;

    fn after(widget: CheckerState, actions: &[Action]) -> CheckerState {
        let mut state = Rc::new(widget);
        for action in actions {
            state = state.reduce(action.clone());
        }
        (*state).clone()
    }

    /// The first question, an exclusive "none" of it if it has one, and the
    /// position of a non-exclusive answer.
    fn first_question() -> (QuestionIdx, Option<usize>, usize) {
        let q = content().start();
        let answers = &content().question(q).answers;
        let none = answers.iter().position(|a| a.exclusive);
        let other = answers
            .iter()
            .position(|a| !a.exclusive)
            .expect("an answer");
        (q, none, other)
    }

    #[test]
    fn start_leaves_the_start_screen_for_the_first_question() {
        let w = after(CheckerState::default(), &[]);
        assert!(!w.started);
        let w = after(w, &[Action::Start]);
        assert!(w.started);
        assert_eq!(w.step(), Step::Ask(content().start()));
    }

    #[test]
    fn an_action_for_another_question_changes_nothing() {
        let started = after(CheckerState::default(), &[Action::Start]);
        let other = QuestionIdx(1);
        let state = Rc::new(started.clone());
        let same = state.clone().reduce(Action::Choose {
            question: other,
            answer: 0,
        });
        assert!(
            Rc::ptr_eq(&state, &same),
            "a stale action re-renders nothing"
        );
        assert_eq!(*same, started);
    }

    #[test]
    fn continue_with_nothing_ticked_is_refused_and_ticking_clears_the_refusal() {
        let (q, _, other) = first_question();
        // The warning signs come first, as boxes to tick (the specification).
        assert_eq!(content().question(q).kind, Kind::Multiple);
        let w = after(
            CheckerState::default(),
            &[Action::Start, Action::Continue { question: q }],
        );
        assert!(w.refused);
        assert_eq!(w.step(), Step::Ask(q));
        let w = after(
            w,
            &[Action::Toggle {
                question: q,
                answer: other,
            }],
        );
        assert!(!w.refused);
        assert_eq!(w.ticked(q), Selection::one(other));
    }

    #[test]
    fn a_warning_sign_then_continue_shows_its_outcome_and_back_keeps_the_tick() {
        let (q, _, other) = first_question();
        assert_eq!(content().question(q).kind, Kind::Multiple);
        let sign = &content().question(q).answers[other];
        assert!(sign.red_flag, "{} is a warning sign", sign.id.as_str());
        let w = after(
            CheckerState::default(),
            &[
                Action::Start,
                Action::Toggle {
                    question: q,
                    answer: other,
                },
                Action::Continue { question: q },
            ],
        );
        // Any warning sign alone is an emergency (the specification).
        let emergency = content()
            .outcome_idx("emergency_now")
            .expect("emergency_now");
        assert_eq!(w.step(), Step::Done(emergency));
        let back = after(w, &[Action::Back]);
        assert_eq!(back.step(), Step::Ask(q));
        assert_eq!(back.ticked(q), Selection::one(other));
    }

    #[test]
    fn restart_forgets_the_answers_but_keeps_the_chosen_language() {
        let (q, none, other) = first_question();
        let answer = none.unwrap_or(other);
        let w = after(
            CheckerState::default(),
            &[
                Action::Start,
                Action::SetLocale(Locale(1)),
                Action::Toggle {
                    question: q,
                    answer,
                },
                Action::Continue { question: q },
                Action::Restart,
            ],
        );
        assert!(!w.started);
        assert_eq!(w.locale, Some(Locale(1)));
        assert_eq!(w.journey, Journey::new(content()));
    }

    #[test]
    fn back_from_the_first_question_returns_to_the_start_screen_unless_it_was_skipped() {
        let w = after(CheckerState::default(), &[Action::Start, Action::Back]);
        assert!(!w.started);
        let skipped = after(
            CheckerState::new(ContentRef::default(), true),
            &[Action::Back],
        );
        assert!(skipped.started, "no start screen to go back to");
    }
}
