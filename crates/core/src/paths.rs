//! Path analysis: every way through the content, for the safety checks of
//! validation and for the reviewers' tools.
//!
//! Multiple-choice questions are expanded over every valid subset of their
//! answers, so "every path ends in an outcome" and "every red flag ends in
//! an emergency" are checked exhaustively, not by sampling.

use crate::engine::{Selection, route};
use crate::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target};

/// One complete way through the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The questions asked and the answers given, in order.
    pub steps: Vec<(QuestionIdx, Selection)>,
    /// Where it ends.
    pub outcome: OutcomeIdx,
}

/// Why a walk through the content did not end in an outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dead {
    /// The walk came back to a question already on its path.
    Cycle(Vec<QuestionIdx>),
    /// More paths than `PathLimit` allows.
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

/// Every path from the first question, in depth-first order, or why the
/// content has none that can be trusted.
pub fn all_paths(content: &Content) -> Result<Vec<Path>, Dead> {
    let mut out = Vec::new();
    let mut stack = Vec::new();
    if content.questions.is_empty() {
        return Ok(out);
    }
    walk(content, content.start(), &mut stack, &mut out)?;
    Ok(out)
}

fn walk(
    content: &Content,
    at: QuestionIdx,
    stack: &mut Vec<(QuestionIdx, Selection)>,
    out: &mut Vec<Path>,
) -> Result<(), Dead> {
    if let Some(pos) = stack.iter().position(|(q, _)| *q == at) {
        let mut cycle: Vec<QuestionIdx> = stack[pos..].iter().map(|(q, _)| *q).collect();
        cycle.push(at);
        return Err(Dead::Cycle(cycle));
    }
    for selection in selections(content, at) {
        let Some(target) = route(content, at, selection) else {
            continue;
        };
        stack.push((at, selection));
        match target {
            Target::Outcome(outcome) => {
                if out.len() >= PATH_LIMIT {
                    return Err(Dead::TooMany);
                }
                out.push(Path {
                    steps: stack.clone(),
                    outcome,
                });
            }
            Target::Question(next) => walk(content, next, stack, out)?,
        }
        stack.pop();
    }
    Ok(())
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
