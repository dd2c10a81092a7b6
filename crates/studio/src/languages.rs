//! Both languages at once: the texts of the content that changed in some of
//! its languages but not in the others, the likeliest sign of a rewording
//! whose translation was forgotten. The review flags each; approval asks a
//! clinician to confirm each one.
//!
//! Pure: the content tool's changed strings in, the one-sided ones out.
//! Tested natively.

use std::collections::BTreeMap;

use content_tool::diff::FieldChange;

/// A text that changed in some languages and not in the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneSided {
    /// Where it is, as the content tool names it ("outcome x / summary").
    pub location: String,
    /// The languages it changed in, by code, in the file's order.
    pub changed: Vec<String>,
    /// The languages it did not change in.
    pub unchanged: Vec<String>,
    /// What a confirmation is for: the location and its new texts, so that
    /// a further change asks again.
    pub key: String,
}

impl OneSided {
    /// "English changed, Spanish unchanged".
    pub fn said(&self) -> String {
        format!(
            "{} changed, {} unchanged",
            names(&self.changed),
            names(&self.unchanged)
        )
    }
}

/// The language's name in English, for a clinician reading the studio.
pub fn name(code: &str) -> String {
    match code {
        "en" => "English".to_owned(),
        "es" => "Spanish".to_owned(),
        "fr" => "French".to_owned(),
        "pt" => "Portuguese".to_owned(),
        other => format!("the `{other}` text"),
    }
}

fn names(codes: &[String]) -> String {
    let names: Vec<String> = codes.iter().map(|c| name(c)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The texts among `strings` (the content tool's changed strings) that
/// changed in some of `locales` but not in the others. A text added or
/// removed is in every language at once, so only rewordings count.
pub fn one_sided(strings: &[FieldChange], locales: &[&str]) -> Vec<OneSided> {
    let mut by_location: BTreeMap<&str, (usize, Vec<&FieldChange>)> = BTreeMap::new();
    for (i, change) in strings.iter().enumerate() {
        if change.locale.is_none() || change.old.is_none() || change.new.is_none() {
            continue;
        }
        by_location
            .entry(change.location.as_str())
            .or_insert((i, Vec::new()))
            .1
            .push(change);
    }
    let mut out: Vec<(usize, OneSided)> = by_location
        .into_iter()
        .filter_map(|(location, (first, changes))| {
            let is_changed = |code: &str| changes.iter().any(|c| c.locale.as_deref() == Some(code));
            let (changed, unchanged): (Vec<&str>, Vec<&str>) =
                locales.iter().partition(|code| is_changed(code));
            if unchanged.is_empty() {
                return None;
            }
            let key = changes.iter().fold(location.to_owned(), |mut key, c| {
                key.push('\u{0}');
                key.push_str(c.new.as_deref().unwrap_or_default());
                key
            });
            Some((
                first,
                OneSided {
                    location: location.to_owned(),
                    changed: changed.iter().map(|c| (*c).to_owned()).collect(),
                    unchanged: unchanged.iter().map(|c| (*c).to_owned()).collect(),
                    key,
                },
            ))
        })
        .collect();
    // In the order the changes are listed (the file's).
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, o)| o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;
    use content_tool::diff::diff;
    use symptom_checker_core::validate::load;

    fn one_sided_after(from: &str, to: &str) -> Vec<OneSided> {
        let old = load(shipped::NAME, shipped::TEXT).expect("valid");
        assert!(shipped::TEXT.contains(from), "{from}");
        let new = load("x.toml", &shipped::TEXT.replacen(from, to, 1)).expect("valid");
        one_sided(&diff(&old, &new).strings, &["en", "es"])
    }

    #[test]
    fn an_english_only_rewording_is_flagged() {
        let found = one_sided_after(
            "Do not rub or press the spot.",
            "Do not rub, press or massage the spot.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].said(), "English changed, Spanish unchanged");
        assert!(found[0].location.contains("step"), "{}", found[0].location);
    }

    #[test]
    fn a_spanish_only_rewording_is_flagged_the_other_way() {
        let found = one_sided_after("No frote ni apriete ese lugar.", "No frote ese lugar.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].said(), "Spanish changed, English unchanged");
    }

    #[test]
    fn a_text_changed_in_both_languages_is_not_flagged() {
        let found = one_sided_after(
            "{ en = \"Do not rub or press the spot.\", es = \"No frote ni apriete ese lugar.\" }",
            "{ en = \"Do not rub the spot.\", es = \"No frote ese lugar.\" }",
        );
        assert_eq!(found, vec![]);
    }

    #[test]
    fn a_new_change_to_the_same_text_needs_a_new_confirmation() {
        let a = one_sided_after("Do not rub or press the spot.", "Do not rub the spot.");
        let b = one_sided_after("Do not rub or press the spot.", "Never rub the spot.");
        assert_eq!(a[0].location, b[0].location);
        assert_ne!(a[0].key, b[0].key);
    }
}
