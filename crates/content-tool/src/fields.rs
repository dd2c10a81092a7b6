//! Every value of a content file as a flat list of located fields, in file
//! order: the strings (one field per locale) and the other values (ids,
//! urgency, routing, flags, dates, URLs).
//!
//! `stats` counts and grades the strings; `diff` compares two lists by
//! location. Read-only over a validated `Content`; it never re-reads the
//! file.

use symptom_checker_core::model::{
    Answer, Content, Group, Outcome, Question, Source, Target, Text,
};

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
///
/// Each struct is destructured in full, as the sign-off hash does
/// (`symptom_checker_core::signoff`), so a field added to the model does not
/// compile here until it is listed (or said not to be a field): a new text
/// cannot silently drop out of the reading-level report and "what changed
/// for patients".
pub fn fields(content: &Content) -> Vec<Field> {
    let Content {
        id,
        version,
        review: _, // listed as the one-line sign-off below
        locales,
        default_locale,
        title,
        intro,
        scope,
        questions,
        outcomes,
    } = content;
    let mut out = Fields {
        content,
        fields: Vec::new(),
    };
    out.value("content / id", id);
    out.value("content / version", version);
    out.value("content / review", &crate::approval::sign_off(content));
    out.value("content / locales", &locales.join(", "));
    out.value(
        "content / default_locale",
        content.locale_code(*default_locale),
    );
    out.text("content / title", title, true);
    out.text("content / intro", intro, true);
    if let Some(scope) = scope {
        out.text("content / scope", scope, true);
    }
    let order: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    out.value("content / question order", &order.join(", "));
    for q in questions.iter() {
        out.question(q);
    }
    for o in outcomes.iter() {
        out.outcome(o);
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
    fn question(&mut self, q: &Question) {
        let Question {
            id,
            kind,
            text,
            help,
            groups,
            answers,
        } = q;
        let at = format!("question {id}");
        self.value(&format!("{at} / kind"), kind.as_str());
        self.text(&format!("{at} / text"), text, true);
        if let Some(help) = help {
            self.text(&format!("{at} / help"), help, true);
        }
        for (i, Group { label }) in groups.iter().enumerate() {
            self.text(&format!("{at} / group {}", i + 1), label, true);
        }
        let order: Vec<&str> = answers.iter().map(|a| a.id.as_str()).collect();
        self.value(&format!("{at} / answer order"), &order.join(", "));
        for a in answers.iter() {
            self.answer(&at, a);
        }
    }

    fn answer(&mut self, question: &str, a: &Answer) {
        let Answer {
            id,
            label,
            hint,
            about,
            exclusive,
            red_flag,
            next,
            group,
        } = a;
        let at = format!("{question} / answer {id}");
        self.text(&format!("{at} / label"), label, true);
        if let Some(hint) = hint {
            self.text(&format!("{at} / hint"), hint, true);
        }
        if let Some(about) = about {
            self.text(&format!("{at} / about"), about, false);
        }
        self.value(&format!("{at} / exclusive"), &exclusive.to_string());
        self.value(&format!("{at} / red_flag"), &red_flag.to_string());
        self.value(&format!("{at} / next"), &target_id(self.content, *next));
        if let Some(g) = group {
            self.value(&format!("{at} / group"), &(usize::from(*g) + 1).to_string());
        }
    }

    fn outcome(&mut self, o: &Outcome) {
        let Outcome {
            id,
            urgency,
            title,
            summary,
            steps,
            sooner,
            tell_clinician,
            sources,
        } = o;
        let at = format!("outcome {id}");
        self.value(&format!("{at} / urgency"), urgency.as_str());
        self.text(&format!("{at} / title"), title, true);
        self.text(&format!("{at} / summary"), summary, true);
        for (i, step) in steps.iter().enumerate() {
            self.text(&format!("{at} / step {}", i + 1), step, true);
        }
        self.text(&format!("{at} / sooner"), sooner, true);
        self.text(&format!("{at} / tell_clinician"), tell_clinician, true);
        for (i, Source { title, url }) in sources.iter().enumerate() {
            let at = format!("{at} / source {}", i + 1);
            self.text(&format!("{at} / title"), title, false);
            match url.0.split_first() {
                Some((first, rest)) if rest.iter().all(|u| u == first) => {
                    self.value(&format!("{at} / url"), first);
                }
                _ => {
                    for (code, url) in self.content.locales.iter().zip(url.0.iter()) {
                        self.value(&format!("{at} / url ({code})"), url);
                    }
                }
            }
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use symptom_checker_core::signoff::canonical;

    /// The shipped content, validated as the build validates it.
    fn shipped() -> Content {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/content/botox-aftercare.toml"
        );
        let source = std::fs::read_to_string(file).expect("the shipped content");
        symptom_checker_core::validate::load(file, &source).expect("valid")
    }

    #[test]
    fn every_text_the_sign_off_hash_covers_is_a_field() {
        let content = shipped();
        let listed: std::collections::HashSet<String> = fields(&content)
            .into_iter()
            .filter(Field::is_text)
            .map(|f| f.value)
            .collect();
        // The hash's canonical form writes each text as `key[locale]: "…"`,
        // an independent walk of the same model.
        let mut texts = 0;
        for line in canonical(&content).lines() {
            let Some((key, value)) = line.split_once(": ") else {
                continue;
            };
            if key.ends_with(']') && !key.starts_with("url[") {
                let value: String = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .expect("a quoted value")
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\");
                assert!(listed.contains(&value), "{key} {value:?} is not a field");
                texts += 1;
            }
        }
        assert!(
            texts > 600,
            "the canonical form has the content's texts ({texts})"
        );
    }
}
