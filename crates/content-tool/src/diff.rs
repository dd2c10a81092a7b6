//! What changed between two versions of a content file, for the clinician
//! approving the change: every grouped path whose outcome or urgency
//! changed, the paths found in only one version (with what the other version
//! does with the same answers), and every changed string and value by
//! location.
//!
//! Paths are matched by their answers, written with public ids, so a change
//! of wording alone moves no path. Pure: computes and renders Markdown.

use std::collections::{BTreeMap, BTreeSet};

use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{Content, Urgency};
use symptom_checker_core::paths::follow;

use crate::combined::{PAIR_HEADER, combined, pair_cells};
use crate::fields::{Field, fields};
use crate::grouped::{GroupedPath, by_urgency, grouped_paths};
use crate::markdown::{cell, header, row};

/// Where an outcome-ending path or replay ends.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct End {
    /// The outcome's id.
    pub outcome: String,
    /// Its urgency.
    pub urgency: Urgency,
}

impl End {
    /// "`id` (urgency)".
    pub fn render(&self) -> String {
        format!("`{}` ({})", self.outcome, self.urgency.as_str())
    }
}

/// What one content file does with answers taken from a path of another.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Replay {
    /// It ends in an outcome, at the question named.
    Ends {
        /// The outcome.
        end: End,
        /// The last question asked.
        at: String,
    },
    /// It asks a question the answers do not cover.
    Asks(String),
    /// An answer given is not an answer of that question in this file.
    NoSuchAnswer {
        /// The question.
        question: String,
        /// The answer id.
        answer: String,
    },
    /// The answers are not a valid choice at that question here (for
    /// example several answers to what is now single choice).
    Invalid(String),
}

impl Replay {
    /// In words, for a path whose last question is `last`.
    pub fn render(&self, last: &str) -> String {
        match self {
            Replay::Ends { end, at } if at == last => end.render(),
            Replay::Ends { end, at } => format!("{}, ending after `{at}`", end.render()),
            Replay::Asks(q) => format!("asks `{q}`, which these answers do not cover"),
            Replay::NoSuchAnswer { question, answer } => {
                format!("`{question}` has no answer `{answer}`")
            }
            Replay::Invalid(q) => format!("not a valid answer to `{q}`"),
        }
    }
}

/// A path of one file, keyed by its answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyedPath {
    /// The answers in order, by ids (the path table's "Answers" column).
    pub answers: String,
    /// The last question asked.
    pub last: String,
    /// Where it ends.
    pub end: End,
}

/// A path in both files whose outcome or urgency differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// The answers.
    pub answers: String,
    /// Where it ended before.
    pub old: End,
    /// Where it ends now.
    pub new: End,
}

/// A path in only one file, and what the other file does with its answers
/// (one result, or several when the boxes of a group now part ways).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlyIn {
    /// The path.
    pub path: KeyedPath,
    /// The other file's results for the same answers.
    pub other: Vec<Replay>,
}

/// A value that differs, by location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Where (see `fields`).
    pub location: String,
    /// The locale of a string.
    pub locale: Option<String>,
    /// Before; `None` when added.
    pub old: Option<String>,
    /// After; `None` when removed.
    pub new: Option<String>,
}

/// Every difference between two content files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// Paths with the same answers and another outcome or urgency.
    pub changed: Vec<Changed>,
    /// Paths only in the old file.
    pub removed: Vec<OnlyIn>,
    /// Paths only in the new file.
    pub added: Vec<OnlyIn>,
    /// Pairs of branches (several concerns at once) whose results are only
    /// in the new file: new, or changed from a row of `pairs_removed`.
    pub pairs_added: Vec<[String; 5]>,
    /// Pairs of branches whose results are only in the old file.
    pub pairs_removed: Vec<[String; 5]>,
    /// Strings changed, added or removed.
    pub strings: Vec<FieldChange>,
    /// Other values changed, added or removed.
    pub values: Vec<FieldChange>,
}

impl Diff {
    /// Whether the files are the same in every path and field.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.removed.is_empty()
            && self.added.is_empty()
            && self.pairs_added.is_empty()
            && self.pairs_removed.is_empty()
            && self.strings.is_empty()
            && self.values.is_empty()
    }
}

/// Compares `old` with `new`.
pub fn diff(old: &Content, new: &Content) -> Diff {
    let old_paths = by_urgency(old, grouped_paths(old));
    let new_paths = by_urgency(new, grouped_paths(new));
    let old_keyed: Vec<KeyedPath> = old_paths.iter().map(|p| keyed(old, p)).collect();
    let new_keyed: Vec<KeyedPath> = new_paths.iter().map(|p| keyed(new, p)).collect();
    let old_by_key: BTreeMap<&str, &KeyedPath> =
        old_keyed.iter().map(|k| (k.answers.as_str(), k)).collect();
    let new_by_key: BTreeMap<&str, &KeyedPath> =
        new_keyed.iter().map(|k| (k.answers.as_str(), k)).collect();

    let mut changed = Vec::new();
    let mut removed = Vec::new();
    for (path, key) in old_paths.iter().zip(&old_keyed) {
        match new_by_key.get(key.answers.as_str()) {
            Some(now) if now.end != key.end => changed.push(Changed {
                answers: key.answers.clone(),
                old: key.end.clone(),
                new: now.end.clone(),
            }),
            Some(_) => {}
            None => removed.push(OnlyIn {
                path: key.clone(),
                other: replay_group(old, path, new),
            }),
        }
    }
    let added = new_paths
        .iter()
        .zip(&new_keyed)
        .filter(|(_, key)| !old_by_key.contains_key(key.answers.as_str()))
        .map(|(path, key)| OnlyIn {
            path: key.clone(),
            other: replay_group(new, path, old),
        })
        .collect();

    let (old_strings, old_values): (Vec<Field>, Vec<Field>) =
        fields(old).into_iter().partition(Field::is_text);
    let (new_strings, new_values): (Vec<Field>, Vec<Field>) =
        fields(new).into_iter().partition(Field::is_text);
    let pairs = |c: &Content| -> Vec<[String; 5]> {
        combined(c).rows.iter().map(|r| pair_cells(c, r)).collect()
    };
    let (old_pairs, new_pairs) = (pairs(old), pairs(new));
    Diff {
        changed,
        removed,
        added,
        pairs_added: new_pairs
            .iter()
            .filter(|r| !old_pairs.contains(r))
            .cloned()
            .collect(),
        pairs_removed: old_pairs
            .iter()
            .filter(|r| !new_pairs.contains(r))
            .cloned()
            .collect(),
        strings: field_changes(&old_strings, &new_strings),
        values: field_changes(&old_values, &new_values),
    }
}

fn keyed(content: &Content, path: &GroupedPath) -> KeyedPath {
    let last = path
        .steps
        .last()
        .map_or_else(String::new, |s| content.question(s.question).id.to_string());
    let o = content.outcome(path.outcome);
    KeyedPath {
        answers: path.describe(content),
        last,
        end: End {
            outcome: o.id.to_string(),
            urgency: o.urgency,
        },
    }
}

/// What `other` does with every set of answers that `path` of `content`
/// stands for: the distinct results, in order.
fn replay_group(content: &Content, path: &GroupedPath, other: &Content) -> Vec<Replay> {
    let mut results = BTreeSet::new();
    // One selection per step, odometer style, over every combination.
    let mut pick = vec![0usize; path.steps.len()];
    loop {
        let mut answers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (step, &i) in path.steps.iter().zip(&pick) {
            let q = content.question(step.question);
            let ids = step.selections[i]
                .iter()
                .map(|a| q.answers[a].id.as_str())
                .collect();
            answers.insert(q.id.as_str(), ids);
        }
        results.insert(replay(other, &answers));
        let mut carry = true;
        for (step, i) in path.steps.iter().zip(pick.iter_mut()).rev() {
            if !carry {
                break;
            }
            *i += 1;
            carry = *i == step.selections.len();
            if carry {
                *i = 0;
            }
        }
        if carry {
            break;
        }
    }
    results.into_iter().collect()
}

/// Walks `content` with answers given by question id, by the engine's own
/// rule (every branch the boxes open).
pub fn replay(content: &Content, answers: &BTreeMap<&str, Vec<&str>>) -> Replay {
    let mut problem = None;
    let followed = follow(content, |at| {
        let q = content.question(at);
        let Some(ids) = answers.get(q.id.as_str()) else {
            problem = Some(Replay::Asks(q.id.to_string()));
            return None;
        };
        let mut selection = Selection::EMPTY;
        for id in ids {
            match q.answers.iter().position(|a| a.id.as_str() == *id) {
                Some(i) => selection = selection.with(i),
                None => {
                    problem = Some(Replay::NoSuchAnswer {
                        question: q.id.to_string(),
                        answer: id.to_string(),
                    });
                    return None;
                }
            }
        }
        Some(selection)
    });
    match followed {
        Ok(path) => {
            let o = content.outcome(path.outcome);
            let last = path.steps.last().map_or(content.start(), |(q, _)| *q);
            Replay::Ends {
                end: End {
                    outcome: o.id.to_string(),
                    urgency: o.urgency,
                },
                at: content.question(last).id.to_string(),
            }
        }
        Err(at) => problem.unwrap_or_else(|| Replay::Invalid(content.question(at).id.to_string())),
    }
}

/// Changed and added fields in the new file's order, then removed ones in
/// the old file's order.
fn field_changes(old: &[Field], new: &[Field]) -> Vec<FieldChange> {
    let key = |f: &Field| (f.location.clone(), f.locale.clone());
    let old_by_key: BTreeMap<_, &Field> = old.iter().map(|f| (key(f), f)).collect();
    let new_keys: BTreeSet<_> = new.iter().map(key).collect();
    let mut out = Vec::new();
    for f in new {
        let before = old_by_key.get(&key(f)).map(|o| o.value.clone());
        if before.as_deref() != Some(f.value.as_str()) {
            out.push(FieldChange {
                location: f.location.clone(),
                locale: f.locale.clone(),
                old: before,
                new: Some(f.value.clone()),
            });
        }
    }
    for f in old.iter().filter(|f| !new_keys.contains(&key(f))) {
        out.push(FieldChange {
            location: f.location.clone(),
            locale: f.locale.clone(),
            old: Some(f.value.clone()),
            new: None,
        });
    }
    out
}

/// "1 path", "2 paths".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The diff as Markdown. `old_name` and `new_name` are the file paths as
/// given.
pub fn render(old_name: &str, old: &Content, new_name: &str, new: &Content, d: &Diff) -> String {
    let mut out = String::from("# Content diff\n\n");
    out.push_str(&header(&["", "Old", "New"]));
    out.push('\n');
    out.push_str(&row(&[
        "File",
        &format!("`{}`", cell(old_name)),
        &format!("`{}`", cell(new_name)),
    ]));
    out.push('\n');
    let about = |c: &Content| {
        cell(&format!(
            "`{}` {}, {}",
            c.id,
            c.version,
            crate::approval::sign_off(c)
        ))
    };
    out.push_str(&row(&["Content", &about(old), &about(new)]));
    out.push_str("\n\n");
    out.push_str(&format!(
        "{} changed outcome or urgency, {} only in the old file, {} only in the new file; \
         {} of several concerns only in the new file, {} only in the old; \
         {} and {} changed.\n",
        count(d.changed.len(), "path", "paths"),
        d.removed.len(),
        d.added.len(),
        count(d.pairs_added.len(), "pair", "pairs"),
        d.pairs_removed.len(),
        count(d.strings.len(), "string", "strings"),
        count(d.values.len(), "other value", "other values"),
    ));

    out.push_str(&format!(
        "\n## Paths whose outcome or urgency changed ({})\n\n",
        d.changed.len()
    ));
    if d.changed.is_empty() {
        out.push_str("None.\n");
    } else {
        out.push_str(&header(&["Answers, in order", "Old", "New"]));
        out.push('\n');
        for c in &d.changed {
            out.push_str(&row(&[cell(&c.answers), c.old.render(), c.new.render()]));
            out.push('\n');
        }
    }
    let only = |out: &mut String, title: &str, column: &str, other: &str, paths: &[OnlyIn]| {
        out.push_str(&format!("\n## {title} ({})\n\n", paths.len()));
        if paths.is_empty() {
            out.push_str("None.\n");
            return;
        }
        out.push_str(&header(&["Answers, in order", column, other]));
        out.push('\n');
        for p in paths {
            let results: Vec<String> = p.other.iter().map(|r| r.render(&p.path.last)).collect();
            let results = match results.len() {
                1 => results.join(""),
                _ => format!("depends on the boxes: {}", results.join("; ")),
            };
            out.push_str(&row(&[
                cell(&p.path.answers),
                p.path.end.render(),
                cell(&results),
            ]));
            out.push('\n');
        }
    };
    only(
        &mut out,
        "Paths only in the old file",
        "Old outcome",
        "The same answers in the new file",
        &d.removed,
    );
    only(
        &mut out,
        "Paths only in the new file",
        "New outcome",
        "The same answers in the old file",
        &d.added,
    );

    let pairs = |out: &mut String, title: &str, rows: &[[String; 5]]| {
        out.push_str(&format!("\n## {title} ({})\n\n", rows.len()));
        if rows.is_empty() {
            out.push_str("None.\n");
            return;
        }
        out.push_str(&header(&PAIR_HEADER));
        out.push('\n');
        for r in rows {
            out.push_str(&row(r));
            out.push('\n');
        }
    };
    pairs(
        &mut out,
        "Several concerns at once: results only in the new file",
        &d.pairs_added,
    );
    pairs(
        &mut out,
        "Several concerns at once: results only in the old file",
        &d.pairs_removed,
    );

    let value = |v: &Option<String>| v.as_deref().map_or_else(|| "*(none)*".to_owned(), cell);
    out.push_str(&format!("\n## Strings changed ({})\n\n", d.strings.len()));
    if d.strings.is_empty() {
        out.push_str("None.\n");
    } else {
        out.push_str(&header(&["Where", "Locale", "Old", "New"]));
        out.push('\n');
        for c in &d.strings {
            let locale = format!("`{}`", c.locale.as_deref().unwrap_or(""));
            out.push_str(&row(&[
                cell(&c.location),
                locale,
                value(&c.old),
                value(&c.new),
            ]));
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\n## Other values changed ({})\n\n",
        d.values.len()
    ));
    if d.values.is_empty() {
        out.push_str("None.\n");
    } else {
        out.push_str(&header(&["Where", "Old", "New"]));
        out.push('\n');
        for c in &d.values {
            out.push_str(&row(&[cell(&c.location), value(&c.old), value(&c.new)]));
            out.push('\n');
        }
    }
    out
}
