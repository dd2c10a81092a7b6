//! The decision engine: from the content and the answers so far to the next
//! question or an outcome.
//!
//! Pure and total: no I/O, no clock, no panics on any input. Validation has
//! already removed every way for content to be inconsistent; the few guards
//! left here (loop bounds, range checks) only keep the functions total for
//! hand-made content in tests.

use crate::model::{Content, Kind, Locale, OutcomeIdx, QuestionIdx, Target, Urgency};

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
    pub fn iter(self) -> impl Iterator<Item = usize> {
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
    count > 0 && in_range && exclusive_alone && (q.kind.allows_several() || count == 1)
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
    routes(content, question, selection).map(|r| r.into_iter().map(|(place, _)| place).collect())
}

/// Like [`places`], each place with the ticked answers that lead there (for
/// an emergency, every ticked answer that leads to it).
pub fn routes(
    content: &Content,
    question: QuestionIdx,
    selection: Selection,
) -> Option<Vec<(Target, Selection)>> {
    if !is_valid(content, question, selection) {
        return None;
    }
    let q = content.question(question);
    let mut out: Vec<(Target, Selection)> = Vec::with_capacity(selection.len());
    for a in selection.iter() {
        let next = q.answers[a].next;
        if let Target::Outcome(o) = next
            && content.outcome(o).urgency == Urgency::Emergency
        {
            let because = selection
                .iter()
                .filter(|&b| q.answers[b].next == next)
                .fold(Selection::EMPTY, Selection::with);
            return Some(vec![(next, because)]);
        }
        match out.iter_mut().find(|(place, _)| *place == next) {
            Some((_, answers)) => *answers = answers.with(a),
            None => out.push((next, Selection::one(a))),
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

/// The ticked answers that opened a branch: what the branch is about ("a
/// drooping eyelid", "a headache"). A journey opens its concerns at the
/// first question whose ticked answers name one (`Answer::about`), or else
/// lead to several places; questions and outcomes further down a branch
/// keep its concern, even where the branch splits again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Concern {
    /// The question where the journey split.
    pub question: QuestionIdx,
    /// The answers ticked there that lead into this branch.
    pub answers: Selection,
}

impl Concern {
    /// What the branch is about, in `locale`: each answer's `about` ("your
    /// headache"), or its label when it has none.
    pub fn names<'a>(&self, content: &'a Content, locale: Locale) -> Vec<&'a str> {
        let Some(q) = content.questions.get(usize::from(self.question.0)) else {
            return Vec::new();
        };
        self.answers
            .iter()
            .filter_map(|a| q.answers.get(a))
            .map(|a| a.about.as_ref().unwrap_or(&a.label).get(locale))
            .collect()
    }
}

/// The names of `concerns`, in order, each once: see [`Concern::names`].
pub fn concern_names<'a>(
    content: &'a Content,
    concerns: &[Concern],
    locale: Locale,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for name in concerns.iter().flat_map(|c| c.names(content, locale)) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// An outcome a journey reached, and the concern of the branch that
/// reached it (`None` when the journey never split).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reached {
    /// The outcome.
    pub outcome: OutcomeIdx,
    /// The branch's concern.
    pub concern: Option<Concern>,
}

/// One outcome of an outcome screen, with every concern that led to it
/// (two branches can reach the same outcome): the part shown in full, or an
/// "also" part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The outcome.
    pub outcome: OutcomeIdx,
    /// The concerns of the branches that reached it, in order; empty when
    /// the journey never split.
    pub concerns: Vec<Concern>,
}

/// What ended a journey at once: the emergency outcome, and the question
/// and ticked answers that led there (what the patient told us).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Emergency {
    /// The emergency outcome.
    pub outcome: OutcomeIdx,
    /// The question answered last.
    pub question: QuestionIdx,
    /// The answers ticked there that lead to the emergency.
    pub answers: Selection,
    /// The concern of the branch it came from.
    pub concern: Option<Concern>,
}

/// The places a journey still has to go, and the outcomes it has reached.
///
/// This is the routing rule, in one place, for the widget and for every
/// check over all paths: ticked answers that lead to questions are followed
/// one after another, in answer order, each branch to its end before the
/// next; each question is asked at most once; ticked answers that lead to
/// outcomes are collected; an `emergency` outcome ends the journey at once;
/// otherwise it ends, when nothing is left to ask, at the most urgent
/// outcome collected (a tie: the first ticked). Each branch remembers the
/// concern that opened it, so that every outcome can say what it is about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Branches {
    /// Places still to visit, each with its branch's concern; the next one
    /// is last.
    pending: Vec<(Target, Option<Concern>)>,
    /// Questions already asked, in order, with their branch's concern.
    asked: Vec<(QuestionIdx, Option<Concern>)>,
    /// Outcomes reached, in the order of the branches that reached them
    /// (the same outcome may appear twice).
    reached: Vec<Reached>,
    /// Every concern the journey split into, in order.
    opened: Vec<Concern>,
    /// An emergency reached: the journey is over.
    emergency: Option<Emergency>,
}

impl Branches {
    /// A journey about to ask the first question.
    pub fn new(content: &Content) -> Branches {
        let pending = if content.questions.is_empty() {
            Vec::new()
        } else {
            vec![(Target::Question(content.start()), None)]
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
            return Some(Step::Done(emergency.outcome));
        }
        while let Some((place, concern)) = self.pending.pop() {
            match place {
                Target::Outcome(outcome) => self.reached.push(Reached { outcome, concern }),
                Target::Question(q) if !self.asked.iter().any(|(a, _)| *a == q) => {
                    // Keep it pending until it is answered.
                    self.pending.push((place, concern));
                    return Some(Step::Ask(q));
                }
                Target::Question(_) => {}
            }
        }
        most_urgent(content, &self.reached_outcomes()).map(Step::Done)
    }

    /// Follows `selection` at `question`, the question `next` returned.
    /// Does nothing when it is not that question or the answer is not valid.
    pub fn follow(&mut self, content: &Content, question: QuestionIdx, selection: Selection) {
        let Some(&(Target::Question(asking), concern)) = self.pending.last() else {
            return;
        };
        if asking != question {
            return;
        }
        let Some(routes) = routes(content, question, selection) else {
            return;
        };
        self.pending.pop();
        self.asked.push((question, concern));
        if let [(Target::Outcome(outcome), answers)] = routes[..]
            && content.outcome(outcome).urgency == Urgency::Emergency
        {
            // Whatever else was ticked, nothing more is asked.
            self.reached.push(Reached { outcome, concern });
            self.emergency = Some(Emergency {
                outcome,
                question,
                answers,
                concern,
            });
            self.pending.clear();
            return;
        }
        // Where the journey first names its concerns (or splits into several
        // branches), each branch is about the answers that lead into it;
        // below that, a branch keeps its concern.
        let q = content.question(question);
        let split = concern.is_none()
            && (routes.len() > 1 || selection.iter().any(|a| q.answers[a].about.is_some()));
        let concerns: Vec<Option<Concern>> = routes
            .iter()
            .map(|&(_, answers)| {
                if split {
                    Some(Concern { question, answers })
                } else {
                    concern
                }
            })
            .collect();
        if split {
            self.opened.extend(concerns.iter().flatten());
        }
        // The first place must come out first.
        self.pending.extend(
            routes
                .into_iter()
                .zip(concerns)
                .map(|((place, _), concern)| (place, concern))
                .rev(),
        );
    }

    /// The outcomes reached so far, in order, with their branches' concerns
    /// (the same outcome may appear twice).
    pub fn reached(&self) -> &[Reached] {
        &self.reached
    }

    /// The outcomes reached so far, in order.
    fn reached_outcomes(&self) -> Vec<OutcomeIdx> {
        self.reached.iter().map(|r| r.outcome).collect()
    }

    /// The concern of the question about to be asked, when the journey
    /// opened several: which one this question is about.
    pub fn about(&self) -> Option<Concern> {
        match self.pending.last() {
            Some(&(Target::Question(_), concern)) if self.several() => concern,
            _ => None,
        }
    }

    /// Whether the journey opened more than one concern.
    pub fn several(&self) -> bool {
        self.opened.len() > 1
    }

    /// The emergency that ended the journey, if one did.
    pub fn emergency(&self) -> Option<Emergency> {
        self.emergency
    }

    /// The concerns the journey split into that an emergency cut short
    /// before any of their questions was asked or outcome reached, in order;
    /// empty unless an emergency ended the journey.
    pub fn not_assessed(&self) -> Vec<Concern> {
        if self.emergency.is_none() {
            return Vec::new();
        }
        let mut out: Vec<Concern> = Vec::new();
        for &concern in &self.opened {
            let asked = self.asked.iter().any(|&(_, c)| c == Some(concern));
            let reached = self.reached.iter().any(|r| r.concern == Some(concern));
            if !asked && !reached && !out.contains(&concern) {
                out.push(concern);
            }
        }
        out
    }

    /// The other outcomes reached besides `shown`: see [`also`].
    pub fn also(&self, shown: OutcomeIdx) -> Vec<Part> {
        also(&self.reached, shown, self.emergency.as_ref())
    }

    /// The most questions still to ask, the one about to be asked included:
    /// an upper bound, for "question 3 of at most 5". Each pending branch at
    /// its longest, but no more than the questions not yet asked that they
    /// can still reach.
    fn questions_left(&self, content: &Content) -> usize {
        let mut seen: Vec<QuestionIdx> = self.asked.iter().map(|&(q, _)| q).collect();
        let mut most = 0;
        for &(place, _) in self.pending.iter().rev() {
            if let Target::Question(q) = place
                && !seen.contains(&q)
            {
                most += questions_left(content, q);
                mark_reachable(content, q, &mut seen);
            }
        }
        most.min(seen.len() - self.asked.len())
    }
}

/// Each outcome in `reached` once, in the order first reached, with every
/// concern that led to it.
pub fn parts(reached: &[Reached]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for r in reached {
        let part = match out.iter_mut().find(|p| p.outcome == r.outcome) {
            Some(part) => part,
            None => {
                out.push(Part {
                    outcome: r.outcome,
                    concerns: Vec::new(),
                });
                out.last_mut().expect("just pushed")
            }
        };
        if let Some(concern) = r.concern
            && !part.concerns.contains(&concern)
        {
            part.concerns.push(concern);
        }
    }
    out
}

/// The parts of `reached` other than `shown`, each once, in the order
/// reached: the "also" parts of the outcome screen. When an `emergency`
/// ended the journey, what its own branch reached before it is left out:
/// within one concern the emergency supersedes the rest ("call now", not
/// also "call your clinic today" about the same headache); the other
/// concerns' parts stay.
pub fn also(reached: &[Reached], shown: OutcomeIdx, emergency: Option<&Emergency>) -> Vec<Part> {
    let kept: Vec<Reached> = reached
        .iter()
        .filter(|r| emergency.is_none_or(|e| r.concern != e.concern))
        .copied()
        .collect();
    parts(&kept)
        .into_iter()
        .filter(|p| p.outcome != shown)
        .collect()
}

/// The part of `reached` for `shown`, with the concerns that led to it.
pub fn shown(reached: &[Reached], shown: OutcomeIdx) -> Part {
    parts(reached)
        .into_iter()
        .find(|p| p.outcome == shown)
        .unwrap_or(Part {
            outcome: shown,
            concerns: Vec::new(),
        })
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
/// choice, and for multiple choice every branch its boxes can open
/// together, or the branch of its exclusive answer, which is ticked alone.
pub fn questions_left(content: &Content, question: QuestionIdx) -> usize {
    fn go(content: &Content, q: QuestionIdx, budget: usize) -> usize {
        let Some(question) = content.questions.get(usize::from(q.0)) else {
            return 0;
        };
        // The distinct questions the answers lead to: of the answers that
        // can be ticked together, and of the exclusive ones.
        let mut together: Vec<QuestionIdx> = Vec::new();
        let mut alone: Vec<QuestionIdx> = Vec::new();
        for a in question.answers.iter() {
            let list = if a.exclusive {
                &mut alone
            } else {
                &mut together
            };
            match a.next {
                // `budget` bounds the recursion even for cyclic test content.
                Target::Question(n) if budget > 0 && !list.contains(&n) => list.push(n),
                _ => {}
            }
        }
        let below = |list: Vec<QuestionIdx>| list.into_iter().map(|n| go(content, n, budget - 1));
        1 + match question.kind {
            Kind::Single => below(together).max().unwrap_or(0),
            Kind::Multiple => {
                let together: usize = below(together).sum();
                together.max(below(alone).max().unwrap_or(0))
            }
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

/// Everything a screen shows of a journey, from one walk along its
/// answers: see [`Journey::view`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// The question to ask, or the outcome to show.
    pub step: Step,
    /// The questions asked on the way here, with the answers given, in the
    /// order asked (across every branch): for an outcome, "why this advice".
    pub path: Vec<(QuestionIdx, Selection)>,
    /// Where the patient is, while a question is asked.
    pub progress: Option<Progress>,
    /// While a question is asked: the concern of its branch, when the
    /// journey opened several ("About your headache").
    pub about: Option<Concern>,
    /// Whether the journey opened more than one concern: the outcome then
    /// says what each part is about.
    pub several: bool,
    /// At an outcome: the outcome shown in full, with the concerns that led
    /// to it.
    pub shown: Option<Part>,
    /// At an outcome: the other outcomes reached, each once, in order.
    pub also: Vec<Part>,
    /// At an emergency: what the patient told us that led to it.
    pub emergency: Option<Emergency>,
    /// At an emergency: the concerns it cut short before they were asked
    /// about.
    pub not_assessed: Vec<Concern>,
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

    /// Everything the screen shows, from one walk along the kept answers:
    /// the step, the path, the progress or the outcome's parts.
    pub fn view(&self, content: &Content) -> View {
        let mut path = Vec::new();
        let walked = self.walk(content, |q, s| path.push((q, s)));
        let Walked {
            passed,
            step,
            branches,
        } = walked;
        match step {
            Step::Ask(_) => View {
                step,
                path,
                progress: Some(Progress {
                    number: passed + 1,
                    of_at_most: passed + branches.questions_left(content).max(1),
                }),
                about: branches.about(),
                several: branches.several(),
                shown: None,
                also: Vec::new(),
                emergency: None,
                not_assessed: Vec::new(),
            },
            Step::Done(outcome) => View {
                step,
                path,
                progress: None,
                about: None,
                several: branches.several(),
                shown: Some(shown(branches.reached(), outcome)),
                also: branches.also(outcome),
                emergency: branches.emergency(),
                not_assessed: branches.not_assessed(),
            },
        }
    }

    /// The questions asked on the way to the current step, with the answers
    /// given, in the order asked (across every branch): for an outcome, "why
    /// this advice".
    pub fn path(&self, content: &Content) -> Vec<(QuestionIdx, Selection)> {
        self.view(content).path
    }

    /// The current step.
    pub fn step(&self, content: &Content) -> Step {
        self.walk(content, |_, _| ()).step
    }

    /// At an outcome, the other outcomes reached besides the one shown, each
    /// once, in the order of the answers that led there; empty elsewhere.
    pub fn also(&self, content: &Content) -> Vec<OutcomeIdx> {
        self.view(content).also.iter().map(|p| p.outcome).collect()
    }

    /// Where the patient is on the current path; `None` at an outcome.
    pub fn progress(&self, content: &Content) -> Option<Progress> {
        self.view(content).progress
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

#[cfg(test)]
mod tests {
    use super::Selection;

    #[test]
    fn a_selection_ignores_answers_out_of_range_and_keeps_one_added_twice() {
        let max = Selection::MAX_ANSWERS;
        assert!(Selection::EMPTY.is_empty());
        assert!(!Selection::one(0).is_empty());
        assert_eq!(Selection::EMPTY.with(max), Selection::EMPTY);
        assert_eq!(Selection::one(max - 1).bits(), 1 << (max - 1));
        assert!(!Selection::from_bits(u32::MAX).contains(max));
        assert!(Selection::from_bits(u32::MAX).contains(max - 1));
        let three = Selection::one(3);
        assert_eq!(three.with(3), three, "adding a chosen answer keeps it");
        assert_eq!(three.with(5).without(5), three);
        assert_eq!(three.without(max), three);
    }
}
