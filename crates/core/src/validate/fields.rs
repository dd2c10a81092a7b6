//! Checks of single fields that need more than their own value: the
//! emergency-number placeholder, one title per source URL, answer groups
//! standing together.

use super::*;

impl Validator {
    /// Only outcome texts may hold the `{emergency_number}` placeholder,
    /// and no text may hold any other braces.
    pub(super) fn check_placeholders(&mut self, value: &Spanned<String>, what: &str) {
        let text = value.get_ref();
        let rest = if self.in_outcome {
            text.replace(EMERGENCY_NUMBER, "")
        } else {
            text.clone()
        };
        if !rest.contains(['{', '}']) {
            return;
        }
        let problem = if text.contains(EMERGENCY_NUMBER) && !self.in_outcome {
            Problem::new(
                span(value),
                format!("{what} uses `{EMERGENCY_NUMBER}`"),
                "placeholder outside an outcome",
            )
            .help("only outcome texts may show the emergency number; write \"the emergency number\" here")
        } else {
            Problem::new(
                span(value),
                format!("{what} has braces that are not a placeholder"),
                "unknown placeholder",
            )
            .help(format!(
                "the only placeholder is `{EMERGENCY_NUMBER}` (outcomes only); remove the other braces"
            ))
        };
        self.report(problem);
    }

    /// A source URL has one title, wherever it is cited.
    pub(super) fn check_one_title(&mut self, url: &str, title: &Text, raw: &Spanned<RawText>) {
        match self.source_titles.get(url) {
            None => {
                self.source_titles.insert(url.to_owned(), title.clone());
            }
            Some(first) if first != title => {
                let first = first.get(Locale(0)).to_owned();
                self.report(
                    Problem::new(
                        span(raw),
                        format!("source `{url}` is cited with two titles"),
                        "a different title",
                    )
                    .help(format!("cite it with the title used first: \"{first}\"")),
                );
            }
            Some(_) => {}
        }
    }

    /// The answers of a group stand together, so the page can draw each
    /// group as one labelled box; every group has answers.
    pub(super) fn check_groups_contiguous(
        &mut self,
        question: &str,
        raw: &RawQuestion,
        answers: &[Answer],
        groups: &[(String, Group)],
    ) {
        let mut closed = BTreeSet::new();
        let mut current: Option<u8> = None;
        for (answer, raw_answer) in answers.iter().zip(&raw.answers) {
            if answer.group != current {
                if let Some(done) = current {
                    closed.insert(done);
                }
                if let Some(g) = answer.group.filter(|g| closed.contains(g)) {
                    let at = raw_answer
                        .get_ref()
                        .group
                        .as_ref()
                        .map_or_else(|| span(&raw_answer.get_ref().id), span);
                    let name = groups.get(usize::from(g)).map_or("", |(id, _)| id);
                    self.report(
                        Problem::new(
                            at,
                            format!("the answers of group `{name}` in question `{question}` are not next to each other"),
                            "apart from the rest of its group",
                        )
                        .help("move this answer next to the other answers of its group"),
                    );
                    return;
                }
                current = answer.group;
            }
        }
        for (i, g) in raw.groups.iter().enumerate() {
            if !answers.iter().any(|a| a.group == u8::try_from(i).ok()) {
                self.report(
                    Problem::new(
                        span(&g.get_ref().id),
                        format!(
                            "group `{}` of question `{question}` has no answers",
                            g.get_ref().id.get_ref()
                        ),
                        "no answer names this group",
                    )
                    .help("set `group = \"…\"` on its answers, or remove the group"),
                );
            }
        }
    }
}
