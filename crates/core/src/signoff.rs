//! The clinical sign-off: the hash of what a clinician approved.
//!
//! The hash covers everything that reaches a patient or decides a route:
//! every text in every locale, every id, urgency, link and target. It does
//! not cover comments, layout or the order of keys in the file, nor the
//! `[review]` record itself, so reformatting the file keeps an approval and
//! changing one character a patient could read breaks it.
//!
//! Each struct is destructured in full, so a field added to the model does
//! not compile here until it is hashed (or said not to matter).

use std::fmt::Write;

use sha2::{Digest, Sha256};

use crate::model::{Answer, Content, Group, Outcome, Question, Source, Target, Text};

/// The prefix of every content hash, naming the algorithm.
pub const HASH_PREFIX: &str = "sha256:";

/// The content's hash, `sha256:` and 64 hex digits.
pub fn content_hash(content: &Content) -> String {
    let digest = Sha256::digest(canonical(content).as_bytes());
    let mut out = String::from(HASH_PREFIX);
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The content as lines of `key: value`, values quoted, in model order.
pub fn canonical(content: &Content) -> String {
    let Content {
        id,
        version,
        review: _, // the record of the approval is not what was approved
        locales,
        default_locale,
        title,
        intro,
        scope,
        questions,
        outcomes,
    } = content;
    let mut w = Canon::default();
    w.value("id", id);
    w.value("version", version);
    for locale in locales.iter() {
        w.value("locale", locale);
    }
    w.value("default_locale", content.locale_code(*default_locale));
    w.text("title", title);
    w.text("intro", intro);
    if let Some(scope) = scope {
        w.text("scope", scope);
    }
    for q in questions.iter() {
        w.question(content, q);
    }
    for o in outcomes.iter() {
        w.outcome(o);
    }
    w.0
}

#[derive(Default)]
struct Canon(String);

impl Canon {
    fn value(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{key}: {value:?}");
    }

    fn text(&mut self, key: &str, text: &Text) {
        for (i, s) in text.0.iter().enumerate() {
            let _ = writeln!(self.0, "{key}[{i}]: {s:?}");
        }
    }

    fn question(&mut self, content: &Content, q: &Question) {
        let Question {
            id,
            kind,
            text,
            help,
            groups,
            answers,
        } = q;
        self.value("question", id.as_str());
        self.value("kind", &format!("{kind:?}"));
        self.text("text", text);
        if let Some(help) = help {
            self.text("help", help);
        }
        for Group { label } in groups.iter() {
            self.text("group", label);
        }
        for a in answers.iter() {
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
            self.value("answer", id.as_str());
            self.text("label", label);
            if let Some(hint) = hint {
                self.text("hint", hint);
            }
            if let Some(about) = about {
                self.text("about", about);
            }
            self.value("exclusive", &exclusive.to_string());
            self.value("red_flag", &red_flag.to_string());
            let next = match *next {
                Target::Question(q) => format!("question {}", content.question(q).id),
                Target::Outcome(o) => format!("outcome {}", content.outcome(o).id),
            };
            self.value("next", &next);
            if let Some(group) = group {
                self.value("group", &group.to_string());
            }
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
        self.value("outcome", id.as_str());
        self.value("urgency", urgency.as_str());
        self.text("title", title);
        self.text("summary", summary);
        for step in steps.iter() {
            self.text("step", step);
        }
        self.text("sooner", sooner);
        self.text("tell_clinician", tell_clinician);
        for Source { title, url } in sources.iter() {
            self.text("source", title);
            // One line when every locale cites the same page, as before
            // sources could have a page per language.
            match url.0.split_first() {
                Some((first, rest)) if rest.iter().all(|u| u == first) => self.value("url", first),
                _ => self.text("url", url),
            }
        }
    }
}
