//! Combined journeys: sets of ticked boxes that open several branches (a
//! droop and a headache ticked together). The engine follows each branch in
//! turn and shows the most urgent outcome, the others as "also"; here every
//! such path of the exhaustive enumeration is checked against each branch
//! alone, and the pairs are tabulated for the reviewer: what each ticked box
//! gives on its own, and what the two show together. Pure: no I/O.

use std::collections::BTreeMap;

use symptom_checker_core::engine::{Selection, places};
use symptom_checker_core::model::{Content, OutcomeIdx, QuestionIdx, Urgency};
use symptom_checker_core::paths::{Path, all_paths, follow};

use crate::markdown::{cell, header, row};

/// Two branches opened at one question, and what they give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairRow {
    /// The question.
    pub question: QuestionIdx,
    /// The boxes ticked there.
    pub ticked: Selection,
    /// Each branch alone, in answer order: the outcome the same answers
    /// reach with only that branch's boxes ticked; `None` when that
    /// branch's questions were never asked (an emergency ended the journey).
    pub alone: [Option<OutcomeIdx>; 2],
    /// The outcome shown.
    pub shown: OutcomeIdx,
    /// The other outcomes shown as "also", in order.
    pub also: Vec<OutcomeIdx>,
    /// How many exact paths the row stands for.
    pub paths: u64,
}

/// Every combined path, summed up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Combined {
    /// The pairs, by question, ticked boxes and results in content order.
    pub rows: Vec<PairRow>,
    /// Exact paths that open more than one branch somewhere.
    pub paths: u64,
    /// Of those, the exact paths with three branches or more, or branches
    /// opened at two questions: not in `rows`, checked all the same.
    pub larger: u64,
    /// Combined paths that show an outcome less urgent than one of their
    /// branches alone; validated content has none.
    pub below_alone: Vec<Path>,
}

/// The boxes of `ticked` at `question` that lead to each place, in order.
fn by_place(content: &Content, question: QuestionIdx, ticked: Selection) -> Vec<Selection> {
    let Some(places) = places(content, question, ticked) else {
        return Vec::new();
    };
    let q = content.question(question);
    places
        .iter()
        .map(|place| {
            ticked
                .iter()
                .filter(|&a| q.answers[a].next == *place)
                .fold(Selection::EMPTY, |s, a| s.with(a))
        })
        .collect()
}

/// The outcome `path`'s answers reach with `only` ticked at `question`
/// instead; `None` when a question that then comes up was never answered.
fn alone(
    content: &Content,
    path: &Path,
    question: QuestionIdx,
    only: Selection,
) -> Option<OutcomeIdx> {
    let answer = |q: QuestionIdx| {
        if q == question {
            Some(only)
        } else {
            path.steps
                .iter()
                .find(|(asked, _)| *asked == q)
                .map(|&(_, s)| s)
        }
    };
    follow(content, answer).ok().map(|p| p.outcome)
}

/// Every combined path of `content`, checked and tabulated.
pub fn combined(content: &Content) -> Combined {
    combined_of(content, &all_paths(content).unwrap_or_default())
}

/// The combined paths among `paths` (every path of `content`), checked and
/// tabulated.
pub fn combined_of(content: &Content, paths: &[Path]) -> Combined {
    let urgency = |o: OutcomeIdx| content.outcome(o).urgency;
    let mut out = Combined::default();
    type Key = (
        QuestionIdx,
        u32,
        [Option<OutcomeIdx>; 2],
        OutcomeIdx,
        Vec<OutcomeIdx>,
    );
    let mut rows: BTreeMap<Key, u64> = BTreeMap::new();
    for path in paths {
        let opening: Vec<(QuestionIdx, Vec<Selection>)> = path
            .steps
            .iter()
            .map(|&(q, s)| (q, by_place(content, q, s)))
            .filter(|(_, branches)| branches.len() > 1)
            .collect();
        if opening.is_empty() {
            continue;
        }
        out.paths += path.exact;
        let shown = urgency(path.outcome);
        let mut each_alone = Vec::new();
        for (q, branches) in &opening {
            for &only in branches {
                let result = alone(content, path, *q, only);
                let below = match result {
                    Some(o) => urgency(o) > shown,
                    None => shown != Urgency::Emergency,
                };
                if below && out.below_alone.last() != Some(path) {
                    out.below_alone.push(path.clone());
                }
                each_alone.push(result);
            }
        }
        match (&opening[..], &each_alone[..]) {
            ([(q, branches)], &[first, second]) if branches.len() == 2 => {
                let ticked = path
                    .steps
                    .iter()
                    .find(|(asked, _)| asked == q)
                    .map_or(0, |(_, s)| s.bits());
                let key = (*q, ticked, [first, second], path.outcome, path.also());
                *rows.entry(key).or_default() += path.exact;
            }
            _ => out.larger += path.exact,
        }
    }
    out.rows = rows
        .into_iter()
        .map(|((question, ticked, alone, shown, also), paths)| PairRow {
            question,
            ticked: Selection::from_bits(ticked),
            alone,
            shown,
            also,
            paths,
        })
        .collect();
    out
}

/// "`id` (urgency)".
fn outcome_cell(content: &Content, o: OutcomeIdx) -> String {
    let o = content.outcome(o);
    format!("`{}` ({})", o.id, o.urgency.as_str())
}

/// A pair row's cells by id, without its path count: "Ticked", "First
/// alone", "Second alone", "Shown", "Also". Two files' rows compare by these.
pub fn pair_cells(content: &Content, r: &PairRow) -> [String; 5] {
    let q = content.question(r.question);
    let ids: Vec<&str> = r.ticked.iter().map(|a| q.answers[a].id.as_str()).collect();
    let alone = |o: Option<OutcomeIdx>| {
        o.map_or_else(
            || "not asked: the emergency ends the journey".to_owned(),
            |o| outcome_cell(content, o),
        )
    };
    let also: Vec<String> = r.also.iter().map(|&o| outcome_cell(content, o)).collect();
    [
        cell(&format!("{}: {}", q.id, ids.join(" + "))),
        alone(r.alone[0]),
        alone(r.alone[1]),
        outcome_cell(content, r.shown),
        if also.is_empty() {
            "–".to_owned()
        } else {
            also.join(", ")
        },
    ]
}

/// The header of the pair table, without the count column.
pub const PAIR_HEADER: [&str; 5] = ["Ticked", "First alone", "Second alone", "Shown", "Also"];

/// The reviewer's view of `combined`: the rule, the check, and the table of
/// pairs.
pub fn combined_markdown(content: &Content, combined: &Combined) -> String {
    if combined.paths == 0 {
        return "No set of boxes opens more than one branch: every path is a single concern.\n"
            .to_owned();
    }
    let mut out = format!(
        "When the ticked boxes open several branches (several concerns), the questions of \
         each are asked in turn, in answer order, each question once, each headed with the \
         concern it is about; an emergency ends the journey at once (what its own concern \
         reached before it is superseded, and the concerns not yet asked about are listed \
         as \"not assessed\" in the summary); otherwise the most urgent outcome is shown (a \
         tie: the first ticked), and the others under it, each named by its concern, with \
         its urgency, title, first step and its own \"get help sooner\" lines. {} exact \
         paths combine branches; each was \
         checked against each of its branches alone: {}. The table lists every pair; the {} \
         paths with three branches or more follow the same rule and are in the check.\n\n",
        combined.paths,
        if combined.below_alone.is_empty() {
            "none shows an outcome less urgent than a branch alone".to_owned()
        } else {
            format!(
                "**{} show an outcome less urgent than a branch alone**",
                combined.below_alone.len()
            )
        },
        combined.larger
    );
    let mut columns = PAIR_HEADER.to_vec();
    columns.push("Exact paths");
    out.push_str(&header(&columns));
    out.push('\n');
    for r in &combined.rows {
        let [ticked, first, second, shown, also] = pair_cells(content, r);
        out.push_str(&row(&[
            ticked,
            first,
            second,
            shown,
            also,
            r.paths.to_string(),
        ]));
        out.push('\n');
    }
    out
}
