//! The content file the widget is built with, as text: what the studio
//! opens first and what "what changed for patients" compares with.

/// The file's text.
pub const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped.toml"));

/// The file's name, without its folder.
pub const NAME: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped-name.txt"));

use std::sync::OnceLock;

use symptom_checker_core::model::Content;
use symptom_checker_core::validate::load;

/// The shipped content, validated once; the build has already refused an
/// invalid file, so this is `None` only in theory.
pub fn content() -> Option<&'static Content> {
    static CONTENT: OnceLock<Option<Content>> = OnceLock::new();
    CONTENT.get_or_init(|| load(NAME, TEXT).ok()).as_ref()
}

/// For tests: the shipped text with one route and one English string
/// changed (`not_working_when`'s "under 2 weeks" now leads to
/// `not_working_review`; "Do not rub or press the spot." loses "or press").
#[cfg(test)]
pub fn edited_text() -> String {
    let start = TEXT.find("id = \"not_working_when\"").expect("there");
    let (head, tail) = TEXT.split_at(start);
    let tail = tail
        .replacen(
            "next = \"wait_full_effect\"",
            "next = \"not_working_review\"",
            1,
        )
        .replacen("Do not rub or press the spot.", "Do not rub the spot.", 1);
    format!("{head}{tail}")
}
