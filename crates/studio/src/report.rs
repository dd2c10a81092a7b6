//! The review of valid content, from the content tool's own functions (the
//! ones behind `cargo content paths`, `graph`, `stats` and `diff`): the
//! path table, the decision graph laid out for drawing, the reading level
//! of every graded string, every pair of concerns, and the comparison with
//! the shipped content, row by row as the review's tables show them; and
//! the form view's page, each text's languages side by side.
//!
//! Pure: content in, view-models out. Tested natively.

use content_tool::combined::{combined, pair_cells};
use content_tool::diff::{Diff, End, OnlyIn};
use content_tool::graph::edges;
use content_tool::grouped::{by_urgency, grouped_paths};
use content_tool::readability::TARGET_GRADE;
use content_tool::stats::stats;
use symptom_checker_core::model::{Content, Kind, Locale, Target, Urgency};

use crate::form::{Entry, Step};
use crate::languages::name;

/// One row of the path table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathRow {
    /// The outcome's urgency.
    pub urgency: Urgency,
    /// The outcome's id.
    pub outcome: String,
    /// The answers in order, in the words patients read (English).
    pub words: String,
    /// The answers in order, by ids.
    pub answers: String,
    /// How many exact paths the row stands for.
    pub exact: usize,
}

/// Every grouped path, most urgent first: `cargo content paths`.
pub fn path_rows(content: &Content) -> Vec<PathRow> {
    by_urgency(content, grouped_paths(content))
        .iter()
        .map(|p| {
            let answers = p.describe(content);
            PathRow {
                urgency: p.urgency(content),
                outcome: content.outcome(p.outcome).id.to_string(),
                words: in_patient_words(content, &answers, "en"),
                answers,
                exact: p.exact_paths(),
            }
        })
        .collect()
}

/// Ids are written between backticks in the tool's words; the review
/// shows them as plain text.
fn plain(text: &str) -> String {
    text.replace('`', "")
}

/// One row of a table of pairs of concerns: the cells of
/// `content_tool::combined::PAIR_HEADER`, ids without backticks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairRow {
    /// "Ticked", "First alone", "Second alone", "Shown", "Also".
    pub cells: [String; 5],
    /// How many exact paths the row stands for (in the content's own
    /// table; a comparison's rows have none).
    pub paths: Option<u64>,
}

impl PairRow {
    fn of(cells: &[String; 5], paths: Option<u64>) -> PairRow {
        PairRow {
            cells: cells.each_ref().map(|c| plain(c)),
            paths,
        }
    }
}

/// "Several concerns at once": every pair of concerns, each alone and what
/// the two show together (`cargo content paths`, its last part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairs {
    /// One row per pair.
    pub rows: Vec<PairRow>,
    /// Exact paths that open several branches.
    pub combined_paths: u64,
}

/// Every pair of concerns of `content`.
pub fn pairs(content: &Content) -> Pairs {
    let all = combined(content);
    Pairs {
        rows: all
            .rows
            .iter()
            .map(|r| PairRow::of(&pair_cells(content, r), Some(r.paths)))
            .collect(),
        combined_paths: all.paths,
    }
}

/// A path that now ends somewhere else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedRow {
    /// The answers in the words patients read (English).
    pub words: String,
    /// The answers by ids.
    pub answers: String,
    /// Where they led in the shipped content.
    pub before: End,
    /// Where they lead now.
    pub now: End,
}

/// A path in one of the two versions only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlyRow {
    /// The answers in order, by ids.
    pub answers: String,
    /// Where they lead in the version that has the path.
    pub end: End,
    /// What the other version does with the same answers, ids plain.
    pub other: String,
}

/// A string or value that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    /// Where it is in the file.
    pub location: String,
    /// Its locale, or "" for a value that is not a text.
    pub locale: String,
    /// Before; "(none)" when it is new.
    pub before: String,
    /// Now; "(none)" when it is gone.
    pub now: String,
}

/// "What changed for patients": the comparison with the shipped content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// One sentence: nothing changed, or how much did.
    pub summary: String,
    /// Answers that now lead somewhere else.
    pub changed: Vec<ChangedRow>,
    /// Answer paths that are gone.
    pub removed: Vec<OnlyRow>,
    /// New answer paths.
    pub added: Vec<OnlyRow>,
    /// Results of two concerns together that are new or changed.
    pub pairs_added: Vec<PairRow>,
    /// Results of two concerns together that are gone.
    pub pairs_removed: Vec<PairRow>,
    /// Every changed string, then every other changed value.
    pub fields: Vec<FieldRow>,
}

/// The review's rows of `diff`, the comparison of `content` with the
/// shipped content.
pub fn changes(content: &Content, diff: &Diff) -> Changes {
    let summary = if diff.is_empty() {
        "Nothing changed: this content is the same as the shipped content.".to_owned()
    } else {
        format!(
            "{} answer paths end differently, {} are gone, {} are new; {} results of two concerns together are new or changed; {} strings and {} other values changed.",
            diff.changed.len(),
            diff.removed.len(),
            diff.added.len(),
            diff.pairs_added.len(),
            diff.strings.len(),
            diff.values.len()
        )
    };
    let only = |paths: &[OnlyIn]| {
        paths
            .iter()
            .map(|p| OnlyRow {
                answers: p.path.answers.clone(),
                end: p.path.end.clone(),
                other: p
                    .other
                    .iter()
                    .map(|r| plain(&r.render(&p.path.last)))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect()
    };
    let pair_rows = |rows: &[[String; 5]]| rows.iter().map(|r| PairRow::of(r, None)).collect();
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    Changes {
        summary,
        changed: diff
            .changed
            .iter()
            .map(|c| ChangedRow {
                words: in_patient_words(content, &c.answers, "en"),
                answers: c.answers.clone(),
                before: c.old.clone(),
                now: c.new.clone(),
            })
            .collect(),
        removed: only(&diff.removed),
        added: only(&diff.added),
        pairs_added: pair_rows(&diff.pairs_added),
        pairs_removed: pair_rows(&diff.pairs_removed),
        fields: diff
            .strings
            .iter()
            .chain(&diff.values)
            .map(|c| FieldRow {
                location: c.location.clone(),
                locale: c.locale.clone().unwrap_or_default(),
                before: value(&c.old),
                now: value(&c.new),
            })
            .collect(),
    }
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

/// One language's field of a text in the form view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageField {
    /// The locale code.
    pub locale: String,
    /// The language's name, the field's label.
    pub language: String,
    /// The text in that language.
    pub value: String,
}

/// A text of the form view: its languages side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguagePair {
    /// Its name for a person ("summary", "answers › vision › label").
    pub label: String,
    /// Where it is in the file, for the edit.
    pub path: Vec<Step>,
    /// One field per language, in the file's order.
    pub fields: Vec<LanguageField>,
}

/// A question or an outcome of the form view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormEntry {
    /// The id of its section, for the outline's link.
    pub anchor: String,
    /// "question" or "outcome".
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// "Question red_flags": the outline's words and the heading's start.
    pub name: String,
    /// The question, or the outcome's title, in the first language.
    pub title: String,
    /// Its texts.
    pub pairs: Vec<LanguagePair>,
}

/// The form view's page: the entries a search finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormPage {
    /// The entries shown, in the file's order.
    pub entries: Vec<FormEntry>,
    /// "3 of 33 questions and outcomes".
    pub count: String,
}

/// The entries of `all` that `query` finds (case-insensitive; all of them
/// for an empty query), titled in the language `first`.
pub fn form_page(all: &[Entry], first: &str, query: &str) -> FormPage {
    let query = query.trim().to_lowercase();
    let entries: Vec<FormEntry> = all
        .iter()
        .filter(|e| e.matches(&query))
        .map(|e| {
            let mut kind = e.kind.chars();
            let capital: String = kind
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(kind).collect());
            FormEntry {
                anchor: format!("st-f-{}-{}", e.kind, e.id),
                kind: e.kind,
                id: e.id.clone(),
                name: format!("{capital} {}", e.id),
                title: e.heading(first),
                pairs: e
                    .texts
                    .iter()
                    .map(|t| LanguagePair {
                        label: t.label.clone(),
                        path: t.path.clone(),
                        fields: t
                            .values
                            .iter()
                            .map(|(locale, value)| LanguageField {
                                language: name(locale),
                                locale: locale.clone(),
                                value: value.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    FormPage {
        count: format!("{} of {} questions and outcomes", entries.len(), all.len()),
        entries,
    }
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
    fn path_rows_say_their_answers_in_patient_words() {
        let content = shipped();
        for r in path_rows(&content) {
            assert_eq!(r.words, in_patient_words(&content, &r.answers, "en"));
        }
    }

    #[test]
    fn pairs_are_the_rows_of_cargo_content_paths_with_plain_ids() {
        let content = shipped();
        let p = pairs(&content);
        let all = combined(&content);
        assert_eq!(p.rows.len(), all.rows.len());
        assert_eq!(p.combined_paths, all.paths);
        assert!(
            !p.rows.is_empty(),
            "the shipped content has several concerns"
        );
        for (row, r) in p.rows.iter().zip(&all.rows) {
            assert_eq!(row.paths, Some(r.paths));
            let cells = pair_cells(&content, r);
            for (shown, by_tool) in row.cells.iter().zip(&cells) {
                assert_eq!(*shown, by_tool.replace('`', ""));
                assert!(!shown.contains('`'), "{shown}");
            }
        }
    }

    /// The shipped text with one route and one English string changed.
    fn edited() -> Content {
        load("x.toml", &shipped::edited_text()).expect("valid")
    }

    #[test]
    fn changes_list_each_changed_route_and_string_as_the_review_shows_them() {
        let (old, new) = (shipped(), edited());
        let d = content_tool::diff::diff(&old, &new);
        let c = changes(&new, &d);
        assert!(
            c.summary
                .starts_with("1 answer paths end differently, 0 are gone, 0 are new;"),
            "{}",
            c.summary
        );
        let [row] = c.changed.as_slice() else {
            panic!("one changed route: {:?}", c.changed);
        };
        assert_eq!(row.before.outcome, "wait_full_effect");
        assert_eq!(row.now.outcome, "not_working_review");
        assert_eq!(row.words, in_patient_words(&new, &row.answers, "en"));
        assert_ne!(row.words, row.answers, "in patient words, not ids");
        // The string first, then the value (the route), which has no locale.
        let [string, value] = c.fields.as_slice() else {
            panic!("one changed string and one value: {:?}", c.fields);
        };
        assert_eq!(string.locale, "en");
        assert_eq!(string.before, "Do not rub or press the spot.");
        assert_eq!(string.now, "Do not rub the spot.");
        assert_eq!(value.locale, "");
        assert_eq!(
            (value.before.as_str(), value.now.as_str()),
            ("wait_full_effect", "not_working_review")
        );
        assert!(c.removed.is_empty() && c.added.is_empty());
        assert_eq!(c.pairs_added.len(), d.pairs_added.len());
        assert_eq!(c.pairs_removed.len(), d.pairs_removed.len());
        for row in c.pairs_added.iter().chain(&c.pairs_removed) {
            assert_eq!(row.paths, None, "a comparison's pairs have no count");
            assert!(row.cells.iter().all(|cell| !cell.contains('`')), "{row:?}");
        }

        let same = changes(&old, &content_tool::diff::diff(&old, &old));
        assert_eq!(
            same.summary,
            "Nothing changed: this content is the same as the shipped content."
        );
        assert!(same.changed.is_empty() && same.fields.is_empty());
    }

    #[test]
    fn a_path_only_in_one_version_says_what_the_other_does_with_plain_ids() {
        // The shipped content against the second, unrelated file: every path
        // of one is foreign to the other.
        let other = load(
            "ear-piercing.toml",
            include_str!("../../../tests/content/ear-piercing.toml"),
        )
        .expect("valid");
        let d = content_tool::diff::diff(&shipped(), &other);
        let c = changes(&other, &d);
        assert_eq!(c.removed.len(), d.removed.len());
        assert_eq!(c.added.len(), d.added.len());
        for (row, p) in c.removed.iter().zip(&d.removed) {
            assert_eq!(row.end, p.path.end);
            assert!(!row.other.contains('`'), "{}", row.other);
            assert_eq!(
                row.other,
                p.other
                    .iter()
                    .map(|r| r.render(&p.path.last).replace('`', ""))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        let missing = c
            .fields
            .iter()
            .any(|f| f.before == "(none)" || f.now == "(none)");
        assert!(missing, "a value in one file only reads (none)");
    }

    #[test]
    fn the_form_page_puts_each_text_s_languages_side_by_side() {
        let all = crate::form::entries(shipped::TEXT, &["en", "es"]).expect("TOML");
        let page = form_page(&all, "en", "");
        assert_eq!(page.entries.len(), all.len());
        assert_eq!(
            page.count,
            format!("{0} of {0} questions and outcomes", all.len())
        );
        let first = &page.entries[0];
        assert_eq!(first.name, "Question red_flags");
        assert_eq!(first.anchor, "st-f-question-red_flags");
        assert_eq!(first.title, shipped().questions[0].text.get(Locale(0)));
        // Each text's languages in the file's order, named; a localized URL
        // may have only the language it is for.
        let mut both = 0;
        for pair in page.entries.iter().flat_map(|e| &e.pairs) {
            let languages: Vec<&str> = pair.fields.iter().map(|f| f.language.as_str()).collect();
            match languages.as_slice() {
                ["English", "Spanish"] => both += 1,
                ["English"] | ["Spanish"] => assert!(pair.label.contains("localized_url")),
                other => panic!("{}: {other:?}", pair.label),
            }
        }
        assert!(both > 100, "{both} texts in both languages");
        let outcome = page
            .entries
            .iter()
            .find(|e| e.kind == "outcome")
            .expect("an outcome");
        assert!(outcome.name.starts_with("Outcome "), "{}", outcome.name);
    }

    #[test]
    fn a_search_keeps_the_entries_it_finds_and_counts_them() {
        let all = crate::form::entries(shipped::TEXT, &["en", "es"]).expect("TOML");
        let page = form_page(&all, "en", "  RED_FLAGS ");
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.entries[0].id, "red_flags");
        assert_eq!(
            page.count,
            format!("1 of {} questions and outcomes", all.len())
        );
        assert_eq!(
            form_page(&all, "en", "no such words anywhere")
                .entries
                .len(),
            0
        );
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
