//! The path table: every grouped path of one branch, answers in order →
//! outcome and urgency, most urgent first, as Markdown or CSV; and the
//! combined journeys after it. Pure: returns text.

use symptom_checker_core::model::Content;

use crate::combined::{combined, combined_markdown};
use crate::grouped::{by_urgency, grouped_paths};
use crate::markdown::{cell, csv_field, header, row};

/// The Markdown table of every grouped path, most urgent first.
pub fn paths_markdown(content: &Content) -> String {
    let mut out = header(&["Urgency", "Outcome", "Answers, in order", "Exact paths"]);
    out.push('\n');
    for path in by_urgency(content, grouped_paths(content)) {
        let cells = [
            path.urgency(content).as_str().to_owned(),
            format!("`{}`", content.outcome(path.outcome).id),
            cell(&path.describe(content)),
            path.exact_paths().to_string(),
        ];
        out.push_str(&row(&cells));
        out.push('\n');
    }
    out
}

/// `cargo content paths`: the table of one-branch paths, then the combined
/// journeys (several concerns at once).
pub fn paths_report(content: &Content) -> String {
    format!(
        "{}
## Several concerns at once

{}",
        paths_markdown(content),
        combined_markdown(content, &combined(content))
    )
}

/// The one-branch table as CSV with a header line.
pub fn paths_csv(content: &Content) -> String {
    let mut out = String::from("urgency,outcome,answers,exact_paths\n");
    for path in by_urgency(content, grouped_paths(content)) {
        let fields = [
            path.urgency(content).as_str().to_owned(),
            content.outcome(path.outcome).id.to_string(),
            path.describe(content),
            path.exact_paths().to_string(),
        ];
        let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}
