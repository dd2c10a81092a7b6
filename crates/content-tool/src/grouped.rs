//! Grouped paths: every way through the content, with the sets of boxes of
//! a multiple-choice question that end in the same place folded into one
//! step ("red_flags: any of {breathing, swallowing, …}" → `emergency_now`),
//! so that a reviewer reads 52 rows instead of 2098.
//!
//! A group is only ever described by a rule that is checked against the
//! engine's own routing of every set of boxes in it; when no short rule fits,
//! the sets are listed one per row instead.
//!
//! These are the journeys of one branch: every set of boxes on them leads to
//! one place. Sets of boxes that open several branches (two concerns ticked)
//! are the combined journeys of `combined`. Pure: no I/O.

use std::cmp::Reverse;

use symptom_checker_core::engine::{Selection, places};
use symptom_checker_core::model::{Content, OutcomeIdx, QuestionIdx, Target, Urgency};
use symptom_checker_core::paths::selections;

/// Which answers a grouped step stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answers {
    /// Exactly these answers (positions in the question), no others.
    Exactly(Vec<usize>),
    /// One or more of `lead`, alone or with any of `with`: every valid such
    /// set of boxes, and nothing else.
    AnyOf {
        /// Answers that lead to the step's target on their own.
        lead: Vec<usize>,
        /// Answers that may be ticked too without changing where it leads.
        with: Vec<usize>,
    },
}

/// One question on a grouped path and the answers it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupedStep {
    /// The question.
    pub question: QuestionIdx,
    /// Every selection the step stands for, in the order `paths::selections`
    /// lists them; all of them route to the same place.
    pub selections: Vec<Selection>,
    /// The short description of `selections`.
    pub answers: Answers,
}

impl GroupedStep {
    /// "question: answer", "question: a + b" or
    /// "question: any of {a, b}, alone or with any of {c}", by ids.
    pub fn describe(&self, content: &Content) -> String {
        let q = content.question(self.question);
        let ids = |answers: &[usize]| -> Vec<&str> {
            answers.iter().map(|&a| q.answers[a].id.as_str()).collect()
        };
        let answers = match &self.answers {
            Answers::Exactly(a) => ids(a).join(" + "),
            Answers::AnyOf { lead, with } if with.is_empty() => {
                format!("any of {{{}}}", ids(lead).join(", "))
            }
            Answers::AnyOf { lead, with } => format!(
                "any of {{{}}}, alone or with any of {{{}}}",
                ids(lead).join(", "),
                ids(with).join(", ")
            ),
        };
        format!("{}: {answers}", q.id)
    }
}

/// A grouped path: the steps in order and the outcome they all end in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupedPath {
    /// The questions asked, with the answers each step stands for.
    pub steps: Vec<GroupedStep>,
    /// Where every path of the group ends.
    pub outcome: OutcomeIdx,
}

impl GroupedPath {
    /// How many exact paths (one selection per question) the row stands for.
    pub fn exact_paths(&self) -> usize {
        self.steps.iter().map(|s| s.selections.len()).product()
    }

    /// The steps, described and joined with arrows.
    pub fn describe(&self, content: &Content) -> String {
        let steps: Vec<String> = self.steps.iter().map(|s| s.describe(content)).collect();
        steps.join(" → ")
    }

    /// The urgency of the outcome.
    pub fn urgency(&self, content: &Content) -> Urgency {
        content.outcome(self.outcome).urgency
    }
}

/// A way to answer one question: a group of selections and where they lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The step this choice makes.
    pub step: GroupedStep,
    /// Where every selection of it leads.
    pub target: Target,
}

/// Where `selection` at `question` leads when that is one place: a single
/// branch. `None` for an invalid answer or a set of boxes that opens
/// several branches.
pub fn one_place(content: &Content, question: QuestionIdx, selection: Selection) -> Option<Target> {
    match places(content, question, selection)?[..] {
        [place] => Some(place),
        _ => None,
    }
}

/// The ways to answer `question` that lead to one place, grouped: each
/// answer alone for single choice; for multiple choice, the valid sets of
/// boxes grouped by where they lead, in the order of the first answer
/// leading there.
pub fn choices(content: &Content, question: QuestionIdx) -> Vec<Choice> {
    let q = content.question(question);
    let all = selections(content, question);
    if !q.kind.allows_several() {
        return all
            .into_iter()
            .filter_map(|s| {
                let target = one_place(content, question, s)?;
                let step = GroupedStep {
                    question,
                    selections: vec![s],
                    answers: Answers::Exactly(s.iter().collect()),
                };
                Some(Choice { step, target })
            })
            .collect();
    }
    let mut groups: Vec<(Target, Vec<Selection>)> = Vec::new();
    for &s in &all {
        let Some(target) = one_place(content, question, s) else {
            continue;
        };
        match groups.iter_mut().find(|(t, _)| *t == target) {
            Some((_, members)) => members.push(s),
            None => groups.push((target, vec![s])),
        }
    }
    // Every target is some chosen answer's own `next`, so `position` finds it.
    groups.sort_by_key(|(t, _)| q.answers.iter().position(|a| a.next == *t));
    let mut out = Vec::new();
    for (target, members) in groups {
        let lead: Vec<usize> = (0..q.answers.len())
            .filter(|&a| q.answers[a].next == target)
            .collect();
        let union = members.iter().fold(0u32, |u, s| u | s.bits());
        let lead_bits = lead.iter().fold(Selection::EMPTY, |s, &a| s.with(a)).bits();
        // Every member is within `union` and holds a lead answer (the one
        // that routed it), so equal counts mean equal sets.
        let described = all
            .iter()
            .filter(|s| s.bits() & !union == 0 && s.bits() & lead_bits != 0)
            .count();
        if members.len() > 1 && described == members.len() {
            let with = Selection::from_bits(union & !lead_bits).iter().collect();
            let step = GroupedStep {
                question,
                selections: members,
                answers: Answers::AnyOf { lead, with },
            };
            out.push(Choice { step, target });
        } else {
            out.extend(members.into_iter().map(|s| Choice {
                step: GroupedStep {
                    question,
                    selections: vec![s],
                    answers: Answers::Exactly(s.iter().collect()),
                },
                target,
            }));
        }
    }
    out
}

/// Every grouped path, depth first in content order. Validated content has
/// no cycle; the walk is bounded by the number of questions all the same.
pub fn grouped_paths(content: &Content) -> Vec<GroupedPath> {
    fn walk(
        content: &Content,
        at: QuestionIdx,
        stack: &mut Vec<GroupedStep>,
        out: &mut Vec<GroupedPath>,
    ) {
        if stack.len() > content.questions.len() {
            return;
        }
        for choice in choices(content, at) {
            stack.push(choice.step);
            match choice.target {
                Target::Outcome(outcome) => out.push(GroupedPath {
                    steps: stack.clone(),
                    outcome,
                }),
                Target::Question(next) => walk(content, next, stack, out),
            }
            stack.pop();
        }
    }
    let mut out = Vec::new();
    if !content.questions.is_empty() {
        walk(content, content.start(), &mut Vec::new(), &mut out);
    }
    out
}

/// `paths` sorted for review: most urgent first, then by outcome in content
/// order, then depth first (the sort is stable).
pub fn by_urgency(content: &Content, mut paths: Vec<GroupedPath>) -> Vec<GroupedPath> {
    paths.sort_by_key(|p| (Reverse(p.urgency(content)), p.outcome));
    paths
}
