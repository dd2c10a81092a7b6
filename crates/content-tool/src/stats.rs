//! Figures about a content file: counts, paths exact and grouped, the
//! deepest path, strings per locale, and the reading level of every
//! patient-facing string, with those above grade 8 listed.
//!
//! Pure: computes from a validated `Content` and renders Markdown.

use symptom_checker_core::model::{Content, Urgency, fill};
use symptom_checker_core::paths::{all_paths, summarize};

use crate::combined::combined_of;

use crate::fields::fields;
use crate::grouped::{GroupedPath, grouped_paths};
use crate::markdown::{cell, header, row};
use crate::readability::{Counts, Formula, MIN_WORDS, TARGET_GRADE, fernandez_huerta};

/// One graded string.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    /// Where it is (see `fields`).
    pub location: String,
    /// Its locale.
    pub locale: String,
    /// The string.
    pub text: String,
    /// Its words, sentences and syllables.
    pub counts: Counts,
    /// Its grade, rounded to one decimal.
    pub grade: f64,
}

/// The reading level of one locale's strings.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The locale code.
    pub locale: String,
    /// The formula used, or `None` when the tool has none for the language.
    pub formula: Option<Formula>,
    /// Every graded string, in file order.
    pub graded: Vec<Graded>,
    /// The grade of all graded strings taken as one text, rounded.
    pub whole: f64,
}

impl Reading {
    /// The graded strings above the target grade, hardest first.
    pub fn above_target(&self) -> Vec<&Graded> {
        let mut above: Vec<&Graded> = self
            .graded
            .iter()
            .filter(|g| g.grade > TARGET_GRADE)
            .collect();
        above.sort_by(|a, b| b.grade.total_cmp(&a.grade));
        above
    }

    /// The highest grade of one string.
    pub fn hardest(&self) -> f64 {
        self.graded.iter().map(|g| g.grade).fold(0.0, f64::max)
    }
}

/// Every figure `stats` reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// Questions.
    pub questions: usize,
    /// Of which multiple choice.
    pub multiple_choice: usize,
    /// Answers over all questions.
    pub answers: usize,
    /// Outcomes per urgency, most urgent first.
    pub outcomes: Vec<(Urgency, usize)>,
    /// Every path with one set of answers per question.
    pub exact_paths: u64,
    /// Rows of the path table.
    pub grouped_paths: usize,
    /// The first deepest grouped path of one branch, depth first.
    pub deepest: Option<GroupedPath>,
    /// Exact paths that open several branches (several concerns at once).
    pub combined_paths: u64,
    /// The most questions asked on any exact path.
    pub most_questions: usize,
    /// Strings per locale, in declared order.
    pub strings: Vec<(String, usize)>,
    /// Reading level per locale, in declared order.
    pub reading: Vec<Reading>,
}

/// Rounds to one decimal, without a negative zero.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

/// Computes every figure of `content`.
pub fn stats(content: &Content) -> Stats {
    let grouped = grouped_paths(content);
    let exact = all_paths(content).unwrap_or_default();
    let mut deepest: Option<&GroupedPath> = None;
    for p in &grouped {
        if deepest.is_none_or(|d| p.steps.len() > d.steps.len()) {
            deepest = Some(p);
        }
    }
    let all = fields(content);
    let strings = content
        .locales
        .iter()
        .map(|l| {
            let n = all
                .iter()
                .filter(|f| f.locale.as_deref() == Some(l.as_ref()))
                .count();
            (l.to_string(), n)
        })
        .collect();
    let reading = content
        .locales
        .iter()
        .map(|l| {
            let formula = Formula::for_locale(l);
            let graded: Vec<Graded> = match formula {
                None => Vec::new(),
                Some(formula) => all
                    .iter()
                    .filter(|f| f.graded && f.locale.as_deref() == Some(l.as_ref()))
                    // Graded as the patient reads it, with a number in
                    // place of `{emergency_number}`.
                    .map(|f| (f, formula.counts(&fill(&f.value, "911"))))
                    .filter(|(_, c)| c.words >= MIN_WORDS)
                    .map(|(f, counts)| Graded {
                        location: f.location.clone(),
                        locale: l.to_string(),
                        text: f.value.clone(),
                        counts,
                        grade: round1(formula.grade(counts)),
                    })
                    .collect(),
            };
            let total = graded.iter().fold(Counts::default(), |t, g| t + g.counts);
            Reading {
                locale: l.to_string(),
                formula,
                whole: formula.map_or(0.0, |f| round1(f.grade(total))),
                graded,
            }
        })
        .collect();
    Stats {
        questions: content.questions.len(),
        multiple_choice: content
            .questions
            .iter()
            .filter(|q| q.kind.allows_several())
            .count(),
        answers: content.questions.iter().map(|q| q.answers.len()).sum(),
        outcomes: Urgency::ALL
            .iter()
            .map(|&u| {
                (
                    u,
                    content.outcomes.iter().filter(|o| o.urgency == u).count(),
                )
            })
            .collect(),
        // Validation has enumerated every path already, so this succeeds.
        exact_paths: exact.iter().map(|p| p.exact).sum(),
        combined_paths: combined_of(content, &exact).paths,
        most_questions: summarize(content, &exact).deepest,
        grouped_paths: grouped.len(),
        deepest: deepest.cloned(),
        strings,
        reading,
    }
}

/// The stats as Markdown: a table of figures, the reading level per locale,
/// the strings above grade 8, and with `every_string` a table of every
/// graded string. `heading` is the level of the section headings (`##`).
pub fn render(content: &Content, stats: &Stats, heading: &str, every_string: bool) -> String {
    let mut out = header(&["Figure", "Value"]);
    out.push('\n');
    let mut figure = |name: &str, value: String| {
        out.push_str(&row(&[name, &cell(&value)]));
        out.push('\n');
    };
    figure(
        "Questions",
        format!(
            "{} ({} multiple choice, {} single choice)",
            stats.questions,
            stats.multiple_choice,
            stats.questions - stats.multiple_choice
        ),
    );
    figure("Answers", stats.answers.to_string());
    let per_urgency: Vec<String> = stats
        .outcomes
        .iter()
        .map(|(u, n)| format!("{n} {}", u.as_str()))
        .collect();
    let outcomes: usize = stats.outcomes.iter().map(|(_, n)| n).sum();
    figure(
        "Outcomes",
        format!("{outcomes} ({})", per_urgency.join(", ")),
    );
    figure(
        "Paths, exact",
        format!(
            "{} (each set of ticked boxes, and every branch it opens, counted)",
            stats.exact_paths
        ),
    );
    figure(
        "Paths, grouped",
        format!(
            "{} (one concern at a time; sets of boxes that end in the same place counted once)",
            stats.grouped_paths
        ),
    );
    figure(
        "Paths, several concerns",
        format!(
            "{} exact paths open more than one branch",
            stats.combined_paths
        ),
    );
    figure(
        "Most questions on one path",
        stats.most_questions.to_string(),
    );
    let deepest = match &stats.deepest {
        Some(p) => format!("{} questions: {}", p.steps.len(), p.describe(content)),
        None => "none".to_owned(),
    };
    figure("Deepest path, one concern", deepest);
    for (locale, n) in &stats.strings {
        figure(&format!("Strings, `{locale}`"), n.to_string());
    }

    out.push_str(&format!(
        "\n{heading} Reading level\n\nGraded: every patient-facing string of {MIN_WORDS} or more words, \
         each on its own. Shorter labels (\"Severe\", \"Today\") get meaningless scores from \
         formulas made for running text, and source titles are names of documents, so neither \
         is graded. Target: grade {TARGET_GRADE:.0} or below.\n\n"
    ));
    out.push_str(&header(&[
        "Locale",
        "Formula",
        "Strings graded",
        "Whole text",
        "Hardest string",
        "Above grade 8",
    ]));
    out.push('\n');
    for r in &stats.reading {
        let Some(formula) = r.formula else {
            let cells = [
                format!("`{}`", r.locale),
                "none for this language".to_owned(),
            ];
            out.push_str(&row(&[&cells[0], &cells[1], "–", "–", "–", "–"]));
            out.push('\n');
            continue;
        };
        let whole = match formula {
            Formula::FleschKincaid => format!("{:.1}", r.whole),
            Formula::FernandezHuerta => {
                let total = r.graded.iter().fold(Counts::default(), |t, g| t + g.counts);
                format!(
                    "{:.1} (score {:.1})",
                    r.whole,
                    round1(fernandez_huerta(total))
                )
            }
        };
        let cells = [
            format!("`{}`", r.locale),
            formula.name().to_owned(),
            r.graded.len().to_string(),
            whole,
            format!("{:.1}", r.hardest()),
            r.above_target().len().to_string(),
        ];
        out.push_str(&row(&cells));
        out.push('\n');
    }

    let above: Vec<&Graded> = stats
        .reading
        .iter()
        .flat_map(|r| r.above_target())
        .collect();
    out.push_str(&format!(
        "\n{heading} Strings above grade {TARGET_GRADE:.0}\n\n"
    ));
    if above.is_empty() {
        out.push_str(&format!(
            "None: every graded string is at grade {TARGET_GRADE:.0} or below.\n"
        ));
    } else {
        out.push_str(&graded_table(&above));
    }
    if every_string {
        let all: Vec<&Graded> = stats.reading.iter().flat_map(|r| &r.graded).collect();
        out.push_str(&format!("\n{heading} Every graded string\n\n"));
        out.push_str(&graded_table(&all));
    }
    out
}

fn graded_table(rows: &[&Graded]) -> String {
    let mut out = header(&["Locale", "Grade", "Words", "Where", "Text"]);
    out.push('\n');
    for g in rows {
        let cells = [
            format!("`{}`", g.locale),
            format!("{:.1}", g.grade),
            g.counts.words.to_string(),
            cell(&g.location),
            cell(&g.text),
        ];
        out.push_str(&row(&cells));
        out.push('\n');
    }
    out
}
