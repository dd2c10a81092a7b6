//! `cargo content json [FILE]`: the validated content as JSON, for readers
//! outside Rust (the end-to-end suite checks the widget's words against
//! it), so none of them parses the TOML again.
//!
//! The shape follows the content file, in its order: ids as written; every
//! text an object keyed by locale code (`{"en": "…", "es": "…"}`); a
//! missing optional text `null`. An answer's `group` is the position of its
//! group in its question's `groups` (which keep only their labels after
//! validation), and `next` is `{"question": id}` or `{"outcome": id}`.
//! Texts are as written: the `{emergency_number}` placeholder is the
//! reader's to fill in.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use symptom_checker_core::model::{self, Content, Review, Target};

/// `content` as pretty-printed JSON, with a final newline.
pub fn content_json(content: &Content) -> String {
    let mut out = serde_json::to_string_pretty(&Json::new(content))
        .unwrap_or_else(|e| unreachable!("the content always serialises: {e}"));
    out.push('\n');
    out
}

/// The content file's JSON form.
#[derive(Serialize)]
struct Json<'a> {
    id: &'a str,
    version: &'a str,
    review: JsonReview<'a>,
    locales: Vec<&'a str>,
    default_locale: &'a str,
    title: Text<'a>,
    intro: Text<'a>,
    scope: Option<Text<'a>>,
    questions: Vec<Question<'a>>,
    outcomes: Vec<Outcome<'a>>,
}

#[derive(Serialize)]
struct JsonReview<'a> {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    approved_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_review: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_hash: Option<&'a str>,
}

/// A text in every locale, as `{code: string}` in the content's locale order.
struct Text<'a> {
    locales: &'a [model::Str],
    text: &'a model::Text,
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.locales.len()))?;
        for (code, s) in self.locales.iter().zip(self.text.0.iter()) {
            map.serialize_entry(code.as_ref(), s.as_ref())?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Question<'a> {
    id: &'a str,
    kind: &'static str,
    text: Text<'a>,
    help: Option<Text<'a>>,
    groups: Vec<Group<'a>>,
    answers: Vec<Answer<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    label: Text<'a>,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a str,
    label: Text<'a>,
    hint: Option<Text<'a>>,
    about: Option<Text<'a>>,
    exclusive: bool,
    red_flag: bool,
    next: Next<'a>,
    group: Option<u8>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Next<'a> {
    Question(&'a str),
    Outcome(&'a str),
}

#[derive(Serialize)]
struct Outcome<'a> {
    id: &'a str,
    urgency: &'static str,
    title: Text<'a>,
    summary: Text<'a>,
    steps: Vec<Text<'a>>,
    sooner: Text<'a>,
    tell_clinician: Text<'a>,
    sources: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    title: Text<'a>,
    url: Text<'a>,
}

impl<'a> Json<'a> {
    fn new(c: &'a Content) -> Json<'a> {
        let text = |text: &'a model::Text| Text {
            locales: &c.locales,
            text,
        };
        let review = match &c.review {
            Review::Draft => JsonReview {
                status: "draft",
                approved_by: None,
                role: None,
                date: None,
                next_review: None,
                content_hash: None,
            },
            Review::Approved(a) => JsonReview {
                status: "approved",
                approved_by: Some(&a.by),
                role: Some(&a.role),
                date: Some(a.date.to_string()),
                next_review: Some(a.next_review.to_string()),
                content_hash: Some(&a.hash),
            },
        };
        let answer = |a: &'a model::Answer| Answer {
            id: a.id.as_str(),
            label: text(&a.label),
            hint: a.hint.as_ref().map(text),
            about: a.about.as_ref().map(text),
            exclusive: a.exclusive,
            red_flag: a.red_flag,
            next: match a.next {
                Target::Question(idx) => Next::Question(c.question(idx).id.as_str()),
                Target::Outcome(idx) => Next::Outcome(c.outcome(idx).id.as_str()),
            },
            group: a.group,
        };
        Json {
            id: &c.id,
            version: &c.version,
            review,
            locales: c.locales.iter().map(AsRef::as_ref).collect(),
            default_locale: c
                .locales
                .get(usize::from(c.default_locale.0))
                .map_or("", AsRef::as_ref),
            title: text(&c.title),
            intro: text(&c.intro),
            scope: c.scope.as_ref().map(text),
            questions: c
                .questions
                .iter()
                .map(|q| Question {
                    id: q.id.as_str(),
                    kind: q.kind.as_str(),
                    text: text(&q.text),
                    help: q.help.as_ref().map(text),
                    groups: q
                        .groups
                        .iter()
                        .map(|g| Group {
                            label: text(&g.label),
                        })
                        .collect(),
                    answers: q.answers.iter().map(answer).collect(),
                })
                .collect(),
            outcomes: c
                .outcomes
                .iter()
                .map(|o| Outcome {
                    id: o.id.as_str(),
                    urgency: o.urgency.as_str(),
                    title: text(&o.title),
                    summary: text(&o.summary),
                    steps: o.steps.iter().map(text).collect(),
                    sooner: text(&o.sooner),
                    tell_clinician: text(&o.tell_clinician),
                    sources: o
                        .sources
                        .iter()
                        .map(|s| Source {
                            title: text(&s.title),
                            url: text(&s.url),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
