//! What a clinician is about to approve, in a few lines: how many texts
//! and answer paths changed from the shipped content, in which languages,
//! and whether the version was raised.
//!
//! Pure: the content tool's diff in, sentences out. Tested natively.

use std::collections::BTreeSet;

use content_tool::diff::Diff;

use crate::languages::name;

/// "1 text", "2 texts".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines of the summary of `diff`, against the shipped content.
pub fn summary(diff: &Diff) -> Vec<String> {
    if diff.is_empty() {
        return vec!["Nothing changed from the shipped content.".to_owned()];
    }
    let texts: BTreeSet<&str> = diff.strings.iter().map(|c| c.location.as_str()).collect();
    let mut locales: Vec<&str> = diff
        .strings
        .iter()
        .filter_map(|c| c.locale.as_deref())
        .collect();
    locales.sort_unstable();
    locales.dedup();
    let languages: Vec<String> = locales.iter().map(|l| name(l)).collect();
    let mut lines = vec![format!(
        "{} changed{}.",
        count(texts.len(), "text", "texts"),
        if languages.is_empty() {
            String::new()
        } else {
            format!(" (in {})", languages.join(" and "))
        }
    )];
    let routes = diff.changed.len() + diff.removed.len() + diff.added.len();
    if routes == 0 {
        lines.push("No answer path changed: every set of answers leads where it did.".to_owned());
    } else {
        lines.push(format!(
            "{}: {} now {} somewhere else, {} gone, {} new.",
            count(routes, "answer path changed", "answer paths changed"),
            diff.changed.len(),
            if diff.changed.len() == 1 {
                "leads"
            } else {
                "lead"
            },
            diff.removed.len(),
            diff.added.len()
        ));
    }
    let pairs = diff.pairs_added.len() + diff.pairs_removed.len();
    if pairs > 0 {
        lines.push(format!(
            "{} of two concerns ticked together changed.",
            count(pairs, "result", "results")
        ));
    }
    if !diff.values.is_empty() {
        lines.push(format!(
            "{} changed (where answers lead, urgencies, ids, order or version).",
            count(diff.values.len(), "other value", "other values")
        ));
    }
    lines
}

/// The next patch version of `version` ("3.0.0" → "3.0.1"), to suggest.
pub fn next_version(version: &str) -> Option<String> {
    let (head, last) = version.rsplit_once('.')?;
    let last: u64 = last.parse().ok()?;
    Some(format!("{head}.{}", last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;
    use content_tool::diff::diff;
    use symptom_checker_core::validate::load;

    #[test]
    fn a_reworded_text_and_a_rerouted_answer_are_counted() {
        let old = load(shipped::NAME, shipped::TEXT).expect("valid");
        let new = load("x.toml", &shipped::edited_text()).expect("valid");
        let lines = summary(&diff(&old, &new));
        assert_eq!(lines[0], "1 text changed (in English).");
        assert!(
            lines[1].starts_with("1 answer path changed: 1 now leads somewhere else"),
            "{lines:?}"
        );
        assert_eq!(
            summary(&diff(&old, &old)),
            vec!["Nothing changed from the shipped content."]
        );
    }

    #[test]
    fn the_next_version_raises_the_last_number() {
        assert_eq!(next_version("3.0.0").as_deref(), Some("3.0.1"));
        assert_eq!(next_version("3").as_deref(), None);
    }
}
