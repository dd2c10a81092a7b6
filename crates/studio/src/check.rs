//! Checking the text in the editor: the build's own validation
//! (`symptom_checker_core::validate::load`) and its diagnostics, one by
//! one, each with where it points in the editor.
//!
//! Pure: text in, a view-model out; no web types. Tested natively.

use symptom_checker::content::ContentRef;
use symptom_checker_core::diagnostic::Diagnostics;
use symptom_checker_core::validate::{load, load_for_approval};

use crate::toml_help::help_at;

/// One problem, ready to list beside the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one line.
    pub message: String,
    /// The line it points at, from 1.
    pub line: usize,
    /// The column it points at, from 1, in characters.
    pub column: usize,
    /// Where the cursor goes for it, in UTF-16 code units (what a text box
    /// counts): the start and the end of what the caret marks.
    pub cursor: (u32, u32),
    /// The whole diagnostic as `cargo content check` prints it: the
    /// message, `--> file:line:col`, the line, the caret and `help:`.
    pub rendered: String,
    /// What to type instead, in plain words, for a slip in quoting or
    /// brackets (see `toml_help`).
    pub help: Option<String>,
}

/// The result of checking one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    /// Every problem, in file order; empty when the build would take the
    /// text as it is.
    pub problems: Vec<Problem>,
    /// The validated content, to try and review: when there are no
    /// problems, or when the only one is that approved content changed
    /// since its approval (it then needs approving again).
    pub content: Option<ContentRef>,
}

/// Validates `source`, shown as read from `file`, exactly as the build and
/// `cargo content check` do (a language the widget has no interface text
/// for included).
pub fn check(file: &str, source: &str) -> Checked {
    let (diagnostics, content) = match load(file, source) {
        Ok(content) => (None, Some(content)),
        Err(diagnostics) => (Some(diagnostics), load_for_approval(file, source).ok()),
    };
    Checked {
        problems: diagnostics.map_or_else(Vec::new, |d| listed(&d)),
        content: content.map(ContentRef::new),
    }
}

/// The problems of `diagnostics`, ready to list.
fn listed(diagnostics: &Diagnostics) -> Vec<Problem> {
    let source = &diagnostics.source;
    diagnostics
        .problems
        .iter()
        .map(|p| {
            let (line, column) = line_column(source, p.span.start);
            Problem {
                message: p.message.clone(),
                line,
                column,
                cursor: (
                    utf16_offset(source, p.span.start),
                    utf16_offset(source, p.span.end),
                ),
                rendered: diagnostics.render(p),
                help: help_at(source, line),
            }
        })
        .collect()
}

/// The line and column (both from 1, the column in characters) of the
/// byte `offset` of `source`, as the diagnostics print them.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The byte `offset` of `source` in UTF-16 code units, as a text box
/// counts its selection.
pub fn utf16_offset(source: &str, offset: usize) -> u32 {
    let offset = floor_char_boundary(source, offset);
    source[..offset].encode_utf16().count() as u32
}

fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;

    /// The shipped text with the first `from` replaced by `to`.
    fn edited(from: &str, to: &str) -> String {
        let text = shipped::TEXT;
        assert!(text.contains(from), "the shipped content has {from:?}");
        text.replacen(from, to, 1)
    }

    #[test]
    fn the_shipped_content_is_valid() {
        let checked = check(shipped::NAME, shipped::TEXT);
        assert_eq!(checked.problems, vec![]);
        assert!(checked.content.is_some());
    }

    #[test]
    fn a_misspelt_reference_is_listed_at_its_line_as_the_cli_prints_it() {
        let text = edited("next = \"severity\"", "next = \"severty\"");
        let checked = check("edited.toml", &text);
        assert!(checked.content.is_none());
        let p = &checked.problems[0];
        assert_eq!(p.message, "unknown question or outcome `severty`");
        let offset = text.find("\"severty\"").expect("planted");
        assert_eq!((p.line, p.column), line_column(&text, offset));
        // The same text as `cargo content check` prints for the problem.
        let all = load("edited.toml", &text).expect_err("invalid").to_string();
        assert!(all.starts_with(&p.rendered), "{all}");
        assert!(
            p.rendered
                .contains(&format!("--> edited.toml:{}:{}", p.line, p.column)),
            "{}",
            p.rendered
        );
        assert!(p.rendered.contains("help: did you mean `severity`?"));
    }

    #[test]
    fn a_quotation_mark_typed_inside_a_text_says_what_to_type_instead() {
        let text = edited(
            "Do not rub or press the spot.",
            "Do not take \"extra\" doses.",
        );
        let checked = check("edited.toml", &text);
        assert_eq!(checked.problems.len(), 1);
        let p = &checked.problems[0];
        let help = p.help.as_deref().unwrap_or_default();
        assert!(help.contains("curly quotes: “extra”"), "{help}");
        // A problem that is not about quoting has no such help.
        let text = edited("next = \"severity\"", "next = \"severty\"");
        assert_eq!(check("edited.toml", &text).problems[0].help, None);
    }

    #[test]
    fn a_syntax_error_is_a_problem_too() {
        let checked = check("edited.toml", "id = \"x\"\nversion = \n");
        assert_eq!(checked.problems.len(), 1);
        assert_eq!(checked.problems[0].line, 2);
    }

    #[test]
    fn a_language_without_interface_text_is_refused_at_its_locale_as_the_build_refuses_it() {
        let text = edited(
            "locales = [\"en\", \"es\"]",
            "locales = [\"en\", \"es\", \"fr\"]",
        );
        let checked = check("edited.toml", &text);
        assert!(checked.content.is_none());
        let p = checked
            .problems
            .iter()
            .find(|p| p.message == "the widget has no interface text in `fr`")
            .expect("the language is refused");
        let offset = text.find("\"fr\"").expect("planted");
        assert_eq!((p.line, p.column), line_column(&text, offset));
        assert!(p.rendered.contains("help: the widget speaks en and es"));
    }

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = "ab\nçd\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 5), (2, 2), "ç is one character");
        assert_eq!(
            utf16_offset("𝄞x", 4),
            2,
            "a character beyond the BMP is two units"
        );
    }
}
