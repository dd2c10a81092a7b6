//! The clinician's approval record: the `[review]` table that records who
//! approved which content, and the file with that record in place of the old
//! one. Used by `cargo content approve` and by the content studio, so both
//! write the same record. Pure: text in, text out.

use symptom_checker_core::model::{Content, Date, Review};
use symptom_checker_core::signoff::content_hash;

/// Whether an approver's name or role can go into the record: plain text on
/// one line, not empty.
pub fn is_one_line(value: &str) -> bool {
    !value.is_empty() && !value.chars().any(char::is_control)
}

/// The `[review]` table recording that `by`, as `role`, approved the content
/// whose hash is `hash` on `date`, due for review again a year later.
pub fn approval_record(by: &str, role: &str, date: Date, hash: &str) -> String {
    approval_record_until(by, role, date, date.years_later(1), hash)
}

/// Like [`approval_record`], due for review on `next_review`.
pub fn approval_record_until(
    by: &str,
    role: &str,
    date: Date,
    next_review: Date,
    hash: &str,
) -> String {
    format!(
        "[review]\nstatus = \"approved\"\napproved_by = {}\nrole = {}\ndate = \"{date}\"\nnext_review = \"{next_review}\"\ncontent_hash = \"{hash}\"\n",
        toml_string(by),
        toml_string(role),
    )
}

/// A TOML basic string (the caller has refused control characters, see
/// `is_one_line`).
pub fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `source` with its `[review]` table replaced by `record`, or with
/// `record` added before the first table when it has none. Everything else,
/// comments included, stays as it was.
pub fn with_review_record(source: &str, record: &str) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let is_table = |line: &str| line.trim_start().starts_with('[');
    let start = lines.iter().position(|l| l.trim() == "[review]");
    let mut out = String::with_capacity(source.len() + record.len());
    match start {
        Some(start) => {
            let end = lines[start + 1..]
                .iter()
                .position(|l| is_table(l))
                .map_or(lines.len(), |i| start + 1 + i);
            // Keep the blank lines and comments that lead into the next table.
            let mut keep_from = end;
            while keep_from > start + 1 {
                let line = lines[keep_from - 1].trim();
                if line.is_empty() || line.starts_with('#') {
                    keep_from -= 1;
                } else {
                    break;
                }
            }
            out.extend(lines[..start].iter().copied());
            out.push_str(record);
            out.extend(lines[keep_from..].iter().copied());
        }
        None => {
            let mut first = lines
                .iter()
                .position(|l| is_table(l))
                .unwrap_or(lines.len());
            // Before the comments that introduce the first table.
            while first > 0 && {
                let line = lines[first - 1].trim_start();
                line.starts_with('#') || line.is_empty()
            } {
                first -= 1;
            }
            while first < lines.len() && lines[first].trim().is_empty() {
                first += 1;
            }
            out.extend(lines[..first].iter().copied());
            out.push_str(record);
            out.push('\n');
            out.extend(lines[first..].iter().copied());
        }
    }
    out
}

/// The sign-off in one line: "draft: not yet approved by a clinician", or
/// who approved it, as what, and when.
pub fn sign_off(content: &Content) -> String {
    match &content.review {
        Review::Draft => "draft: not yet approved by a clinician".to_owned(),
        Review::Approved(a) => format!(
            "approved by {} ({}) on {}; next review due {}",
            a.by, a.role, a.date, a.next_review
        ),
    }
}

/// The sign-off as `key: value` lines, for a release's name and notes:
/// `id`, `version`, `status` (`draft` or `approved`), `hash` (the content
/// hash, which an approval records), and for approved content
/// `approved_by`, `role`, `date` and `next_review`.
pub fn sign_off_record(content: &Content) -> String {
    let mut out = format!(
        "id: {}\nversion: {}\nstatus: {}\nhash: {}\n",
        content.id,
        content.version,
        match content.review {
            Review::Draft => "draft",
            Review::Approved(_) => "approved",
        },
        content_hash(content)
    );
    if let Review::Approved(a) = &content.review {
        out.push_str(&format!(
            "approved_by: {}\nrole: {}\ndate: {}\nnext_review: {}\n",
            a.by, a.role, a.date, a.next_review
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_record_is_replaced_in_place_or_added_before_the_first_table() {
        let record = "[review]\nstatus = \"approved\"\n";
        let with = "id = \"x\"\n\n[review]\nstatus = \"draft\"\n\n# Questions.\n[[questions]]\n";
        assert_eq!(
            with_review_record(with, record),
            "id = \"x\"\n\n[review]\nstatus = \"approved\"\n\n# Questions.\n[[questions]]\n"
        );
        let without = "id = \"x\"\n\n# Questions.\n\n[[questions]]\n";
        assert_eq!(
            with_review_record(without, record),
            "id = \"x\"\n\n[review]\nstatus = \"approved\"\n\n# Questions.\n\n[[questions]]\n"
        );
    }

    #[test]
    fn a_record_is_due_again_a_year_later_and_says_so_once_the_day_has_passed() {
        let day = |year, month, day| Date { year, month, day };
        let record = approval_record("Dr A", "GP", day(2024, 2, 29), "sha256:x");
        assert!(
            record.contains("next_review = \"2025-02-28\"\n"),
            "{record}"
        );
    }

    #[test]
    fn approver_names_are_toml_strings() {
        assert_eq!(toml_string(r#"Dr "Al" \ B"#), r#""Dr \"Al\" \\ B""#);
    }
}
