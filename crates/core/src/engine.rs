//! The decision engine: from the content and the answers so far to the next
//! question or an outcome.
//!
//! Pure and total: no I/O, no clock, no panics on any input. Validation has
//! already removed every way for content to be inconsistent; the few guards
//! left here (loop bounds, range checks) only keep the functions total for
//! hand-made content in tests.

use crate::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target, Urgency};

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
    /// Show this outcome: the most urgent one the journey reached.
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

/// Where the answers in `selection` at `question` lead, each place once, in
/// answer order; `None` if it is not a valid answer. A single choice leads
/// to one place. Ticked boxes may lead to several questions and outcomes,
/// which the journey follows one after another (see `Branches`); but when
/// one of them is an `emergency` outcome, that outcome alone (the first
/// such), since nothing more is asked.
pub fn places(
    content: &Content,
    question: QuestionIdx,
    selection: Selection,
) -> Option<Vec<Target>> {
    if !is_valid(content, question, selection) {
        return None;
    }
    let q = content.question(question);
    let mut out: Vec<Target> = Vec::with_capacity(selection.len());
    for a in selection.iter() {
        let next = q.answers[a].next;
        if let Target::Outcome(o) = next
            && content.outcome(o).urgency == Urgency::Emergency
        {
            return Some(vec![next]);
        }
        if !out.contains(&next) {
            out.push(next);
        }
    }
    Some(out)
}

/// The outcome shown for the outcomes a journey reached, in the order it
/// reached them: the most urgent, and on a tie the first reached (the first
/// ticked). `None` for none.
pub fn most_urgent(content: &Content, reached: &[OutcomeIdx]) -> Option<OutcomeIdx> {
    // `max_by_key` keeps the last maximum; reverse so the first one wins.
    reached
        .iter()
        .rev()
        .copied()
        .max_by_key(|&o| content.outcome(o).urgency)
}

/// The places a journey still has to go, and the outcomes it has reached.
///
/// This is the routing rule, in one place, for the widget and for every
/// check over all paths: ticked answers that lead to questions are followed
/// one after another, in answer order, each branch to its end before the
/// next; each question is asked at most once; ticked answers that lead to
/// outcomes are collected; an `emergency` outcome ends the journey at once;
/// otherwise it ends, when nothing is left to ask, at the most urgent
/// outcome collected (a tie: the first ticked).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Branches {
    /// Places still to visit; the next one is last.
    pending: Vec<Target>,
    /// Questions already asked, in order.
    asked: Vec<QuestionIdx>,
    /// Outcomes reached, in the order of the branches that reached them
    /// (the same outcome may appear twice).
    reached: Vec<OutcomeIdx>,
    /// An emergency reached: the journey is over.
    emergency: Option<OutcomeIdx>,
}

impl Branches {
    /// A journey about to ask the first question.
    pub fn new(content: &Content) -> Branches {
        let pending = if content.questions.is_empty() {
            Vec::new()
        } else {
            vec![Target::Question(content.start())]
        };
        Branches {
            pending,
            ..Branches::default()
        }
    }

    /// The next question to ask, or the outcome to show; `None` when there
    /// is neither (only content that validation refuses gets there).
    pub fn next(&mut self, content: &Content) -> Option<Step> {
        if let Some(emergency) = self.emergency {
            return Some(Step::Done(emergency));
        }
        while let Some(place) = self.pending.pop() {
            match place {
                Target::Outcome(o) => self.reached.push(o),
                Target::Question(q) if !self.asked.contains(&q) => {
                    // Keep it pending until it is answered.
                    self.pending.push(place);
                    return Some(Step::Ask(q));
                }
                Target::Question(_) => {}
            }
        }
        most_urgent(content, &self.reached).map(Step::Done)
    }

    /// Follows `selection` at `question`, the question `next` returned.
    /// Does nothing when it is not that question or the answer is not valid.
    pub fn follow(&mut self, content: &Content, question: QuestionIdx, selection: Selection) {
        if self.pending.last() != Some(&Target::Question(question)) {
            return;
        }
        let Some(places) = places(content, question, selection) else {
            return;
        };
        self.pending.pop();
        self.asked.push(question);
        if let [Target::Outcome(o)] = places[..]
            && content.outcome(o).urgency == Urgency::Emergency
        {
            // Whatever else was ticked, nothing more is asked.
            self.reached.push(o);
            self.emergency = Some(o);
            self.pending.clear();
            return;
        }
        // The first place must come out first.
        self.pending.extend(places.into_iter().rev());
    }

    /// The outcomes reached so far, in order (the same one may appear twice).
    pub fn reached(&self) -> &[OutcomeIdx] {
        &self.reached
    }

    /// The other outcomes reached besides `shown`: see [`others`].
    pub fn also(&self, shown: OutcomeIdx) -> Vec<OutcomeIdx> {
        others(&self.reached, shown)
    }

    /// The most questions still to ask, the one about to be asked included:
    /// an upper bound, for "question 3 of at most 5". Each pending branch at
    /// its longest, but no more than the questions not yet asked that they
    /// can still reach.
    fn questions_left(&self, content: &Content) -> usize {
        let mut seen = self.asked.clone();
        let mut most = 0;
        for place in self.pending.iter().rev() {
            if let Target::Question(q) = *place
                && !seen.contains(&q)
            {
                most += questions_left(content, q);
                mark_reachable(content, q, &mut seen);
            }
        }
        most.min(seen.len() - self.asked.len())
    }
}

/// The outcomes in `reached` other than `shown`, each once, in the order
/// reached: the "also" parts of the outcome screen.
pub fn others(reached: &[OutcomeIdx], shown: OutcomeIdx) -> Vec<OutcomeIdx> {
    let mut out: Vec<OutcomeIdx> = Vec::new();
    for &o in reached {
        if o != shown && !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// Adds `from` and every question reachable from it to `seen`, without
/// going through a question already in `seen`.
fn mark_reachable(content: &Content, from: QuestionIdx, seen: &mut Vec<QuestionIdx>) {
    let mut todo = vec![from];
    while let Some(q) = todo.pop() {
        if seen.contains(&q) {
            continue;
        }
        seen.push(q);
        if let Some(question) = content.questions.get(usize::from(q.0)) {
            todo.extend(question.answers.iter().filter_map(|a| match a.next {
                Target::Question(next) => Some(next),
                Target::Outcome(_) => None,
            }));
        }
    }
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
/// included (1 when every answer ends in an outcome): the longest single
/// choice, and for multiple choice every branch its boxes can open.
pub fn questions_left(content: &Content, question: QuestionIdx) -> usize {
    fn go(content: &Content, q: QuestionIdx, budget: usize) -> usize {
        let Some(question) = content.questions.get(usize::from(q.0)) else {
            return 0;
        };
        let mut next: Vec<QuestionIdx> = Vec::new();
        for a in question.answers.iter() {
            match a.next {
                // `budget` bounds the recursion even for cyclic test content.
                Target::Question(n) if budget > 0 && !next.contains(&n) => next.push(n),
                _ => {}
            }
        }
        let below = next.into_iter().map(|n| go(content, n, budget - 1));
        1 + match question.kind {
            Kind::Single => below.max().unwrap_or(0),
            Kind::Multiple => below.sum(),
        }
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

/// Where a walk along the kept answers stopped.
struct Walked {
    passed: usize,
    step: Step,
    branches: Branches,
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

    /// The questions asked on the way to the current step, with the answers
    /// given, in the order asked (across every branch): for an outcome, "why
    /// this advice".
    pub fn path(&self, content: &Content) -> Vec<(QuestionIdx, Selection)> {
        let mut path = Vec::new();
        self.walk(content, |q, s| path.push((q, s)));
        path
    }

    /// The current step.
    pub fn step(&self, content: &Content) -> Step {
        self.walk(content, |_, _| ()).step
    }

    /// At an outcome, the other outcomes reached besides the one shown, each
    /// once, in the order of the answers that led there; empty elsewhere.
    pub fn also(&self, content: &Content) -> Vec<OutcomeIdx> {
        let walked = self.walk(content, |_, _| ());
        match walked.step {
            Step::Done(shown) => walked.branches.also(shown),
            Step::Ask(_) => Vec::new(),
        }
    }

    /// Where the patient is on the current path; `None` at an outcome.
    pub fn progress(&self, content: &Content) -> Option<Progress> {
        let walked = self.walk(content, |_, _| ());
        match walked.step {
            Step::Ask(_) => Some(Progress {
                number: walked.passed + 1,
                of_at_most: walked.passed + walked.branches.questions_left(content).max(1),
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
        let walked = self.walk(content, |_, _| ());
        if walked.step != Step::Ask(question) || !is_valid(content, question, selection) {
            return None;
        }
        let mut answers = self.answers.clone();
        *answers.get_mut(usize::from(question.0))? = selection;
        Some(Journey {
            answers,
            passed: walked.passed + 1,
        })
    }

    /// One step back, to the question asked before the current step (on
    /// whichever branch), keeping every answer; `None` at the first question.
    pub fn back(&self, content: &Content) -> Option<Journey> {
        let walked = self.walk(content, |_, _| ());
        (walked.passed > 0).then(|| Journey {
            answers: self.answers.clone(),
            passed: walked.passed - 1,
        })
    }

    /// Walks from the first question along the kept answers until the
    /// current question or an outcome, calling `visit` for each question
    /// passed. Bounded by the number of questions (each is asked at most
    /// once), so it ends even on (invalid) cyclic content.
    fn walk(&self, content: &Content, mut visit: impl FnMut(QuestionIdx, Selection)) -> Walked {
        let mut branches = Branches::new(content);
        let mut passed = 0;
        let mut step = Step::Ask(content.start());
        for _ in 0..=content.questions.len() {
            match branches.next(content) {
                None => break,
                Some(Step::Done(outcome)) => {
                    step = Step::Done(outcome);
                    break;
                }
                Some(Step::Ask(q)) => {
                    step = Step::Ask(q);
                    let selection = self.selection(q);
                    if passed == self.passed || !is_valid(content, q, selection) {
                        break;
                    }
                    visit(q, selection);
                    passed += 1;
                    branches.follow(content, q, selection);
                }
            }
        }
        Walked {
            passed,
            step,
            branches,
        }
    }
}
