//! The decision engine: from the content and the answers so far to the next
//! question or an outcome.
//!
//! Pure and total: no I/O, no clock, no panics on any input. Validation has
//! already removed every way for content to be inconsistent; the few guards
//! left here (loop bounds, range checks) only keep the functions total for
//! hand-made content in tests.

use crate::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target};

/// The answers chosen at one question, as a set of answer positions.
/// Validation caps a question at `Selection::MAX_ANSWERS` answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection(u32);

impl Selection {
    /// The most answers a question may have.
    pub const MAX_ANSWERS: usize = 32;

    /// Nothing chosen.
    pub const EMPTY: Selection = Selection(0);

    /// Only the answer at `answer`.
    pub fn one(answer: usize) -> Selection {
        Selection::EMPTY.with(answer)
    }

    /// This selection plus `answer` (ignored when out of range).
    pub fn with(self, answer: usize) -> Selection {
        match u32::try_from(answer) {
            Ok(a) if answer < Self::MAX_ANSWERS => Selection(self.0 | (1 << a)),
            _ => self,
        }
    }

    /// This selection without `answer`.
    pub fn without(self, answer: usize) -> Selection {
        Selection(self.0 & !Selection::EMPTY.with(answer).0)
    }

    /// Whether `answer` is chosen.
    pub fn contains(self, answer: usize) -> bool {
        answer < Self::MAX_ANSWERS && self.0 & (1 << answer) != 0
    }

    /// Whether nothing is chosen.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The chosen answer positions, in order.
    pub fn iter(self) -> impl DoubleEndedIterator<Item = usize> {
        Bits(self.0)
    }

    /// How many answers are chosen.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The raw bit set (bit `i` = answer `i`), for compact storage.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// From a raw bit set.
    pub fn from_bits(bits: u32) -> Selection {
        Selection(bits)
    }
}

/// The set bits of a `Selection`, lowest first (the engine's hot loop, so
/// no scanning of empty positions).
struct Bits(u32);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bit = self.0.trailing_zeros();
        (bit < 32).then(|| {
            self.0 &= self.0 - 1;
            bit as usize
        })
    }
}

impl DoubleEndedIterator for Bits {
    fn next_back(&mut self) -> Option<usize> {
        let bit = 31u32.checked_sub(self.0.leading_zeros())?;
        self.0 &= !(1 << bit);
        Some(bit as usize)
    }
}

/// What the widget does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Ask this question.
    Ask(QuestionIdx),
    /// Show this outcome.
    Done(OutcomeIdx),
}

/// Whether `selection` is a complete, valid answer to `question`: not empty,
/// only existing answers, one for single choice, an exclusive answer alone.
pub fn is_valid(content: &Content, question: QuestionIdx, selection: Selection) -> bool {
    let Some(q) = content.questions.get(usize::from(question.0)) else {
        return false;
    };
    let count = selection.len();
    let in_range = selection.iter().all(|a| a < q.answers.len());
    // `get`, not indexing: an out-of-range answer must make this false, not panic.
    let exclusive_alone = selection
        .iter()
        .all(|a| q.answers.get(a).is_none_or(|a| !a.exclusive))
        || count == 1;
    count > 0 && in_range && exclusive_alone && (q.kind == Kind::Multiple || count == 1)
}

/// Where `selection` at `question` leads, or `None` if it is not a valid
/// answer. For multiple choice the most urgent outcome among the chosen
/// answers wins (ties: the first in answer order); with no outcome among
/// them, the first chosen answer's question.
pub fn route(content: &Content, question: QuestionIdx, selection: Selection) -> Option<Target> {
    if !is_valid(content, question, selection) {
        return None;
    }
    let q = content.question(question);
    let targets = selection.iter().map(|a| q.answers[a].next);
    let rank = |t: &Target| match *t {
        Target::Outcome(o) => Some(content.outcome(o).urgency),
        Target::Question(_) => None,
    };
    // `max_by_key` keeps the last maximum; reverse so the first one wins.
    targets.rev().max_by_key(rank)
}

/// The next selection when the patient toggles `answer` at a multiple-choice
/// question: an exclusive answer clears the others, and any other answer
/// clears the exclusive one.
pub fn toggle(
    content: &Content,
    question: QuestionIdx,
    selection: Selection,
    answer: usize,
) -> Selection {
    let Some(q) = content.questions.get(usize::from(question.0)) else {
        return selection;
    };
    let Some(chosen) = q.answers.get(answer) else {
        return selection;
    };
    if selection.contains(answer) {
        return selection.without(answer);
    }
    if chosen.exclusive {
        return Selection::one(answer);
    }
    q.answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.exclusive)
        .fold(selection, |s, (i, _)| s.without(i))
        .with(answer)
}

/// The most questions that can still be asked from `question` on, itself
/// included (1 when every answer ends in an outcome).
pub fn questions_left(content: &Content, question: QuestionIdx) -> usize {
    fn go(content: &Content, q: QuestionIdx, budget: usize) -> usize {
        let Some(question) = content.questions.get(usize::from(q.0)) else {
            return 0;
        };
        let deepest = question
            .answers
            .iter()
            .filter_map(|a| match a.next {
                // `budget` bounds the recursion even for cyclic test content.
                Target::Question(next) if budget > 0 => Some(go(content, next, budget - 1)),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        1 + deepest
    }
    go(content, question, content.questions.len())
}

/// A patient's way through the content: every answer given (kept when they
/// go back, so nothing is asked twice) and how many questions they have
/// passed on the current path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journey {
    answers: Vec<Selection>,
    passed: usize,
}

/// "Question `number` of at most `of_at_most`" on the current path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// 1-based position of the current question.
    pub number: usize,
    /// The most questions this path can have, given the answers so far.
    pub of_at_most: usize,
}

impl Journey {
    /// A fresh journey at the first question.
    pub fn new(content: &Content) -> Journey {
        Journey {
            answers: vec![Selection::EMPTY; content.questions.len()],
            passed: 0,
        }
    }

    /// The selection kept for `question` (empty if never answered).
    pub fn selection(&self, question: QuestionIdx) -> Selection {
        self.answers
            .get(usize::from(question.0))
            .copied()
            .unwrap_or_default()
    }

    /// The questions passed on the way to the current step, with the answers
    /// given, in order: for an outcome, "why this advice".
    pub fn path(&self, content: &Content) -> Vec<(QuestionIdx, Selection)> {
        let mut path = Vec::new();
        self.walk(content, |q, s| path.push((q, s)));
        path
    }

    /// The current step.
    pub fn step(&self, content: &Content) -> Step {
        self.walk(content, |_, _| ()).1
    }

    /// Where the patient is on the current path; `None` at an outcome.
    pub fn progress(&self, content: &Content) -> Option<Progress> {
        let (passed, step) = self.walk(content, |_, _| ());
        match step {
            Step::Ask(q) => Some(Progress {
                number: passed + 1,
                of_at_most: passed + questions_left(content, q),
            }),
            Step::Done(_) => None,
        }
    }

    /// Answers the current question. `None` (nothing changes) when
    /// `question` is not the one being asked or the selection is not a
    /// valid answer to it: a stale or invalid action.
    pub fn answer(
        &self,
        content: &Content,
        question: QuestionIdx,
        selection: Selection,
    ) -> Option<Journey> {
        let (passed, step) = self.walk(content, |_, _| ());
        if step != Step::Ask(question) || !is_valid(content, question, selection) {
            return None;
        }
        let mut answers = self.answers.clone();
        *answers.get_mut(usize::from(question.0))? = selection;
        Some(Journey {
            answers,
            passed: passed + 1,
        })
    }

    /// One step back, keeping every answer; `None` at the first question.
    pub fn back(&self, content: &Content) -> Option<Journey> {
        let (passed, _) = self.walk(content, |_, _| ());
        (passed > 0).then(|| Journey {
            answers: self.answers.clone(),
            passed: passed - 1,
        })
    }

    /// Walks from the first question along the kept answers until the
    /// current question or an outcome, calling `visit` for each question
    /// passed. Bounded by the number of questions, so it ends even on
    /// (invalid) cyclic content. Returns how many were passed and the step.
    fn walk(
        &self,
        content: &Content,
        mut visit: impl FnMut(QuestionIdx, Selection),
    ) -> (usize, Step) {
        let mut passed = 0;
        let mut at = content.start();
        for _ in 0..=content.questions.len() {
            if passed == self.passed {
                break;
            }
            let selection = self.selection(at);
            match route(content, at, selection) {
                None => break,
                Some(target) => {
                    visit(at, selection);
                    passed += 1;
                    match target {
                        Target::Question(next) => at = next,
                        Target::Outcome(outcome) => return (passed, Step::Done(outcome)),
                    }
                }
            }
        }
        (passed, Step::Ask(at))
    }
}
