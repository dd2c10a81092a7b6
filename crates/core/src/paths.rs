//! Path analysis: every way through the content, for the safety checks of
//! validation and for the reviewers' tools.
//!
//! Multiple-choice questions are expanded over every valid subset of their
//! answers, so "every path ends in an outcome" and "every red flag ends in
//! an emergency" are checked exhaustively, not by sampling.

use crate::engine::{Branches, Selection, Step, others};
use crate::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target};

/// One complete way through the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The questions asked and the answers given, in the order asked.
    pub steps: Vec<(QuestionIdx, Selection)>,
    /// The outcome shown: the most urgent one reached.
    pub outcome: OutcomeIdx,
    /// Every outcome reached, in the order of the branches that reached it
    /// (one for a single concern; the same outcome may appear twice).
    pub reached: Vec<OutcomeIdx>,
}

impl Path {
    /// The other outcomes reached besides the one shown: the "also" parts
    /// of the outcome screen (see `engine::others`).
    pub fn also(&self) -> Vec<OutcomeIdx> {
        others(&self.reached, self.outcome)
    }
}

/// Why a walk through the content did not end in an outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dead {
    /// An answer leads back to a question on its own way from the first one.
    Cycle(Vec<QuestionIdx>),
    /// Some way through ends without reaching any outcome.
    NoOutcome(Vec<(QuestionIdx, Selection)>),
    /// More paths than `PATH_LIMIT` allows.
    TooMany,
}

/// The most paths `all_paths` enumerates before giving up.
pub const PATH_LIMIT: usize = 200_000;

/// Every valid answer to `question`: each answer alone for single choice;
/// every subset for multiple choice, with an exclusive answer only alone.
pub fn selections(content: &Content, question: QuestionIdx) -> Vec<Selection> {
    let q = content.question(question);
    let n = q.answers.len().min(Selection::MAX_ANSWERS);
    match q.kind {
        Kind::Single => (0..n).map(Selection::one).collect(),
        Kind::Multiple => {
            let open: Vec<usize> = (0..n).filter(|&a| !q.answers[a].exclusive).collect();
            let exclusive = (0..n)
                .filter(|&a| q.answers[a].exclusive)
                .map(Selection::one);
            // Non-empty subsets of the non-exclusive answers, by bit mask.
            let subsets = (1u64..(1u64 << open.len())).map(|mask| {
                open.iter()
                    .enumerate()
                    .filter(|(bit, _)| mask & (1 << bit) != 0)
                    .fold(Selection::EMPTY, |s, (_, &a)| s.with(a))
            });
            subsets.chain(exclusive).collect()
        }
    }
}

/// Every path from the first question, in depth-first order (every set of
/// boxes of every multiple-choice question, every branch they open, through
/// the engine's own `Branches`), or why the content has none that can be
/// trusted.
pub fn all_paths(content: &Content) -> Result<Vec<Path>, Dead> {
    let mut out = Vec::new();
    if content.questions.is_empty() {
        return Ok(out);
    }
    if let Some(cycle) = find_cycle(content) {
        return Err(Dead::Cycle(cycle));
    }
    walk(content, Branches::new(content), &mut Vec::new(), &mut out)?;
    Ok(out)
}

fn walk(
    content: &Content,
    mut branches: Branches,
    steps: &mut Vec<(QuestionIdx, Selection)>,
    out: &mut Vec<Path>,
) -> Result<(), Dead> {
    match branches.next(content) {
        None => Err(Dead::NoOutcome(steps.clone())),
        Some(Step::Done(outcome)) => {
            if out.len() >= PATH_LIMIT {
                return Err(Dead::TooMany);
            }
            out.push(Path {
                steps: steps.clone(),
                outcome,
                reached: branches.reached().to_vec(),
            });
            Ok(())
        }
        Some(Step::Ask(at)) => {
            for selection in selections(content, at) {
                let mut next = branches.clone();
                next.follow(content, at, selection);
                steps.push((at, selection));
                walk(content, next, steps, out)?;
                steps.pop();
            }
            Ok(())
        }
    }
}

/// The path of a patient who gives `answer(q)` at each question asked, by
/// the engine's own rule; `Err` with the question whose answer is missing
/// or not valid there (or the first question, for content that validation
/// refuses).
pub fn follow(
    content: &Content,
    mut answer: impl FnMut(QuestionIdx) -> Option<Selection>,
) -> Result<Path, QuestionIdx> {
    let mut branches = Branches::new(content);
    let mut steps = Vec::new();
    for _ in 0..=content.questions.len() {
        match branches.next(content) {
            None => break,
            Some(Step::Done(outcome)) => {
                return Ok(Path {
                    steps,
                    outcome,
                    reached: branches.reached().to_vec(),
                });
            }
            Some(Step::Ask(q)) => {
                let selection = answer(q).filter(|&s| crate::engine::is_valid(content, q, s));
                let Some(selection) = selection else {
                    return Err(q);
                };
                steps.push((q, selection));
                branches.follow(content, q, selection);
            }
        }
    }
    Err(content.start())
}

/// A way from the first question that comes back to a question already on
/// it, as the questions from the repeated one to itself; every answer can be
/// ticked, so any such way is one a patient could take.
fn find_cycle(content: &Content) -> Option<Vec<QuestionIdx>> {
    fn go(
        content: &Content,
        at: QuestionIdx,
        stack: &mut Vec<QuestionIdx>,
        done: &mut Vec<bool>,
    ) -> Option<Vec<QuestionIdx>> {
        if let Some(pos) = stack.iter().position(|q| *q == at) {
            let mut cycle = stack[pos..].to_vec();
            cycle.push(at);
            return Some(cycle);
        }
        if done[usize::from(at.0)] {
            return None;
        }
        stack.push(at);
        for a in content.question(at).answers.iter() {
            if let Target::Question(next) = a.next
                && let Some(cycle) = go(content, next, stack, done)
            {
                return Some(cycle);
            }
        }
        stack.pop();
        done[usize::from(at.0)] = true;
        None
    }
    go(
        content,
        content.start(),
        &mut Vec::new(),
        &mut vec![false; content.questions.len()],
    )
}

/// Figures about a set of paths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// How many paths.
    pub paths: usize,
    /// The most questions on one path.
    pub deepest: usize,
    /// The outcomes some path reaches, in content order.
    pub outcomes_reached: Vec<OutcomeIdx>,
}

/// Counts, depth and reached outcomes of `paths`.
pub fn summarize(content: &Content, paths: &[Path]) -> Summary {
    let reached = |o: &OutcomeIdx| paths.iter().any(|p| p.outcome == *o);
    Summary {
        paths: paths.len(),
        deepest: paths.iter().map(|p| p.steps.len()).max().unwrap_or(0),
        outcomes_reached: (0..content.outcomes.len())
            .map(|i| OutcomeIdx(i as u16))
            .filter(reached)
            .collect(),
    }
}
