//! The decision graph as a Mermaid flowchart: questions, answer-labelled
//! edges, outcomes styled by urgency. Renders on GitHub and in most Markdown
//! viewers.
//!
//! Labels are in English with the public ids shown. The answers of a
//! question that lead to the same place share one edge. Pure: it returns
//! text and writes nothing.

use std::collections::BTreeSet;

use symptom_checker_core::model::{Content, Kind, Locale, QuestionIdx, Target, Urgency};

use crate::markdown::mermaid;

/// Mermaid `classDef` lines, one per urgency, plus questions: emergency red,
/// urgent orange, soon blue, self-care green. Dark text on light fills, so
/// the labels stay readable in light and dark themes.
const CLASS_DEFS: &[&str] = &[
    "classDef question fill:#f8fafc,stroke:#475569,color:#000",
    "classDef emergency fill:#fde2e1,stroke:#b42318,stroke-width:3px,color:#000",
    "classDef urgent fill:#ffe8cc,stroke:#c2410c,stroke-width:2px,color:#000",
    "classDef soon fill:#dbeafe,stroke:#1d4ed8,color:#000",
    "classDef self_care fill:#dcfce7,stroke:#15803d,color:#000",
];

/// The Mermaid flowchart of `content` (without the code fence).
pub fn mermaid_graph(content: &Content) -> String {
    let en = content.locale("en").unwrap_or(Locale(0));
    let mut used = BTreeSet::new();
    let q_nodes: Vec<String> = content
        .questions
        .iter()
        .map(|q| node_id("Q", q.id.as_str(), &mut used))
        .collect();
    let o_nodes: Vec<String> = content
        .outcomes
        .iter()
        .map(|o| node_id("O", o.id.as_str(), &mut used))
        .collect();
    let node = |t: Target| match t {
        Target::Question(q) => &q_nodes[usize::from(q.0)],
        Target::Outcome(o) => &o_nodes[usize::from(o.0)],
    };

    let mut out = String::from("flowchart TD\n");
    for class in CLASS_DEFS {
        out.push_str(&format!("    {class}\n"));
    }
    for (q, id) in content.questions.iter().zip(&q_nodes) {
        let kind = match q.kind {
            Kind::Single => "",
            Kind::Multiple => " · tick all that apply",
        };
        let label = format!(
            "{}{kind}<br/>{}",
            mermaid(q.id.as_str()),
            mermaid(q.text.get(en))
        );
        out.push_str(&format!("    {id}[\"{label}\"]:::question\n"));
    }
    for (o, id) in content.outcomes.iter().zip(&o_nodes) {
        let label = format!(
            "{} · {}<br/>{}",
            mermaid(o.id.as_str()),
            o.urgency.as_str(),
            mermaid(o.title.get(en))
        );
        out.push_str(&format!(
            "    {id}([\"{label}\"]):::{}\n",
            o.urgency.as_str()
        ));
    }
    for edge in edges(content) {
        let q = content.question(edge.from);
        let lines: Vec<String> = edge
            .answers
            .iter()
            .map(|&i| {
                let a = &q.answers[i];
                format!("{}: {}", mermaid(a.id.as_str()), mermaid(a.label.get(en)))
            })
            .collect();
        let any_of = if edge.any_of(content) {
            "any of:<br/>"
        } else {
            ""
        };
        let label = format!("{any_of}{}", lines.join("<br/>"));
        let id = &q_nodes[usize::from(edge.from.0)];
        out.push_str(&format!("    {id} -->|\"{label}\"| {}\n", node(edge.to)));
    }
    out
}

/// An arrow of the decision graph: the answers of one question that lead to
/// the same place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The question.
    pub from: QuestionIdx,
    /// Where the answers lead.
    pub to: Target,
    /// The answers, by position in the question.
    pub answers: Vec<usize>,
}

impl Edge {
    /// Whether the arrow stands for "any of" several boxes (several answers
    /// of a multiple-choice question).
    pub fn any_of(&self, content: &Content) -> bool {
        content.question(self.from).kind.allows_several() && self.answers.len() > 1
    }
}

/// Every arrow of the graph, question by question; a question's answers are
/// grouped by where they lead, in the order of the first answer of each.
pub fn edges(content: &Content) -> Vec<Edge> {
    let mut out: Vec<Edge> = Vec::new();
    for (qi, q) in content.questions.iter().enumerate() {
        let from = QuestionIdx(qi as u16);
        let first = out.len();
        for (i, a) in q.answers.iter().enumerate() {
            match out[first..].iter_mut().find(|e| e.to == a.next) {
                Some(edge) => edge.answers.push(i),
                None => out.push(Edge {
                    from,
                    to: a.next,
                    answers: vec![i],
                }),
            }
        }
    }
    out
}

/// The urgencies in the order the legend lists them, with their colours.
pub fn legend() -> String {
    let colour = |u: Urgency| match u {
        Urgency::Emergency => "red",
        Urgency::Urgent => "orange",
        Urgency::Soon => "blue",
        Urgency::SelfCare => "green",
    };
    let parts: Vec<String> = Urgency::ALL
        .iter()
        .map(|&u| format!("{} `{}`", colour(u), u.as_str()))
        .collect();
    parts.join(", ")
}

/// A Mermaid node id for a content id: a prefix (so no id is a Mermaid
/// keyword such as `end`, and none starts with the `o` or `x` that Mermaid
/// reads as an arrow head), `-` made `_`, and a number added if two ids
/// would otherwise meet.
fn node_id(prefix: &str, id: &str, used: &mut BTreeSet<String>) -> String {
    let base: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let base = format!("{prefix}_{base}");
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_are_prefixed_and_unique() {
        let mut used = BTreeSet::new();
        assert_eq!(node_id("Q", "end", &mut used), "Q_end");
        assert_eq!(node_id("Q", "a-b", &mut used), "Q_a_b");
        assert_eq!(node_id("Q", "a_b", &mut used), "Q_a_b_2");
    }
}
