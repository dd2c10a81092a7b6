//! Diagnostics for content files: each problem points at `file:line:col`
//! with the offending line, a caret and, where one fits, a `help:`.
//!
//! Rendering (line and column arithmetic included) is left to
//! `annotate-snippets`, the crate cargo and rustc use, so no offsets are
//! computed by hand here.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// One problem in a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, e.g. "unknown question or outcome `severty`".
    pub message: String,
    /// Byte range in the source the problem points at.
    pub span: Range<usize>,
    /// Short text under the caret.
    pub label: String,
    /// A hint at the fix, e.g. "did you mean `severity`?".
    pub help: Option<String>,
}

impl Problem {
    /// A problem at `span`.
    pub fn new(
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Problem {
        Problem {
            message: message.into(),
            span,
            label: label.into(),
            help: None,
        }
    }

    /// The same problem with a `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// Every problem found in one file, with what is needed to show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostics {
    /// The file's path as given (shown in `--> path:line:col`).
    pub path: String,
    /// The file's text.
    pub source: String,
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl Diagnostics {
    /// One problem of this file as cargo renders it, without colour: the
    /// message, `--> path:line:col`, the line with a caret and its label,
    /// and the `help:`.
    pub fn render(&self, problem: &Problem) -> String {
        // Clamp so a span at the very end of the file still renders.
        let end = problem.span.end.min(self.source.len());
        let start = problem.span.start.min(end);
        let mut group = Group::with_title(Level::ERROR.primary_title(&problem.message)).element(
            Snippet::source(&self.source).path(&self.path).annotation(
                AnnotationKind::Primary
                    .span(start..end)
                    .label(&problem.label),
            ),
        );
        if let Some(help) = &problem.help {
            group = group.element(Level::HELP.message(help));
        }
        Renderer::plain().render(&[group])
    }
}

impl fmt::Display for Diagnostics {
    /// Renders every problem as cargo does, without colour, then a count.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.problems {
            writeln!(f, "{}\n", self.render(problem))?;
        }
        let n = self.problems.len();
        let plural = if n == 1 { "" } else { "s" };
        write!(
            f,
            "error: {n} problem{plural} in content file `{}`",
            self.path
        )
    }
}

/// The candidate closest to `word` by edit distance, if close enough to be
/// a likely typo: "did you mean …?".
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["severity", "reason", "injected"];
        assert_eq!(did_you_mean("severty", ids), Some("severity"));
        assert_eq!(did_you_mean("resaon", ids), Some("reason"));
        assert_eq!(did_you_mean("duration", ids), None);
    }
}
