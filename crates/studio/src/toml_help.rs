//! Help in a clinician's words for the commonest slips in TOML's syntax,
//! said with the parser's own message: a quotation mark typed inside a
//! text (which ends the text early), a text without its closing quotation
//! mark, and a `{` or `[` left open on its line. Each says what to type
//! instead.
//!
//! Pure: a line of the file in, a sentence out. Tested natively.

/// What is wrong with one line of the file, as far as quoting and brackets
/// go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slip {
    /// A text ends where the clinician meant a quotation mark inside it;
    /// `quoted` is what stands between that mark and the next.
    QuoteInside { quoted: String },
    /// A text has no closing quotation mark on its line.
    Unclosed,
    /// A `{` is not closed on its line.
    OpenBrace,
    /// A table's header (`[...]` or `[[...]]`) is not closed.
    OpenHeader,
}

impl Slip {
    /// What to type instead, in plain words.
    pub fn help(&self) -> String {
        match self {
            Slip::QuoteInside { quoted } => format!(
                "A straight quotation mark (\") ends a text, so this text stops before “{quoted}”. To quote inside a text, type curly quotes: “{quoted}”, or put a backslash before each straight one: \\\"{quoted}\\\"."
            ),
            Slip::Unclosed => "This text has no closing quotation mark. End the text with \" on the same line, before the comma or } that follows it.".to_owned(),
            Slip::OpenBrace => "This line opens { but does not close it. A text in both languages must end with } on the same line: { en = \"…\", es = \"…\" }.".to_owned(),
            Slip::OpenHeader => "This heading is not closed: end it with ] (or ]] for a [[…]] heading) on the same line.".to_owned(),
        }
    }
}

/// The first slip on `line`, a line of a TOML file, if any. Lines with
/// multi-line strings (`"""`, `'''`) are left alone.
pub fn slip(line: &str) -> Option<Slip> {
    if line.contains("\"\"\"") || line.contains("'''") {
        return None;
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    if trimmed.starts_with('[') && !trimmed.contains('=') {
        let header = trimmed.split('#').next().unwrap_or("").trim_end();
        let opens = header.chars().take_while(|&c| c == '[').count();
        let closes = header.chars().rev().take_while(|&c| c == ']').count();
        return (closes < opens).then_some(Slip::OpenHeader);
    }
    let chars: Vec<char> = line.chars().collect();
    let mut braces = 0i32;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '#' => break,
            '{' => braces += 1,
            '}' => braces -= 1,
            '\'' => match chars[i + 1..].iter().position(|&c| c == '\'') {
                Some(end) => i += end + 1,
                None => return Some(Slip::Unclosed),
            },
            '"' => {
                // A basic string: to the next quotation mark not escaped.
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                if j >= chars.len() {
                    return Some(Slip::Unclosed);
                }
                // After a text comes a comma, a closing bracket, a comment
                // or the end of the line; a word means the text was meant
                // to go on.
                // A text that seems to end right after `, es = ` had no
                // closing mark: the next text's opening mark closed it.
                let inner: String = chars[i + 1..j].iter().collect();
                if inner.contains(',') && inner.trim_end().ends_with('=') {
                    return Some(Slip::Unclosed);
                }
                let after = chars[j + 1..].iter().find(|c| !c.is_whitespace());
                if let Some(&c) = after
                    && !matches!(c, ',' | '}' | ']' | '#')
                {
                    let rest: String = chars[j + 1..].iter().collect();
                    let quoted = rest.split('"').next().unwrap_or("").to_owned();
                    return Some(Slip::QuoteInside { quoted });
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    (braces > 0).then_some(Slip::OpenBrace)
}

/// The help for a problem at `line` (from 1) of `source`: the slip on that
/// line, or on the line before it (a parser may notice an open `{` or
/// text only at the next line).
pub fn help_at(source: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = source.split('\n').collect();
    let at = |n: usize| {
        n.checked_sub(1)
            .and_then(|i| lines.get(i))
            .and_then(|l| slip(l))
    };
    at(line)
        .or_else(|| at(line.saturating_sub(1)))
        .map(|s| s.help())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_mark_inside_a_text_is_found_with_what_it_quotes() {
        let line =
            r#"summary = { en = "Do not take "extra" doses.", es = "No tome dosis extra." }"#;
        assert_eq!(
            slip(line),
            Some(Slip::QuoteInside {
                quoted: "extra".to_owned()
            })
        );
        let help = slip(line).map(|s| s.help()).unwrap_or_default();
        assert!(help.contains("“extra”"), "{help}");
        assert!(help.contains(r#"\"extra\""#), "{help}");
    }

    #[test]
    fn curly_and_escaped_quotation_marks_are_fine() {
        for line in [
            r#"summary = { en = "Do not take “extra” doses.", es = "No tome dosis extra." }"#,
            r#"summary = { en = "Do not take \"extra\" doses.", es = "No tome dosis extra." }"#,
            r#"id = "red_flags" # a comment with "quotes""#,
            r#"locales = ["en", "es"]"#,
            r#"steps = ["#,
            r#"  { en = "Rest.", es = "Descanse." },"#,
            "[[questions.answers]]",
            "[review]",
            "",
            "# a comment",
        ] {
            assert_eq!(slip(line), None, "{line}");
        }
    }

    #[test]
    fn a_text_without_its_closing_quotation_mark() {
        assert_eq!(
            slip(r#"title = { en = "Rest, es = "Descanse" }"#),
            Some(Slip::Unclosed),
            "the next text's opening mark closes it"
        );
        assert_eq!(
            slip(r#"title = { en = "Rest", es = "Descanse }"#),
            Some(Slip::Unclosed)
        );
        assert_eq!(slip(r#"id = "red_flags"#), Some(Slip::Unclosed));
    }

    #[test]
    fn brackets_left_open() {
        assert_eq!(
            slip(r#"title = { en = "Rest", es = "Descanse""#),
            Some(Slip::OpenBrace)
        );
        assert_eq!(slip("[[questions.answers]"), Some(Slip::OpenHeader));
        assert_eq!(slip("[review"), Some(Slip::OpenHeader));
    }

    #[test]
    fn the_help_comes_from_the_line_or_the_one_before() {
        let source = "id = \"x\"\ntitle = { en = \"a\", es = \"b\"\nversion = \"1\"\n";
        assert!(help_at(source, 3).is_some_and(|h| h.contains("does not close")));
        assert!(help_at(source, 1).is_none());
    }
}
