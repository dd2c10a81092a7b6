//! The widget's one piece of state and its reducer.
//!
//! `reduce` only asks the engine; a stale or invalid action returns the
//! same `Rc`, which Yew 0.23 takes as "nothing to re-render". Side effects
//! (focus, events to the host page) live in effects, never here.

use std::rc::Rc;

use symptom_checker_core::engine::{Journey, Selection, Step, toggle};
use symptom_checker_core::model::{Kind, Locale, QuestionIdx};
use yew::Reducible;

use crate::content::content;

/// What the patient has done so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Widget {
    /// False on the start screen.
    pub started: bool,
    /// Answers and position.
    pub journey: Journey,
    /// Boxes ticked at the current multiple-choice question, not yet
    /// confirmed with Continue.
    pub draft: Option<(QuestionIdx, Selection)>,
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

impl Default for Widget {
    fn default() -> Self {
        Widget::new(false)
    }
}

impl Widget {
    /// A fresh widget, on the start screen unless `skip_start`.
    pub fn new(skip_start: bool) -> Widget {
        Widget {
            started: skip_start,
            journey: Journey::new(content()),
            draft: None,
            refused: false,
            locale: None,
            skip_start,
        }
    }

    /// Whether Back does anything here (not at the first question when the
    /// start screen is skipped).
    pub fn can_go_back(&self) -> bool {
        self.started && (!self.skip_start || !self.journey.path(content()).is_empty())
    }

    /// The current step (meaningful once started).
    pub fn step(&self) -> Step {
        self.journey.step(content())
    }

    /// The boxes shown ticked at `question`: the draft, else the kept answer.
    pub fn ticked(&self, question: QuestionIdx) -> Selection {
        match self.draft {
            Some((q, selection)) if q == question => selection,
            _ => self.journey.selection(question),
        }
    }

    fn asking(&self, question: QuestionIdx) -> bool {
        self.started && self.step() == Step::Ask(question)
    }

    fn moved(&self, journey: Journey) -> Widget {
        Widget {
            journey,
            draft: None,
            refused: false,
            ..self.clone()
        }
    }
}

impl Reducible for Widget {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let content = content();
        let next = match action {
            Action::Start if !self.started => Some(Widget {
                started: true,
                ..self.moved(self.journey.clone())
            }),
            Action::Choose { question, answer } if self.asking(question) => self
                .journey
                .answer(content, question, Selection::one(answer))
                .map(|j| self.moved(j)),
            Action::Toggle { question, answer }
                if self.asking(question) && content.question(question).kind == Kind::Multiple =>
            {
                let ticked = toggle(content, question, self.ticked(question), answer);
                Some(Widget {
                    draft: Some((question, ticked)),
                    refused: false,
                    ..(*self).clone()
                })
            }
            Action::Continue { question } if self.asking(question) => {
                let ticked = self.ticked(question);
                match self.journey.answer(content, question, ticked) {
                    Some(journey) => Some(self.moved(journey)),
                    None if ticked.is_empty() => Some(Widget {
                        refused: true,
                        ..(*self).clone()
                    }),
                    None => None,
                }
            }
            Action::Back if self.can_go_back() => Some(match self.journey.back(content) {
                Some(journey) => self.moved(journey),
                None => Widget {
                    started: false,
                    ..self.moved(self.journey.clone())
                },
            }),
            Action::Restart if self.started => Some(Widget {
                locale: self.locale,
                ..Widget::new(self.skip_start)
            }),
            Action::SetLocale(locale) if self.locale != Some(locale) => Some(Widget {
                locale: Some(locale),
                ..(*self).clone()
            }),
            _ => None,
        };
        next.map_or(self, Rc::new)
    }
}
