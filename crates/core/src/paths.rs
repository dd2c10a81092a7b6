//! Path analysis: every way through the content, for the safety checks of
//! validation and for the reviewers' tools.
//!
//! Multiple-choice questions are expanded over every valid subset of their
//! answers, so "every path ends in an outcome" and "every red flag ends in
//! an emergency" are checked exhaustively, not by sampling.
//!
//! The engine's way on from a question depends only on the places its
//! answers lead to (`engine::places`), never on which boxes led there: the
//! sets of boxes of a question that lead to the same places, in the same
//! order, are one *route* (`routes_of`), and `all_paths` walks one
//! representative set per route, counting how many exact paths each path
//! stands for. Every set of boxes is still routed, by `routes_of`; the walk
//! is only spared repeating the same future for each of them, which keeps
//! the millions of exact paths of several concerns at once checkable.

use crate::engine::{self, Branches, Concern, Emergency, Part, Reached, Selection, Step};
use crate::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target};

/// One complete way through the content, standing for `exact` ways that
/// tick other boxes with the same routes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The questions asked and the answers given, in the order asked (at a
    /// multiple-choice question, the route's first set of boxes).
    pub steps: Vec<(QuestionIdx, Selection)>,
    /// The outcome shown: the most urgent one reached.
    pub outcome: OutcomeIdx,
    /// Every outcome reached, with its branch's concern, in the order of
    /// the branches that reached it (the same outcome may appear twice).
    pub reached: Vec<Reached>,
    /// The emergency that ended the journey, if one did.
    pub emergency: Option<Emergency>,
    /// The concerns that emergency cut short (see
    /// `Branches::not_assessed`).
    pub not_assessed: Vec<Concern>,
    /// How many exact paths (sets of boxes at each question) this one
    /// stands for: they ask the same questions and reach the same outcomes.
    pub exact: u64,
}

impl Path {
    /// The other outcomes reached besides the one shown: the "also" parts
    /// of the outcome screen (see `engine::also`).
    pub fn also(&self) -> Vec<OutcomeIdx> {
        self.also_parts().into_iter().map(|p| p.outcome).collect()
    }

    /// The "also" parts, with the concerns that led to each.
    pub fn also_parts(&self) -> Vec<Part> {
        engine::also(&self.reached, self.outcome, self.emergency.as_ref())
    }

    /// The part shown in full, with the concerns that led to it.
    pub fn shown_part(&self) -> Part {
        engine::shown(&self.reached, self.outcome)
    }
}

/// The sets of boxes of one question that lead to the same places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// Where they lead, in order (`engine::places`).
    pub places: Vec<Target>,
    /// Every valid selection that leads there, in `selections` order.
    pub selections: Vec<Selection>,
}

/// Every valid answer to `question`, grouped by where it leads, routes in
/// the order of their first selection.
pub fn routes_of(content: &Content, question: QuestionIdx) -> Vec<Route> {
    let mut out: Vec<Route> = Vec::new();
    for selection in selections(content, question) {
        let Some(places) = engine::places(content, question, selection) else {
            continue;
        };
        match out.iter_mut().find(|r| r.places == places) {
            Some(route) => route.selections.push(selection),
            None => out.push(Route {
                places,
                selections: vec![selection],
            }),
        }
    }
    out
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
    let mut routes: Vec<Option<Vec<(Selection, u64)>>> = vec![None; content.questions.len()];
    let mut walk = Walk {
        content,
        routes: &mut routes,
        out: &mut out,
        steps: Vec::new(),
    };
    walk.go(Branches::new(content), 1)?;
    Ok(out)
}

/// The depth-first walk of `all_paths`.
struct Walk<'a> {
    content: &'a Content,
    /// Each question's routes, as (first selection, how many), once asked.
    routes: &'a mut Vec<Option<Vec<(Selection, u64)>>>,
    out: &'a mut Vec<Path>,
    steps: Vec<(QuestionIdx, Selection)>,
}

impl Walk<'_> {
    fn go(&mut self, mut branches: Branches, exact: u64) -> Result<(), Dead> {
        match branches.next(self.content) {
            None => Err(Dead::NoOutcome(self.steps.clone())),
            Some(Step::Done(outcome)) => {
                if self.out.len() >= PATH_LIMIT {
                    return Err(Dead::TooMany);
                }
                self.out.push(Path {
                    steps: self.steps.clone(),
                    outcome,
                    reached: branches.reached().to_vec(),
                    emergency: branches.emergency(),
                    not_assessed: branches.not_assessed(),
                    exact,
                });
                Ok(())
            }
            Some(Step::Ask(at)) => {
                let content = self.content;
                let routes = self.routes[usize::from(at.0)]
                    .get_or_insert_with(|| {
                        routes_of(content, at)
                            .into_iter()
                            .map(|r| (r.selections[0], r.selections.len() as u64))
                            .collect()
                    })
                    .clone();
                for (selection, count) in routes {
                    let mut next = branches.clone();
                    next.follow(self.content, at, selection);
                    self.steps.push((at, selection));
                    self.go(next, exact.saturating_mul(count))?;
                    self.steps.pop();
                }
                Ok(())
            }
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
                    emergency: branches.emergency(),
                    not_assessed: branches.not_assessed(),
                    exact: 1,
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
    /// How many paths walked (one per set of routes).
    pub paths: usize,
    /// How many exact paths they stand for (one per set of boxes).
    pub exact: u64,
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
        exact: paths.iter().map(|p| p.exact).sum(),
        deepest: paths.iter().map(|p| p.steps.len()).max().unwrap_or(0),
        outcomes_reached: (0..content.outcomes.len())
            .map(|i| OutcomeIdx(i as u16))
            .filter(reached)
            .collect(),
    }
}
