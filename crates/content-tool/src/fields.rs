//! Every value of a content file as a flat list of located fields, in file
//! order: the strings (one field per locale) and the other values (ids,
//! urgency, routing, flags, dates, URLs).
//!
//! `stats` counts and grades the strings; `diff` compares two lists by
//! location. Read-only over a validated `Content`; it never re-reads the
//! file.

use symptom_checker_core::model::{Content, Kind, Target, Text};

/// One value of the content, at a location a reviewer can find in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Where it is, e.g. `question severity / answer moderate / hint`.
    pub location: String,
    /// The locale of a string; `None` for a value that is not text.
    pub locale: Option<String>,
    /// The value as text.
    pub value: String,
    /// Whether a readability formula should grade it: patient-facing
    /// prose, so not source titles (names of documents, not our writing).
    pub graded: bool,
}

impl Field {
    /// Whether it is a string shown to patients (in some locale).
    pub fn is_text(&self) -> bool {
        self.locale.is_some()
    }
}

/// Every field of `content`, in file order.
pub fn fields(content: &Content) -> Vec<Field> {
    let mut out = Fields {
        content,
        fields: Vec::new(),
    };
    out.value("content / id", &content.id);
    out.value("content / version", &content.version);
    out.value("content / review", &crate::review::sign_off(content));
    out.value("content / locales", &content.locales.join(", "));
    out.value(
        "content / default_locale",
        content.locale_code(content.default_locale),
    );
    out.text("content / title", &content.title, true);
    out.text("content / intro", &content.intro, true);
    if let Some(scope) = &content.scope {
        out.text("content / scope", scope, true);
    }
    let order: Vec<&str> = content.questions.iter().map(|q| q.id.as_str()).collect();
    out.value("content / question order", &order.join(", "));
    for q in content.questions.iter() {
        let at = format!("question {}", q.id);
        let kind = match q.kind {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
        };
        out.value(&format!("{at} / kind"), kind);
        out.text(&format!("{at} / text"), &q.text, true);
        if let Some(help) = &q.help {
            out.text(&format!("{at} / help"), help, true);
        }
        for (i, g) in q.groups.iter().enumerate() {
            out.text(&format!("{at} / group {}", i + 1), &g.label, true);
        }
        let order: Vec<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
        out.value(&format!("{at} / answer order"), &order.join(", "));
        for a in q.answers.iter() {
            let at = format!("{at} / answer {}", a.id);
            out.text(&format!("{at} / label"), &a.label, true);
            if let Some(hint) = &a.hint {
                out.text(&format!("{at} / hint"), hint, true);
            }
            if let Some(about) = &a.about {
                out.text(&format!("{at} / about"), about, false);
            }
            out.value(&format!("{at} / exclusive"), &a.exclusive.to_string());
            out.value(&format!("{at} / red_flag"), &a.red_flag.to_string());
            out.value(&format!("{at} / next"), &target_id(content, a.next));
            if let Some(g) = a.group {
                out.value(&format!("{at} / group"), &(usize::from(g) + 1).to_string());
            }
        }
    }
    for o in content.outcomes.iter() {
        let at = format!("outcome {}", o.id);
        out.value(&format!("{at} / urgency"), o.urgency.as_str());
        out.text(&format!("{at} / title"), &o.title, true);
        out.text(&format!("{at} / summary"), &o.summary, true);
        for (i, step) in o.steps.iter().enumerate() {
            out.text(&format!("{at} / step {}", i + 1), step, true);
        }
        out.text(&format!("{at} / sooner"), &o.sooner, true);
        out.text(&format!("{at} / tell_clinician"), &o.tell_clinician, true);
        for (i, source) in o.sources.iter().enumerate() {
            let at = format!("{at} / source {}", i + 1);
            out.text(&format!("{at} / title"), &source.title, false);
            match source.url.0.split_first() {
                Some((first, rest)) if rest.iter().all(|u| u == first) => {
                    out.value(&format!("{at} / url"), first);
                }
                _ => {
                    for (code, url) in content.locales.iter().zip(source.url.0.iter()) {
                        out.value(&format!("{at} / url ({code})"), url);
                    }
                }
            }
        }
    }
    out.fields
}

/// The public id of a question or outcome an answer leads to.
pub fn target_id(content: &Content, target: Target) -> String {
    match target {
        Target::Question(q) => content.question(q).id.to_string(),
        Target::Outcome(o) => content.outcome(o).id.to_string(),
    }
}

struct Fields<'a> {
    content: &'a Content,
    fields: Vec<Field>,
}

impl Fields<'_> {
    fn value(&mut self, location: &str, value: &str) {
        self.fields.push(Field {
            location: location.to_owned(),
            locale: None,
            value: value.to_owned(),
            graded: false,
        });
    }

    fn text(&mut self, location: &str, text: &Text, graded: bool) {
        for (code, value) in self.content.locales.iter().zip(text.0.iter()) {
            self.fields.push(Field {
                location: location.to_owned(),
                locale: Some(code.to_string()),
                value: value.to_string(),
                graded,
            });
        }
    }
}
