//! The review of valid content, from the content tool's own functions (the
//! ones behind `cargo content paths`, `graph`, `stats` and `diff`): the
//! path table, the decision graph laid out for drawing, the reading level
//! of every graded string, and the comparison with the shipped content.
//!
//! Pure: content in, view-models out. Tested natively.

use content_tool::graph::edges;
use content_tool::grouped::{by_urgency, grouped_paths};
use content_tool::readability::TARGET_GRADE;
use content_tool::stats::stats;
use symptom_checker_core::model::{Content, Kind, Locale, Target, Urgency};

/// One row of the path table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathRow {
    /// The outcome's urgency.
    pub urgency: Urgency,
    /// The outcome's id.
    pub outcome: String,
    /// The answers in order, by ids.
    pub answers: String,
    /// How many exact paths the row stands for.
    pub exact: usize,
}

/// Every grouped path, most urgent first: `cargo content paths`.
pub fn path_rows(content: &Content) -> Vec<PathRow> {
    by_urgency(content, grouped_paths(content))
        .iter()
        .map(|p| PathRow {
            urgency: p.urgency(content),
            outcome: content.outcome(p.outcome).id.to_string(),
            answers: p.describe(content),
            exact: p.exact_paths(),
        })
        .collect()
}

/// What a box of the graph stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A question; `true` for tick-all-that-apply.
    Question(bool),
    /// An outcome of this urgency.
    Outcome(Urgency),
}

/// A box of the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The public id.
    pub id: String,
    /// The question or the outcome's title, in English.
    pub text: String,
    /// Question or outcome.
    pub kind: NodeKind,
    /// Its left edge.
    pub x: f64,
    /// Its top edge.
    pub y: f64,
}

/// An arrow of the graph, from the bottom of one box to the top of another.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index of the box it leaves.
    pub from: usize,
    /// Index of the box it reaches.
    pub to: usize,
    /// The answers it stands for, e.g. "any of: vision, breathing".
    pub answers: String,
}

/// The decision graph laid out in rows: each question and outcome one row
/// below the lowest question that leads to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// Questions first, then outcomes, in file order.
    pub nodes: Vec<Node>,
    /// The arrows of `content_tool::graph::edges`.
    pub arrows: Vec<Arrow>,
    /// The drawing's width.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
}

/// A box's width.
pub const NODE_WIDTH: f64 = 168.0;
/// A box's height.
pub const NODE_HEIGHT: f64 = 52.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 64.0;
const MARGIN: f64 = 12.0;

/// The decision graph of `content` (the arrows of `cargo content graph`),
/// laid out by rows.
pub fn graph(content: &Content) -> Graph {
    let en = content.locale("en").unwrap_or(Locale(0));
    let questions = content.questions.len();
    let index = |t: Target| match t {
        Target::Question(q) => usize::from(q.0),
        Target::Outcome(o) => questions + usize::from(o.0),
    };
    let all_edges = edges(content);
    // Rows by longest path from the first question: validated content has
    // no cycle, so a pass per question settles every row.
    let mut row = vec![0usize; questions + content.outcomes.len()];
    for _ in 0..=questions {
        for e in &all_edges {
            let (from, to) = (usize::from(e.from.0), index(e.to));
            row[to] = row[to].max(row[from] + 1);
        }
    }
    let mut nodes: Vec<Node> = Vec::with_capacity(row.len());
    for q in content.questions.iter() {
        nodes.push(Node {
            id: q.id.to_string(),
            text: q.text.get(en).to_owned(),
            kind: NodeKind::Question(q.kind == Kind::Multiple),
            x: 0.0,
            y: 0.0,
        });
    }
    for o in content.outcomes.iter() {
        nodes.push(Node {
            id: o.id.to_string(),
            text: o.title.get(en).to_owned(),
            kind: NodeKind::Outcome(o.urgency),
            x: 0.0,
            y: 0.0,
        });
    }
    let rows = row.iter().max().map_or(0, |r| r + 1);
    let mut per_row = vec![0usize; rows];
    for (node, &r) in nodes.iter_mut().zip(&row) {
        node.x = MARGIN + per_row[r] as f64 * (NODE_WIDTH + GAP_X);
        node.y = MARGIN + r as f64 * (NODE_HEIGHT + GAP_Y);
        per_row[r] += 1;
    }
    let widest = per_row.iter().copied().max().unwrap_or(0) as f64;
    let arrows = all_edges
        .iter()
        .map(|e| {
            let q = content.question(e.from);
            let ids: Vec<&str> = e
                .answers
                .iter()
                .map(|&a| q.answers[a].id.as_str())
                .collect();
            let any_of = if e.any_of(content) { "any of: " } else { "" };
            Arrow {
                from: usize::from(e.from.0),
                to: index(e.to),
                answers: format!("{any_of}{}", ids.join(", ")),
            }
        })
        .collect();
    Graph {
        nodes,
        arrows,
        width: 2.0 * MARGIN + widest * (NODE_WIDTH + GAP_X) - GAP_X,
        height: 2.0 * MARGIN + rows as f64 * (NODE_HEIGHT + GAP_Y) - GAP_Y,
    }
}

/// One graded string.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingRow {
    /// Its locale.
    pub locale: String,
    /// Where it is in the file.
    pub location: String,
    /// The string.
    pub text: String,
    /// Its grade, one decimal.
    pub grade: f64,
    /// Above the target grade (8).
    pub above: bool,
}

/// The reading level of one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The locale.
    pub locale: String,
    /// The formula's name, or `None` for a language the tool cannot grade.
    pub formula: Option<&'static str>,
    /// The grade of the whole text.
    pub whole: f64,
    /// Every graded string, in file order.
    pub rows: Vec<ReadingRow>,
}

/// The reading level per string: `cargo content stats --all`.
pub fn reading(content: &Content) -> Vec<Reading> {
    stats(content)
        .reading
        .into_iter()
        .map(|r| Reading {
            formula: r.formula.map(|f| f.name()),
            whole: r.whole,
            rows: r
                .graded
                .into_iter()
                .map(|g| ReadingRow {
                    above: g.grade > TARGET_GRADE,
                    locale: g.locale,
                    location: g.location,
                    text: g.text,
                    grade: g.grade,
                })
                .collect(),
            locale: r.locale,
        })
        .collect()
}

/// A path described by ids (`red_flags: none → concern: heaviness`, as the
/// content tool writes it) in the words patients read, in `locale`: each
/// question's text and the labels of its answers (`Have you had any of
/// these…? “None of these” → …`). Words that are not answer ids ("any of",
/// "alone or with") stay as they are; an unknown question stays as written.
pub fn in_patient_words(content: &Content, described: &str, locale: &str) -> String {
    let at = content.locale(locale).unwrap_or(Locale(0));
    described
        .split(" → ")
        .map(|step| {
            let Some((qid, answers)) = step.split_once(": ") else {
                return step.to_owned();
            };
            let Some(q) = content.questions.iter().find(|q| q.id.as_str() == qid) else {
                return step.to_owned();
            };
            let mut out = String::new();
            let mut word = String::new();
            let flush = |word: &mut String, out: &mut String| {
                match q.answers.iter().find(|a| a.id.as_str() == word.as_str()) {
                    Some(a) => {
                        out.push('“');
                        out.push_str(a.label.get(at));
                        out.push('”');
                    }
                    None => out.push_str(word),
                }
                word.clear();
            };
            for c in answers.chars() {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    word.push(c);
                } else {
                    flush(&mut word, &mut out);
                    out.push(c);
                }
            }
            flush(&mut word, &mut out);
            format!("{} {out}", q.text.get(at))
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;
    use symptom_checker_core::validate::load;

    fn shipped() -> Content {
        load(shipped::NAME, shipped::TEXT).expect("valid")
    }

    #[test]
    fn the_path_table_has_the_rows_of_cargo_content_paths() {
        let content = shipped();
        let rows = path_rows(&content);
        let markdown = content_tool::table::paths_markdown(&content);
        // The Markdown table: a header, a rule, then one line per row.
        assert_eq!(rows.len(), markdown.lines().count() - 2);
        assert_eq!(rows[0].urgency, Urgency::Emergency, "most urgent first");
    }

    #[test]
    fn every_arrow_goes_down_and_every_box_has_its_own_place() {
        let g = graph(&shipped());
        for a in &g.arrows {
            assert!(g.nodes[a.to].y > g.nodes[a.from].y, "{a:?}");
        }
        for (i, a) in g.nodes.iter().enumerate() {
            assert!(a.x + NODE_WIDTH <= g.width && a.y + NODE_HEIGHT <= g.height);
            for b in &g.nodes[i + 1..] {
                assert!(a.x != b.x || a.y != b.y, "{} and {} overlap", a.id, b.id);
            }
        }
    }

    #[test]
    fn a_path_reads_in_the_questions_and_answers_patients_see() {
        let content = shipped();
        let words = in_patient_words(
            &content,
            "red_flags: none → concern: heaviness + headache",
            "en",
        );
        let red = &content.questions[0];
        let en = content.locale("en").expect("en");
        assert!(
            words.starts_with(&format!("{} “", red.text.get(en))),
            "{words}"
        );
        assert!(!words.contains("heaviness +"), "ids replaced: {words}");
        assert!(words.contains("” + “"), "{words}");
        assert_eq!(in_patient_words(&content, "nowhere: x", "en"), "nowhere: x");
        let any = in_patient_words(&content, "red_flags: any of {vision, breathing}", "en");
        assert!(any.contains("any of {“"), "{any}");
    }

    #[test]
    fn strings_above_grade_8_are_marked() {
        for r in reading(&shipped()) {
            for row in r.rows {
                assert_eq!(row.above, row.grade > 8.0, "{row:?}");
            }
        }
    }
}
