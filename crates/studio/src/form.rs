//! The form view's document: every text of every question and outcome, in
//! each language, found in the file as written, and the edit of one of
//! them made in place (`toml_edit`), so that the rest of the file, its
//! comments and its layout, stays exactly as it was.
//!
//! Pure: text in, texts out; text and an edit in, the edited text out.
//! Tested natively.

use toml_edit::{DocumentMut, Item, Table, Value};

/// One step from a table to what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A key of a table.
    Key(String),
    /// An element of an array, or of an array of tables, from 0.
    Index(usize),
}

/// A text in every language: an inline table `{ en = "…", es = "…" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// Where it is, from the top of the file.
    pub path: Vec<Step>,
    /// Its name for a person: "summary", "steps 2", "answers › vision › label".
    pub label: String,
    /// Each language's text, in the file's order.
    pub values: Vec<(String, String)>,
}

/// A question or an outcome and its texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// "question" or "outcome".
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its texts, in the file's order.
    pub texts: Vec<Text>,
}

impl Entry {
    /// Its first text in `locale`: the question, or the outcome's title.
    pub fn heading(&self, locale: &str) -> String {
        self.texts
            .first()
            .and_then(|t| t.values.iter().find(|(l, _)| l == locale))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Whether `query` (already lower-case) is in its id or any text.
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty()
            || self.id.to_lowercase().contains(query)
            || self.texts.iter().any(|t| {
                t.label.to_lowercase().contains(query)
                    || t.values
                        .iter()
                        .any(|(_, v)| v.to_lowercase().contains(query))
            })
    }
}

/// Every question and outcome of `source` with its texts in `locales`, or
/// `None` when `source` is not TOML.
pub fn entries(source: &str, locales: &[&str]) -> Option<Vec<Entry>> {
    let doc: DocumentMut = source.parse().ok()?;
    let mut out = Vec::new();
    for (key, kind) in [("questions", "question"), ("outcomes", "outcome")] {
        let Some(tables) = doc.get(key).and_then(Item::as_array_of_tables) else {
            continue;
        };
        for (i, table) in tables.iter().enumerate() {
            let mut texts = Vec::new();
            let path = vec![Step::Key(key.to_owned()), Step::Index(i)];
            walk_table(table, &path, &[], locales, &mut texts);
            out.push(Entry {
                kind,
                id: table
                    .get("id")
                    .and_then(Item::as_str)
                    .unwrap_or("")
                    .to_owned(),
                texts,
            });
        }
    }
    Some(out)
}

fn walk_table(
    table: &Table,
    path: &[Step],
    label: &[String],
    locales: &[&str],
    out: &mut Vec<Text>,
) {
    for (key, item) in table.iter() {
        let path = [path, &[Step::Key(key.to_owned())]].concat();
        let label = [label, &[key.to_owned()]].concat();
        match item {
            Item::Value(v) => walk_value(v, &path, &label, locales, out),
            Item::Table(t) => walk_table(t, &path, &label, locales, out),
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    let name = t
                        .get("id")
                        .and_then(Item::as_str)
                        .map_or_else(|| (i + 1).to_string(), str::to_owned);
                    let path = [path.as_slice(), &[Step::Index(i)]].concat();
                    let label = [label.as_slice(), &[name]].concat();
                    walk_table(t, &path, &label, locales, out);
                }
            }
            Item::None => {}
        }
    }
}

fn walk_value(
    value: &Value,
    path: &[Step],
    label: &[String],
    locales: &[&str],
    out: &mut Vec<Text>,
) {
    match value {
        Value::InlineTable(t) => {
            let texts: Option<Vec<(String, String)>> = t
                .iter()
                .map(|(k, v)| Some((k.to_owned(), v.as_str()?.to_owned())))
                .collect();
            match texts {
                Some(values)
                    if !values.is_empty()
                        && values.iter().all(|(k, _)| locales.contains(&k.as_str())) =>
                {
                    out.push(Text {
                        path: path.to_vec(),
                        label: label.join(" › "),
                        values,
                    });
                }
                _ => {
                    for (k, v) in t.iter() {
                        let path = [path, &[Step::Key(k.to_owned())]].concat();
                        let label = [label, &[k.to_owned()]].concat();
                        walk_value(v, &path, &label, locales, out);
                    }
                }
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                let path = [path, &[Step::Index(i)]].concat();
                let mut label = label.to_vec();
                if let Some(last) = label.last_mut() {
                    *last = format!("{last} {}", i + 1);
                }
                walk_value(v, &path, &label, locales, out);
            }
        }
        _ => {}
    }
}

/// Where a step leads: an item of a table, or a value inside one.
enum At<'a> {
    Item(&'a mut Item),
    Value(&'a mut Value),
}

fn step<'a>(at: At<'a>, s: &Step) -> Option<At<'a>> {
    match (at, s) {
        (At::Item(Item::Table(t)), Step::Key(k)) => t.get_mut(k).map(At::Item),
        (At::Item(Item::Value(v)), s) => step(At::Value(v), s),
        (At::Value(Value::InlineTable(t)), Step::Key(k)) => t.get_mut(k).map(At::Value),
        (At::Value(Value::Array(a)), Step::Index(i)) => a.get_mut(*i).map(At::Value),
        _ => None,
    }
}

/// `source` with the text at `path` in `locale` set to `text`, everything
/// else as it was; `None` when `source` is not TOML or has no such text.
pub fn set_text(source: &str, path: &[Step], locale: &str, text: &str) -> Option<String> {
    let mut doc: DocumentMut = source.parse().ok()?;
    // Arrays of tables are entered by hand: their elements are tables, not
    // items.
    let (first, rest) = path.split_first()?;
    let Step::Key(first) = first else {
        return None;
    };
    let mut table: &mut Table = doc.as_table_mut();
    let mut key = first.clone();
    let mut rest = rest;
    loop {
        match (table.get_mut(&key)?, rest.split_first()) {
            (Item::ArrayOfTables(a), Some((Step::Index(i), after))) => {
                let (Some((Step::Key(k), after)), Some(t)) = (after.split_first(), a.get_mut(*i))
                else {
                    return None;
                };
                table = t;
                key = k.clone();
                rest = after;
            }
            (Item::Table(t), Some((Step::Key(k), after))) => {
                table = t;
                key = k.clone();
                rest = after;
            }
            (item, _) => {
                let mut at = At::Item(item);
                for s in rest {
                    at = step(at, s)?;
                }
                let At::Value(Value::InlineTable(t)) = (match at {
                    At::Item(Item::Value(v)) => At::Value(v),
                    other => other,
                }) else {
                    return None;
                };
                let value = t.get_mut(locale)?;
                value.as_str()?;
                let decor = value.decor().clone();
                *value = Value::from(text);
                *value.decor_mut() = decor;
                break;
            }
        }
    }
    Some(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;

    const LOCALES: [&str; 2] = ["en", "es"];

    fn outcome<'a>(entries: &'a [Entry], id: &str) -> &'a Entry {
        entries.iter().find(|e| e.id == id).expect("there")
    }

    #[test]
    fn every_question_and_outcome_with_its_texts() {
        let entries = entries(shipped::TEXT, &LOCALES).expect("TOML");
        assert!(
            entries
                .iter()
                .any(|e| e.kind == "question" && e.id == "red_flags")
        );
        let bruise = outcome(&entries, "site_expected");
        let labels: Vec<&str> = bruise.texts.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"summary"), "{labels:?}");
        assert!(labels.contains(&"steps 2"), "{labels:?}");
        let red = outcome(&entries, "red_flags");
        assert!(
            red.texts
                .iter()
                .any(|t| t.label == "answers › breathing › label"),
            "{:?}",
            red.texts
        );
    }

    #[test]
    fn an_edit_changes_that_string_and_nothing_else() {
        let entries = entries(shipped::TEXT, &LOCALES).expect("TOML");
        let bruise = outcome(&entries, "site_expected");
        let summary = bruise
            .texts
            .iter()
            .find(|t| t.label == "summary")
            .expect("summary");
        let old = &summary.values[1].1;
        let edited = set_text(
            shipped::TEXT,
            &summary.path,
            "es",
            "Un moretón pequeño es común.",
        )
        .expect("set");
        assert_eq!(
            edited,
            shipped::TEXT.replacen(old.as_str(), "Un moretón pequeño es común.", 1)
        );
        // A step of an array, and a text with a quotation mark in it.
        let step = bruise
            .texts
            .iter()
            .find(|t| t.label == "steps 2")
            .expect("step");
        let edited = set_text(
            shipped::TEXT,
            &step.path,
            "en",
            "Do not take \"extra\" doses.",
        )
        .expect("set");
        assert!(
            edited.contains("Do not take \\\"extra\\\" doses.")
                || edited.contains("'Do not take \"extra\" doses.'"),
            "quoted for TOML"
        );
        assert_eq!(
            edited.lines().count(),
            shipped::TEXT.lines().count(),
            "the layout is kept"
        );
    }
}
